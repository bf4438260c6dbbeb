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
        let rows = try EventRows(event, trace: trace)
        try await OutboxStore.append(rows.entry, history: rows.history, on: connection, logger: logger)
        try await InboxStore.add([rows.caused], on: connection, logger: logger)
    }
}
