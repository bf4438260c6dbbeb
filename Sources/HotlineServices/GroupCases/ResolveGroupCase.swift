public import Foundation
public import HotlineDomain
public import HotlineStorage

/// Resolves a group case jointly (`POST /group-cases/{id}/resolve`): every linked ticket still
/// awaiting its result is resolved as `POST /tickets/{id}/actions/resolve` would resolve it
/// (`GroupResolution.decide`, `TicketSession.carryOut`), each with its own `ticket.handled`
/// event and so its own return visit, all in one transaction. Tickets that cannot be resolved
/// are reported with the reason; the case is resolved once no linked ticket awaits its result.
public struct ResolveGroupCase: Sendable {
    /// A linked ticket the resolution left as it was, and why.
    public struct Refusal: Sendable, Equatable {
        public var ticket: GroupCaseTicket
        public var reason: HandlingRefusal
    }

    /// The case after the resolution, its linked tickets, and what happened to each ticket that
    /// awaited its result.
    public struct Outcome: Sendable, Equatable {
        public var groupCase: GroupCase
        public var tickets: [GroupCaseTicket]
        public var resolved: [UUID]
        public var refused: [Refusal]
    }

    private let repository: any TicketRepository
    private let clock: any HotlineClock
    private let stamp: EventStamp

    public init(repository: any TicketRepository, clock: any HotlineClock, stamp: EventStamp) {
        self.repository = repository
        self.clock = clock
        self.stamp = stamp
    }

    /// Resolves case `id` with `resolution` by `principal`; `TicketError.noSuchGroupCase` when
    /// there is none `principal` may see, `.notYourGroupCase` when it may not resolve it,
    /// `.invalid` (or `.handlingRefused` naming the ticket) when the body lacks a text.
    public func resolve(_ id: UUID, _ resolution: GroupResolution, by principal: Principal) async throws -> Outcome {
        let findings = resolution.findings()
        guard findings.isEmpty else { throw TicketError.invalid(findings) }
        let now = clock.now()
        let stamp = stamp
        return try await repository.transaction { session in
            guard let groupCase = try await session.groupCase(id, locking: true), principal.mayRead(groupCase) else {
                throw TicketError.noSuchGroupCase(id)
            }
            guard principal.mayResolve(groupCase) else { throw TicketError.notYourGroupCase }
            var resolved: [UUID] = []
            var refused: [Refusal] = []
            for linked in try await session.groupCaseTickets(id) where linked.state.awaitsResult {
                guard let ticket = try await session.lockForHandling(linked.id) else { continue }
                let decision: HandlingDecision
                do throws(HandlingRefusal) {
                    decision = try resolution.decide(on: ticket, id: linked.id, by: principal, at: now)
                } catch {
                    if case .invalid = error { throw TicketError.handlingRefused(linked.id, .resolve, error) }
                    refused.append(Refusal(ticket: linked, reason: error))
                    continue
                }
                try await session.carryOut(decision, on: linked.id, stamp: stamp, at: now)
                resolved.append(linked.id)
            }
            let settled = try await session.settleGroupCase(id, at: now) ?? groupCase
            return Outcome(
                groupCase: settled, tickets: try await session.groupCaseTickets(id), resolved: resolved,
                refused: refused)
        }
    }
}
