import Foundation
import HotlineDomain
import HotlineStorage

/// The countdowns of an open ticket on its page: from its last dispatch (the history's latest
/// `ticket.dispatched`) under the limits of its tier and district — signing for while it waits
/// to be signed for, finishing, the next checkpoint — and a hand-up's deadline.
enum TicketDeadlines {
    /// The countdowns as template data, none once the ticket is no longer the units' work.
    static func data(_ record: TicketRecord, policy: TimeLimitPolicy, now: Date, words: TicketWords) -> [[String: Any]]
    {
        guard record.state.isOpenForHandling else { return [] }
        var countdowns: [DeadlineClock.Countdown] = []
        let dispatched = record.history?.last { $0.eventType == EventType.ticketDispatched.rawValue }?.occurredAt
        if let dispatched {
            let limits = policy.limits(record.urgency, district: record.districtCode)
            let clock = DeadlineClock(limits: limits, dispatchedAt: dispatched)
            if record.state == .dispatched, let signFor = clock.next(state: .dispatched, finishBy: nil) {
                countdowns.append(signFor)
            }
            if let finish = limits.finish.map({ dispatched.addingTimeInterval($0) }),
                let next = clock.next(state: .inProgress, finishBy: finish)
            {
                countdowns.append(next)
            }
            if let checkpoint = clock.nextCheckpoint(after: now) { countdowns.append(checkpoint) }
        }
        if let handUp = record.handUpDeadline {
            countdowns.append(DeadlineClock.Countdown(at: handUp, step: "hand_up", window: 86_400))
        }
        return countdowns.map { $0.data(words: words) }
    }
}
