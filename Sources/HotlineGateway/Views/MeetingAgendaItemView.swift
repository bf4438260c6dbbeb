import Foundation
import HotlineDomain

/// One item of a township's leadership-meeting agenda as the API shows it: the ticket without
/// caller data, when it was put on the agenda, and the decision once recorded (its measure masked).
struct MeetingAgendaItemView: Encodable {
    var id: Int64
    var unitCode: String
    var ticketId: UUID
    var ticketNumber: String
    var categoryCode: String?
    var urgency: UrgencyTier
    var state: TicketState
    var placedAt: Date
    var dispatchedAt: Date?
    /// `open` or `decided`.
    var status: String
    var decision: Decision?

    /// The meeting's decision.
    struct Decision: Encodable {
        var owner: String
        var measure: String
        var targetDate: Date
        var decidedBy: String
        var decidedAt: Date?

        enum CodingKeys: String, CodingKey {
            case owner, measure
            case targetDate = "target_date"
            case decidedBy = "decided_by"
            case decidedAt = "decided_at"
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, urgency, state, status, decision
        case unitCode = "unit_code"
        case ticketId = "ticket_id"
        case ticketNumber = "ticket_number"
        case categoryCode = "category_code"
        case placedAt = "placed_at"
        case dispatchedAt = "dispatched_at"
    }

    init(_ item: MeetingAgendaItem) {
        id = item.id
        unitCode = item.unitCode
        ticketId = item.ticketId
        ticketNumber = item.ticketNumber
        categoryCode = item.categoryCode
        urgency = item.urgency
        state = item.state
        placedAt = item.placedAt
        dispatchedAt = item.dispatchedAt
        status = item.decision == nil ? "open" : "decided"
        decision = item.decision.map {
            Decision(
                owner: $0.owner, measure: $0.measure, targetDate: $0.targetDate, decidedBy: $0.decidedBy,
                decidedAt: item.decidedAt)
        }
    }
}
