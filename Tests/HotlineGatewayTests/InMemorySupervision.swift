import Foundation
import HotlineDomain
import HotlineStorage

/// Supervised tickets and meeting agendas in memory, for router tests: lists filtered as
/// `SupervisionStore` and `MeetingAgendaStore` filter them.
struct InMemorySupervision: SupervisionRepository {
    var tickets: [SupervisedTicket]
    var agenda: [MeetingAgendaItem]

    func supervised(
        within scope: TicketScope, matching filter: SupervisionStore.Filter, after cursor: TicketCursor?, limit: Int
    ) async throws -> [SupervisedTicket] {
        Array(
            tickets.filter { ticket in
                scope.contains(TicketParties(unitCode: ticket.unitCode, districtCode: ticket.districtCode))
                    && (filter.level.map { ticket.level == $0 } ?? true)
                    && (filter.districtCode.map { ticket.districtCode == $0 } ?? true)
                    && (filter.unitCode.map { ticket.unitCode == $0 } ?? true)
                    && (cursor.map { (ticket.overdueAt, ticket.id.uuidString) > ($0.receivedAt, $0.id.uuidString) }
                        ?? true)
            }
            .sorted { ($0.overdueAt, $0.id.uuidString) < ($1.overdueAt, $1.id.uuidString) }
            .prefix(limit))
    }

    func meetingAgenda(
        of unit: String, within scope: TicketScope, before cursor: Int64?, limit: Int
    ) async throws -> [MeetingAgendaItem] {
        Array(
            agenda.filter { $0.unitCode == unit && $0.id < (cursor ?? .max) }.sorted { $0.id > $1.id }.prefix(limit))
    }
}
