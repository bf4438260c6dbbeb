public import Foundation
public import HotlineDomain
import HotlineStorage
public import Logging
import Metrics
public import PostgresNIO
public import ServiceLifecycle
import Synchronization

/// The audit trail in PostgreSQL: reads are kept in memory and appended in one statement per
/// `interval`, so recording costs a read nothing but a lock. A failed write keeps its entries for
/// the next round. On graceful shutdown (after the HTTP server has answered its last request)
/// it writes what is left before returning, so no entry is lost on SIGTERM.
public final class AuditTrailWriter: AuditTrail, Service {
    private let pending = Mutex([AuditEntry]())
    private let database: PostgresClient
    private let interval: Duration
    private let clock: any HotlineClock
    private let logger: Logger
    private let written = Counter(label: "hotline_audit_reads_written_total")
    private let failures = Counter(label: "hotline_audit_write_failures_total")

    /// A writer to `database` every `interval`, stamping reads with `clock`.
    public init(
        database: PostgresClient, interval: Duration = .milliseconds(200), clock: any HotlineClock, logger: Logger
    ) {
        self.database = database
        self.interval = interval
        self.clock = clock
        self.logger = logger
    }

    public func record(_ principal: Principal, read ticketId: UUID, purpose: String) {
        let entry = AuditEntry(principal, read: ticketId, purpose: purpose, at: clock.now())
        pending.withLock { $0.append(entry) }
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            try? await Task.sleep(for: interval)
            await writePending()
        }
        // The last entries: retry until written, or until the service is cancelled outright.
        while pending.withLock({ !$0.isEmpty }), !Task.isCancelled {
            if await !writePending() { try? await Task.sleep(for: interval) }
        }
    }

    /// Writes what is pending; false (entries kept) when the write failed.
    @discardableResult
    private func writePending() async -> Bool {
        let batch = pending.withLock { entries in
            defer { entries.removeAll(keepingCapacity: true) }
            return entries
        }
        guard !batch.isEmpty else { return true }
        do {
            try await database.session { try await AuditStore.append(batch, on: $0, logger: self.logger) }
            written.increment(by: batch.count)
            return true
        } catch {
            failures.increment()
            logger.error("audit trail write failed; kept for the next round", metadata: ["error": "\(error)"])
            pending.withLock { $0.insert(contentsOf: batch, at: 0) }
            return false
        }
    }
}
