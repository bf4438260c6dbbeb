/// Who may watch the city's figures: the big screen (大屏) and the monthly ranking.
extension Principal {
    /// Whether this caller may watch the whole city's figures (the big screen, every unit's
    /// ranking): analysts, admins and the handlers whose scope is the city (the center).
    public var mayWatchCity: Bool {
        switch role {
        case .analyst, .admin: true
        case .handler: scope == .city
        case .operator, .external, .gridWorker: false
        }
    }

    /// The district whose townships' ranking this caller sees, when it sees only one: a
    /// sub-center's. Nil for the city's watchers (every unit) and for everyone else.
    public var rankingDistrict: String? {
        guard role == .handler, case .district(let district) = scope else { return nil }
        return district
    }

    /// Whether this caller may read the monthly ranking: the city's watchers and the sub-centers.
    public var mayReadRanking: Bool { mayWatchCity || rankingDistrict != nil }
}
