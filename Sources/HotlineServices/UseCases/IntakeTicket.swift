public import Foundation
public import HotlineDomain
public import HotlineStorage

/// Records a new ticket (`POST /tickets`): checks the request against the catalog and any
/// answer given on the spot against the knowledge base, honours an `Idempotency-Key`, numbers
/// the ticket, and records it (answered at once when the operator answered) with its events.
public struct IntakeTicket: Sendable {
    /// A ticket to record, as the operator sent it.
    public struct Intake: Sendable {
        public var request: TicketRequest
        /// An answer given on the spot, which closes the ticket at once.
        public var answer: DirectAnswer?
        /// The request in one canonical form, to recognise a retry of the same request.
        public var canonicalBody: [UInt8]
        public var idempotencyKey: String?
        /// The trace the events join.
        public var trace: TraceContext
        public var principal: Principal
        /// How the request came through Open311, when it did.
        public var filing: Open311Filing?

        public init(
            request: TicketRequest, answer: DirectAnswer?, canonicalBody: [UInt8], idempotencyKey: String?,
            trace: TraceContext, principal: Principal, filing: Open311Filing? = nil
        ) {
            self.request = request
            self.answer = answer
            self.canonicalBody = canonicalBody
            self.idempotencyKey = idempotencyKey
            self.trace = trace
            self.principal = principal
            self.filing = filing
        }
    }

    /// The ticket recorded now, or the one an earlier request with the same key recorded.
    public enum Outcome: Sendable, Equatable {
        case created(TicketRecord)
        case replayed(TicketRecord)
    }

    /// The longest `Idempotency-Key` accepted.
    public static let maximumKeyLength = 200

    private let repository: any TicketRepository
    private let reference: any ReferenceSource
    private let clock: any HotlineClock
    private let stamp: EventStamp
    /// Where the daily ticket numbers start over.
    private let timeZone: TimeZone

    public init(
        repository: any TicketRepository, reference: any ReferenceSource, clock: any HotlineClock, stamp: EventStamp,
        timeZone: TimeZone
    ) {
        self.repository = repository
        self.reference = reference
        self.clock = clock
        self.stamp = stamp
        self.timeZone = timeZone
    }

    /// Records `intake`, or throws a `TicketError` saying why not.
    public func record(_ intake: Intake) async throws -> Outcome {
        let answer = try await validate(intake)
        if let key = intake.idempotencyKey, key.isEmpty || key.count > Self.maximumKeyLength {
            throw TicketError.invalidIdempotencyKey(maximumLength: Self.maximumKeyLength)
        }
        let now = clock.now()
        let id = UUID()
        let key = intake.idempotencyKey.map {
            IdempotencyKeys.Key(key: $0, tokenId: intake.principal.tokenId, body: intake.canonicalBody)
        }
        let recorded: RecordedIntake
        if answer == nil, intake.filing == nil {
            // The common intake, in one statement that commits alone.
            recorded = try await repository.recordReceived(try await received(intake, id: id, at: now), claiming: key)
        } else {
            recorded = try await repository.transaction { session in
                let recorded = try await session.insertReceived(
                    try await received(intake, id: id, at: now), claiming: key)
                guard case .created = recorded else { return recorded }
                if let filing = intake.filing { try await session.recordFiling(filing, ticketId: id, at: now) }
                guard let answer else { return recorded }
                _ = try await session.markAnswered(id, answer, allowedIn: [.received], at: now)
                var published = answer
                published.answer = PersonalDataMask.text(answer.answer, callerName: intake.request.callerName)
                try await session.record(stamp.event(about: id, published, at: now), trace: intake.trace)
                guard let ticket = try await session.ticket(id) else { throw TicketError.notFound(id) }
                return .created(ticket)
            }
        }
        switch recorded {
        case .created(let ticket): return .created(ticket)
        case .keyClaimedBefore(.replay(let existing)):
            guard let ticket = try await repository.read({ try await $0.ticket(existing) }) else {
                throw TicketError.notFound(existing)
            }
            return .replayed(ticket)
        case .keyClaimedBefore(.mismatch): throw TicketError.idempotencyKeyReused
        }
    }

    /// The new ticket `id`, numbered now, with its `ticket.received` event.
    private func received(_ intake: Intake, id: UUID, at now: Date) async throws -> ReceivedTicket {
        let number = try await repository.nextNumber(on: CalendarDay(now, in: timeZone))
        let event = stamp.event(
            about: id, TicketReceived(number: number.description, request: ReceivedRequest(masking: intake.request)),
            at: now)
        return ReceivedTicket(
            number: number, request: intake.request, gridReport: intake.principal.gridReport, event: event,
            trace: intake.trace)
    }

    /// The answer given on the spot, if any, once the request passed the checks.
    private func validate(_ intake: Intake) async throws -> TicketAnswered? {
        let current = try await reference.current()
        let catalog = current.reference.catalog
        var findings = TicketRequestValidation.findings(intake.request) { catalog[$0]?.isLeaf ?? false }
            .map { FieldFinding(field: $0.field, detail: $0.detail) }
        findings += intake.principal.gridReportFindings(intake.request, answered: intake.answer != nil)
        var answer: TicketAnswered?
        switch intake.answer?.resolve(in: current.knowledge) {
        case .success(let resolved): answer = resolved
        case .failure(let finding): findings.append(finding)
        case nil: break
        }
        guard findings.isEmpty else { throw TicketError.invalid(findings) }
        return answer
    }
}
