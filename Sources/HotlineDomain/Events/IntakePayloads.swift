public import Foundation

/// `ticket.answered`: an operator answered a consultation on the spot (直接答复); the ticket
/// is closed and never dispatched.
public struct TicketAnswered: EventPayload, Equatable {
    public static let eventType = EventType.ticketAnswered
    public static let schemaVersion = 1

    /// The knowledge-base article the answer came from, if any.
    public var articleId: String?
    public var answer: String

    public init(articleId: String?, answer: String) {
        self.articleId = articleId
        self.answer = answer
    }

    enum CodingKeys: String, CodingKey {
        case answer
        case articleId = "article_id"
    }
}

/// `ticket.reclassified`: an operator changed the category of a ticket already classified or
/// dispatched; the correction is kept as a labelled example for retraining.
public struct TicketReclassified: EventPayload, Equatable {
    public static let eventType = EventType.ticketReclassified
    public static let schemaVersion = 1

    public var previousCategoryCode: String?
    public var categoryCode: String
    public var level1Code: String
    public var level2Code: String
    public var urgency: UrgencyTier

    public init(
        previousCategoryCode: String?, categoryCode: String, level1Code: String, level2Code: String,
        urgency: UrgencyTier
    ) {
        self.previousCategoryCode = previousCategoryCode
        self.categoryCode = categoryCode
        self.level1Code = level1Code
        self.level2Code = level2Code
        self.urgency = urgency
    }

    enum CodingKeys: String, CodingKey {
        case urgency
        case previousCategoryCode = "previous_category_code"
        case categoryCode = "category_code"
        case level1Code = "level1_code"
        case level2Code = "level2_code"
    }
}

/// `group_request.detected`: the threshold of a group request (群体诉求) was reached: this many
/// requests on one leaf in one township within the window. Published once per group, about
/// the ticket that reached the threshold.
public struct GroupRequestDetected: EventPayload, Equatable {
    public static let eventType = EventType.groupRequestDetected
    public static let schemaVersion = 1

    public var groupRequestId: UUID
    public var leafCode: String
    public var townshipCode: String
    public var ticketCount: Int
    public var firstAt: Date
    /// The township's district, whose sub-center is told too.
    public var districtCode: String?

    public init(
        groupRequestId: UUID, leafCode: String, townshipCode: String, ticketCount: Int, firstAt: Date,
        districtCode: String? = nil
    ) {
        self.groupRequestId = groupRequestId
        self.leafCode = leafCode
        self.townshipCode = townshipCode
        self.ticketCount = ticketCount
        self.firstAt = firstAt
        self.districtCode = districtCode
    }

    enum CodingKeys: String, CodingKey {
        case groupRequestId = "group_request_id"
        case leafCode = "leaf_code"
        case townshipCode = "township_code"
        case ticketCount = "ticket_count"
        case firstAt = "first_at"
        case districtCode = "district_code"
    }
}
