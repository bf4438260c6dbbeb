public import Foundation
public import HotlineDomain
public import HotlineStorage

/// Reads tickets as the caller may see them: one ticket, a filtered list, the review queue, a
/// unit's work queue, each within the caller's scope (`Principal.scope`, `Principal.mayRead`) and
/// with the caller's personal data shown as `TicketDisclosure` decides.
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
    private let disclosure: TicketDisclosure

    public init(repository: any TicketRepository, clock: any HotlineClock, disclosure: TicketDisclosure) {
        self.repository = repository
        self.clock = clock
        self.disclosure = disclosure
    }

    /// The ticket with its history, read through `purpose` (the route); `TicketError.notFound`
    /// also when `principal` may not see it.
    public func ticket(_ id: UUID, for principal: Principal, purpose: String) async throws -> TicketRecord {
        let record = try await repository.read { try await $0.ticket(id) }
        guard let record, principal.mayRead(record.parties) else { throw TicketError.notFound(id) }
        return disclosure.single(record, to: principal, purpose: purpose)
    }

    /// Up to `limit` tickets of `principal`'s scope matching `filter` after `cursor`, newest first.
    /// Only the intake roles (operators, administrators) may look a caller up by phone: for anyone
    /// else the answer would say whether a number has called.
    public func list(
        _ filter: TicketFilter, after cursor: TicketCursor?, limit: Int, for principal: Principal
    ) async throws -> Page {
        if filter.callerPhone != nil, !Role.intake.contains(principal.role) {
            throw TicketError.invalid(
                detail: "only operators and administrators look callers up by phone",
                findings: [FieldFinding(field: "caller_phone", detail: "not allowed for this role")])
        }
        var filter = filter
        filter.scope = principal.scope
        let scoped = filter
        let records = try await repository.read { try await $0.tickets(matching: scoped, after: cursor, limit: limit) }
        let next =
            records.count == limit ? records.last.map { TicketCursor(receivedAt: $0.receivedAt, id: $0.id) } : nil
        return Page(records: disclosure.listed(records), next: next)
    }

    /// The tickets waiting for an operator to confirm their category, oldest first.
    public func reviewQueue(limit: Int) async throws -> [TicketRecord] {
        disclosure.listed(try await repository.read { try await $0.reviewQueue(limit: limit) })
    }

    /// The open tickets of `unit` within `principal`'s scope, most urgent first, their texts
    /// masked like every list; `TicketError.notYourQueue` when a handler asks for another unit's.
    public func workQueue(of unit: String, limit: Int, for principal: Principal) async throws -> [WorkQueue.Item] {
        guard principal.mayReadQueue(of: unit) else { throw TicketError.notYourQueue }
        let now = clock.now()
        let scope = principal.scope
        let items = try await repository.read {
            try await $0.workQueue(of: unit, within: scope, now: now, limit: limit)
        }
        return disclosure.listed(items)
    }
}
