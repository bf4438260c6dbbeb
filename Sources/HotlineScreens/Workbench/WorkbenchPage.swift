import Foundation
import HotlineDomain
import HotlineGateway
import HotlineServices
import HotlineStorage

/// The data of a unit's workbench: the queue (`ReadTickets.workQueue`) and the inbox with its
/// counts (`ReadInbox.page`), read with the same use cases and scope checks as the API's
/// `GET /units/{code}/queue` and `GET /units/{code}/inbox`.
enum WorkbenchPage {
    /// Most tickets the queue shows.
    static let queueLimit = 200
    /// Most inbox items the page lists before live ones arrive.
    static let inboxLimit = 100

    /// The page of `unit` for `principal`, its inbox narrowed to `kind` when given; the use
    /// cases' refusals (no such unit, another unit's queue or inbox) propagate as they are.
    static func data(
        unit: String, kind: InboxKind?, for principal: Principal, _ services: ScreenServices,
        _ context: ScreenRequestContext
    ) async throws -> [String: Any] {
        let words = TicketWords(renderer: services.renderer, context: context)
        let inbox = try await services.api.inbox.page(
            of: unit, matching: InboxStore.Filter(kinds: kind.map { [$0] }), before: nil, limit: inboxLimit,
            for: principal)
        let queue = try await services.api.reading.workQueue(of: unit, limit: queueLimit, for: principal)
        let reference = try await services.api.reference.current().reference
        let orgUnit = reference.units.first { $0.code == unit }
        let now = services.renderer.clock.now()
        var stream = "/ui/units/\(unit)/inbox/stream"
        // Unfiltered, the list holds the newest items: the stream resumes after them, so nothing
        // committed between this page and the stream's opening is missed.
        if kind == nil, let newest = inbox.items.map(\.position).max() { stream += "?last_event_id=\(newest)" }
        let canAcknowledge = principal.mayWorkInbox(of: unit)
        return [
            "unit": ["code": unit, "name": orgUnit?.name ?? unit] as [String: Any],
            "queue": queue.map {
                QueueRow.data(
                    $0, limits: reference.timeLimits.limits($0.urgency, district: orgUnit?.districtCode),
                    catalog: reference.catalog, now: now, words: words)
            },
            "queueCount": queue.count,
            "inbox": inbox.items.map { InboxRow.data($0, words: words) },
            "counts": InboxCounts.data(inbox.openByKind, selected: kind, words: words),
            "unread": inbox.unread, "selectedKind": kind?.rawValue ?? "", "canAcknowledge": canAcknowledge,
            "stream": stream, "labels": try WorkbenchLabels.json(words: words),
        ]
    }
}
