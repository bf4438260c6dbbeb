import HotlineStorage
public import Hummingbird

/// Why a screen cannot be shown; `ScreenErrorMiddleware` renders each as a page (or a fragment)
/// in the person's language, with the status it stands for.
public enum ScreenError: Error, Sendable, Equatable {
    /// No open session (401; pages send the browser to the sign-in page instead).
    case signInRequired
    /// The form token is missing or wrong, or the request came from another site (403).
    case formExpired
    /// The person's role or scope does not reach this (403).
    case forbidden
    /// No such ticket, unit or page (404).
    case notFound
    /// The input is wrong; `detail` says how (400).
    case invalid(String)
    /// Not possible in the ticket's present state (409); `detail` says why.
    case conflict(String)
    /// The platform cannot answer now (503; a live stream's browser tries again by itself).
    case unavailable

    /// The HTTP status of the error.
    public var status: HTTPResponse.Status {
        switch self {
        case .signInRequired: .unauthorized
        case .formExpired, .forbidden: .forbidden
        case .notFound: .notFound
        case .invalid: .badRequest
        case .conflict: .conflict
        case .unavailable: .serviceUnavailable
        }
    }

    /// The string catalog's key for the error's headline.
    public var titleKey: String {
        switch self {
        case .signInRequired: "error.sign_in_required"
        case .formExpired: "error.form_expired"
        case .forbidden: "error.forbidden"
        case .notFound: "error.not_found"
        case .invalid: "error.invalid"
        case .conflict: "error.conflict"
        case .unavailable: "error.unavailable"
        }
    }

    /// Detail for the person, in the words of the use case that refused (may be English).
    public var detail: String? {
        switch self {
        case .invalid(let detail), .conflict(let detail): detail
        default: nil
        }
    }
}
