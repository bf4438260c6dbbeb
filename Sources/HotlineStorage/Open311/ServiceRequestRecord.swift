public import Foundation
public import HotlineDomain
import PostgresNIO

/// A request filed through Open311 as its readers see it: no caller's name, phone or email,
/// the description with personal numbers masked.
public struct ServiceRequestRecord: Sendable, Equatable {
    /// The ticket number (`service_request_id`).
    public var number: String
    /// The ticket's id, which is also the filing's token.
    public var ticketId: UUID
    public var state: TicketState
    /// The leaf the ticket is classified under now, else the one it was filed under.
    public var serviceCode: String
    /// That leaf's name.
    public var serviceName: String?
    public var description: String
    /// The handler's feedback to the caller, once reported.
    public var feedback: String?
    /// The name of the unit leading the ticket, once dispatched.
    public var agency: String?
    /// When the lead unit must finish, once dispatched.
    public var finishBy: Date?
    public var address: String
    public var coordinates: Coordinates?
    public var requestedAt: Date
    public var updatedAt: Date

    public init(
        number: String, ticketId: UUID, state: TicketState, serviceCode: String, serviceName: String? = nil,
        description: String,
        feedback: String? = nil, agency: String? = nil, finishBy: Date? = nil, address: String,
        coordinates: Coordinates? = nil, requestedAt: Date, updatedAt: Date
    ) {
        self.number = number
        self.ticketId = ticketId
        self.state = state
        self.serviceCode = serviceCode
        self.serviceName = serviceName
        self.description = description
        self.feedback = feedback
        self.agency = agency
        self.finishBy = finishBy
        self.address = address
        self.coordinates = coordinates
        self.requestedAt = requestedAt
        self.updatedAt = updatedAt
    }

    /// The columns `init(row:)` reads, over `open311_filings f`, `tickets t`, `org_units u`,
    /// `ticket_deadlines d` and `catalog_entries c`.
    static let columns = """
        t.number, t.id, t.state, coalesce(t.category_code, f.service_code) AS service_code, c.name AS service_name,
        coalesce(t.request_text_masked, t.request_text) AS description, t.feedback_to_caller, u.name AS agency,
        d.finish_by, t.place_text, t.latitude, t.longitude, t.received_at, t.updated_at
        """

    init(row: PostgresRow) throws {
        let columns = row.makeRandomAccess()
        func value<T: PostgresDecodable>(_ name: String, _ type: T.Type = T.self) throws -> T {
            try columns[name].decode(T.self)
        }
        let latitude: Double? = try value("latitude")
        let longitude: Double? = try value("longitude")
        self.init(
            number: try value("number"), ticketId: try value("id"),
            state: try .stored(try value("state", String.self), column: "state"),
            serviceCode: try value("service_code"), serviceName: try value("service_name"),
            description: try value("description"),
            feedback: try value("feedback_to_caller"), agency: try value("agency"), finishBy: try value("finish_by"),
            address: try value("place_text"),
            coordinates: latitude.flatMap { latitude in
                longitude.map { Coordinates(latitude: latitude, longitude: $0) }
            },
            requestedAt: try value("received_at"), updatedAt: try value("updated_at"))
    }
}
