public import Foundation
public import HotlineDomain

/// Which Open311 requests a reader asks for: by number (which overrides everything else), or
/// by service, status and a window of filing times.
public struct ServiceRequestFilter: Sendable, Equatable {
    /// Ticket numbers; when set, the other fields are ignored.
    public var numbers: [String]?
    public var serviceCodes: [String]?
    public var states: [TicketState]?
    public var from: Date
    public var to: Date

    public init(
        numbers: [String]? = nil, serviceCodes: [String]? = nil, states: [TicketState]? = nil, from: Date, to: Date
    ) {
        self.numbers = numbers
        self.serviceCodes = serviceCodes
        self.states = states
        self.from = from
        self.to = to
    }
}
