import Foundation
import HotlineDomain
import HotlineServices
import HotlineStorage
import Hummingbird

/// `POST /tickets`, `GET /tickets/{id}`, `GET /tickets`.
enum TicketRoutes {
    static func add(to routes: RouterGroup<HotlineRequestContext>, _ services: GatewayServices) {
        routes.on("tickets", .post, roles: Role.filing) { request, _, principal in
            let (body, _) = try await JSONBody.decode(CreateTicketBody.self, from: request)
            let outcome = try await services.traced(request, route: "/tickets") { trace in
                try await services.intake.record(
                    IntakeTicket.Intake(
                        request: body.request, answer: body.answer, canonicalBody: try body.canonicalBytes(),
                        idempotencyKey: request.headers[.init("Idempotency-Key")!], trace: trace,
                        principal: principal))
            }
            switch outcome {
            case .created(let record):
                var response = try Response.json(TicketView(record), status: .created)
                response.headers[.location] = "/tickets/\(record.id.uuidString)"
                return response
            case .replayed(let record):
                var response = try Response.json(TicketView(record), status: .ok)
                response.headers[.init("Idempotent-Replayed")!] = "true"
                return response
            }
        }
        routes.on("tickets/{id}", .get, roles: Role.everyone) { _, context, principal in
            let record = try await services.reading.ticket(
                try context.ticketId(), for: principal, purpose: context.purpose)
            return try .json(TicketView(record))
        }
        routes.on("tickets", .get, roles: Role.everyone) { request, _, principal in
            let query = try TicketListQuery(request)
            let page = try await services.reading.list(
                query.filter, after: query.cursor, limit: query.limit, for: principal)
            return try .json(
                CursorPage(items: page.records.map { TicketView($0) }, nextCursor: page.next?.token))
        }
    }

}
