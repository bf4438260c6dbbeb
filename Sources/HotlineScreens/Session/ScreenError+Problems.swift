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
        let detail = ([problem.detail].compactMap { $0 } + problem.errors.map { "\($0.field): \($0.detail)" })
            .joined(separator: "; ")
        switch problem.status {
        case .unauthorized: self = .signInRequired
        case .forbidden: self = .forbidden
        case .notFound: self = .notFound
        case .conflict: self = .conflict(detail)
        default: self = .invalid(detail)
        }
    }
}
