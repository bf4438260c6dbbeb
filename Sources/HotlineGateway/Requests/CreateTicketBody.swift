import Foundation
import HotlineDomain

/// The body of `POST /tickets`: the ticket, and perhaps an answer given on the spot.
struct CreateTicketBody: Codable {
    var request: TicketRequest
    var answer: DirectAnswer?

    enum CodingKeys: String, CodingKey {
        case answer
    }

    init(from decoder: any Decoder) throws {
        request = try TicketRequest(from: decoder)
        answer = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(DirectAnswer.self, forKey: .answer)
    }

    func encode(to encoder: any Encoder) throws {
        try request.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(answer, forKey: .answer)
    }

    /// The body in one canonical form (sorted keys, no spacing), so a retry that formats
    /// the same ticket differently is still recognised as the same request.
    func canonicalBytes() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Array(try encoder.encode(self))
    }
}
