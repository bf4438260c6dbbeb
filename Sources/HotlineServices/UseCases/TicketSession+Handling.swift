import Foundation
import HotlineDomain
import HotlineStorage

extension TicketSession {
    /// Carries out `decision` on the locked ticket `id`: its changes, then its `ticket.handled`
    /// event and the `ticket.dispatched` it causes, if any, stamped by `stamp` at `time`. The one
    /// way a handling decision reaches the database, for a single action and a joint resolution.
    func carryOut(_ decision: HandlingDecision, on id: UUID, stamp: EventStamp, at time: Date) async throws {
        try await apply(decision, to: id, at: time)
        try await record(stamp.event(about: id, decision.handled, at: time), trace: nil)
        if let dispatched = decision.dispatched {
            try await record(stamp.event(about: id, dispatched, at: time), trace: nil)
        }
    }
}
