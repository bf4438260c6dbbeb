public import Foundation
public import HotlineDomain
import PostgresNIO

/// A row of `tickets`: the request, the classification, where it is and, when read alone, its
/// history. The gateway shows it through its own view type; the coding keys are the API's field
/// names, kept so that API clients can decode a ticket into this type.
public struct TicketRecord: Sendable, Codable, Equatable {
    public var id: UUID
    public var number: String
    public var state: TicketState
    public var channel: String
    public var type: String
    public var callerName: String?
    public var callerPhone: String?
    public var placeText: String
    public var coordinates: Coordinates?
    public var text: String
    public var level1Code: String?
    public var level2Code: String?
    public var categoryCode: String?
    public var urgency: UrgencyTier
    public var confidence: Double?
    public var classificationMethod: String?
    public var districtCode: String?
    public var townshipCode: String?
    public var unitCode: String?
    public var dispatchReason: String?
    public var repeatOf: UUID?
    public var groupRequestId: UUID?
    public var answerArticleId: String?
    public var answerText: String?
    /// Handling: co-units, the person assigned, sign-for, send-backs and reopenings, hand-up and
    /// hand-down, an unreasonable request's explanation, exclusion from assessment, the result
    /// with its double feedback, and the return visit.
    public var coUnitCodes: [String]
    /// The departments a whistle summoned, reported in or not.
    public var summonedUnitCodes: [String]
    public var assignee: String?
    public var signedAt: Date?
    public var sendBackCount: Int
    public var reopenCount: Int
    public var handUpDeadline: Date?
    public var handDownPanel: String?
    /// The hand-down panel's members, when it sits, and its outcome once recorded.
    public var handDownMembers: [PanelMember]?
    public var handDownSittingAt: Date?
    public var handDownOutcome: String?
    public var handDownOutcomeAt: Date?
    /// The unit a hand-up went to, and its answer: accepted with a plan, or returned with a reason.
    public var handUpUnitCode: String?
    public var handUpAccepted: Bool?
    public var handUpAnswer: String?
    public var unreasonableReason: String?
    /// The center's review of the unit's unreasonable-request mark, and its reason.
    public var unreasonableState: ExclusionState?
    public var unreasonableReviewReason: String?
    /// The lead unit's latest send-back request, its reason and the center's.
    public var sendBackState: ExclusionState?
    public var sendBackReason: String?
    public var sendBackReviewReason: String?
    public var exclusionState: ExclusionState?
    public var exclusionReason: String?
    public var result: String?
    public var feedbackToCaller: String?
    public var feedbackToCenter: String?
    public var resolvedAt: Date?
    public var visitSolved: String?
    public var visitSatisfaction: String?
    public var visitedAt: Date?
    /// The first street, township, department or enterprise the ticket was dispatched to
    /// (首接负责), whatever re-dispatches followed.
    public var firstResponsibleUnit: String?
    /// The township's own flow: the leader who signed the ticket off (签批) and when, the
    /// community it went down to (双派单) and when; the grid worker who reported it.
    public var signedOffBy: String?
    public var signedOffAt: Date?
    public var communityCode: String?
    public var dispatchedDownAt: Date?
    /// When the community first reported back on the task sent down to it.
    public var reportedBackAt: Date?
    public var reportedBy: String?
    /// The classifier's best leaves with their probabilities, for an operator reviewing it.
    public var candidates: JSONValue?
    public var version: Int
    public var receivedAt: Date
    public var updatedAt: Date
    /// Everything that happened to the ticket, oldest first; present when one ticket is read.
    public var history: [HistoryEntry]?

