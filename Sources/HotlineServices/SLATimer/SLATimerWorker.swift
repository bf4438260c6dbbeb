import Foundation
public import HotlineDomain
public import HotlineRuntime
import HotlineStorage
public import Logging
import Metrics
public import PostgresNIO

/// The SLA timer: keeps each ticket's durable timers in step with its lifecycle (a consumer of
/// `ticket.dispatched` and `ticket.handled`) and fires the due ones (`SLATicker`), publishing
/// `sla.timer_fired` reminders, checkpoints, overdue notices and escalations. It also runs the
/// `Reconciler`, a relay for outbox rows their producer left unpublished too long, and samples
/// the timers past due that have not fired (`hotline_sla_timers_late`).
public enum SLATimerWorker {
    /// How long past its due time a pending timer counts as late (`hotline_sla_timers_late`): a
    /// few ticks, so timers the ticker is about to claim do not count.
    static let lateTimerGrace: Double = 60

    public static func parts(_ resources: ServiceResources) throws -> ServiceParts {
        let snapshots = resources.referenceSnapshots()
        let planner: SLATicker.PlannerSource = { connection, logger in
            SLAPlanner(policy: try await snapshots.current(on: connection, logger: logger).reference.timeLimits)
        }
        let ticker = SLATicker(
            producerName: resources.kind.name, database: resources.database, clock: resources.clock, planner: planner,
            batchSize: resources.settings.slaBatchSize, interval: resources.settings.slaTickInterval,
            doorbell: resources.doorbell, logger: resources.logger)
        let settings = resources.settings
        let late = Gauge(label: "hotline_sla_timers_late")
        let lateFor = Gauge(label: "hotline_sla_timers_late_seconds")
        let lateTimers = PeriodicSampler("late SLA timers", logger: resources.logger) {
            let backlog = try await BacklogStore.lateTimers(
                at: resources.clock.now(), grace: Self.lateTimerGrace, on: resources.database, logger: resources.logger)
            late.record(backlog.count)
            lateFor.record(backlog.oldestAgeSeconds)
        }
        return ServiceParts(workers: [
            lateTimers,
            try resources.consumer(handler: TimerPlanning(planner: planner)), ticker,
            Reconciler(
                database: resources.database, policy: settings.reconciliation, limit: settings.relayBatchSize * 10,
                logger: resources.logger
            ),
            OutboxRelay(
                .abandoned(olderThanSeconds: settings.reconciliation.grace), database: resources.database,
                kafka: resources.producer,
                batchSize: settings.relayBatchSize, idlePause: settings.reconciliation.interval, spans: resources.spans,
                logger: resources.logger),
        ])
    }
}

/// Sets and cancels a ticket's timers as its lifecycle events arrive: a dispatch (first,
/// re-dispatch, reopening) replaces them all; a handling action cancels the timers of the step
/// it completes and adds those it starts (whistles, hand-up deadlines, the next progress duty).
/// A dispatch to a township also plans its leadership meeting.
public struct TimerPlanning: EventBatchHandler {
    let planner: SLATicker.PlannerSource

    /// Plans with the rules `planner` reads.
    public init(planner: @escaping SLATicker.PlannerSource) {
        self.planner = planner
    }

    public var acceptedTypes: Set<EventType> { HotlineServiceKind.slaTimer.appliedTypes }

    public func apply(_ events: [ConsumedEvent], on connection: PostgresConnection, logger: Logger) async throws {
        let planner = try await planner(connection, logger)
        // Consecutive dispatches of distinct tickets are planned together; a handling action, or
        // a ticket's second dispatch, first applies those before it, so each ticket's events
        // apply in the order they came.
        var dispatches: [(consumed: ConsumedEvent, dispatched: TicketDispatched)] = []
        var pending: Set<UUID> = []
        for consumed in events {
            let ticketId = consumed.event.metadata.ticketId
            if let dispatched = consumed.event.payload(as: TicketDispatched.self) {
                if pending.contains(ticketId) {
                    try await plan(dispatches, planner: planner, on: connection, logger: logger)
                    (dispatches, pending) = ([], [])
                }
                dispatches.append((consumed, dispatched))
                pending.insert(ticketId)
            } else if let handled = consumed.event.payload(as: TicketHandled.self) {
                try await plan(dispatches, planner: planner, on: connection, logger: logger)
                (dispatches, pending) = ([], [])
                try await plan(
                    handled, at: consumed.event.metadata.occurredAt, of: ticketId, planner: planner,
                    on: connection, logger: logger)
            }
        }
        try await plan(dispatches, planner: planner, on: connection, logger: logger)
    }

