public import Foundation

/// What one dispatch of a ticket to a unit contributes to the unit's assessment: the month it
/// counts in (the dispatch's, in the city's time zone) and what happened to it there.
public struct AssessmentFact: Sendable, Equatable {
    public var ticketId: UUID
    public var unitCode: String
    public var dispatchedAt: Date
    /// The first day of the month the dispatch counts in.
    public var month: CalendarDay
    public var districtCode: String?
    public var signForBy: Date
    public var finishBy: Date?
    public var signedInTime = false
    public var resolved = false
    public var resolvedOnTime = false
    public var visited = false
    public var solved = false
    public var satisfied = false
    public var sentBack = false
    public var reopened = 0
    public var overdue = false
    /// Excluded from assessment with the center's approval (不计入考核).
    public var excluded = false

    public init(
        ticketId: UUID, unitCode: String, dispatchedAt: Date, month: CalendarDay, districtCode: String?,
        signForBy: Date, finishBy: Date?
    ) {
        self.ticketId = ticketId
        self.unitCode = unitCode
        self.dispatchedAt = dispatchedAt
        self.month = month
        self.districtCode = districtCode
        self.signForBy = signForBy
        self.finishBy = finishBy
    }
}

/// One event as the scoring rules read it, whether it came from Kafka (the aggregator) or from
/// a ticket's history (`hotline verify-scores`).
public enum ScoringEvent: Sendable {
    case dispatched(TicketDispatched)
    case handled(TicketHandled)
    case timerFired(SLATimerFired)

    /// The scoring view of a decoded event, nil for types scoring ignores.
    public init?(_ event: DecodedEvent) {
        if let payload = event.payload(as: TicketDispatched.self) {
            self = .dispatched(payload)
        } else if let payload = event.payload(as: TicketHandled.self) {
            self = .handled(payload)
        } else if let payload = event.payload(as: SLATimerFired.self) {
            self = .timerFired(payload)
        } else {
            return nil
        }
    }

    /// The event types scoring reads.
    public static let types: Set<EventType> = [.ticketDispatched, .ticketHandled, .slaTimerFired]
}

/// Folds a ticket's events into its assessment facts, one per dispatch. Pure: the aggregator
/// and the verification run the same rules over two different records of the same events.
public struct ScoringReducer: Sendable {
    public let planner: SLAPlanner
    public let timeZone: TimeZone
    /// Whether a request the center agreed is unreasonable leaves the assessment
    /// (`AssessmentPolicy.excludesAgreedUnreasonable`).
    public let excludesAgreedUnreasonable: Bool

    public init(planner: SLAPlanner, timeZone: TimeZone, excludesAgreedUnreasonable: Bool) {
        self.planner = planner
        self.timeZone = timeZone
        self.excludesAgreedUnreasonable = excludesAgreedUnreasonable
    }

    /// The rules `reference` sets: its time limits and its assessment policy.
    public init(reference: ReferenceData, timeZone: TimeZone) {
        self.init(
            planner: SLAPlanner(policy: reference.timeLimits), timeZone: timeZone,
            excludesAgreedUnreasonable: reference.assessmentPolicy.excludesAgreedUnreasonable)
    }

    /// The facts of one ticket from its encoded events, given in the order they happened; other
    /// event types and unreadable bodies are passed over.
    public func facts(replaying bodies: some Sequence<[UInt8]>, ticketId: UUID, district: String?) -> [AssessmentFact] {
        var facts: [AssessmentFact] = []
        for body in bodies {
            guard case .success(let decoded) = EventCodec.decode(body, accepting: ScoringEvent.types),
                let event = ScoringEvent(decoded)
            else { continue }
            apply(event, ticketId: ticketId, district: district, at: decoded.metadata.occurredAt, to: &facts)
        }
        return facts
    }

    /// Applies `event` (about a ticket in `district`, at `time`) to that ticket's `facts`,
    /// oldest dispatch first; later events concern the latest dispatch.
    public func apply(
        _ event: ScoringEvent, ticketId: UUID, district: String?, at time: Date, to facts: inout [AssessmentFact]
    ) {
        switch event {
        case .dispatched(let dispatch):
            let deadlines = planner.deadlines(
                tier: dispatch.urgency, district: district, dispatchedAt: time, setFinish: dispatch.finishBy)
            facts.append(
                AssessmentFact(
                    ticketId: ticketId, unitCode: dispatch.unitCode, dispatchedAt: time,
                    month: CalendarDay(time, in: timeZone).firstOfMonth,
                    districtCode: district, signForBy: deadlines.signForBy, finishBy: deadlines.finishBy))
        case .handled(let handled):
            guard !facts.isEmpty else { return }
            let last = facts.count - 1
            switch handled.action {
            case .signFor: facts[last].signedInTime = time <= facts[last].signForBy
            case .decideSendBack where handled.approved == true: facts[last].sentBack = true
            case .handUp: facts[last].finishBy = handled.deadline ?? facts[last].finishBy
            case .resolve:
                facts[last].resolved = true
                facts[last].resolvedOnTime = facts[last].finishBy.map { time <= $0 } ?? true
            case .returnVisit:
                facts[last].visited = true
                facts[last].solved = handled.solved == .solved
                facts[last].satisfied = handled.satisfaction == .satisfied
            case .reopen: facts[last].reopened += 1
            case .decideExclusion where handled.approved == true:
                for index in facts.indices { facts[index].excluded = true }
            case .decideUnreasonable where handled.approved == true && excludesAgreedUnreasonable:
                for index in facts.indices { facts[index].excluded = true }
            default: break
            }
        case .timerFired(let fired):
            guard fired.kind == .overdue, fired.timer == SLATimerKind.deadline(.finish).code,
                let index = facts.lastIndex(where: { $0.unitCode == fired.unitCode })
            else { return }
            facts[index].overdue = true
        }
    }
}

extension CalendarDay {
    /// The first day of this day's month.
    public var firstOfMonth: CalendarDay { CalendarDay(year: year, month: month, day: 1) }

    /// The first day of the previous month.
    public var previousMonth: CalendarDay {
        month == 1 ? CalendarDay(year: year - 1, month: 12, day: 1) : CalendarDay(year: year, month: month - 1, day: 1)
    }
    /// The first day of the next month.
    public var nextMonth: CalendarDay {
        month == 12 ? CalendarDay(year: year + 1, month: 1, day: 1) : CalendarDay(year: year, month: month + 1, day: 1)
    }

    /// Midnight at the start of this day in `timeZone`.
    public func start(in timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: DateComponents(year: year, month: month, day: day))!
    }
}
