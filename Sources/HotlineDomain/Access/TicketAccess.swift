/// Who may see and act on which tickets: one rule set over `Principal.scope`, used by every read
/// (one ticket, lists, work queues), every handling action and every screen. The matrix is in
/// `docs/security.md`. A caller outside a ticket's scope is told there is no such ticket.
extension Principal {
    /// Whether this caller may read a ticket: whether its scope contains it.
    public func mayRead(_ ticket: TicketParties) -> Bool {
        scope.contains(ticket)
    }

    /// How much of the caller's personal data this caller sees on a ticket it may read: analysts
    /// see masks; operators, admins, the center and the district's sub-center see it whole, as does
    /// the lead unit, which contacts the caller; co-units, summoned departments and a community's
    /// grid workers (who go to the place, not to the caller) see masks.
    public func callerData(on ticket: TicketParties) -> CallerDataVisibility {
        guard role != .analyst, mayRead(ticket) else { return .masked }
        switch scope {
        case .city, .district: return .whole
        case .unit(let unit): return ticket.part(of: unit) == .lead ? .whole : .masked
        case .community, .nothing: return .masked
        }
    }

    /// Whether this caller may take `action` on a ticket it may read: analysts change nothing;
    /// the rest of the city scope takes every action; a unit (a sub-center too, on the tickets it
    /// holds) takes the unit actions as the lead unit, adds progress as a co-unit, reports in while
    /// its whistle is pending, answers a hand-up as the unit it went up to (and only that); a grid
    /// worker reports back (adds progress) on its community's tasks and does nothing else. Center
    /// actions pass here and are checked by `actsForCenter`.
    public func mayHandle(_ action: HandlingAction, ticket: HandlingTicket) -> Bool {
        guard role != .analyst else { return false }
        let own: String
        switch scope {
        case .city: return true
        case .nothing: return false
        case .community(let community): return action == .addProgress && ticket.communityCode == community
        case .district: own = unitCode ?? ""
        case .unit(let unit): own = unit
        }
        if HandlingRules.centerActions.contains(action) { return true }
        switch action {
        case .acceptHandUp, .returnHandUp: return ticket.handUpUnitCode == own
        case .reportIn: return ticket.pendingWhistles.contains(own)
        case .addProgress: return ticket.unitCode == own || ticket.coUnitCodes.contains(own)
        default: return ticket.unitCode == own
        }
    }

    /// Whether this caller may take a center action (`HandlingRules.centerActions`): operators,
    /// admins and the center's handlers take them all (analysts none); a sub-center re-dispatches the tickets
    /// of its district (and those it holds) and decides their send-backs.
    public func actsForCenter(_ action: HandlingAction, ticket: HandlingTicket) -> Bool {
        guard role != .analyst else { return false }
        switch scope {
        case .city: return true
        case .district: return [.redispatch, .consult, .decideSendBack].contains(action) && mayRead(ticket.parties)
        case .unit, .community, .nothing: return false
        }
    }

    /// Whether this caller may read the work queue of `unit`: the city scope reads every
    /// queue, a sub-center reads every queue narrowed to its district (the list's scope), other
    /// handlers only their own unit's.
    public func mayReadQueue(of unit: String) -> Bool {
        switch scope {
        case .city, .district: true
        case .unit(let own), .community(let own): own == unit
        case .nothing: false
        }
    }
}

/// Whether a caller sees the caller's name, phone and the free text whole, or masked
/// (`PersonalDataMask`).
public enum CallerDataVisibility: Sendable, Equatable {
    case whole
    case masked
}
