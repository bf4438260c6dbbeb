/// Finds districts and townships named in free text: official names (窦店镇), short forms
/// (窦店, 将台, 朝阳), extra aliases, inside longer addresses. A district named in the text
/// decides between townships of the same name in different districts (朝阳区八里庄 / 海淀区八里庄).
public struct Gazetteer: Sendable {
    /// A name the gazetteer recognises.
    struct Name: Sendable {
        let scalars: [Unicode.Scalar]
        let code: String
        let tier: Division.Tier
        /// The division's own full name rather than a short form or alias.
        let official: Bool
    }

    public let divisions: [String: Division]
    /// Names by their first scalar, longest first.
    private let namesByFirstScalar: [Unicode.Scalar: [Name]]

    /// The suffixes dropped to form a short name, longest first.
    static let townshipSuffixes = ["街道", "地区", "镇", "乡"]
    static let districtSuffixes = ["区"]

    /// A gazetteer of `divisions`, with `aliases` (alias → division code) and without the short
    /// forms in `ambiguousShortForms` (common words such as 光明, 胜利, 平房).
    public init(divisions: [Division], aliases: [String: String] = [:], ambiguousShortForms: Set<String> = []) {
        self.divisions = Dictionary(divisions.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        var names: [Name] = []
        func add(_ text: String, _ division: Division, official: Bool) {
            names.append(
                Name(scalars: Array(text.unicodeScalars), code: division.code, tier: division.tier, official: official))
        }
        let districts = divisions.filter { $0.tier == .district }
        var districtNames = Set<String>()
        for district in districts {
            add(district.name, district, official: true)
            districtNames.insert(district.name)
            if let short = Self.shortForm(of: district.name, suffixes: Self.districtSuffixes) {
                add(short, district, official: false)
                districtNames.insert(short)
            }
        }
        for township in divisions where township.tier == .township {
            add(township.name, township, official: true)
            if let short = Self.shortForm(of: township.name, suffixes: Self.townshipSuffixes),
                !districtNames.contains(short), !ambiguousShortForms.contains(short)
            {
                add(short, township, official: false)
            }
        }
        for (alias, code) in aliases {
            if let division = self.divisions[code] { add(alias, division, official: false) }
        }
        namesByFirstScalar = Dictionary(grouping: names.filter { !$0.scalars.isEmpty }, by: { $0.scalars[0] })
            .mapValues { $0.sorted { $0.scalars.count > $1.scalars.count } }
    }

    /// The name without its suffix, when at least two characters remain.
    static func shortForm(of name: String, suffixes: [String]) -> String? {
        for suffix in suffixes where name.hasSuffix(suffix) {
            let short = String(name.dropLast(suffix.count))
            return short.count >= 2 ? short : nil
        }
        return nil
    }

    /// The place of a request: what the operator typed as the place (`location`) decides; the
    /// request `text` adds a township inside the location's district, or stands in when the
    /// location names nothing.
    public func resolve(location: String, text: String = "") -> PlaceResolution {
        combine(location: resolve(Array(location.unicodeScalars)), text: resolve(Array(text.unicodeScalars)))
    }

    /// `location` refined by `text` as `resolve(location:text:)` describes; the spans are the text's.
    public func combine(location: PlaceResolution, text: PlaceResolution) -> PlaceResolution {
        var place = text
        if location.townshipCode != nil || (location.districtCode != nil && text.districtCode != location.districtCode)
        {
            place.districtCode = location.districtCode
            place.townshipCode = location.townshipCode
        } else if location.districtCode != nil, text.townshipCode == nil {
            place.districtCode = location.districtCode
        }
        return place
    }

    /// The place named in `scalars`, with the spans that named it.
    public func resolve(_ scalars: [Unicode.Scalar]) -> PlaceResolution {
        let found = matches(in: scalars)
        let spans = found.map(\.span)
        let mentionedDistricts = Set(found.filter { $0.name.tier == .district }.map(\.name.code))
        var townships = found.filter { $0.name.tier == .township }.map(\.name)
        if !mentionedDistricts.isEmpty {
            townships = townships.filter { divisions[$0.code]?.parentCode.map(mentionedDistricts.contains) ?? false }
        }
        if townships.contains(where: \.official) { townships = townships.filter(\.official) }
        let townshipCodes = Set(townships.map(\.code))
        if townshipCodes.count == 1, let code = townshipCodes.first {
            return PlaceResolution(districtCode: divisions[code]?.parentCode, townshipCode: code, spans: spans)
        }
        if let first = townships.first, townshipCodes.count > 1 {
            let parents = Set(townshipCodes.compactMap { divisions[$0]?.parentCode })
            if parents.count == 1 {
                return PlaceResolution(districtCode: parents.first, townshipCode: first.code, spans: spans)
            }
        }
        let district = mentionedDistricts.count == 1 ? mentionedDistricts.first : nil
        return PlaceResolution(districtCode: district, townshipCode: nil, spans: spans)
    }

    /// Non-overlapping names in `scalars`, the longest at each position, left to right.
    func matches(in scalars: [Unicode.Scalar]) -> [(name: Name, span: Range<Int>)] {
        var found: [(name: Name, span: Range<Int>)] = []
        var position = 0
        while position < scalars.count {
            guard let candidates = namesByFirstScalar[scalars[position]],
                let name = candidates.first(where: { Self.matches($0.scalars, scalars, at: position) })
            else {
                position += 1
                continue
            }
            let span = position..<(position + name.scalars.count)
            found.append((name, span))
            for other in candidates
            where other.scalars.count == name.scalars.count && other.code != name.code
                && Self.matches(other.scalars, scalars, at: position)
            {
                found.append((other, span))
            }
            position = span.upperBound
        }
        return found
    }

    private static func matches(_ name: [Unicode.Scalar], _ text: [Unicode.Scalar], at position: Int) -> Bool {
        guard position + name.count <= text.count else { return false }
        for offset in name.indices where name[offset] != text[position + offset] { return false }
        return true
    }
}