    /// Replaces the timers and time limits of each dispatched ticket (each given once), in a few
    /// statements for them all.
    private func plan(
        _ dispatches: [(consumed: ConsumedEvent, dispatched: TicketDispatched)], planner: SLAPlanner,
        on connection: PostgresConnection, logger: Logger
    ) async throws {
        guard !dispatches.isEmpty else { return }
        let tickets = try await TicketDeadlineStore.timedTickets(
            dispatches.map(\.consumed.event.metadata.ticketId), on: connection, logger: logger)
        let known = dispatches.compactMap { consumed, dispatched in
            tickets[consumed.event.metadata.ticketId].map {
                (ticket: $0, dispatched: dispatched, at: consumed.event.metadata.occurredAt)
            }
        }
        let kinds = try await HandlingStore.units(
            Array(Set(known.map(\.dispatched.unitCode))), on: connection, logger: logger
        ).kinds
        try await SLATimerStore.cancelAll(of: known.map { ($0.ticket.id, $0.at) }, on: connection, logger: logger)
        var timers: [(ticket: SLATimerStore.TicketRef, timer: PlannedTimer, plannedAt: Date)] = []
        var limits: [TicketDeadlineStore.Dispatch] = []
        for (ticket, dispatched, time) in known {
            let tier = dispatched.urgency
            let reference = SLATimerStore.TicketRef(id: ticket.id, tier: tier, districtCode: ticket.districtCode)
            timers += planner.timers(
                dispatchedTo: dispatched.unitCode, unitKind: kinds[dispatched.unitCode], tier: tier,
                district: ticket.districtCode, at: time, setFinish: dispatched.finishBy
            ).map { (reference, $0, time) }
            limits.append(
                TicketDeadlineStore.Dispatch(
                    ticketId: ticket.id, unitCode: dispatched.unitCode, tier: tier, dispatchedAt: time,
                    deadlines: planner.deadlines(
                        tier: tier, district: ticket.districtCode, dispatchedAt: time, setFinish: dispatched.finishBy)))
        }
        try await SLATimerStore.add(timers, on: connection, logger: logger)
        try await TicketDeadlineStore.replace(limits, on: connection, logger: logger)
    }

    /// Cancels the timers of the step a handling action completes and adds those it starts.
    private func plan(
        _ handled: TicketHandled, at time: Date, of ticketId: UUID, planner: SLAPlanner,
        on connection: PostgresConnection, logger: Logger
    ) async throws {
        guard let ticket = try await TicketDeadlineStore.timedTicket(ticketId, on: connection, logger: logger)
        else { return }
        let change = planner.change(
            after: handled, unit: handled.unitCode ?? ticket.unitCode ?? "", tier: ticket.tier,
            district: ticket.districtCode, at: time)
        if change.cancelAll {
            try await SLATimerStore.cancelAll(of: [(ticket.id, time)], on: connection, logger: logger)
        } else if !change.cancel.isEmpty {
            try await SLATimerStore.cancel(change.cancel, of: ticket.id, at: time, on: connection, logger: logger)
        }
        try await SLATimerStore.add(change.add, for: ticket.reference, at: time, on: connection, logger: logger)
        if handled.action == .handUp, let deadline = handled.deadline {
            try await TicketDeadlineStore.moveFinish(of: ticket.id, to: deadline, on: connection, logger: logger)
        }
    }
}
