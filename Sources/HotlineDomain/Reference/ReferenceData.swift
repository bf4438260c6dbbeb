/// The reference data the platform runs on: the catalog, the divisions with their extra names,
/// the urgency cues and the knowledge base. Kept as CSV in `Schemas/`, loaded into PostgreSQL
/// by `hotline migrate`, read back by the services.
public struct ReferenceData: Sendable {
    public var catalog: Catalog
    public var divisions: [Division]
    /// The communities and villages below the townships.
    public var communities: [Community]
    /// Extra names of divisions (alias → division code).
    public var aliases: [String: String]
    /// Short forms that are common words and so never taken as a place by themselves.
    public var ambiguousShortForms: Set<String>
    public var cues: UrgencyCues
    public var knowledge: [KnowledgeArticle]
    /// The name of each kind of department and enterprise (`department:housing` → 住房和城乡建设委员会).
    public var specialtyNames: [(specialty: String, name: String)]
    /// The time limits per tier, the city's and districts' own.
    public var timeLimits: TimeLimitPolicy
    /// The weights and class sizes of the monthly assessment.
    public var assessmentPolicy: AssessmentPolicy

    public init(
        catalog: Catalog, divisions: [Division], communities: [Community] = [], aliases: [String: String],
        ambiguousShortForms: Set<String>,
        cues: UrgencyCues, knowledge: [KnowledgeArticle], specialtyNames: [(specialty: String, name: String)],
        timeLimits: TimeLimitPolicy, assessmentPolicy: AssessmentPolicy
    ) {
        self.catalog = catalog
        self.divisions = divisions
        self.communities = communities
        self.aliases = aliases
        self.ambiguousShortForms = ambiguousShortForms
        self.cues = cues
        self.knowledge = knowledge
        self.specialtyNames = specialtyNames
        self.timeLimits = timeLimits
        self.assessmentPolicy = assessmentPolicy
    }

    /// The files under `Schemas/`, relative to it, that hold the reference data.
    public enum File: String, CaseIterable, Sendable {
        case catalog = "catalog/catalog.csv"
        case urgencyCues = "catalog/urgency_cues.csv"
        case divisions = "places/divisions.csv"
        case aliases = "places/aliases.csv"
        case ambiguousShortForms = "places/ambiguous_short_forms.csv"
        case knowledge = "knowledge/knowledge_base.csv"
        case specialties = "organisation/unit_kinds.csv"
        case communities = "organisation/communities.csv"
        case timeLimits = "policy/time_limits.csv"
        case assessment = "policy/assessment.csv"
    }

    /// Parses the reference data from the text of each file.
    public init(reading text: (File) throws -> String) throws {
        func table(_ file: File) throws -> CSVTable {
            do {
                return try CSVTable(parsing: try text(file))
            } catch let error as CSVError {
                throw ReferenceDataError(file: file, reason: error.description)
            }
        }
        do {
            catalog = try Catalog(csv: try table(.catalog))
        } catch let error as CatalogError {
            throw ReferenceDataError(file: .catalog, reason: error.description)
        }
        divisions = try Division.divisions(csv: try table(.divisions))
        let communityTable = try table(.communities)
        do {
            communities = try Community.communities(csv: communityTable, divisions: divisions)
        } catch {
            throw ReferenceDataError(file: .communities, reason: error.description)
        }
        aliases = Dictionary(
            try table(.aliases).namedRecords.map { ($0["alias", default: ""], $0["code", default: ""]) },
            uniquingKeysWith: { first, _ in first })
        ambiguousShortForms = Set(try table(.ambiguousShortForms).namedRecords.compactMap { $0["short_form"] })
        cues = try UrgencyCues(csv: try table(.urgencyCues))
        knowledge = KnowledgeArticle.articles(csv: try table(.knowledge))
        timeLimits = try TimeLimitPolicy(csv: try table(.timeLimits))
        assessmentPolicy = try AssessmentPolicy(csv: try table(.assessment))
        specialtyNames = try table(.specialties).namedRecords.map { ($0["kind", default: ""], $0["name", default: ""]) }
        let named = Set(specialtyNames.map(\.specialty))
        for leaf in catalog.leaves {
            guard let responsible = leaf.responsible, case let specialty = responsible.description,
                specialty.contains(":")
            else {
                continue
            }
            guard named.contains(specialty) else {
                throw ReferenceDataError(
                    file: .specialties, reason: "no name for \(specialty), which catalog leaf \(leaf.code) names")
            }
        }
    }

    /// Every org unit: the center, the sub-centers, the townships with their communities, and
    /// the departments and enterprises of each district and of the city.
    public var units: [OrgUnit] {
        Organisation.units(divisions: divisions, communities: communities, specialtyNames: specialtyNames)
    }

    /// The gazetteer over the divisions and their extra names.
    public var gazetteer: Gazetteer {
        Gazetteer(divisions: divisions, aliases: aliases, ambiguousShortForms: ambiguousShortForms)
    }
}

/// A reference file that cannot be read.
public struct ReferenceDataError: Error, CustomStringConvertible {
    public let file: ReferenceData.File
    public let reason: String

    public var description: String { "\(file.rawValue): \(reason)" }
}
