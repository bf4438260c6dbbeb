public import Foundation
public import HotlineDomain
public import HotlineStorage

/// Takes a handling action on a ticket (`POST /tickets/{id}/actions/{action}`): checks the
/// request, locks the ticket, lets `HandlingRules` decide, and applies the decision with its
/// events, all in one transaction.
public struct HandleTicket: Sendable {
    private let repository: any TicketRepository
    private let clock: any HotlineClock
    private let stamp: EventStamp
    private let disclosure: TicketDisclosure

    public init(
        repository: any TicketRepository, clock: any HotlineClock, stamp: EventStamp, disclosure: TicketDisclosure
    ) {
        self.repository = repository
        self.clock = clock
        self.stamp = stamp
        self.disclosure = disclosure
    }

    /// The ticket after `principal` took `action` on it, as `principal` may see it (`purpose`
    /// names the route), or a `TicketError` saying why not.
    public func perform(
        _ action: HandlingAction, on id: UUID, _ request: HandlingRequest, by principal: Principal, purpose: String
    ) async throws -> TicketRecord {
        let now = clock.now()
        let findings = request.findings(for: action, now: now)
        guard findings.isEmpty else { throw TicketError.handlingRefused(id, action, .invalid(findings)) }
        let stamp = stamp
        let record = try await repository.transaction { session in
            guard let ticket = try await session.lockForHandling(id) else { throw TicketError.notFound(id) }
            let named = HandlingRules.unitsNamed(by: action, in: request)
            let units = named.isEmpty ? (kinds: [:], parents: [:]) : try await session.namedUnits(named)
            let decision: HandlingDecision
            do throws(HandlingRefusal) {
                decision = try HandlingRules.decide(
                    action, request, on: ticket, by: principal, unitKinds: units.kinds, unitParents: units.parents,
                    at: now)
            } catch {
                throw TicketError.handlingRefused(id, action, error)
            }
            try await session.carryOut(decision, on: id, stamp: stamp, at: now)
            return try await session.ticket(id)
        }
        guard let record else { throw TicketError.notFound(id) }
        return disclosure.single(record, to: principal, purpose: purpose)
    }
}
