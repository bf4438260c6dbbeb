import Foundation
public import HotlineDomain
public import Logging
public import PostgresNIO

/// Writes events where they belong, inside the caller's transaction: the outbox (to be
/// published), the ticket's history (to be read by people) and the inboxes of the units they
/// tell (`InboxRule`).
public enum EventRecorder {
    /// An event ready to be written: its outbox row, its history row and its inbox items.
    public struct Pending: Sendable {
        let outbox: OutboxEntry
        let history: OutboxStore.HistoryEntry
        let inbox: [InboxStore.Addition]

        /// `event`, published with `trace` as its parent span.
        public init<P: EventPayload>(_ event: Event<P>, trace: TraceContext?) throws {
            outbox = try OutboxEntry(event, traceparent: trace?.description)
            history = OutboxStore.HistoryEntry(
                ticketId: event.metadata.ticketId, occurredAt: event.metadata.occurredAt)
            inbox = InboxRule.notices(for: event.payload).map {
                InboxStore.Addition(
                    notice: $0, eventId: event.metadata.id, ticketId: event.metadata.ticketId,
                    at: event.metadata.occurredAt)
            }
        }
    }

    public static func record<P: EventPayload>(
        _ event: Event<P>, trace: TraceContext?, on connection: PostgresConnection, logger: Logger
    ) async throws {
        try await record([try Pending(event, trace: trace)], on: connection, logger: logger)
    }

    /// Writes `events`, in their order, in two statements whatever their number: the outbox
    /// and history rows, then the inbox items. A consumer records its batch's events at once.
    public static func record(_ events: [Pending], on connection: PostgresConnection, logger: Logger) async throws {
        try await OutboxStore.append(events.map { ($0.outbox, $0.history) }, on: connection, logger: logger)
        try await InboxStore.add(events.flatMap(\.inbox), on: connection, logger: logger)
    }
}
