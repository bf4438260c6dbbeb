import Foundation
import HotlineDomain
import HotlineStorage

/// One ticket of a unit's queue as the workbench's table shows it: number (linked to the
/// ticket page), category, urgency tag, state, the unit's part, and the countdowns to the next
/// deadline and the next checkpoint.
enum QueueRow {
    /// The row of `item`; `limits` are the time limits of its tier where the unit works, and
    /// `catalog` names its category.
    static func data(
        _ item: WorkQueue.Item, limits: TierLimits, catalog: Catalog, now: Date, words: TicketWords
    ) -> [String: Any] {
        // The deadlines row keeps the assignment deadline, set at dispatch from the same limits.
        let clock = item.assignBy.map { DeadlineClock(limits: limits, dispatchedAt: $0 - limits.assign) }
        let deadline =
            clock?.next(state: item.state, finishBy: item.finishBy)
            ?? item.finishBy.map {
                DeadlineClock.Countdown(at: $0, step: "finish", window: 3_600)
            }
        var row: [String: Any] = [
            "id": item.id.uuidString.lowercased(), "number": item.number,
            "category": item.categoryCode.map { catalog.namePath(to: $0).joined(separator: " › ") } ?? "",
            "tier": item.urgency.rawValue, "urgency": words.urgency(item.urgency),
            "state": item.state.rawValue, "stateLabel": words.state(item.state),
            "part": words.text("workbench.part.\(item.role.rawValue)"), "place": item.placeText,
            "overdue": item.overdue,
        ]
        if let deadline { row["deadline"] = deadline.data(words: words) }
        if let checkpoint = clock?.nextCheckpoint(after: now) { row["checkpoint"] = checkpoint.data(words: words) }
        return row
    }
}
