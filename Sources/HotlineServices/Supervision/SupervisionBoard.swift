public import Foundation
public import HotlineDomain
public import HotlineStorage

/// The supervision list (督办, `GET /supervision`) for the levels that supervise: the open
/// overdue tickets of the caller's scope, most overdue first, each with how long it has been
/// overdue and the next step under the escalation policy, at the clock's now.
public struct SupervisionBoard: Sendable {
    /// One supervised ticket as the list shows it.
    public struct Entry: Sendable, Equatable {
        public var ticket: SupervisedTicket
        public var overdueSeconds: Int
        public var nextStep: SupervisionNextStep
    }

    /// One page, and where the next one starts (nil on the last page).
    public struct Page: Sendable, Equatable {
        public var entries: [Entry]
        public var next: TicketCursor?
    }

    /// The most tickets one page holds.
    public static let maximumPageSize = 200

    private let repository: any SupervisionRepository
    private let clock: any HotlineClock

    public init(repository: any SupervisionRepository, clock: any HotlineClock) {
        self.repository = repository
        self.clock = clock
    }

    /// Up to `limit` supervised tickets of `principal`'s scope matching `filter` after `cursor`,
    /// or `TicketError.notSupervisor` for a caller that does not supervise.
    public func page(
        matching filter: SupervisionStore.Filter, after cursor: TicketCursor?, limit: Int, for principal: Principal
    ) async throws -> Page {
        guard principal.mayReadSupervision else { throw TicketError.notSupervisor }
        let tickets = try await repository.supervised(
            within: principal.scope, matching: filter, after: cursor, limit: limit)
        let now = clock.now()
        let entries = tickets.map {
            Entry(ticket: $0, overdueSeconds: $0.overdueSeconds(at: now), nextStep: $0.nextStep(at: now))
        }
        let last = tickets.count == limit ? tickets.last : nil
        return Page(entries: entries, next: last.map { TicketCursor(receivedAt: $0.overdueAt, id: $0.id) })
    }
}
