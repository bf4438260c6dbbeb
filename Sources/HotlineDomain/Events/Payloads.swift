public import Foundation

/// `ticket.received`: an operator recorded a new request. It carries no caller data: consumers
/// that need the caller read the ticket row.
public struct TicketReceived: EventPayload, Equatable {
    public static let eventType = EventType.ticketReceived
    public static let schemaVersion = 1

    /// The human-readable ticket number, e.g. `20261122-000042`.
    public var number: String
    public var request: ReceivedRequest

    public init(number: String, request: ReceivedRequest) {
        self.number = number
        self.request = request
    }
}

/// `ticket.classified`: the ticket has a catalog leaf (or is known to lack one), an urgency
/// tier and a place; or it waits for an operator's review.
public struct TicketClassified: EventPayload, Equatable {
    public static let eventType = EventType.ticketClassified
    public static let schemaVersion = 1

    /// The catalog leaf (third level).
    public var categoryCode: String?
    public var level1Code: String?
    public var level2Code: String?
    public var urgency: UrgencyTier
    /// From 0 (a guess) to 1 (chosen by an operator).
    public var confidence: Double
    public var method: ClassificationMethod
    public var districtCode: String?
    public var townshipCode: String?
    /// The confidence was too low: an operator must confirm the category before dispatch.
    public var reviewRequired: Bool
    /// The earlier ticket this one repeats (same caller, leaf and place within the window).
    public var repeatOf: UUID?
    /// The group request (群体诉求) this ticket belongs to.
    public var groupRequestId: UUID?

    public init(
        categoryCode: String?, level1Code: String? = nil, level2Code: String? = nil, urgency: UrgencyTier,
        confidence: Double,
        method: ClassificationMethod, districtCode: String? = nil, townshipCode: String? = nil,
        reviewRequired: Bool = false,
        repeatOf: UUID? = nil, groupRequestId: UUID? = nil
    ) {
        self.categoryCode = categoryCode
        self.level1Code = level1Code
        self.level2Code = level2Code
        self.urgency = urgency
        self.confidence = confidence
        self.method = method
        self.districtCode = districtCode
        self.townshipCode = townshipCode
        self.reviewRequired = reviewRequired
        self.repeatOf = repeatOf
        self.groupRequestId = groupRequestId
    }

    enum CodingKeys: String, CodingKey {
        case urgency, confidence, method
        case categoryCode = "category_code"
        case level1Code = "level1_code"
        case level2Code = "level2_code"
        case districtCode = "district_code"
        case townshipCode = "township_code"
        case reviewRequired = "review_required"
        case repeatOf = "repeat_of"
        case groupRequestId = "group_request_id"
    }
}

/// How a classification was reached.
public enum ClassificationMethod: String, Codable, Sendable {
    /// An operator chose the category, at intake or on review.
    case operatorChoice = "operator"
    /// The classifier's model chose it.
    case model
    /// Nothing could be decided; the ticket goes to a human.
    case unresolved
}

/// `ticket.dispatched`: the ticket is in a unit's queue (first dispatch, re-dispatch, reopening).
public struct TicketDispatched: EventPayload, Equatable {
    public static let eventType = EventType.ticketDispatched
    public static let schemaVersion = 1

    /// The lead unit (主责单位), which owns the ticket until it is solved.
    public var unitCode: String
    /// Units that help the lead unit.
    public var coUnitCodes: [String]
    public var urgency: UrgencyTier
    /// Why this unit was chosen, in words an operator can check.
    public var reason: String
    /// What made this dispatch when it is not a ticket's first: a re-dispatch, a reopening, or
    /// a repeat request sent to the original's unit.
    public var occasion: DispatchOccasion?
    /// For a repeat request: the earlier ticket it repeats.
    public var repeatOf: UUID?
    /// The finish time limit a consultation (会商) set for a complex (C) ticket; the policy's
    /// limit of the tier otherwise.
    public var finishBy: Date?

    public init(
        unitCode: String, coUnitCodes: [String] = [], urgency: UrgencyTier, reason: String,
        occasion: DispatchOccasion? = nil, repeatOf: UUID? = nil, finishBy: Date? = nil
    ) {
        self.unitCode = unitCode
        self.coUnitCodes = coUnitCodes
        self.urgency = urgency
        self.reason = reason
        self.occasion = occasion
        self.repeatOf = repeatOf
        self.finishBy = finishBy
    }

    enum CodingKeys: String, CodingKey {
        case urgency, reason, occasion
        case unitCode = "unit_code"
        case coUnitCodes = "co_unit_codes"
        case repeatOf = "repeat_of"
        case finishBy = "finish_by"
    }
}

/// Why a ticket is dispatched again, or to a unit chosen by its history.
public enum DispatchOccasion: String, Codable, Sendable {
    /// The center or a sub-center named another lead unit.
    case redispatch
    /// The caller was not satisfied: the ticket goes back to its unit (重办).
    case reopen
    /// A repeat request goes to the unit that handled the original.
    case repeatRequest = "repeat"
}