    enum CodingKeys: String, CodingKey {
        case id, number, state, channel, type, coordinates, text, urgency, confidence, version, history, candidates,
            assignee, result
        case callerName = "caller_name"
        case callerPhone = "caller_phone"
        case placeText = "place_text"
        case level1Code = "level1_code"
        case level2Code = "level2_code"
        case categoryCode = "category_code"
        case classificationMethod = "classification_method"
        case districtCode = "district_code"
        case townshipCode = "township_code"
        case unitCode = "unit_code"
        case dispatchReason = "dispatch_reason"
        case repeatOf = "repeat_of"
        case groupRequestId = "group_request_id"
        case answerArticleId = "answer_article_id"
        case answerText = "answer_text"
        case receivedAt = "received_at"
        case coUnitCodes = "co_unit_codes"
        case summonedUnitCodes = "summoned_unit_codes"
        case signedAt = "signed_at"
        case sendBackCount = "send_back_count"
        case reopenCount = "reopen_count"
        case handUpDeadline = "hand_up_deadline"
        case handDownPanel = "hand_down_panel"
        case handDownMembers = "hand_down_members"
        case handDownSittingAt = "hand_down_sitting_at"
        case handDownOutcome = "hand_down_outcome"
        case handDownOutcomeAt = "hand_down_outcome_at"
        case handUpUnitCode = "hand_up_unit"
        case handUpAccepted = "hand_up_accepted"
        case handUpAnswer = "hand_up_answer"
        case unreasonableReason = "unreasonable_reason"
        case unreasonableState = "unreasonable_state"
        case unreasonableReviewReason = "unreasonable_review_reason"
        case sendBackState = "send_back_state"
        case sendBackReason = "send_back_reason"
        case sendBackReviewReason = "send_back_review_reason"
        case exclusionState = "exclusion_state"
        case exclusionReason = "exclusion_reason"
        case feedbackToCaller = "feedback_to_caller"
        case feedbackToCenter = "feedback_to_center"
        case resolvedAt = "resolved_at"
        case visitSolved = "visit_solved"
        case visitSatisfaction = "visit_satisfaction"
        case visitedAt = "visited_at"
        case updatedAt = "updated_at"
        case signedOffBy = "signed_off_by"
        case firstResponsibleUnit = "first_responsible_unit"
        case signedOffAt = "signed_off_at"
        case communityCode = "community_code"
        case dispatchedDownAt = "dispatched_down_at"
        case reportedBackAt = "reported_back_at"
        case reportedBy = "reported_by"
    }

    /// Who the ticket concerns, for the scope rules.
    public var parties: TicketParties {
        TicketParties(
            unitCode: unitCode, coUnitCodes: coUnitCodes, districtCode: districtCode,
            summonedUnitCodes: summonedUnitCodes, communityCode: communityCode, handUpUnitCode: handUpUnitCode)
    }

    /// The columns `init(row:)` reads, for SELECT lists.
    static let columns = """
        id, number, state, channel, type, caller_name, caller_phone, place_text, latitude, longitude, request_text,
        level1_code, level2_code, category_code, urgency, classification_confidence, classification_method,
        district_code, township_code, unit_code, dispatch_reason, repeat_of, group_request_id, answer_article_id,
        answer_text, candidates::text AS candidates, version, received_at, updated_at, co_unit_codes, assignee,
        signed_at, send_back_count, reopen_count, hand_up_deadline, hand_up_unit, hand_up_accepted, hand_up_answer,
        hand_down_panel, hand_down_members::text AS hand_down_members, hand_down_sitting_at, hand_down_outcome,
        hand_down_outcome_at, unreasonable_reason,
        unreasonable_state, unreasonable_review_reason, exclusion_state, exclusion_reason, result, feedback_to_caller, feedback_to_center, resolved_at, visit_solved,
        visit_satisfaction, visited_at, signed_off_by, signed_off_at, community_code, dispatched_down_at, reported_by,
        first_responsible_unit, send_back_state, send_back_reason, send_back_review_reason, reported_back_at,
        ARRAY(SELECT department_code FROM ticket_whistles w WHERE w.ticket_id = tickets.id ORDER BY department_code)
            AS summoned_unit_codes
        """

