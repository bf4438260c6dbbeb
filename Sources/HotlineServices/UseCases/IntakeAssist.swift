import Foundation
import HotlineClassifier
public import HotlineDomain

/// What an operator's desk looks up while a call is being recorded, over the same reference
/// data and engines as the API's reference routes: the classifier's top suggestions
/// (`POST /classify`), knowledge-base answers (`GET /knowledge`), the gazetteer (`GET /places`),
/// catalog leaves (`GET /catalog?q=`) and the names of org units.
public struct IntakeAssist: Sendable {
    /// A category the classifier suggests for a request, with what follows from it.
    public struct Suggestion: Sendable, Equatable {
        /// The catalog leaf.
        public var leafCode: String
        /// The names from the first level down to the leaf.
        public var pathNames: [String]
        /// The urgency tier: the classifier's for its best leaf, the leaf's default for the others.
        public var urgency: UrgencyTier
        /// The township (else the district) the place and the words point to, by name.
        public var placeName: String?
        /// The leaf's probability, 0...1.
        public var confidence: Double
    }

    /// A division the place typed so far may mean.
    public struct PlaceSuggestion: Sendable, Equatable {
        /// The division's code.
        public var code: String
        /// The names from the district down to the division (朝阳区 望京街道).
        public var names: [String]
    }

    /// A catalog leaf found by words, with its path of names.
    public struct Leaf: Sendable, Equatable {
        public var code: String
        public var pathNames: [String]
    }

    private let reference: any ReferenceSource

    public init(reference: any ReferenceSource) {
        self.reference = reference
    }

    /// The `limit` categories the classifier finds most probable for `text` said at `location`,
    /// best first; empty when the words mean nothing to it.
    public func suggestions(text: String, location: String, limit: Int) async throws -> [Suggestion] {
        let current = try await reference.current()
        let catalog = current.reference.catalog
        let classification = current.classifier.classify(text: text, location: location)
        guard let best = classification.leafCode else { return [] }
        let divisions = Self.divisionsByCode(current.reference)
        let placeName = (classification.place.townshipCode ?? classification.place.districtCode).flatMap {
            divisions[$0]?.name
        }
        var ranked = [Classification.Candidate(leafCode: best, probability: classification.confidence)]
        ranked += classification.candidates.filter { $0.leafCode != best }
        return ranked.prefix(limit).map { candidate in
            Suggestion(
                leafCode: candidate.leafCode, pathNames: catalog.namePath(to: candidate.leafCode),
                urgency: candidate.leafCode == best
                    ? classification.urgency : catalog[candidate.leafCode]?.defaultUrgency ?? .general,
                placeName: placeName, confidence: candidate.probability)
        }
    }

    /// The knowledge-base articles answering `query`, best first.
    public func answers(_ query: String, limit: Int) async throws -> [KnowledgeArticle] {
        try await reference.current().knowledge.search(query, limit: limit)
    }

    /// The divisions `place` may name: the gazetteer's reading of it first, then the townships and
    /// districts whose names contain what was typed, at most `limit`.
    public func places(_ place: String, limit: Int) async throws -> [PlaceSuggestion] {
        let reference = try await reference.current().reference
        let divisions = Self.divisionsByCode(reference)
        let resolved = reference.gazetteer.resolve(location: place)
        var codes = [resolved.townshipCode ?? resolved.districtCode].compactMap { $0 }
        let typed = place.trimmingCharacters(in: .whitespacesAndNewlines)
        if !typed.isEmpty {
            codes += reference.divisions.filter { $0.tier != .municipal && $0.name.contains(typed) }
                .sorted { ($0.tier.rawValue, $0.code) < ($1.tier.rawValue, $1.code) }.map(\.code)
        }
        var seen: Set<String> = []
        return codes.filter { seen.insert($0).inserted }.prefix(limit).compactMap { code in
            guard let division = divisions[code] else { return nil }
            let parent = division.tier == .township ? division.parentCode.flatMap { divisions[$0]?.name } : nil
            return PlaceSuggestion(code: code, names: [parent, division.name].compactMap { $0 })
        }
    }

    /// The catalog leaves best matching `words`, as `GET /catalog?q=` finds them.
    public func leaves(_ words: String, limit: Int) async throws -> [Leaf] {
        let current = try await reference.current()
        let catalog = current.reference.catalog
        return current.classifier.searchLeaves(words, limit: limit).compactMap { candidate in
            catalog[candidate.leafCode].map { Leaf(code: $0.code, pathNames: catalog.namePath(to: $0.code)) }
        }
    }

    /// The names of the catalog path down to `code`; empty for a code not in the catalog.
    public func categoryNames(_ code: String) async throws -> [String] {
        try await reference.current().reference.catalog.namePath(to: code)
    }

    /// The org unit with `code`, nil when there is none.
    public func unit(_ code: String) async throws -> OrgUnit? {
        try await reference.current().reference.units.first { $0.code == code }
    }

    private static func divisionsByCode(_ reference: ReferenceData) -> [String: Division] {
        Dictionary(reference.divisions.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
