import HotlineDomain
import HotlineGateway
import HotlineServices
import Hummingbird

extension ScreenError {
    /// The screen error for a use case's refusal: the same status and reasons as the API's problem
    /// document for it (`ProblemDetails(_:)`), so pages and API refuse alike.
    public init(_ error: TicketError) {
        self.init(ProblemDetails(error))
    }

    /// The screen error standing for an API problem document.
    init(_ problem: ProblemDetails) {
        // The findings say each field's fault; the summary only when there are none.
        let detail =
            problem.errors.isEmpty
            ? problem.detail ?? "" : problem.errors.map { "\($0.field): \($0.detail)" }.joined(separator: "; ")
        switch problem.status {
        case .unauthorized: self = .signInRequired
        case .forbidden: self = .forbidden
        case .notFound: self = .notFound
        case .conflict: self = .conflict(detail)
        case .serviceUnavailable: self = .unavailable
        default: self = .invalid(detail)
        }
    }
}
