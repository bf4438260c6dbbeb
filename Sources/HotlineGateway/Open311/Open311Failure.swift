import Hummingbird

/// An Open311 error: the HTTP status and the description GeoReport v2's error list carries
/// (`[{"code": 403, "description": "..."}]`, `<errors><error>…</error></errors>`).
struct Open311Failure: Error, Sendable {
    var status: HTTPResponse.Status
    var description: String
    /// Seconds before a refused client may try again (a 429's `Retry-After`).
    var retryAfter: Int?

    init(status: HTTPResponse.Status, description: String, retryAfter: Int? = nil) {
        self.status = status
        self.description = description
        self.retryAfter = retryAfter
    }

    static func badRequest(_ description: String) -> Open311Failure {
        Open311Failure(status: .badRequest, description: description)
    }

    static func forbidden(_ description: String) -> Open311Failure {
        Open311Failure(status: .forbidden, description: description)
    }

    static func notFound(_ description: String) -> Open311Failure {
        Open311Failure(status: .notFound, description: description)
    }

    /// The error list in `format`.
    func response(_ format: Open311Format) -> Response {
        var response = format.response(
            root: "errors",
            .list(
                item: "error",
                [.object([("code", .integer(Int(status.code))), ("description", .text(description))])]),
            status: status)
        if let retryAfter { response.headers[.retryAfter] = String(retryAfter) }
        return response
    }
}
