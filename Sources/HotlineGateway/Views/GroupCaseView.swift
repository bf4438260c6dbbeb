import Foundation
import HotlineDomain

/// A group case (群体诉求) as the API shows it, without caller data.
struct GroupCaseView: Encodable {
    var id: UUID
    var leafCode: String
    var townshipCode: String
    var districtCode: String?
    var state: String
    var ticketCount: Int
    var firstAt: Date
    var lastAt: Date
    var detectedAt: Date
    var resolvedAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, state
        case leafCode = "leaf_code"
        case townshipCode = "township_code"
        case districtCode = "district_code"
        case ticketCount = "ticket_count"
        case firstAt = "first_at"
        case lastAt = "last_at"
        case detectedAt = "detected_at"
        case resolvedAt = "resolved_at"
    }

    init(_ groupCase: GroupCase) {
        id = groupCase.id
        leafCode = groupCase.leafCode
        townshipCode = groupCase.townshipCode
        districtCode = groupCase.districtCode
        state = groupCase.state.rawValue
        ticketCount = groupCase.ticketCount
        firstAt = groupCase.firstAt
        lastAt = groupCase.lastAt
        detectedAt = groupCase.detectedAt
        resolvedAt = groupCase.resolvedAt
    }
}

/// A ticket linked to a group case: id, number, state, lead unit and place (its township).
struct GroupCaseTicketView: Encodable {
    var id: UUID
    var number: String
    var state: String
    var unitCode: String?
    var townshipCode: String?
    var receivedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, number, state
        case unitCode = "unit_code"
        case townshipCode = "township_code"
        case receivedAt = "received_at"
    }

    init(_ ticket: GroupCaseTicket) {
        id = ticket.id
        number = ticket.number
        state = ticket.state.rawValue
        unitCode = ticket.unitCode
        townshipCode = ticket.townshipCode
        receivedAt = ticket.receivedAt
    }
}
