/// An administrative division: the municipality, a district (区) or a street/township
/// (街道/乡/镇), with its official code from the Ministry of Civil Affairs.
public struct Division: Sendable, Equatable {
    /// How high a division stands; townships are the main handlers of tickets.
    public enum Tier: String, Sendable, Codable {
        case municipal, district, township
    }

    public var code: String
    public var parentCode: String?
    public var tier: Tier
    public var name: String

    public init(code: String, parentCode: String?, tier: Tier, name: String) {
        self.code = code
        self.parentCode = parentCode
        self.tier = tier
        self.name = name
    }

    /// Reads `code,parent_code,tier,name` rows.
    public static func divisions(csv table: CSVTable) throws(CSVError) -> [Division] {
        try table.namedRecords.enumerated().map { (index, record) throws(CSVError) in
            guard let tier = Tier(rawValue: record["tier", default: ""]), let code = record["code"], !code.isEmpty
            else {
                throw CSVError(
                    line: index + 2, message: "a division needs a code and a tier (municipal, district, township)")
            }
            let parent = record["parent_code", default: ""]
            return Division(
                code: code, parentCode: parent.isEmpty ? nil : parent, tier: tier, name: record["name", default: ""])
        }
    }
}
