/// Whose tickets a leaders' report counts: the whole city, one district, or one township (by
/// where the tickets are, not by who leads them).
public enum ReportScope: Sendable, Hashable {
    case city
    case district(String)
    case township(String)

    /// How the scope is stored: `city`, or the district's or township's code.
    public var key: String {
        switch self {
        case .city: "city"
        case .district(let code), .township(let code): code
        }
    }

    /// The district a district's scope is, else nil.
    public var districtCode: String? {
        if case .district(let code) = self { code } else { nil }
    }

    /// The township a township's scope is, else nil.
    public var townshipCode: String? {
        if case .township(let code) = self { code } else { nil }
    }
}

extension Principal {
    /// The reports this caller reads: the city's watchers (analysts, admins, the center) the
    /// city's; a sub-center its district's; a township's handlers their township's; nil for
    /// everyone else (operators, departments, enterprises, communities, external systems).
    public var reportScope: ReportScope? {
        if mayWatchCity { return .city }
        if let district = rankingDistrict { return .district(district) }
        guard role == .handler, unitKind == .township, let unitCode else { return nil }
        return .township(unitCode)
    }
}
