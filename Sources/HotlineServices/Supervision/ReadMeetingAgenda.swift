public import HotlineDomain
public import HotlineStorage

/// A township's leadership-meeting agenda (`GET /units/{code}/meeting`): the tickets put on it
/// and the decisions recorded, newest first, for whoever may read the unit's work queue.
public struct ReadMeetingAgenda: Sendable {
    /// One page, and the item the next one starts before (nil on the last page).
    public struct Page: Sendable, Equatable {
        public var items: [MeetingAgendaItem]
        public var next: Int64?
    }

    /// The most items one page holds.
    public static let maximumPageSize = 200

    private let repository: any SupervisionRepository

    public init(repository: any SupervisionRepository) {
        self.repository = repository
    }

    /// Up to `limit` agenda items of `unit` before item `cursor`, if `principal` may read the
    /// unit's queue (`mayReadQueue`); a sub-center sees only its district's tickets.
    public func page(of unit: String, before cursor: Int64?, limit: Int, for principal: Principal) async throws -> Page
    {
        guard principal.mayReadQueue(of: unit) else { throw TicketError.notYourQueue }
        let items = try await repository.meetingAgenda(
            of: unit, within: principal.scope, before: cursor, limit: limit)
        return Page(items: items, next: items.count == limit ? items.last?.id : nil)
    }
}
