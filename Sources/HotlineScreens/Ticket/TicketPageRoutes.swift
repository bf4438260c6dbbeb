import Foundation
import HotlineDomain
import HotlineGateway
import HotlineServices
import Hummingbird

/// `GET /ui/tickets/{id}` (a ticket with its timeline and the handling forms) and `POST
/// /ui/tickets/{id}/actions/{action}` (a handling action, then back to the ticket with a
/// notice). Both call the API's use cases: `ReadTickets.ticket` (out of scope is not found) and
/// `HandleTicket.perform` (its refusals render as error pages).
enum TicketPageRoutes {
    static func add(to screens: RouterGroup<ScreenRequestContext>, _ services: ScreenServices) {
        screens.on("tickets/{id}", .get, roles: Role.everyone) { request, context, principal in
            let id = try ticketId(context)
            let record = try await services.api.reading.ticket(id, for: principal, purpose: "GET /ui/tickets/{id}")
            let reference = try await services.api.reference.current().reference
            let notice = request.uri.queryParameters["done"].flatMap { HandlingAction(rawValue: String($0)) }
            let data = TicketPage.data(
                record, reference: reference, for: principal, now: services.renderer.clock.now(), notice: notice,
                words: TicketWords(renderer: services.renderer, context: context))
            return try services.renderer.page("ticket", titleKey: "ticket.title", data, request, context)
        }
        screens.on("tickets/{id}/actions/{action}", .post, roles: Role.ticketActions) { _, context, principal in
            let id = try ticketId(context)
            guard let action = context.parameters.get("action").flatMap(HandlingAction.init(rawValue:)) else {
                throw ScreenError.notFound
            }
            let words = services.renderer.resources.strings.strings(context.language)
            let panelRoles = Dictionary(
                PanelMember.Role.allCases.compactMap { role in
                    words["ticket.choice.panel.\(role.rawValue)"].map { ($0, role) }
                },
                uniquingKeysWith: { first, _ in first })
            _ = try await services.api.handling.perform(
                action, on: id, try HandlingForm.request(context.form, panelRoles: panelRoles), by: principal,
                purpose: "POST /ui/tickets/{id}/actions/{action}")
            return .redirect(
                to: "/ui/tickets/\(id.uuidString.lowercased())?done=\(action.rawValue)#action-notice", type: .normal)
        }
    }

    /// The ticket id in the path; anything else is not a ticket.
    private static func ticketId(_ context: ScreenRequestContext) throws -> UUID {
        guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw ScreenError.notFound }
        return id
    }
}
