import Foundation
import HotlineDomain
import Hummingbird

/// Reads a JSON request body of a bounded size into `T`, and explains as a problem response
/// what is wrong with a body it cannot accept: too large (413), not UTF-8 or not JSON (400),
/// missing or mistyped fields and unknown codes (422).
enum JSONBody {
    /// Largest request body accepted, in bytes.
    static let maximumSize = 64 * 1024

    /// The body's bytes and its decoded value, or the problem with the body.
    static func decode<T: Decodable>(
        _ type: T.Type, from request: Request, limit: Int = JSONBody.maximumSize
    ) async throws -> (value: T, bytes: [UInt8]) {
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: limit)
        } catch {
            throw ProblemDetails(
                .contentTooLarge, type: "/problems/body-too-large", title: "Request body too large",
                detail: "the body may hold at most \(limit) bytes")
        }
        let bytes = Array(body.readableBytesView)
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw ProblemDetails(.badRequest, type: "/problems/invalid-utf8", title: "Body is not valid UTF-8")
        }
        do {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return (try decoder.decode(T.self, from: Data(bytes)), bytes)
        } catch let DecodingError.keyNotFound(key, context) {
            throw invalid("missing field '\(path(context.codingPath + [key]))'")
        } catch let DecodingError.dataCorrupted(context) {
            if context.codingPath.isEmpty {
                throw ProblemDetails(.badRequest, type: "/problems/invalid-json", title: "Body is not valid JSON")
            }
            throw invalid("invalid value at '\(path(context.codingPath))'")
        } catch let DecodingError.typeMismatch(_, context) {
            throw invalid("wrong type at '\(path(context.codingPath))'")
        } catch let DecodingError.valueNotFound(_, context) {
            throw invalid("missing value at '\(path(context.codingPath))'")
        } catch {
            throw ProblemDetails(.badRequest, type: "/problems/invalid-json", title: "Body is not valid JSON")
        }
    }

    /// A 422 problem: the body is well-formed JSON the gateway cannot accept, with each field at fault.
    static func invalid(_ detail: String, findings: [FieldFinding] = []) -> ProblemDetails {
        ProblemDetails(
            .unprocessableContent, type: "/problems/invalid-body", title: "The request cannot be accepted",
            detail: detail, errors: findings
        )
    }

    private static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }
}
