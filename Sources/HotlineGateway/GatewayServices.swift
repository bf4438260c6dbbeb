public import Foundation
public import HotlineDomain
public import HotlineRuntime
public import HotlineServices
public import HotlineStorage

/// What the gateway's routes call: the ticket and group case use cases, the reference data, the caller's
/// authentication and rate limit, and the API's own description.
public struct GatewayServices: Sendable {
    public var intake: IntakeTicket
    public var handling: HandleTicket
    public var review: ReviewTicket
    public var reading: ReadTickets
    public var auditTrail: ReadAuditTrail
    public var inbox: ReadInbox
    public var supervision: SupervisionBoard
    public var meetingAgenda: ReadMeetingAgenda
    /// The leaders' period reports, stored on schedule or computed on request.
    public var reports: ReadPeriodReports
    /// The governance programme (每月一题): screening, tasks, progress, effect.
    public var governance: GovernanceProgram
    /// Units' inboxes followed live, from the process's one `InboxFeed`.
    public var following: FollowInbox
    public var groupCases: ReadGroupCases
    public var groupResolution: ResolveGroupCase
    public var reference: any ReferenceSource
    public var authenticator: TokenAuthenticator
    public var rateLimiter: TokenRateLimiter
    /// `Schemas/openapi.yaml`, served as it is.
    public var openAPIDocument: Data
    /// Where the intake routes record their server spans; nil when tracing is off.
    public var spans: SpanRecorder?

    /// The use cases over `repository` and `reference`, their events stamped with `producer`,
    /// unmasked reads recorded in `audit` and read back through `auditReader`, the units' inboxes in `inbox`,
    /// followed live through `feed`, supervision lists and meeting agendas in `supervision`, period
    /// reports in `reports`, governance tasks in `governance`.
    public init(
        repository: any TicketRepository, reference: any ReferenceSource, authenticator: TokenAuthenticator,
        rateLimiter: TokenRateLimiter, audit: any AuditTrail, auditReader: any AuditReader, inbox: any InboxRepository,
        feed: InboxFeed, supervision: any SupervisionRepository, reports: any PeriodReportRepository,
        governance: any GovernanceTaskRepository, clock: any HotlineClock,
        producer: String, timeZone: TimeZone, openAPIDocument: Data
    ) {
        let stamp = EventStamp(producer: producer)
        let disclosure = TicketDisclosure(audit: audit)
        intake = IntakeTicket(
            repository: repository, reference: reference, clock: clock, stamp: stamp, timeZone: timeZone)
        handling = HandleTicket(repository: repository, clock: clock, stamp: stamp, disclosure: disclosure)
        review = ReviewTicket(
            repository: repository, reference: reference, clock: clock, stamp: stamp, disclosure: disclosure)
        reading = ReadTickets(repository: repository, clock: clock, disclosure: disclosure)
        auditTrail = ReadAuditTrail(reader: auditReader)
        self.inbox = ReadInbox(inbox: inbox, clock: clock)
        self.supervision = SupervisionBoard(repository: supervision, clock: clock)
        meetingAgenda = ReadMeetingAgenda(repository: supervision)
        self.reports = ReadPeriodReports(repository: reports, clock: clock, timeZone: timeZone)
        self.governance = GovernanceProgram(
            repository: governance, reference: reference, clock: clock, timeZone: timeZone)
        following = FollowInbox(reading: self.inbox, inbox: inbox, feed: feed)
        groupCases = ReadGroupCases(repository: repository)
        groupResolution = ResolveGroupCase(repository: repository, clock: clock, stamp: stamp)
        self.reference = reference
        self.authenticator = authenticator
        self.rateLimiter = rateLimiter
        self.openAPIDocument = openAPIDocument
    }
}
