/// Who may see and act on which tickets. Operators and admins act for the center; analysts
/// read everything and change nothing (roles per route say who may call what); a handler is
/// held to its unit's tickets unless its unit is the center.
extension Principal {
    /// Whether this caller acts with the center's scope: any role but a handler, and the
    /// center's own handlers.
    public var hasCenterScope: Bool {
        role != .handler || unitCode == OrgUnitCode.center
    }

    /// Whether this caller may act on the ticket at all (others are told there is no such
    /// ticket). A handler acts on its unit's tickets, a co-unit adds progress, a summoned
    /// department reports in; a handler without a unit acts on nothing.
    public func mayHandle(_ action: HandlingAction, ticket: HandlingTicket) -> Bool {
        guard role == .handler else { return true }
        guard let unitCode else { return false }
        if unitCode == OrgUnitCode.center { return true }
        switch action {
        case .reportIn: return ticket.pendingWhistles.contains(unitCode)
        case .addProgress: return ticket.unitCode == unitCode || ticket.coUnitCodes.contains(unitCode)
        default: return ticket.unitCode == unitCode
        }
    }

    /// Whether this caller may take a center action (`HandlingRules.centerActions`):
    /// operators, admins and the center's handlers; for a re-dispatch also the sub-center
    /// whose queue holds the ticket.
    public func actsForCenter(_ action: HandlingAction, ticket: HandlingTicket) -> Bool {
        if hasCenterScope { return true }
        return action == .redispatch && ticket.unitCode == unitCode
            && ticket.districtCode.map(OrgUnitCode.subCenter(of:)) == unitCode
    }

    /// Whether this caller may read a ticket led by `unitCode` with `coUnitCodes`: handlers
    /// read the tickets their unit leads or helps with (the center's handlers read all);
    /// everyone else reads all.
    public func mayRead(ledBy unitCode: String?, coUnitCodes: [String]) -> Bool {
        guard role == .handler else { return true }
        guard let own = self.unitCode else { return false }
        return own == OrgUnitCode.center || unitCode == own || coUnitCodes.contains(own)
    }

    /// Whether this caller may read the work queue of `unit`: handlers read only their own
    /// unit's queue.
    public func mayReadQueue(of unit: String) -> Bool {
        role != .handler || unitCode == unit
    }

    /// The unit a ticket list is narrowed to: a handler's own unit, whatever it asked for;
    /// for the other roles the unit asked for, if any.
    public func listedUnit(asked: String?) -> String? {
        role == .handler ? unitCode : asked
    }

    /// A caller's phone number as this caller may see it: analysts see it masked
    /// (`PersonalDataMask.phone`).
    public func visiblePhone(_ phone: String?) -> String? {
        guard role == .analyst, let phone else { return phone }
        return PersonalDataMask.phone(phone)
    }
}
