public import Foundation

/// What a handling decision needs to know about a ticket (read under the ticket's row lock).
public struct HandlingTicket: Sendable, Equatable {
    public var state: TicketState
    /// The lead unit.
    public var unitCode: String?
    public var coUnitCodes: [String]
    public var districtCode: String?
    public var urgency: UrgencyTier
    public var exclusionState: ExclusionState?
    /// The district or city unit the ticket was handed up to (上交), if it was.
    public var handUpUnitCode: String?
    /// Where the unit's request to recognise the request as unreasonable stands.
    public var unreasonableState: ExclusionState?
    /// Summoned departments that have not reported in yet.
    public var pendingWhistles: [String]
    /// Every department summoned, reported in or not (they keep reading the ticket).
    public var summonedUnitCodes: [String]
    /// The caller's name, to mask it in the free text the handling event carries.
    public var callerName: String?
    /// Whether the ticket waits on its lead unit's leadership-meeting agenda for a decision.
    public var onOpenMeetingAgenda: Bool
    /// The community the township dispatched it down to, or whose grid worker reported it.
    public var communityCode: String?
    /// The township leader who signed it off (签批), once one has.
    public var signedOffBy: String?
    /// Whether a hand-down panel waits for its outcome to be recorded.
    public var panelPending: Bool = false
    /// Where the lead unit's send-back request stands.
    public var sendBackState: ExclusionState?
    /// The end of the policy's send-back window after the latest dispatch; nil for no limit.
    public var sendBackUntil: Date?

    public init(
        state: TicketState, unitCode: String?, coUnitCodes: [String] = [], districtCode: String? = nil,
        urgency: UrgencyTier, exclusionState: ExclusionState? = nil, pendingWhistles: [String] = [],
        summonedUnitCodes: [String]? = nil, callerName: String? = nil, onOpenMeetingAgenda: Bool = false,
        communityCode: String? = nil, signedOffBy: String? = nil, unreasonableState: ExclusionState? = nil,
        handUpUnitCode: String? = nil, sendBackState: ExclusionState? = nil, sendBackUntil: Date? = nil,
        panelPending: Bool = false
    ) {
        self.state = state
        self.unitCode = unitCode
        self.coUnitCodes = coUnitCodes
        self.districtCode = districtCode
        self.urgency = urgency
        self.exclusionState = exclusionState
        self.pendingWhistles = pendingWhistles
        self.summonedUnitCodes = summonedUnitCodes ?? pendingWhistles
        self.callerName = callerName
        self.onOpenMeetingAgenda = onOpenMeetingAgenda
        self.communityCode = communityCode
        self.signedOffBy = signedOffBy
        self.unreasonableState = unreasonableState
        self.handUpUnitCode = handUpUnitCode
        self.sendBackState = sendBackState
        self.sendBackUntil = sendBackUntil
        self.panelPending = panelPending
    }

    /// Who the ticket concerns, for the scope rules.
    public var parties: TicketParties {
        TicketParties(
            unitCode: unitCode, coUnitCodes: coUnitCodes, districtCode: districtCode,
            summonedUnitCodes: summonedUnitCodes, communityCode: communityCode, handUpUnitCode: handUpUnitCode)
    }

    /// Where a send-back goes: the district's sub-center, or the center when the ticket has
    /// no district or is already the sub-center's; nil when it is already the center's.
    public var sendBackTarget: String? {
        let subCenter = districtCode.map(OrgUnitCode.subCenter(of:))
        if let subCenter, unitCode != subCenter { return subCenter }
        return unitCode == OrgUnitCode.center ? nil : OrgUnitCode.center
    }
}
