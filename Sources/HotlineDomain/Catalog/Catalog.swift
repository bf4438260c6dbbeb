/// The dispatch catalog: first-level domains, second-level groups and third-level leaves. It is
/// data (`Schemas/catalog/catalog.csv`), replaceable by a city's own.
public struct Catalog: Sendable {
    /// The level of the entries tickets are classified into.
    public static let leafLevel = 3

    public let entries: [String: CatalogEntry]
    /// The leaves, ordered by code.
    public let leaves: [CatalogEntry]

    /// A catalog of `entries`; each parent must exist one level up, each leaf must say who is
    /// responsible and its default urgency.
    public init(_ entries: [CatalogEntry]) throws(CatalogError) {
        var byCode: [String: CatalogEntry] = [:]
        for entry in entries {
            guard byCode.updateValue(entry, forKey: entry.code) == nil else { throw .duplicateCode(entry.code) }
        }
        for entry in entries {
            guard (1...Self.leafLevel).contains(entry.level) else { throw .badLevel(entry.code) }
            if entry.level == 1 {
                guard entry.parentCode == nil else { throw .badParent(entry.code) }
            } else {
                guard let parent = entry.parentCode.flatMap({ byCode[$0] }), parent.level == entry.level - 1 else {
                    throw .badParent(entry.code)
                }
            }
            if entry.isLeaf, entry.responsible == nil || entry.defaultUrgency == nil {
                throw .incompleteLeaf(entry.code)
            }
        }
        self.entries = byCode
        self.leaves = entries.filter(\.isLeaf).sorted { $0.code < $1.code }
    }

    /// Reads the catalog CSV: `code,parent_code,level,name,responsible,default_urgency,keywords,examples`,
    /// with keywords and examples separated by `|`.
    public init(csv table: CSVTable) throws(CatalogError) {
        var entries: [CatalogEntry] = []
        for record in table.namedRecords {
            let code = record["code", default: ""]
            guard let level = Int(record["level", default: ""]) else { throw .badLevel(code) }
            let responsible = record["responsible", default: ""]
            let urgency = record["default_urgency", default: ""]
            entries.append(
                CatalogEntry(
                    code: code, parentCode: record["parent_code"].flatMap { $0.isEmpty ? nil : $0 }, level: level,
                    name: record["name", default: ""],
                    responsible: responsible.isEmpty
                        ? nil : try Self.parse(responsible, code: code, ResponsibleUnit.init(notation:)),
                    defaultUrgency: urgency.isEmpty
                        ? nil : try Self.parse(urgency, code: code, UrgencyTier.init(rawValue:)),
                    keywords: Self.list(record["keywords"]), examples: Self.list(record["examples"])))
        }
        try self.init(entries)
    }

    public subscript(code: String) -> CatalogEntry? { entries[code] }

    /// The codes from the first level down to `code`.
    public func path(to code: String) -> [String] {
        var path: [String] = []
        var current = entries[code]
        while let entry = current {
            path.insert(entry.code, at: 0)
            current = entry.parentCode.flatMap { entries[$0] }
        }
        return path
    }

    /// The names from the first level down to `code`, e.g. 农村管理 / 农村基础设施建设 / 道路.
    public func namePath(to code: String) -> [String] {
        path(to: code).compactMap { entries[$0]?.name }
    }

    public var count: (level1: Int, level2: Int, level3: Int) {
        let levels = entries.values.map(\.level)
        return (levels.count { $0 == 1 }, levels.count { $0 == 2 }, levels.count { $0 == 3 })
    }

    private static func list(_ field: String?) -> [String] {
        (field ?? "").split(separator: "|").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
    }

    private static func parse<T>(_ text: String, code: String, _ make: (String) -> T?) throws(CatalogError) -> T {
        guard let value = make(text) else { throw .badValue(code: code, value: text) }
        return value
    }
}

/// Why a catalog was refused.
public enum CatalogError: Error, Equatable, CustomStringConvertible {
    case duplicateCode(String)
    case badLevel(String)
    case badParent(String)
    case incompleteLeaf(String)
    case badValue(code: String, value: String)

    public var description: String {
        switch self {
        case .duplicateCode(let code): "catalog code \(code) appears twice"
        case .badLevel(let code): "catalog entry \(code) has no level between 1 and \(Catalog.leafLevel)"
        case .badParent(let code): "catalog entry \(code) has no parent one level up"
        case .incompleteLeaf(let code): "catalog leaf \(code) lacks its responsible unit or default urgency"
        case .badValue(let code, let value): "catalog entry \(code) has an unreadable value '\(value)'"
        }
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
