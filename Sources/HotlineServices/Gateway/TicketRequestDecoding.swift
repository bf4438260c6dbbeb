import Foundation
import HotlineDomain
import Hummingbird

/// Reads a `TicketRequest` from a request body and explains, as a problem response, what is
/// wrong with a body it cannot accept.
enum TicketRequestDecoding {
    static func decode(_ request: Request, limit: Int) async throws -> TicketRequest {
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: limit)
        } catch {
            throw ProblemDetails(.contentTooLarge, type: "/problems/body-too-large", title: "Request body too large", detail: "the body may hold at most \(limit) bytes")
        }
        let bytes = Data(body.readableBytesView)
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw ProblemDetails(.badRequest, type: "/problems/invalid-utf8", title: "Body is not valid UTF-8")
        }
        let decoded: TicketRequest
        do {
            decoded = try JSONDecoder().decode(TicketRequest.self, from: bytes)
        } catch let DecodingError.keyNotFound(key, _) {
            throw invalid("missing field '\(key.stringValue)'")
        } catch let DecodingError.dataCorrupted(context) {
            throw invalid(context.codingPath.isEmpty ? "the body is not valid JSON" : "invalid value at '\(path(context.codingPath))'")
        } catch let DecodingError.typeMismatch(_, context) {
            throw invalid("wrong type at '\(path(context.codingPath))'")
        } catch let DecodingError.valueNotFound(_, context) {
            throw invalid("missing value at '\(path(context.codingPath))'")
        }
        if decoded.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw invalid("'text' must not be empty") }
        if decoded.placeText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw invalid("'place_text' must not be empty") }
        return decoded
    }

    private static func invalid(_ detail: String) -> ProblemDetails {
        ProblemDetails(.unprocessableContent, type: "/problems/invalid-ticket", title: "The ticket cannot be accepted", detail: detail)
    }

    private static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.map(\.stringValue).joined(separator: ".")
    }
}
