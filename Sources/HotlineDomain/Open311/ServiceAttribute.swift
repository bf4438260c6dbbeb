public import Foundation

/// Something an Open311 service asks of a request beyond its description (GeoReport v2's
/// service definition attribute): the height of a fallen tree, the room temperature of a cold
/// flat. Catalog data: `Schemas/catalog/service_attributes.json`.
public struct ServiceAttribute: Sendable, Equatable, Codable {
    /// The kinds of value the specification names.
    public enum Datatype: String, Sendable, Codable, CaseIterable {
        case string, number, datetime, text, singlevaluelist, multivaluelist

        /// Whether the answer is one of the attribute's listed values.
        public var isList: Bool { self == .singlevaluelist || self == .multivaluelist }
    }

    /// One choice of a list attribute.
    public struct Choice: Sendable, Equatable, Codable {
        public var key: String
        public var name: String

        public init(key: String, name: String) {
            self.key = key
            self.name = name
        }
    }

    public var code: String
    public var datatype: Datatype
    public var required: Bool
    /// The question as the app shows it.
    public var description: String
    /// How to answer, in words ("摄氏度，整数").
    public var datatypeDescription: String
    /// Where the question stands among the service's.
    public var order: Int
    /// The choices of a list attribute; empty otherwise.
    public var values: [Choice]

    public init(
        code: String, datatype: Datatype, required: Bool, description: String, datatypeDescription: String = "",
        order: Int, values: [Choice] = []
    ) {
        self.code = code
        self.datatype = datatype
        self.required = required
        self.description = description
        self.datatypeDescription = datatypeDescription
        self.order = order
        self.values = values
    }

    enum CodingKeys: String, CodingKey {
        case code, datatype, required, description, order, values
        case datatypeDescription = "datatype_description"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decode(String.self, forKey: .code)
        datatype = try container.decode(Datatype.self, forKey: .datatype)
        required = try container.decode(Bool.self, forKey: .required)
        description = try container.decode(String.self, forKey: .description)
        datatypeDescription = try container.decodeIfPresent(String.self, forKey: .datatypeDescription) ?? ""
        order = try container.decode(Int.self, forKey: .order)
        values = try container.decodeIfPresent([Choice].self, forKey: .values) ?? []
    }

    /// What is wrong with `answers` (the values sent as `attribute[code]`), or nil when they
    /// answer this attribute: present when required, one value unless a multivaluelist, a number
    /// or a W3C date-time where asked, one of the listed keys for a list.
    public func problem(with answers: [String]) -> String? {
        if answers.isEmpty { return required ? "attribute[\(code)] is required" : nil }
        if datatype != .multivaluelist, answers.count > 1 { return "attribute[\(code)] takes one value" }
        for answer in answers {
            switch datatype {
            case .string, .text:
                if answer.count > 2_000 { return "attribute[\(code)] is longer than 2000 characters" }
            case .number:
                if Double(answer).map({ !$0.isFinite }) ?? true { return "attribute[\(code)] must be a number" }
            case .datetime:
                if W3CDateTime.date(answer) == nil { return "attribute[\(code)] must be a W3C date-time" }
            case .singlevaluelist, .multivaluelist:
                if !values.contains(where: { $0.key == answer }) {
                    return "attribute[\(code)] must be one of: \(values.map(\.key).joined(separator: ", "))"
                }
            }
        }
        return nil
    }

    /// `answers` as a reader of the ticket sees them: the question, then the values (a list's by
    /// their names).
    public func line(for answers: [String]) -> String {
        let shown = answers.map { answer in values.first { $0.key == answer }?.name ?? answer }
        return "\(description)：\(shown.joined(separator: "、"))"
    }
}
