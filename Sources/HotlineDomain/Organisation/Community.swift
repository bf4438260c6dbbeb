/// A community (社区) or village (村) below a street or township: the level grid workers
/// belong to and the township dispatches down to (双派单). The list is reference data
/// (`Schemas/organisation/communities.csv`), replaceable by a city's real one.
public struct Community: Sendable, Equatable {
    public var code: String
    /// The street or township the community belongs to.
    public var townshipCode: String
    public var name: String

    public init(code: String, townshipCode: String, name: String) {
        self.code = code
        self.townshipCode = townshipCode
        self.name = name
    }

    /// Reads `code,township_code,name` rows; every township must be one of `divisions`'
    /// townships and every code unique and unlike any division's.
    public static func communities(csv table: CSVTable, divisions: [Division]) throws(CSVError) -> [Community] {
        let townships = Set(divisions.filter { $0.tier == .township }.map(\.code))
        let divisionCodes = Set(divisions.map(\.code))
        var seen = Set<String>()
        return try table.namedRecords.enumerated().map { (index, record) throws(CSVError) in
            let line = index + 2
            let code = record["code", default: ""]
            let township = record["township_code", default: ""]
            let name = record["name", default: ""]
            guard !code.isEmpty, !name.isEmpty else {
                throw CSVError(line: line, message: "a community needs a code and a name")
            }
            guard townships.contains(township) else {
                throw CSVError(line: line, message: "township_code '\(township.prefix(40))' is no township")
            }
            guard !divisionCodes.contains(code), seen.insert(code).inserted else {
                throw CSVError(line: line, message: "code '\(code.prefix(40))' is used twice")
            }
            return Community(code: code, townshipCode: township, name: name)
        }
    }
}
