public import HotlineDomain
public import Logging
public import PostgresNIO

/// Events a consumed batch or a timer tick causes, each about its ticket, gathered as they are
/// decided and written together at the end of the caller's transaction: the outbox and history
/// rows in one statement, the inbox items in another, whatever the batch's size. What `record`
/// writes is exactly what `EventRecorder.record` would write for each event in turn.
public struct EventBatch: Sendable {
    private var rows: [(entry: OutboxEntry, history: OutboxStore.HistoryEntry)] = []
    private var notices: [InboxStore.Caused] = []

    public init() {}

    /// Adds `event`, caused by the request or event that `trace` names; its outbox row comes
    /// after those of the events added before it.
    public mutating func add<P: EventPayload>(_ event: Event<P>, trace: TraceContext?) throws {
        let recorded = try EventRows(event, trace: trace)
        rows.append((recorded.entry, recorded.history))
        notices.append(recorded.caused)
    }

    /// Writes the events added, in the caller's transaction.
    public func record(on connection: PostgresConnection, logger: Logger) async throws {
        try await OutboxStore.append(all: rows, on: connection, logger: logger)
        try await InboxStore.add(notices, on: connection, logger: logger)
    }
}
