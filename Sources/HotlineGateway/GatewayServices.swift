public import Foundation
public import HotlineDomain
public import HotlineServices
public import HotlineStorage

/// What the gateway's routes call: the ticket use cases, the reference data, the caller's
/// authentication and rate limit, and the API's own description.
public struct GatewayServices: Sendable {
    public var intake: IntakeTicket
    public var handling: HandleTicket
    public var review: ReviewTicket
    public var reading: ReadTickets
    public var reference: any ReferenceSource
    public var authenticator: TokenAuthenticator
    public var rateLimiter: TokenRateLimiter
    /// `Schemas/openapi.yaml`, served as it is.
    public var openAPIDocument: Data

    /// The use cases over `repository` and `reference`, their events stamped with `producer`.
    public init(
        repository: any TicketRepository, reference: any ReferenceSource, authenticator: TokenAuthenticator,
        rateLimiter: TokenRateLimiter, clock: any HotlineClock, producer: String, timeZone: TimeZone,
        openAPIDocument: Data
    ) {
        let stamp = EventStamp(producer: producer)
        intake = IntakeTicket(
            repository: repository, reference: reference, clock: clock, stamp: stamp, timeZone: timeZone)
        handling = HandleTicket(repository: repository, clock: clock, stamp: stamp)
        review = ReviewTicket(repository: repository, reference: reference, clock: clock, stamp: stamp)
        reading = ReadTickets(repository: repository, clock: clock)
        self.reference = reference
        self.authenticator = authenticator
        self.rateLimiter = rateLimiter
        self.openAPIDocument = openAPIDocument
    }
}
