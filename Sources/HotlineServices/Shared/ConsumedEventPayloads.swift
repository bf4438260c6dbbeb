import HotlineDomain
import HotlineRuntime

extension [ConsumedEvent] {
    /// The events whose payload is a `P`, each with its payload.
    func payloads<P: EventPayload>(of type: P.Type) -> [(ConsumedEvent, P)] {
        compactMap { consumed in consumed.event.payload(as: type).map { (consumed, $0) } }
    }
}
