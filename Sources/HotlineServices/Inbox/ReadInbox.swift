public import Foundation
public import HotlineDomain
public import HotlineStorage

/// A unit's inbox as its handlers and the levels above read and work it (`GET
/// /units/{code}/inbox`, read and acknowledge): pages of items newest first with the open
/// counts by kind, and marks that only the unit's own handlers set.
public struct ReadInbox: Sendable {
    /// One page, the item the next one starts before (nil on the last page), and the unit's
    /// unacknowledged items by kind and unread count.
    public struct Page: Sendable, Equatable {
        public var items: [InboxItem]
        public var next: Int64?
        public var openByKind: [InboxKind: Int]
        public var unread: Int
    }

    /// The most items one page holds, and one mark request names.
    public static let maximumPageSize = 500

    private let inbox: any InboxRepository
    private let clock: any HotlineClock

    public init(inbox: any InboxRepository, clock: any HotlineClock) {
        self.inbox = inbox
        self.clock = clock
    }

    /// Up to `limit` items of `unit` matching `filter` before item `cursor`, if `principal`
    /// may read that inbox.
    public func page(
        of unit: String, matching filter: InboxStore.Filter, before cursor: Int64?, limit: Int,
        for principal: Principal
    ) async throws -> Page {
        try await checkReadable(unit, by: principal)
        let items = try await inbox.items(of: unit, matching: filter, before: cursor, limit: limit)
        let counts = try await inbox.openCounts(of: unit)
        return Page(
            items: items, next: items.count == limit ? items.last?.id : nil, openByKind: counts.byKind,
            unread: counts.unread)
    }

    /// Marks `ids` of `unit`'s inbox read or acknowledged by `principal`, one of the unit's own
    /// handlers; returns the ids that changed (items already so marked, or another unit's, do not).
    public func mark(
        _ ids: [Int64], of unit: String, _ mark: InboxStore.Mark, by principal: Principal
    ) async throws
        -> [Int64]
    {
        guard principal.mayWorkInbox(of: unit) else { throw TicketError.notYourInbox }
        return try await inbox.mark(ids, of: unit, mark, by: principal.name, at: clock.now())
    }

    /// Fails unless `principal` may read the inbox of `unit`, an org unit that exists.
    public func checkReadable(_ unit: String, by principal: Principal) async throws {
        guard let known = try await inbox.unit(unit) else {
            throw TicketError.noSuchUnit(unit)
        }
        guard principal.mayReadInbox(of: known) else { throw TicketError.notYourInbox }
    }
}
