import Foundation
import HotlineDomain
public import HotlineRuntime
import HotlineStorage
import Hummingbird
import Logging
import PostgresNIO

/// The operators' HTTP API: records tickets and reads them back. A ticket and its `received`
/// event are written in one transaction; the service's outbox relay publishes the event.
public enum IntakeGateway {
    /// Largest request body accepted, in bytes.
    static let maximumBodySize = 64 * 1024

    public static func parts(_ resources: ServiceResources) -> ServiceParts {
        ServiceParts(workers: []) { router in
            router.post("tickets") { request, context in
                try await createTicket(request, context: context, resources: resources)
            }
            router.get("tickets/{id}") { _, context in
                try await readTicket(context.parameters.get("id") ?? "", resources: resources)
            }
        }
    }

    static func createTicket(_ request: Request, context: some RequestContext, resources: ServiceResources) async throws -> Response {
        let ticketRequest = try await TicketRequestDecoding.decode(request, limit: maximumBodySize)
        var generator = SystemRandomNumberGenerator()
        let trace = request.headers[.init("traceparent")!].flatMap(TraceContext.init(traceparent:))?.child(using: &generator)
            ?? TraceContext(using: &generator)
        let now = resources.clock.now()
        let id = UUID()
        let summary = try await ServiceUnavailable.mapping {
            try await resources.database.withTransaction(logger: resources.logger) { connection in
                let number = try await TicketStore.nextNumber(
                    on: CalendarDay(now, in: resources.settings.timeZone), connection: connection, logger: resources.logger)
                try await TicketStore.insertReceived(id: id, number: number, request: ticketRequest, at: now, on: connection, logger: resources.logger)
                let event = resources.event(about: id, TicketReceived(number: number.description, request: ticketRequest), at: now)
                try await EventRecorder.record(event, trace: trace, on: connection, logger: resources.logger)
                return TicketSummary(
                    id: id, number: number.description, state: TicketState.received.rawValue,
                    categoryCode: ticketRequest.categoryCode, urgency: (ticketRequest.urgency ?? .general).rawValue,
                    unitCode: nil, receivedAt: now, updatedAt: now)
            }
        }
        return try .json(summary, status: .created)
    }

    static func readTicket(_ text: String, resources: ServiceResources) async throws -> Response {
        guard let id = UUID(uuidString: text) else {
            throw ProblemDetails(.badRequest, type: "/problems/invalid-ticket-id", title: "Invalid ticket id", detail: "'\(text.prefix(64))' is not a UUID")
        }
        let summary = try await ServiceUnavailable.mapping {
            try await resources.database.withConnection { connection in
                try await TicketStore.find(id, on: connection, logger: resources.logger)
            }
        }
        guard let summary else {
            throw ProblemDetails(.notFound, type: "/problems/ticket-not-found", title: "No such ticket", detail: "no ticket has id \(id)")
        }
        return try .json(summary)
    }
}

/// Turns a database that cannot be reached into a 503 problem with `Retry-After`, so clients
/// retry instead of treating the request as rejected.
enum ServiceUnavailable {
    static func mapping<T>(_ work: () async throws -> T) async throws -> T {
        do {
            return try await work()
        } catch let error as PSQLError where error.code == .connectionError || error.code == .poolClosed || error.code == .serverClosedConnection {
            throw ProblemDetails(.serviceUnavailable, type: "/problems/database-unavailable", title: "The ticket store is unavailable", detail: "retry shortly", retryAfter: 2)
        }
    }
}