    /// Reads a row selected with `columns`; a state, urgency or exclusion state the domain does
    /// not know is an error.
    init(row: PostgresRow) throws {
        let columns = row.makeRandomAccess()
        func value<T: PostgresDecodable>(_ name: String, _ type: T.Type = T.self) throws -> T {
            try columns[name].decode(T.self)
        }
        id = try value("id")
        number = try value("number")
        state = try .stored(try value("state", String.self), column: "state")
        channel = try value("channel")
        type = try value("type")
        callerName = try value("caller_name")
        callerPhone = try value("caller_phone")
        placeText = try value("place_text")
        let latitude: Double? = try value("latitude")
        let longitude: Double? = try value("longitude")
        coordinates = latitude.flatMap { latitude in longitude.map { Coordinates(latitude: latitude, longitude: $0) } }
        text = try value("request_text")
        level1Code = try value("level1_code")
        level2Code = try value("level2_code")
        categoryCode = try value("category_code")
        urgency = try .stored(try value("urgency", String.self), column: "urgency")
        confidence = try value("classification_confidence")
        classificationMethod = try value("classification_method")
        districtCode = try value("district_code")
        townshipCode = try value("township_code")
        unitCode = try value("unit_code")
        dispatchReason = try value("dispatch_reason")
        repeatOf = try value("repeat_of")
        groupRequestId = try value("group_request_id")
        answerArticleId = try value("answer_article_id")
        answerText = try value("answer_text")
        candidates = try value("candidates", String?.self).map {
            try JSONDecoder().decode(JSONValue.self, from: Data($0.utf8))
        }
        version = try value("version")
        coUnitCodes = try value("co_unit_codes")
        summonedUnitCodes = try value("summoned_unit_codes")
        assignee = try value("assignee")
        signedAt = try value("signed_at")
        sendBackCount = try value("send_back_count")
        reopenCount = try value("reopen_count")
        handUpDeadline = try value("hand_up_deadline")
        handDownPanel = try value("hand_down_panel")
        handDownMembers = try value("hand_down_members", String?.self).map {
            try JSONDecoder().decode([PanelMember].self, from: Data($0.utf8))
        }
        handDownSittingAt = try value("hand_down_sitting_at")
        handDownOutcome = try value("hand_down_outcome")
        handDownOutcomeAt = try value("hand_down_outcome_at")
        handUpUnitCode = try value("hand_up_unit")
        handUpAccepted = try value("hand_up_accepted")
        handUpAnswer = try value("hand_up_answer")
        unreasonableReason = try value("unreasonable_reason")
        unreasonableState = try .stored(try value("unreasonable_state", String?.self), column: "unreasonable_state")
        unreasonableReviewReason = try value("unreasonable_review_reason")
        sendBackState = try .stored(try value("send_back_state", String?.self), column: "send_back_state")
        sendBackReason = try value("send_back_reason")
        sendBackReviewReason = try value("send_back_review_reason")
        exclusionState = try .stored(try value("exclusion_state", String?.self), column: "exclusion_state")
        exclusionReason = try value("exclusion_reason")
        result = try value("result")
        feedbackToCaller = try value("feedback_to_caller")
        feedbackToCenter = try value("feedback_to_center")
        resolvedAt = try value("resolved_at")
        visitSolved = try value("visit_solved")
        visitSatisfaction = try value("visit_satisfaction")
        visitedAt = try value("visited_at")
        signedOffBy = try value("signed_off_by")
        firstResponsibleUnit = try value("first_responsible_unit")
        signedOffAt = try value("signed_off_at")
        communityCode = try value("community_code")
        dispatchedDownAt = try value("dispatched_down_at")
        reportedBackAt = try value("reported_back_at")
        reportedBy = try value("reported_by")
        receivedAt = try value("received_at")
        updatedAt = try value("updated_at")
    }
}

/// One event in a ticket's history.
public struct HistoryEntry: Sendable, Codable, Equatable {
    public var eventId: UUID
    public var eventType: String
    public var occurredAt: Date
    public var producer: String
    /// The event's payload as published.
    public var payload: JSONValue

    enum CodingKeys: String, CodingKey {
        case producer, payload
        case eventId = "event_id"
        case eventType = "event_type"
        case occurredAt = "occurred_at"
    }
}

extension HistoryEntry {
    /// The history entry written with `entry`, an event that occurred at `occurredAt`, as
    /// reading the ticket's history returns it: its payload read from the outbox's bytes, so
    /// the event is encoded once.
    init(_ entry: OutboxEntry, occurredAt: Date) throws {
        struct Wire: Decodable { var payload: JSONValue }
        self.init(
            eventId: entry.eventId, eventType: entry.eventType, occurredAt: occurredAt, producer: entry.producer,
            payload: try JSONDecoder().decode(Wire.self, from: Data(entry.body)).payload)
    }
}
