import Foundation
import HotlineDomain
import HotlineGateway
import HotlineServices
import HotlineStorage
import Hummingbird

/// The operator's desk: `GET|POST /ui/desk` records a call (`POST /tickets`' use case, with an
/// idempotency key made when the form is shown), and the fragments its script fetches while the
/// call is typed: the classifier's suggestions and knowledge answers (`/ui/desk/assist`), the
/// gazetteer's places (`/ui/desk/places`), the caller's earlier tickets (`/ui/desk/caller`, the
/// list use case with the caller's phone) and the recorded ticket's state (`/ui/desk/recorded/{id}`).
/// The review queue (`ReviewQueueRoutes`) is the desk's other page.
enum DeskRoutes {
    /// How many classifier suggestions the desk shows (Alt+1/2/3 pick one).
    static let suggestionCount = 3
    /// How many knowledge answers and places the desk shows.
    static let listLength = 5

    static func add(to screens: RouterGroup<ScreenRequestContext>, _ services: ScreenServices) {
        let renderer = services.renderer
        let assist = IntakeAssist(reference: services.api.reference)
        screens.on("desk", .get, roles: Role.intake) { request, context, principal in
            var recorded: [String: Any]?
            if let id = request.uri.queryParameters["recorded"].flatMap({ UUID(uuidString: String($0)) }) {
                recorded = try await recordedData(id, principal, services, assist, context)
            }
            return try renderer.page(
                "desk", titleKey: "desk.title",
                DeskPageView.data(DeskForm(), findings: [], categoryNames: [], recorded: recorded, renderer, context),
                request, context)
        }
        screens.on("desk", .post, roles: Role.intake) { request, context, principal in
            let form = DeskForm(context.form)
            let canonicalBody = try form.canonicalBody()
            let record: TicketRecord
            do {
                let outcome = try await services.api.traced(request, route: "/ui/desk") { trace in
                    try await services.api.intake.record(
                        IntakeTicket.Intake(
                            request: form.request, answer: form.answer, canonicalBody: canonicalBody,
                            idempotencyKey: form.idempotencyKey, trace: trace, principal: principal))
                }
                switch outcome {
                case .created(let created): record = created
                case .replayed(let earlier): record = earlier
                }
            } catch TicketError.invalid(_, let findings) {
                let names = try await form.categoryCode.isEmpty ? [] : assist.categoryNames(form.categoryCode)
                return try renderer.page(
                    "desk", titleKey: "desk.title",
                    DeskPageView.data(form, findings: findings, categoryNames: names, recorded: nil, renderer, context),
                    request, context, status: .unprocessableContent)
            }
            return Response.redirect(to: "/ui/desk?recorded=\(record.id.uuidString)", type: .normal)
        }
        screens.on("desk/assist", .get, roles: Role.intake) { request, context, _ in
            let text = request.uri.queryParameters["text"].map(String.init) ?? ""
            let place = request.uri.queryParameters["place"].map(String.init) ?? ""
            let blank = text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            return try renderer.fragment(
                "desk-assist",
                DeskAssistView.data(
                    suggestions: blank
                        ? [] : try await assist.suggestions(text: text, location: place, limit: suggestionCount),
                    answers: blank ? [] : try await assist.answers(text, limit: listLength), renderer, context),
                context)
        }
        screens.on("desk/places", .get, roles: Role.intake) { request, context, _ in
            let typed = (request.uri.queryParameters["q"].map(String.init) ?? "")
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let places = typed.isEmpty ? [] : try await assist.places(typed, limit: listLength)
            return try renderer.fragment("desk-places", DeskPlacesView.data(places, typed: typed), context)
        }
        screens.on("desk/recorded/{id}", .get, roles: Role.intake) { _, context, principal in
            guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)) else {
                throw ScreenError.notFound
            }
            return try renderer.fragment(
                "desk-recorded", try await recordedData(id, principal, services, assist, context), context)
        }
        screens.on("desk/caller", .get, roles: Role.intake) { request, context, principal in
            let phone = (request.uri.queryParameters["phone"].map(String.init) ?? "")
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let records =
                phone.isEmpty
                ? []
                : try await services.api.reading.list(
                    TicketFilter(callerPhone: phone), after: nil, limit: listLength * 2, for: principal
                ).records
            var names: [String: String] = [:]
            for code in Set(records.compactMap(\.categoryCode)) {
                names[code] = try await assist.categoryNames(code).joined(separator: " / ")
            }
            return try renderer.fragment(
                "desk-caller", DeskCallerView.data(records, categoryName: { names[$0] ?? $0 }, renderer, context),
                context)
        }
        ReviewQueueRoutes.add(to: screens, services, assist: assist)
    }

    /// The ticket `id` as the desk follows it, read as `principal` may see it.
    private static func recordedData(
        _ id: UUID, _ principal: Principal, _ services: ScreenServices, _ assist: IntakeAssist,
        _ context: ScreenRequestContext
    ) async throws -> [String: Any] {
        let record = try await services.api.reading.ticket(id, for: principal, purpose: "GET /ui/desk/recorded")
        var unit: OrgUnit?
        if let code = record.unitCode { unit = try await assist.unit(code) }
        return DeskRecordedView.data(record, unit: unit, services.renderer, context)
    }
}
