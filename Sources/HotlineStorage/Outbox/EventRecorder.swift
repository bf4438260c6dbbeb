import Foundation
public import HotlineDomain
public import Logging
public import PostgresNIO

/// Writes an event where it belongs, inside the caller's transaction: the outbox (to be
/// published), the ticket's history (to be read by people) and the inboxes of the units it
/// tells (`InboxRule`).
public enum EventRecorder {
    public static func record<P: EventPayload>(
        _ event: Event<P>, trace: TraceContext?, on connection: PostgresConnection, logger: Logger
    ) async throws {
        try await OutboxStore.append(
            try OutboxEntry(event, traceparent: trace?.description),
            history: OutboxStore.HistoryEntry(ticketId: event.metadata.ticketId, occurredAt: event.metadata.occurredAt),
            on: connection, logger: logger)
        try await InboxStore.add(
            InboxRule.notices(for: event.payload), eventId: event.metadata.id, ticketId: event.metadata.ticketId,
            at: event.metadata.occurredAt, on: connection, logger: logger)
    }
}
