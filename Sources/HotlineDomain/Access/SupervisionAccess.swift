/// Who may read the supervision list (督办): the levels that supervise.
extension Principal {
    /// Whether this caller may read the supervision list: the city scope (the center, operators,
    /// admins, analysts) and the district sub-centers (their district's); townships, communities,
    /// departments and enterprises may not.
    public var mayReadSupervision: Bool {
        switch scope {
        case .city, .district: true
        case .unit, .community, .nothing: false
        }
    }
}
