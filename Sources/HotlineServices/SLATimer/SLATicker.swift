public import Foundation
public import HotlineDomain
public import HotlineStorage
public import Logging
public import PostgresNIO
public import ServiceLifecycle

/// Fires due timers: every `interval` it claims due timers in batches (`FOR UPDATE SKIP
/// LOCKED`, so instances never share one), and in the same transaction either fires each
/// (an `sla.timer_fired` event in the outbox, the ticket marked overdue and under supervision or
/// put on its township's leadership-meeting agenda, follow-up timers) or cancels it when its
/// step is already done.
public struct SLATicker: Service {
    /// The rules in force, read on the tick's connection.
    public typealias PlannerSource = @Sendable (PostgresConnection, Logger) async throws -> SLAPlanner

    let producerName: String
    let database: PostgresClient
    let clock: any HotlineClock
    let planner: PlannerSource
    let batchSize: Int
    let interval: Duration
    /// Rung after a batch fired timers, for their events in the outbox.
    let doorbell: OutboxDoorbell?
    let logger: Logger

    public init(
        producerName: String, database: PostgresClient, clock: any HotlineClock, planner: @escaping PlannerSource,
        batchSize: Int, interval: Duration, doorbell: OutboxDoorbell? = nil, logger: Logger
    ) {
        self.doorbell = doorbell
        self.producerName = producerName
        self.database = database
        self.clock = clock
        self.planner = planner
        self.batchSize = batchSize
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                while try await tickOnce().claimed == batchSize, !Task.isShuttingDownGracefully {}
            } catch {
                logger.warning("SLA tick failed; retrying next tick", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: interval)
        }
    }

    /// What one batch did.
    public struct Outcome: Sendable, Equatable {
        public var claimed = 0
        public var fired = 0
        public var cancelled = 0

        public init(claimed: Int = 0, fired: Int = 0, cancelled: Int = 0) {
            self.claimed = claimed
            self.fired = fired
            self.cancelled = cancelled
        }
    }

    /// Claims one batch of due timers and settles it in one transaction.
    @discardableResult
    public func tickOnce() async throws -> Outcome {
        let outcome = try await database.transaction(logger: logger) { connection in
            let now = clock.now()
            let due = try await SLATimerStore.claimDue(now: now, limit: batchSize, on: connection, logger: logger)
            guard !due.isEmpty else { return Outcome() }
            let planner = try await planner(connection, logger)
            var fired: [Int] = []
            var cancelled: [Int] = []
            var supervisions: [(ticketId: UUID, supervision: Supervision)] = []
            var followUps: [(ticket: SLATimerStore.TicketRef, timer: PlannedTimer, plannedAt: Date)] = []
            var events = EventBatch()
            for claimed in due {
                guard planner.stillApplies(claimed.timer, to: claimed.facts) else {
                    cancelled.append(claimed.id)
                    continue
                }
                let firing = planner.firing(
                    claimed.timer, tier: claimed.ticket.tier, district: claimed.ticket.districtCode, at: now)
                if firing.putsOnMeetingAgenda {
                    let placed = try await MeetingAgendaStore.place(
                        claimed.ticket.id, unit: claimed.timer.unitCode, at: now, on: connection, logger: logger)
                    guard placed else {
                        // Already waiting on the unit's agenda (an earlier dispatch's meeting has not decided yet).
                        cancelled.append(claimed.id)
                        continue
                    }
                }
                if let supervision = firing.supervision { supervisions.append((claimed.ticket.id, supervision)) }
                followUps += firing.followUps.map { (claimed.ticket, $0, now) }
                try events.add(
                    Event(
                        id: UUID(), ticketId: claimed.ticket.id, occurredAt: now, producer: producerName,
                        payload: Self.payload(claimed.timer, firing: firing)),
                    trace: nil)
                fired.append(claimed.id)
            }
            // The batch's changes in a few statements, whatever its size.
            try await SLATimerStore.supervise(supervisions, at: now, on: connection, logger: logger)
            try await SLATimerStore.add(followUps, on: connection, logger: logger)
            try await events.record(on: connection, logger: logger)
            try await SLATimerStore.settle(fired: fired, cancelled: cancelled, at: now, on: connection, logger: logger)
            return Outcome(claimed: due.count, fired: fired.count, cancelled: cancelled.count)
        }
        if outcome.fired > 0 { doorbell?.ring() }
        return outcome
    }

    static func payload(_ timer: PlannedTimer, firing: SLAPlanner.Firing) -> SLATimerFired {
        var day: Int?
        if case .checkpoint(let checkpointDay) = timer.kind { day = checkpointDay }
        return SLATimerFired(
            kind: firing.event, timer: timer.kind.code, step: timer.kind.step, unitCode: timer.unitCode,
            dueAt: timer.dueAt, day: day,
            duty: day.map(SLAPlanner.checkpointDuty(day:)), supervisionLevel: firing.supervision?.level,
            supervisingUnitCode: firing.supervision?.unitCode)
    }
}
