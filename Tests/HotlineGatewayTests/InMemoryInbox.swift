import Foundation
import HotlineDomain
import HotlineStorage
import Synchronization

/// Units' inboxes in memory, for router tests: the units of the harness's tokens, and items
/// marked as `InboxStore` marks them.
final class InMemoryInbox: InboxRepository {
    private let stored: Mutex<[InboxItem]>
    private let units: [String: OrgUnit]

    init(units: [OrgUnit], items: [InboxItem]) {
        self.units = Dictionary(uniqueKeysWithValues: units.map { ($0.code, $0) })
        stored = Mutex(items)
    }

    func unit(_ code: String) async throws -> OrgUnit? { units[code] }

    func items(
        of unit: String, matching filter: InboxStore.Filter, before cursor: Int64?, limit: Int
    ) async throws -> [InboxItem] {
        let all = stored.withLock { $0 }
        return Array(
            all.filter { item in
                item.unitCode == unit && (cursor.map { item.id < $0 } ?? true)
                    && (filter.kinds.map { $0.contains(item.kind) } ?? true)
                    && (filter.ticketId.map { item.ticketId == $0 } ?? true)
                    && Self.matches(filter.state, item)
            }
            .sorted { $0.id > $1.id }
            .prefix(limit))
    }

    func openCounts(of unit: String) async throws -> (byKind: [InboxKind: Int], unread: Int) {
        let open = stored.withLock { $0 }.filter { $0.unitCode == unit && $0.acknowledgedAt == nil }
        return (Dictionary(grouping: open, by: \.kind).mapValues(\.count), open.filter { $0.readAt == nil }.count)
    }

    func mark(
        _ ids: [Int64], of unit: String, _ mark: InboxStore.Mark, by actor: String, at time: Date
    ) async throws -> [Int64] {
        stored.withLock { items in
            var changed: [Int64] = []
            for index in items.indices where ids.contains(items[index].id) && items[index].unitCode == unit {
                switch mark {
                case .read where items[index].readAt == nil:
                    items[index].readAt = time
                case .acknowledged where items[index].acknowledgedAt == nil:
                    items[index].acknowledgedAt = time
                    items[index].acknowledgedBy = actor
                    items[index].readAt = items[index].readAt ?? time
                default: continue
                }
                changed.append(items[index].id)
            }
            return changed.sorted()
        }
    }

    func committed(after position: InboxPosition, unit: String?, limit: Int) async throws -> [InboxItem] {
        Array(
            stored.withLock { $0 }.filter { item in
                item.position > position && (unit.map { $0 == item.unitCode } ?? true)
            }
            .sorted { $0.position < $1.position }.prefix(limit))
    }

    func latestPosition() async throws -> InboxPosition {
        stored.withLock { $0 }.map(\.position).max() ?? .start
    }

    private static func matches(_ state: InboxStore.StateFilter, _ item: InboxItem) -> Bool {
        switch state {
        case .all: true
        case .unread: item.readAt == nil
        case .unacknowledged: item.acknowledgedAt == nil
        case .acknowledged: item.acknowledgedAt != nil
        }
    }
}
