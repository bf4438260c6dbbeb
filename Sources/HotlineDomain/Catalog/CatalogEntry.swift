/// One entry of the three-level dispatch catalog (派单目录). Leaves (level 3) carry what the
/// classifier learns from and what dispatch needs.
public struct CatalogEntry: Sendable, Equatable {
    public var code: String
    /// The entry one level up; nil for the first level.
    public var parentCode: String?
    /// 1, 2 or 3.
    public var level: Int
    public var name: String
    /// Who handles requests of this leaf; nil above the leaves.
    public var responsible: ResponsibleUnit?
    /// The tier a request of this leaf gets unless its words say otherwise; nil above the leaves.
    public var defaultUrgency: UrgencyTier?
    /// Words and short phrases callers use for this leaf.
    public var keywords: [String]
    /// Requests as callers put them.
    public var examples: [String]

    public init(
        code: String, parentCode: String?, level: Int, name: String, responsible: ResponsibleUnit? = nil,
        defaultUrgency: UrgencyTier? = nil, keywords: [String] = [], examples: [String] = []
    ) {
        self.code = code
        self.parentCode = parentCode
        self.level = level
        self.name = name
        self.responsible = responsible
        self.defaultUrgency = defaultUrgency
        self.keywords = keywords
        self.examples = examples
    }

    public var isLeaf: Bool { level == Catalog.leafLevel }
}
