import Foundation
import HotlineDomain
import HotlineRuntime
import HotlineStorage
import Logging
import PostgresNIO

/// A consumer step that moves tickets one state forward: for each `Input` event, a pure rule
/// decides the `Output` (or that the event asks for nothing), the store applies it if the ticket is in the state the step expects,
/// and the `Output` event is recorded in the same transaction.
struct TicketTransition<Input: EventPayload, Output: EventPayload>: EventBatchHandler {
    /// Applies `output` to the ticket at `time`; false when the ticket is not in the expected state.
    typealias Persist = @Sendable (_ ticketId: UUID, _ output: Output, _ time: Date, PostgresConnection, Logger) async throws -> Bool

    let resources: ServiceResources
    let decide: @Sendable (Input) -> Output?
    let persist: Persist

    var acceptedTypes: Set<EventType> { [Input.eventType] }

    func apply(_ events: [ConsumedEvent], on connection: PostgresConnection, logger: Logger) async throws {
        for (consumed, input) in events.payloads(of: Input.self) {
            let ticketId = consumed.event.metadata.ticketId
            guard let output = decide(input) else { continue }
            let event = resources.event(about: ticketId, output)
            guard try await persist(ticketId, event.payload, event.metadata.occurredAt, connection, logger) else {
                logger.notice("ticket not in the state \(Output.eventType.rawValue) expects; event ignored", metadata: ["ticket": "\(ticketId)"])
                continue
            }
            try await EventRecorder.record(event, trace: consumed.childTrace, on: connection, logger: logger)
        }
    }
}

extension [ConsumedEvent] {
    /// The events whose payload is a `P`, each with its payload.
    func payloads<P: EventPayload>(of type: P.Type) -> [(ConsumedEvent, P)] {
        compactMap { consumed in consumed.event.payload(as: type).map { (consumed, $0) } }
    }
}
