import Foundation
import HotlineDomain
import HotlineStorage

/// A unit's work queue as the API shows it.
struct WorkQueueView: Encodable {
    var unitCode: String
    var items: [Item]

    enum CodingKeys: String, CodingKey {
        case items
        case unitCode = "unit_code"
    }

    /// One ticket in the queue.
    struct Item: Encodable {
        var id: UUID
        var number: String
        var state: TicketState
        var urgency: UrgencyTier
        var categoryCode: String?
        var placeText: String
        var text: String
        /// `lead`, `co` or `summoned` (a whistle waits for its report).
        var role: String
        var assignBy: Date?
        var finishBy: Date?
        /// Seconds until `finishBy` (negative when overdue); nil when the tier sets no limit.
        var secondsLeft: Int?
        var overdue: Bool

        enum CodingKeys: String, CodingKey {
            case id, number, state, urgency, text, role, overdue
            case categoryCode = "category_code"
            case placeText = "place_text"
            case assignBy = "assign_by"
            case finishBy = "finish_by"
            case secondsLeft = "seconds_left"
        }

        init(_ item: WorkQueue.Item) {
            id = item.id
            number = item.number
            state = item.state
            urgency = item.urgency
            categoryCode = item.categoryCode
            placeText = item.placeText
            text = item.text
            role = item.role.rawValue
            assignBy = item.assignBy
            finishBy = item.finishBy
            secondsLeft = item.secondsLeft
            overdue = item.overdue
        }
    }

    init(unitCode: String, items: [WorkQueue.Item]) {
        self.unitCode = unitCode
        self.items = items.map(Item.init)
    }
}
