import Foundation
import HotlineDomain
import HotlineRuntime

extension [ConsumedEvent] {
    /// The events whose payload is a `P`, each with its payload.
    func payloads<P: EventPayload>(of type: P.Type) -> [(ConsumedEvent, P)] {
        compactMap { consumed in consumed.event.payload(as: type).map { (consumed, $0) } }
    }

    /// The first event of each ticket, in the batch's order: a consumer that applies a batch
    /// per ticket takes each ticket once.
    func firstPerTicket() -> [ConsumedEvent] {
        var seen: Set<UUID> = []
        return filter { seen.insert($0.event.metadata.ticketId).inserted }
    }
}
