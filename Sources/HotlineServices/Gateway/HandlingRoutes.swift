import Foundation
import HotlineDomain
import HotlineRuntime
import HotlineStorage
import Hummingbird
import Logging
import PostgresNIO

/// The handling API: `POST /tickets/{id}/actions/{action}` for every `HandlingAction`, a
/// unit's work queue, and the org units. A handler acts only on its own unit's tickets (a
/// summoned department on the tickets it was summoned to; co-units add progress); others get
/// 404. Dispatching for others, deciding exclusions, return visits and reopening belong to
/// the center (operators, admins, the center's handlers); re-dispatching also to the
/// sub-center holding the ticket.
enum HandlingRoutes {
    static func add(to router: Router<BasicRequestContext>, _ gateway: Gateway) {
        router.on("tickets/{id}/actions/{action}", .post, roles: Role.handling, gateway) {
            request, context, principal in
            let id = try TicketProblem.id(context)
            let name = context.parameters.get("action") ?? ""
            guard let action = HandlingAction(rawValue: name) else {
                throw ProblemDetails(
                    .notFound, type: "/problems/unknown-action", title: "No such action",
                    detail:
                        "'\(name.prefix(32))' is not one of \(HandlingAction.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            let (body, _) = try await JSONBody.decode(
                HandlingRequest.self, from: request, limit: Gateway.maximumBodySize)
            return try await perform(action, on: id, body, principal: principal, gateway)
        }
        router.on("units/{code}/queue", .get, roles: Role.everyone, gateway) { request, context, principal in
            let code = context.parameters.get("code") ?? ""
            if principal.role == .handler, principal.unitCode != code {
                throw ProblemDetails(
                    .forbidden, type: "/problems/forbidden", title: "Not your unit's queue",
                    detail: "handlers read only their own unit's queue")
            }
            let limit =
                request.uri.queryParameters["limit"].flatMap { Int($0) }.map {
                    min(max($0, 1), TicketRoutes.maximumPageSize)
                } ?? 100
            let now = gateway.resources.clock.now()
            let items = try await gateway.connection {
                try await WorkQueue.items(of: code, now: now, limit: limit, on: $0, logger: gateway.logger)
            }
            return try .json(WorkQueue.Page(unitCode: code, items: items))
        }
        router.on("units", .get, roles: Role.everyone, gateway) { request, _, _ in
            let units = try await gateway.snapshot().reference.units
            let district = request.uri.queryParameters["district"].map(String.init)
            let kind = request.uri.queryParameters["kind"].map(String.init)
            return try .json(
                ReferenceRoutes.Page(
                    items: units.filter { unit in
                        (district == nil || unit.districtCode == district)
                            && (kind == nil || unit.kind.rawValue == kind)
                    }))
        }
    }

    /// Actions only the center (or, for re-dispatch, the sub-center holding the ticket) takes.
    static let centerActions: Set<HandlingAction> = [.redispatch, .decideExclusion, .returnVisit, .reopen]

    static func perform(
        _ action: HandlingAction, on id: UUID, _ body: HandlingRequest, principal: Principal, _ gateway: Gateway
    ) async throws -> Response {
        let resources = gateway.resources
        let now = resources.clock.now()
        let findings = body.findings(for: action, now: now)
        guard findings.isEmpty else {
            throw JSONBody.invalid(
                findings.map { "\($0.field): \($0.detail)" }.joined(separator: "; "), findings: findings)
        }
        let record = try await gateway.transaction { connection in
            guard let ticket = try await HandlingStore.lock(id, on: connection, logger: gateway.logger),
                principal.mayHandle(action, ticket: ticket)
            else { throw TicketProblem.notFound(id) }
            if centerActions.contains(action), !principal.actsForCenter(action, ticket: ticket) {
                throw ProblemDetails(
                    .forbidden, type: "/problems/forbidden", title: "Only the center may do this",
                    detail:
                        "\(action.rawValue) is for the center\(action == .redispatch ? " or the sub-center holding the ticket" : "")"
                )
            }
            guard let next = TicketLifecycle.next(after: action, from: ticket.state) else {
                throw TicketProblem.conflict(id, state: ticket.state, action: action.rawValue)
            }
            try await apply(
                action, to: id, ticket: ticket, next: next, body, principal: principal, at: now, on: connection, gateway
            )
            return try await TicketQueries.find(id, on: connection, logger: gateway.logger)
        }
        guard let record else { throw TicketProblem.notFound(id) }
        return try .json(principal.view(of: record))
    }

    private static func apply(
        _ action: HandlingAction, to id: UUID, ticket: HandlingStore.LockedTicket, next: TicketState,
        _ body: HandlingRequest,
        principal: Principal, at now: Date, on connection: PostgresConnection, _ gateway: Gateway
    ) async throws {
        let resources = gateway.resources
        var changes = HandlingChanges()
        var unit = ticket.unitCode
        var dispatch: TicketDispatched?
        var departments: [String]?
        switch action {
        case .signFor: changes.signed = true
        case .sendBack:
            guard let hub = ticket.sendBackTarget else {
                throw ProblemDetails(
                    .conflict, type: "/problems/nowhere-to-send-back", title: "Nowhere to send the ticket back to",
                    detail: "ticket \(id) is already the center's")
            }
            changes.sentBack = true
            unit = hub
        case .redispatch:
            let lead = body.leadUnit ?? ""
            let coUnits = Array(Set(body.coUnits ?? [])).filter { $0 != lead }.sorted()
            let known = try await HandlingStore.units([lead] + coUnits, on: connection, logger: gateway.logger)
            let unknown = ([lead] + coUnits).filter { known[$0] == nil }
            guard unknown.isEmpty else {
                throw JSONBody.invalid(
                    "unknown units: \(unknown.joined(separator: ", "))",
                    findings: unknown.map {
                        FieldFinding(
                            field: $0 == lead ? "lead_unit" : "co_units",
                            detail: "no org unit has code '\($0.prefix(40))'")
                    })
            }
            unit = lead
            dispatch = TicketDispatched(
                unitCode: lead, coUnitCodes: coUnits, urgency: ticket.urgency,
                reason:
                    "re-dispatched by \(principal.name) (\(principal.unitCode ?? principal.role.rawValue)): \(body.reason ?? "lead unit named")"
            )
        case .reopen:
            changes.reopened = true
            dispatch = TicketDispatched(
                unitCode: ticket.unitCode ?? OrgUnitCode.center, coUnitCodes: ticket.coUnitCodes,
                urgency: ticket.urgency,
                reason: "reopened by \(principal.name): \(body.reason ?? "")")
        case .assign: changes.assignee = body.person
        case .whistle:
            let named = Array(Set(body.departments ?? [])).sorted()
            let known = try await HandlingStore.units(named, on: connection, logger: gateway.logger)
            let wrong = named.filter { known[$0] != .department && known[$0] != .enterprise }
            guard wrong.isEmpty else {
                throw JSONBody.invalid(
                    "not departments or enterprises: \(wrong.joined(separator: ", "))",
                    findings: wrong.map {
                        FieldFinding(
                            field: "departments", detail: "'\($0.prefix(40))' is not a department or enterprise")
                    })
            }
            try await HandlingStore.whistle(
                id, departments: named, by: principal.unitCode ?? principal.name, deadline: body.deadline ?? now,
                at: now, on: connection,
                logger: gateway.logger)
            departments = named
        case .reportIn:
            let department =
                principal.role == .handler && principal.unitCode != OrgUnitCode.center
                ? principal.unitCode : body.departments?.first
            guard let department, ticket.pendingWhistles.contains(department) else {
                throw ProblemDetails(
                    .conflict, type: "/problems/no-pending-whistle", title: "Nobody is waiting for this report",
                    detail: "no whistle on ticket \(id) waits for \(department ?? "a department")")
            }
            try await HandlingStore.reportIn(
                id, department: department, at: now, on: connection, logger: gateway.logger)
            departments = [department]
        case .handUp: changes.handUpDeadline = body.deadline
        case .handDown: changes.handDownPanel = body.note
        case .markUnreasonable: changes.unreasonableReason = body.reason
        case .requestExclusion:
            guard ticket.exclusionState != "approved" else {
                throw ProblemDetails(
                    .conflict, type: "/problems/exclusion-decided", title: "Already excluded from assessment",
                    detail: "ticket \(id)'s exclusion was approved")
            }
            changes.exclusionState = "requested"
            changes.exclusionReason = body.reason
        case .decideExclusion:
            guard ticket.exclusionState == "requested" else {
                throw ProblemDetails(
                    .conflict, type: "/problems/no-exclusion-request", title: "No exclusion request to decide",
                    detail: "ticket \(id) has no pending request")
            }
            changes.exclusionState = body.approved == true ? "approved" : "refused"
        case .resolve:
            changes.result = body.note
            changes.feedbackToCaller = body.feedbackToCaller
            changes.feedbackToCenter = body.feedbackToCenter
        case .returnVisit:
            changes.visitSolved = body.solved
            changes.visitSatisfaction = body.satisfaction
        case .addProgress: break
        }
        changes.dispatch = dispatch
        try await HandlingStore.update(
            id, state: next, unitCode: unit, changes: changes, at: now, on: connection, logger: gateway.logger)
        let handled = TicketHandled(
            action: action, state: next, unitCode: unit, actor: principal.name, actorRole: principal.role,
            actorUnitCode: principal.unitCode,
            reason: body.reason, person: body.person, note: body.note, departments: departments,
            deadline: action == .whistle || action == .handUp ? body.deadline : nil, approved: body.approved,
            feedbackToCaller: body.feedbackToCaller, feedbackToCenter: body.feedbackToCenter, solved: body.solved,
            satisfaction: body.satisfaction)
        try await EventRecorder.record(
            resources.event(about: id, handled, at: now), trace: nil, on: connection, logger: gateway.logger)
        if let dispatch {
            try await EventRecorder.record(
                resources.event(about: id, dispatch, at: now), trace: nil, on: connection, logger: gateway.logger)
        }
    }
}

extension Principal {
    /// Whether this caller may act on the ticket at all. Operators and admins act for the
    /// center; a handler acts on its unit's tickets, a co-unit adds progress, a summoned
    /// department reports in.
    func mayHandle(_ action: HandlingAction, ticket: HandlingStore.LockedTicket) -> Bool {
        guard role == .handler else { return true }
        guard let unitCode else { return false }
        if unitCode == OrgUnitCode.center { return true }
        switch action {
        case .reportIn: return ticket.pendingWhistles.contains(unitCode)
        case .addProgress: return ticket.unitCode == unitCode || ticket.coUnitCodes.contains(unitCode)
        default: return ticket.unitCode == unitCode
        }
    }

    /// Whether this caller may take a center action: operators, admins and the center's
    /// handlers; for a re-dispatch also the sub-center whose queue holds the ticket.
    func actsForCenter(_ action: HandlingAction, ticket: HandlingStore.LockedTicket) -> Bool {
        if role != .handler || unitCode == OrgUnitCode.center { return true }
        return action == .redispatch && ticket.unitCode == unitCode
            && ticket.districtCode.map(OrgUnitCode.subCenter(of:)) == unitCode
    }
}
