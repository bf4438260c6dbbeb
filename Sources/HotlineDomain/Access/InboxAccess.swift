/// Who may see and work a unit's inbox: the scope rule of tickets applied to units.
extension Principal {
    /// Whether this caller may read `unit`'s inbox: the city scope reads every inbox, a
    /// sub-center those of its district's units (its own included), other units only their own.
    public func mayReadInbox(of unit: OrgUnit) -> Bool {
        switch scope {
        case .city: true
        case .district(let district): unit.code == district || unit.districtCode == district
        case .unit(let own), .community(let own): own == unit.code
        case .nothing: false
        }
    }

    /// Whether this caller may mark items of the inbox of `unitCode` read or acknowledged: only
    /// the unit's own handlers, so that the state says what the unit itself has seen.
    public func mayWorkInbox(of unitCode: String) -> Bool {
        Role.unitHandlers.contains(role) && self.unitCode == unitCode
    }
}
