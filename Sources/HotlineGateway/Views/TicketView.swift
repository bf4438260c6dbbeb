import Foundation
import HotlineDomain
import HotlineStorage

/// A ticket as the API shows it (`Ticket` in `Schemas/openapi.yaml`): the request, the
/// classification, where it is and, when read alone, its history. Built from the stored row for
/// one caller: analysts see the caller's phone masked.
struct TicketView: Encodable {
    var id: UUID
    var number: String
    var state: TicketState
    var channel: String
    var type: String
    var callerName: String?
    var callerPhone: String?
    var placeText: String
    var coordinates: Coordinates?
    var text: String
    var level1Code: String?
    var level2Code: String?
    var categoryCode: String?
    var urgency: UrgencyTier
    var confidence: Double?
    var classificationMethod: String?
    var districtCode: String?
    var townshipCode: String?
    var unitCode: String?
    var dispatchReason: String?
    var repeatOf: UUID?
    var groupRequestId: UUID?
    var answerArticleId: String?
    var answerText: String?
    /// Handling: co-units, the person assigned, sign-for, send-backs and reopenings, hand-up and
    /// hand-down, an unreasonable request's explanation, exclusion from assessment, the result
    /// with its double feedback, and the return visit.
    var coUnitCodes: [String]
    /// The departments a whistle summoned, reported in or not.
    var summonedUnitCodes: [String]
    var assignee: String?
    var signedAt: Date?
    var sendBackCount: Int
    var reopenCount: Int
    var handUpDeadline: Date?
    var handDownPanel: String?
    var handDownMembers: [PanelMember]?
    var handDownSittingAt: Date?
    var handDownOutcome: String?
    var handDownOutcomeAt: Date?
    var handUpUnitCode: String?
    var handUpAccepted: Bool?
    var handUpAnswer: String?
    var unreasonableReason: String?
    var unreasonableState: ExclusionState?
    var unreasonableReviewReason: String?
    var sendBackState: ExclusionState?
    var sendBackReason: String?
    var sendBackReviewReason: String?
    var exclusionState: ExclusionState?
    var exclusionReason: String?
    var result: String?
    var feedbackToCaller: String?
    var feedbackToCenter: String?
    var resolvedAt: Date?
    var visitSolved: String?
    var visitSatisfaction: String?
    var visitedAt: Date?
    /// The first street, township, department or enterprise it was dispatched to (首接负责).
    var firstResponsibleUnit: String?
    /// The township's own flow: sign-off (签批), the community it went down to (双派单), the grid
    /// worker who reported it.
    var signedOffBy: String?
    var signedOffAt: Date?
    var communityCode: String?
    var dispatchedDownAt: Date?
    var reportedBackAt: Date?
    var reportedBy: String?
    /// The classifier's best leaves with their probabilities, for an operator reviewing it.
    var candidates: JSONValue?
    var version: Int
    var receivedAt: Date
    var updatedAt: Date
    /// Everything that happened to the ticket, oldest first; present when one ticket is read.
    var history: [HistoryEntryView]?

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

    /// The ticket as the use case disclosed it (masked where the caller may not see the caller's data).
    init(_ record: TicketRecord) {
        id = record.id
        number = record.number
        state = record.state
        channel = record.channel
        type = record.type
        callerName = record.callerName
        callerPhone = record.callerPhone
        placeText = record.placeText
        coordinates = record.coordinates
        text = record.text
        level1Code = record.level1Code
        level2Code = record.level2Code
        categoryCode = record.categoryCode
        urgency = record.urgency
        confidence = record.confidence
        classificationMethod = record.classificationMethod
        districtCode = record.districtCode
        townshipCode = record.townshipCode
        unitCode = record.unitCode
        dispatchReason = record.dispatchReason
        repeatOf = record.repeatOf
        groupRequestId = record.groupRequestId
        answerArticleId = record.answerArticleId
        answerText = record.answerText
        coUnitCodes = record.coUnitCodes
        summonedUnitCodes = record.summonedUnitCodes
        assignee = record.assignee
        signedAt = record.signedAt
        sendBackCount = record.sendBackCount
        reopenCount = record.reopenCount
        handUpDeadline = record.handUpDeadline
        handDownPanel = record.handDownPanel
        handDownMembers = record.handDownMembers
        handDownSittingAt = record.handDownSittingAt
        handDownOutcome = record.handDownOutcome
        handDownOutcomeAt = record.handDownOutcomeAt
        handUpUnitCode = record.handUpUnitCode
        handUpAccepted = record.handUpAccepted
        handUpAnswer = record.handUpAnswer
        unreasonableReason = record.unreasonableReason
        unreasonableState = record.unreasonableState
        unreasonableReviewReason = record.unreasonableReviewReason
        sendBackState = record.sendBackState
        sendBackReason = record.sendBackReason
        sendBackReviewReason = record.sendBackReviewReason
        exclusionState = record.exclusionState
        exclusionReason = record.exclusionReason
        result = record.result
        feedbackToCaller = record.feedbackToCaller
        feedbackToCenter = record.feedbackToCenter
        resolvedAt = record.resolvedAt
        visitSolved = record.visitSolved
        visitSatisfaction = record.visitSatisfaction
        visitedAt = record.visitedAt
        firstResponsibleUnit = record.firstResponsibleUnit
        signedOffBy = record.signedOffBy
        signedOffAt = record.signedOffAt
        communityCode = record.communityCode
        dispatchedDownAt = record.dispatchedDownAt
        reportedBackAt = record.reportedBackAt
        reportedBy = record.reportedBy
        candidates = record.candidates
        version = record.version
        receivedAt = record.receivedAt
        updatedAt = record.updatedAt
        history = record.history?.map(HistoryEntryView.init)
    }
}

/// One event in a ticket's history, as the API shows it.
struct HistoryEntryView: Encodable {
    var eventId: UUID
    var eventType: String
    var occurredAt: Date
    var producer: String
    /// The event's payload as published.
    var payload: JSONValue

    enum CodingKeys: String, CodingKey {
        case producer, payload
        case eventId = "event_id"
        case eventType = "event_type"
        case occurredAt = "occurred_at"
    }

    init(_ entry: HistoryEntry) {
        eventId = entry.eventId
        eventType = entry.eventType
        occurredAt = entry.occurredAt
        producer = entry.producer
        payload = entry.payload
    }
}
