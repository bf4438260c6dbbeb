import HotlineDomain

/// What recording one event about a ticket writes: its outbox row, its history row and the
/// inbox items it causes (`InboxRule`). `EventRecorder` writes one event's rows at once,
/// `EventBatch` a batch's together.
struct EventRows: Sendable {
    var entry: OutboxEntry
    var history: OutboxStore.HistoryEntry
    var caused: InboxStore.Caused

    /// The rows of `event`, caused by the request or event that `trace` names.
    init<P: EventPayload>(_ event: Event<P>, trace: TraceContext?) throws {
        let metadata = event.metadata
        entry = try OutboxEntry(event, traceparent: trace?.description)
        history = OutboxStore.HistoryEntry(ticketId: metadata.ticketId, occurredAt: metadata.occurredAt)
        caused = InboxStore.Caused(
            notices: InboxRule.notices(for: event.payload), eventId: metadata.id, ticketId: metadata.ticketId,
            at: metadata.occurredAt)
    }
}
