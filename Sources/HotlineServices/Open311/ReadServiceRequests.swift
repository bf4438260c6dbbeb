public import Foundation
public import HotlineDomain
public import HotlineStorage

/// The Open311 reads (`GET /open311/v2/requests`, `requests/{id}`, `tokens/{token}`): the
/// requests filed through Open311, as GeoReport v2 publishes them (no caller's data).
public struct ReadServiceRequests: Sendable {
    /// The longest window of filing times one list may span, and the default window: 90 days.
    public static let maximumWindow: TimeInterval = 90 * 86_400
    /// The most requests one list returns.
    public static let maximumCount = 1_000

    /// A list's query as received.
    public struct Query: Sendable, Equatable {
        public var numbers: [String]?
        public var serviceCodes: [String]?
        public var statuses: [Open311Status]?
        public var start: Date?
        public var end: Date?

        public init(
            numbers: [String]? = nil, serviceCodes: [String]? = nil, statuses: [Open311Status]? = nil,
            start: Date? = nil, end: Date? = nil
        ) {
            self.numbers = numbers
            self.serviceCodes = serviceCodes
            self.statuses = statuses
            self.start = start
            self.end = end
        }
    }

    private let repository: any ServiceRequestRepository
    private let clock: any HotlineClock

    public init(repository: any ServiceRequestRepository, clock: any HotlineClock) {
        self.repository = repository
        self.clock = clock
    }

    /// The requests `query` asks for, newest first, at most `maximumCount`; a window longer than
    /// 90 days or ending before it starts is refused.
    public func list(_ query: Query) async throws -> [ServiceRequestRecord] {
        let (from, to) = try window(start: query.start, end: query.end)
        let filter = ServiceRequestFilter(
            numbers: query.numbers, serviceCodes: query.serviceCodes,
            states: query.statuses.map { $0.flatMap(\.states) }, from: from, to: to)
        return try await repository.requests(matching: filter, limit: Self.maximumCount)
    }

    /// The request numbered `number`, or nil.
    public func request(number: String) async throws -> ServiceRequestRecord? {
        let filter = ServiceRequestFilter(numbers: [number], from: .distantPast, to: .distantFuture)
        return try await repository.requests(matching: filter, limit: 1).first
    }

    /// The request a token stands for, or nil.
    public func request(token: UUID) async throws -> ServiceRequestRecord? {
        try await repository.request(token: token)
    }

    /// The filing times a list covers: the 90 days before now when neither end is given, 90 days
    /// from the one end given, or the two ends given.
    func window(start: Date?, end: Date?) throws -> (Date, Date) {
        switch (start, end) {
        case (nil, nil):
            let now = clock.now()
            return (now.addingTimeInterval(-Self.maximumWindow), now)
        case (let start?, nil): return (start, start.addingTimeInterval(Self.maximumWindow))
        case (nil, let end?): return (end.addingTimeInterval(-Self.maximumWindow), end)
        case (let start?, let end?):
            guard start <= end else {
                throw ServiceRequestRefusal.invalid([FieldFinding(field: "end_date", detail: "is before start_date")])
            }
            guard end.timeIntervalSince(start) <= Self.maximumWindow else {
                throw ServiceRequestRefusal.invalid([
                    FieldFinding(field: "end_date", detail: "start_date and end_date may span at most 90 days")
                ])
            }
            return (start, end)
        }
    }
}
