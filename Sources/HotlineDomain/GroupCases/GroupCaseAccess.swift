/// Who may see and resolve group cases: the scope rule of tickets applied to a case's place.
extension Principal {
    /// Whether this caller may read `groupCase`: the city scope every case, a sub-center its
    /// district's, a township its own; other units none.
    public func mayRead(_ groupCase: GroupCase) -> Bool {
        switch scope {
        case .city: true
        case .district(let district): groupCase.districtCode == district
        case .unit(let unit): groupCase.townshipCode == unit
        case .community, .nothing: false
        }
    }

    /// Whether this caller may resolve `groupCase` jointly: whoever may read it, except analysts.
    /// A township resolves only the linked tickets it leads (`GroupResolution.decide`).
    public func mayResolve(_ groupCase: GroupCase) -> Bool {
        role != .analyst && mayRead(groupCase)
    }
}
