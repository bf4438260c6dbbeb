import Foundation
import HotlineDomain
import HotlineStorage
import Synchronization

/// The ticket storage in memory, for router tests: tickets as stored rows with what a handling
/// decision reads, the org units' kinds, group cases, and what the use cases applied and
/// recorded. Intake and review writes and settling a group case are not modelled (those are
/// covered against PostgreSQL).
final class InMemoryTicketRepository: TicketRepository, TicketSession {
    struct Stored {
        var record: TicketRecord
        var handling: HandlingTicket
    }

    /// A write the router tests do not model.
    struct NotModelled: Error {}

    private let tickets: Mutex<[UUID: Stored]>
    private let applied = Mutex<[HandlingDecision]>([])
    private let recorded = Mutex<[EventType]>([])
    private let units: [String: OrgUnit.Kind]
    private let cases: [GroupCase]

    init(_ tickets: [Stored], units: [String: OrgUnit.Kind] = [:], groupCases: [GroupCase] = []) {
        self.tickets = Mutex(Dictionary(uniqueKeysWithValues: tickets.map { ($0.record.id, $0) }))
        self.units = units
        self.cases = groupCases
    }

    /// The handling decisions applied, oldest first.
    var decisions: [HandlingDecision] { applied.withLock { $0 } }
    /// The types of the events recorded, oldest first.
    var events: [EventType] { recorded.withLock { $0 } }

    func read<T: Sendable>(_ work: @escaping @Sendable (any TicketSession) async throws -> T) async throws -> T {
        try await work(self)
    }

    func transaction<T: Sendable>(_ work: @escaping @Sendable (any TicketSession) async throws -> T) async throws -> T {
        try await work(self)
    }

    func recordReceived(
        _ ticket: ReceivedTicket, claiming key: IdempotencyKeys.Key?
    ) async throws -> RecordedIntake { throw NotModelled() }

    func nextNumber(on day: CalendarDay) async throws -> TicketNumber { throw NotModelled() }

    func ticket(_ id: UUID) async throws -> TicketRecord? { tickets.withLock { $0[id]?.record } }

    func state(of id: UUID) async throws -> TicketState? { tickets.withLock { $0[id]?.record.state } }

    func tickets(matching filter: TicketFilter, after cursor: TicketCursor?, limit: Int) async throws -> [TicketRecord]
    {
        tickets.withLock { stored in
            Array(
                stored.values.map(\.record).filter {
                    filter.scope.contains($0.parties) && (filter.unitCode == nil || $0.unitCode == filter.unitCode)
                }
                .sorted { $0.receivedAt > $1.receivedAt }.prefix(limit))
        }
    }

    func reviewQueue(limit: Int) async throws -> [TicketRecord] {
        tickets.withLock { Array($0.values.map(\.record).filter { $0.state == .needsReview }.prefix(limit)) }
    }

    func workQueue(of unit: String, within scope: TicketScope, now: Date, limit: Int) async throws -> [WorkQueue.Item] {
        tickets.withLock { stored in
            stored.values.map(\.record).filter { scope.contains($0.parties) }.prefix(limit).compactMap { record in
                record.parties.part(of: unit).map { part in
                    WorkQueue.Item(
                        id: record.id, number: record.number, state: record.state, urgency: record.urgency,
                        categoryCode: record.categoryCode, placeText: record.placeText, text: record.text,
                        callerName: record.callerName, role: part, assignBy: nil, finishBy: nil, now: now)
                }
            }
        }
    }

    func insertReceived(_ ticket: ReceivedTicket, claiming key: IdempotencyKeys.Key?) async throws -> RecordedIntake {
        throw NotModelled()
    }

    func recordFiling(_ filing: Open311Filing, ticketId: UUID, at time: Date) async throws { throw NotModelled() }

    func markAnswered(
        _ id: UUID, _ answer: TicketAnswered, allowedIn states: [TicketState], at time: Date
    ) async throws -> Bool { throw NotModelled() }

    func applyOperatorCategory(
        _ id: UUID, leafCode: String, path: [String], urgency: UrgencyTier, allowedIn states: [TicketState],
        at time: Date
    ) async throws -> TicketStore.CategoryChange? { throw NotModelled() }

    func recordExample(
        ticketId: UUID, text: String, location: String, leafCode: String, urgency: UrgencyTier?, recordedBy: UUID,
        at time: Date
    ) async throws { throw NotModelled() }

    func record<P: EventPayload>(_ event: Event<P>, trace: TraceContext?) async throws {
        recorded.withLock { $0.append(P.eventType) }
    }

    func lockForHandling(_ id: UUID) async throws -> HandlingTicket? { tickets.withLock { $0[id]?.handling } }

    func namedUnits(_ codes: [String]) async throws -> (kinds: [String: OrgUnit.Kind], parents: [String: String]) {
        (units.filter { codes.contains($0.key) }, [:])
    }

    func apply(_ decision: HandlingDecision, to id: UUID, at time: Date) async throws {
        applied.withLock { $0.append(decision) }
        tickets.withLock { stored in
            stored[id]?.record.state = decision.state
            stored[id]?.record.unitCode = decision.unitCode
            stored[id]?.handling.state = decision.state
            stored[id]?.handling.unitCode = decision.unitCode
        }
    }

    func groupCases(within scope: TicketScope, after cursor: GroupCaseCursor?, limit: Int) async throws -> [GroupCase] {
        let visible = cases.filter { groupCase in
            switch scope {
            case .city: true
            case .district(let district): groupCase.districtCode == district
            case .unit(let unit): groupCase.townshipCode == unit
            case .community: false
            case .nothing: false
            }
        }
        return Array(
            visible.sorted { ($0.detectedAt, $0.id.uuidString) > ($1.detectedAt, $1.id.uuidString) }.prefix(limit))
    }

    func groupCase(_ id: UUID, locking: Bool) async throws -> GroupCase? { cases.first { $0.id == id } }

    func groupCaseTickets(_ id: UUID) async throws -> [GroupCaseTicket] {
        tickets.withLock { stored in
            stored.values.filter { $0.record.groupRequestId == id }.map {
                GroupCaseTicket(
                    id: $0.record.id, number: $0.record.number, state: $0.record.state, unitCode: $0.record.unitCode,
                    townshipCode: $0.record.townshipCode, receivedAt: $0.record.receivedAt)
            }
        }
    }

    func settleGroupCase(_ id: UUID, at time: Date) async throws -> GroupCase? { throw NotModelled() }
}
