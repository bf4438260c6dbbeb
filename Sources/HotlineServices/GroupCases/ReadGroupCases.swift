public import Foundation
public import HotlineDomain
public import HotlineStorage

/// Group cases (群体诉求) as the caller may see them (`GET /group-cases`, `GET /group-cases/{id}`):
/// the city's every case, a sub-center its district's, a township its own; no caller data.
public struct ReadGroupCases: Sendable {
    /// One page of cases, and where the next one starts (nil on the last page).
    public struct Page: Sendable, Equatable {
        public var cases: [GroupCase]
        public var next: GroupCaseCursor?
    }

    /// The most cases one page holds.
    public static let maximumPageSize = 200

    private let repository: any TicketRepository

    public init(repository: any TicketRepository) {
        self.repository = repository
    }

    /// Up to `limit` cases of `principal`'s scope after `cursor`, newest first.
    public func list(after cursor: GroupCaseCursor?, limit: Int, for principal: Principal) async throws -> Page {
        let scope = principal.scope
        let cases = try await repository.read { try await $0.groupCases(within: scope, after: cursor, limit: limit) }
        let next = cases.count == limit ? cases.last.map { GroupCaseCursor(detectedAt: $0.detectedAt, id: $0.id) } : nil
        return Page(cases: cases, next: next)
    }

    /// The case `id` with its linked tickets; `TicketError.noSuchGroupCase` also when `principal`
    /// may not see it.
    public func groupCase(_ id: UUID, for principal: Principal) async throws -> (GroupCase, [GroupCaseTicket]) {
        let found = try await repository.read { session -> (GroupCase, [GroupCaseTicket])? in
            guard let groupCase = try await session.groupCase(id, locking: false) else { return nil }
            return (groupCase, try await session.groupCaseTickets(id))
        }
        guard let found, principal.mayRead(found.0) else { throw TicketError.noSuchGroupCase(id) }
        return found
    }
}
