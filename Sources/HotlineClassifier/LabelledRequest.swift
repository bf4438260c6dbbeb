import Foundation
public import HotlineDomain

/// A request with the answers a person gave it, as one line of a JSONL file: `text`,
/// `location`, `level1`, `leaf` (or `level3`), `urgency`, `type`, `district_code`,
/// `township_code`. Any answer may be missing; other fields are ignored.
public struct LabelledRequest: Sendable, Equatable, Decodable {
    public var text: String
    public var location: String
    public var level1: String?
    public var leafCode: String?
    public var urgency: UrgencyTier?
    public var type: TicketType?
    /// The place's codes; "" when the request names no place, nil when the place is not labelled.
    public var districtCode: String?
    public var townshipCode: String?

    public init(
        text: String, location: String = "", level1: String? = nil, leafCode: String? = nil,
        urgency: UrgencyTier? = nil, type: TicketType? = nil, districtCode: String? = nil,
        townshipCode: String? = nil
    ) {
        self.text = text
        self.location = location
        self.level1 = level1 ?? leafCode.map { String($0.prefix(3)) }
        self.leafCode = leafCode
        self.urgency = urgency
        self.type = type
        self.districtCode = districtCode
        self.townshipCode = townshipCode
    }

    /// An operator's labelled example.
    public init(_ example: LabelledExample) {
        self.init(text: example.text, location: example.location, leafCode: example.leafCode, urgency: example.urgency)
    }

    enum CodingKeys: String, CodingKey {
        case text, location, level1, leaf, level3, urgency, type
        case districtCode = "district_code"
        case townshipCode = "township_code"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        text = try container.decode(String.self, forKey: .text)
        location = try container.decodeIfPresent(String.self, forKey: .location) ?? ""
        leafCode =
            try container.decodeIfPresent(String.self, forKey: .leaf)
            ?? container.decodeIfPresent(String.self, forKey: .level3)
        level1 = try container.decodeIfPresent(String.self, forKey: .level1) ?? leafCode.map { String($0.prefix(3)) }
        urgency = try container.decodeIfPresent(String.self, forKey: .urgency).flatMap(UrgencyTier.init(rawValue:))
        type = try container.decodeIfPresent(String.self, forKey: .type).flatMap(TicketType.init(rawValue:))
        districtCode = try container.decodeIfPresent(String.self, forKey: .districtCode)
        townshipCode = try container.decodeIfPresent(String.self, forKey: .townshipCode)
    }

    /// The requests of a JSONL text, one per non-blank line.
    public static func parse(jsonl: String) throws -> [LabelledRequest] {
        let decoder = JSONDecoder()
        var requests: [LabelledRequest] = []
        for (number, line) in jsonl.split(whereSeparator: \.isNewline).enumerated()
        where !line.allSatisfy(\.isWhitespace) {
            do {
                requests.append(try decoder.decode(LabelledRequest.self, from: Data(line.utf8)))
            } catch {
                throw LabelledRequestError(line: number + 1, reason: "\(error)")
            }
        }
        return requests
    }
}

/// A line of a labelled-request file that cannot be read.
public struct LabelledRequestError: Error, CustomStringConvertible {
    public let line: Int
    public let reason: String

    public var description: String { "line \(line): \(reason)" }
}
