/// Who a ticket concerns, as the scope rules see it: its lead unit, co-units, district, the
/// departments summoned to it by a whistle (吹哨), whether or not they have reported in, the unit
/// it was handed up to (上交), and the community it went down to (双派单) or was reported from.
public struct TicketParties: Sendable, Equatable {
    public var unitCode: String?
    public var coUnitCodes: [String]
    public var districtCode: String?
    public var summonedUnitCodes: [String]
    public var communityCode: String?
    /// The district or city unit the ticket was handed up to (上交).
    public var handUpUnitCode: String?

    public init(
        unitCode: String?, coUnitCodes: [String] = [], districtCode: String? = nil, summonedUnitCodes: [String] = [],
        communityCode: String? = nil, handUpUnitCode: String? = nil
    ) {
        self.unitCode = unitCode
        self.coUnitCodes = coUnitCodes
        self.districtCode = districtCode
        self.summonedUnitCodes = summonedUnitCodes
        self.communityCode = communityCode
        self.handUpUnitCode = handUpUnitCode
    }

    /// The part `unit` plays in the ticket, if any (a lead unit is never also counted a co-unit).
    public func part(of unit: String) -> UnitPart? {
        if unitCode == unit { return .lead }
        if coUnitCodes.contains(unit) { return .coUnit }
        if summonedUnitCodes.contains(unit) { return .summoned }
        if handUpUnitCode == unit { return .handedUpTo }
        if communityCode == unit { return .community }
        return nil
    }
}

/// The part a unit plays in a ticket.
public enum UnitPart: String, Sendable, Equatable, CaseIterable {
    /// It leads the ticket (主办).
    case lead
    /// It helps with it (协办).
    case coUnit = "co"
    /// A whistle summoned it to report (吹哨报到).
    case summoned
    /// The district or city unit the ticket was handed up to (上交), which answers it.
    case handedUpTo = "hand_up"
    /// A community (社区/村) its township sent the ticket down to (双派单), or whose grid worker
    /// reported it.
    case community
}
