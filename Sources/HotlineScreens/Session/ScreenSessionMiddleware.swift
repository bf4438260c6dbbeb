import Foundation
public import HotlineGateway
public import HotlineServices
import HotlineStorage
public import Hummingbird

/// Opens every screen request: the person's language (cookie, else Chinese), the session from
/// the session cookie, and for every request that changes something the form token (CSRF) and
/// the request's origin. Without a session a page sends the browser to the sign-in page;
/// a fragment or a form answers 401.
public struct ScreenSessionMiddleware: RouterMiddleware {
    public typealias Context = ScreenRequestContext

    /// The largest form the screens accept.
    static let maximumFormBytes = 256 * 1024

    let signIn: ScreenSignIn
    let languages: Set<String>
    /// Paths that need no session (the sign-in page, static files).
    let open: @Sendable (String) -> Bool

    public init(signIn: ScreenSignIn, languages: [String], open: @escaping @Sendable (String) -> Bool) {
        self.signIn = signIn
        self.languages = Set(languages)
        self.open = open
    }

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        var request = request
        if let language = SessionCookie.value(SessionCookie.languageName, in: request), languages.contains(language) {
            context.language = language
        }
        if let secret = SessionCookie.value(SessionCookie.name, in: request) {
            context.session = try await signIn.session(secret: secret)
        }
        let changes = request.method != .get && request.method != .head
        if changes {
            guard Self.sameOrigin(request) else { throw ScreenError.formExpired }
            if request.headers[.contentType]?.hasPrefix("application/x-www-form-urlencoded") == true {
                let body = try await request.collectBody(upTo: Self.maximumFormBytes)
                context.form = FormFields(urlEncoded: String(buffer: body))
            }
        }
        guard !open(request.uri.path) else { return try await next(request, context) }
        guard let session = context.session else {
            guard !changes, request.headers[.accept]?.contains("text/html") ?? true,
                request.headers[.init("X-Requested-With")!] == nil
            else { throw ScreenError.signInRequired }
            let next = request.uri.path + (request.uri.query.map { "?\($0)" } ?? "")
            return .redirect(to: "/ui/sign-in?next=\(Self.queryEscaped(next))", type: .normal)
        }
        if changes {
            let sent = context.form["form_token"] ?? request.headers[.init("X-Form-Token")!]
            guard let sent, Self.constantTimeEqual(sent, session.formToken) else { throw ScreenError.formExpired }
        }
        return try await next(request, context)
    }

    /// Whether a changing request comes from the gateway's own pages: its `Origin` (or, without
    /// one, its `Referer`) names the host the request was sent to. Browsers send `Origin` with
    /// every POST; a request with neither is from no page and is allowed (the form token still applies).
    static func sameOrigin(_ request: Request) -> Bool {
        guard let host = request.head.authority else { return false }
        guard let source = request.headers[.origin] ?? request.headers[.referer] else { return true }
        guard let url = URL(string: source), let sourceHost = url.host else { return false }
        return (url.port.map { "\(sourceHost):\($0)" } ?? sourceHost) == host
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8)
        let right = Array(b.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    static func queryEscaped(_ text: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? "/ui/"
    }
}
