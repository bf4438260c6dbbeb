import Foundation
public import Hummingbird

/// An RFC 9457 problem response (`application/problem+json`): every error the API returns.
public struct ProblemDetails: HTTPResponseError {
    public var status: HTTPResponse.Status
    /// A URI naming the kind of problem, relative to the API's documentation.
    public var type: String
    public var title: String
    public var detail: String?
    /// Seconds the client should wait before retrying (503 responses).
    public var retryAfter: Int?

    public init(_ status: HTTPResponse.Status, type: String, title: String, detail: String? = nil, retryAfter: Int? = nil) {
        self.status = status
        self.type = type
        self.title = title
        self.detail = detail
        self.retryAfter = retryAfter
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json"
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        let body = try JSONEncoder().encode(Body(type: type, title: title, status: Int(status.code), detail: detail))
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    private struct Body: Encodable {
        var type: String
        var title: String
        var status: Int
        var detail: String?
    }

}
