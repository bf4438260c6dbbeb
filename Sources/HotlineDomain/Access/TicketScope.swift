/// The part of the city's tickets a caller works on, from its role and its unit's tier. Every
/// read (one ticket, a list, a work queue, a report) and every action goes through it.
public enum TicketScope: Sendable, Equatable {
    /// Every ticket: operators, admins, analysts (masked) and the center's handlers.
    case city
    /// Every ticket of one district: its sub-center's handlers.
    case district(String)
    /// The tickets a township, department or enterprise leads, helps with, or was summoned to.
    case unit(String)
    /// The tickets of one community (社区/村): those its township dispatched down to it and those
    /// its grid workers reported. A grid worker's scope.
    case community(String)
    /// No ticket: a handler whose token names no unit.
    case nothing
}

extension TicketScope {
    /// Whether a ticket concerning `parties` is in this scope: a sub-center's are its district's
    /// and those it holds itself (its code is its district's); a unit's those it leads, helps with
    /// or was summoned to (while summoned and afterwards).
    public func contains(_ parties: TicketParties) -> Bool {
        switch self {
        case .city: true
        case .district(let district): parties.districtCode == district || parties.unitCode == district
        case .unit(let unit): parties.part(of: unit) != nil
        case .community(let community): parties.communityCode == community
        case .nothing: false
        }
    }
}

extension Principal {
    /// The caller's scope: the center's for the city's own roles but a handler; a handler's from its
    /// unit's tier; a grid worker's community; none for an external system, which reads only what
    /// Open311 publishes.
    public var scope: TicketScope {
        if role == .external { return .nothing }
        if role == .gridWorker {
            guard let unitCode, unitKind == .community else { return .nothing }
            return .community(unitCode)
        }
        guard role == .handler else { return .city }
        guard let unitCode else { return .nothing }
        if unitCode == OrgUnitCode.center || unitKind == .center { return .city }
        if unitKind == .subCenter { return .district(districtCode ?? unitCode) }
        return .unit(unitCode)
    }
}
