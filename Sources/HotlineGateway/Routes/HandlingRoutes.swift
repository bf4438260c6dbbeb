import Foundation
import HotlineDomain
import HotlineServices
import Hummingbird

/// `POST /tickets/{id}/actions/{action}` for every `HandlingAction`; `HandleTicket` decides
/// who may take which action (`HandlingRules`).
enum HandlingRoutes {
    static func add(to routes: RouterGroup<HotlineRequestContext>, _ services: GatewayServices) {
        routes.on("tickets/{id}/actions/{action}", .post, roles: Role.ticketActions) { request, context, principal in
            let id = try context.ticketId()
            let action = try handlingAction(context)
            let (body, _) = try await JSONBody.decode(HandlingRequest.self, from: request)
            let record = try await services.handling.perform(
                action, on: id, body, by: principal, purpose: context.purpose)
            return try .json(TicketView(record))
        }
    }

    /// The action named in the path, or a 404 problem listing the actions there are.
    private static func handlingAction(_ context: HotlineRequestContext) throws -> HandlingAction {
        let name = context.parameters.get("action") ?? ""
        guard let action = HandlingAction(rawValue: name) else {
            throw ProblemDetails(
                .notFound, type: "/problems/unknown-action", title: "No such action",
                detail:
                    "'\(name.prefix(32))' is not one of \(HandlingAction.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        return action
    }
}
