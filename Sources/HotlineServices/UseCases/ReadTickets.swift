public import Foundation
public import HotlineDomain
public import HotlineStorage

/// Reads tickets as the caller may see them: one ticket, a filtered list, the review queue, a
/// unit's work queue. A handler sees its unit's tickets only (`Principal.mayRead`).
public struct ReadTickets: Sendable {
    /// One page of a list, and where the next one starts (nil on the last page).
    public struct Page: Sendable, Equatable {
        public var records: [TicketRecord]
        public var next: TicketCursor?
    }

    /// The most tickets one page holds.
    public static let maximumPageSize = 200

    private let repository: any TicketRepository
    private let clock: any HotlineClock

    public init(repository: any TicketRepository, clock: any HotlineClock) {
        self.repository = repository
        self.clock = clock
    }

    /// The ticket with its history; `TicketError.notFound` also when `principal` may not see it.
    public func ticket(_ id: UUID, for principal: Principal) async throws -> TicketRecord {
        let record = try await repository.read { try await $0.ticket(id) }
        guard let record, principal.mayRead(ledBy: record.unitCode, coUnitCodes: record.coUnitCodes) else {
            throw TicketError.notFound(id)
        }
        return record
    }

    /// Up to `limit` tickets matching `filter` after `cursor`, newest first; a handler's list
    /// is narrowed to its unit.
    public func list(
        _ filter: TicketFilter, after cursor: TicketCursor?, limit: Int, for principal: Principal
    ) async throws -> Page {
        var filter = filter
        filter.unitCode = principal.listedUnit(asked: filter.unitCode)
        let scoped = filter
        let records = try await repository.read { try await $0.tickets(matching: scoped, after: cursor, limit: limit) }
        let next =
            records.count == limit ? records.last.map { TicketCursor(receivedAt: $0.receivedAt, id: $0.id) } : nil
        return Page(records: records, next: next)
    }

    /// The tickets waiting for an operator to confirm their category, oldest first.
    public func reviewQueue(limit: Int) async throws -> [TicketRecord] {
        try await repository.read { try await $0.reviewQueue(limit: limit) }
    }

    /// The open tickets of `unit`, most urgent first; `TicketError.notYourQueue` when a
    /// handler asks for another unit's.
    public func workQueue(of unit: String, limit: Int, for principal: Principal) async throws -> [WorkQueue.Item] {
        guard principal.mayReadQueue(of: unit) else { throw TicketError.notYourQueue }
        let now = clock.now()
        return try await repository.read { try await $0.workQueue(of: unit, now: now, limit: limit) }
    }
}
