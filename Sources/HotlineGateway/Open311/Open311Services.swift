public import Foundation
public import HotlineDomain
public import HotlineServices

/// What the Open311 routes call: filing and reading requests, the services' attributes, and how
/// the city answers a POST.
public struct Open311Services: Sendable {
    public var filing: FileServiceRequest
    public var reading: ReadServiceRequests
    public var definitions: ServiceDefinitions
    /// Whether a POST answers with a token instead of the request's id (`HOTLINE_OPEN311_TOKENS`).
    public var answersWithTokens: Bool
    /// The zone the dates are written in.
    public var timeZone: TimeZone

    public init(
        filing: FileServiceRequest, reading: ReadServiceRequests, definitions: ServiceDefinitions,
        answersWithTokens: Bool, timeZone: TimeZone
    ) {
        self.filing = filing
        self.reading = reading
        self.definitions = definitions
        self.answersWithTokens = answersWithTokens
        self.timeZone = timeZone
    }
}
