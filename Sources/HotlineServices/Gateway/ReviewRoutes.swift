import Foundation
import HotlineDomain
import HotlineRuntime
import HotlineStorage
import Hummingbird
import Logging
import PostgresNIO

/// The operators' side of classification: the review queue, setting a ticket's category (kept
/// as a labelled example for retraining), and answering a consultation directly.
enum ReviewRoutes {
    static func add(to router: Router<BasicRequestContext>, _ gateway: Gateway) {
        router.on("review-queue", .get, roles: Role.intake, gateway) { request, _, _ in
            let limit =
                request.uri.queryParameters["limit"].flatMap { Int($0) }.map {
                    min(max($0, 1), TicketRoutes.maximumPageSize)
                } ?? 50
            let records = try await gateway.connection {
                try await TicketQueries.reviewQueue(limit: limit, on: $0, logger: gateway.logger)
            }
            return try .json(TicketPage(items: records, nextCursor: nil))
        }
        router.on("tickets/{id}/classification", .put, roles: Role.intake, gateway) { request, context, principal in
            try await classify(try TicketProblem.id(context), request, principal: principal, gateway)
        }
        router.on("tickets/{id}/answer", .post, roles: Role.intake, gateway) { request, context, _ in
            try await answer(try TicketProblem.id(context), request, gateway)
        }
    }

    /// An operator's classification of a ticket.
    struct OperatorClassification: Decodable, Sendable {
        var categoryCode: String
        var urgency: UrgencyTier?

        enum CodingKeys: String, CodingKey {
            case urgency
            case categoryCode = "category_code"
        }
    }

    /// States in which an operator may set the category. Before dispatch the ticket then goes
    /// to dispatch; after, the change is recorded and published as a reclassification.
    static let classifiableStates: [TicketState] = [.received, .needsReview, .classified, .dispatched]
    /// States in which a ticket may still be answered directly instead of dispatched.
    static let answerableStates: [TicketState] = [.received, .needsReview, .classified]

    static func classify(
        _ id: UUID, _ request: Request, principal: Principal, _ gateway: Gateway
    ) async throws -> Response {
        let (choice, _) = try await JSONBody.decode(
            OperatorClassification.self, from: request, limit: Gateway.maximumBodySize)
        let snapshot = try await gateway.snapshot()
        guard let leaf = snapshot.reference.catalog[choice.categoryCode], leaf.isLeaf else {
            throw JSONBody.invalid(
                "category_code: not a leaf of the catalog",
                findings: [
                    FieldFinding(
                        field: "category_code", detail: "'\(choice.categoryCode.prefix(32))' is not a third-level code")
                ])
        }
        let path = snapshot.reference.catalog.path(to: leaf.code)
        let resources = gateway.resources
        let now = resources.clock.now()
        let record = try await gateway.transaction { connection in
            let urgency = choice.urgency ?? leaf.defaultUrgency ?? .general
            guard
                let change = try await TicketStore.applyOperatorCategory(
                    id, leafCode: leaf.code, path: path, urgency: urgency, allowedIn: classifiableStates, at: now,
                    on: connection,
                    logger: gateway.logger)
            else {
                throw try await refusal(id, action: "classification", on: connection, gateway)
            }
            try await ClassifierTraining.recordExample(
                ticketId: id, text: change.text, location: change.placeText, leafCode: leaf.code,
                urgency: choice.urgency,
                recordedBy: principal.tokenId, at: now, on: connection, logger: gateway.logger)
            if change.previousState == .received || change.previousState == .needsReview {
                let classified = TicketClassified(
                    categoryCode: leaf.code, level1Code: path.first, level2Code: path.dropFirst().first,
                    urgency: urgency, confidence: 1,
                    method: .operatorChoice, districtCode: change.districtCode, townshipCode: change.townshipCode)
                try await EventRecorder.record(
                    resources.event(about: id, classified, at: now), trace: nil, on: connection, logger: gateway.logger)
            } else {
                let reclassified = TicketReclassified(
                    previousCategoryCode: change.previousCategoryCode, categoryCode: leaf.code, level1Code: path[0],
                    level2Code: path[1],
                    urgency: urgency)
                try await EventRecorder.record(
                    resources.event(about: id, reclassified, at: now), trace: nil, on: connection,
                    logger: gateway.logger)
            }
            return try await TicketQueries.find(id, on: connection, logger: gateway.logger)
        }
        guard let record else { throw TicketProblem.notFound(id) }
        return try .json(record)
    }

    static func answer(_ id: UUID, _ request: Request, _ gateway: Gateway) async throws -> Response {
        let (requested, _) = try await JSONBody.decode(DirectAnswer.self, from: request, limit: Gateway.maximumBodySize)
        let answer: TicketAnswered
        switch requested.resolve(in: try await gateway.snapshot().knowledge) {
        case .success(let resolved): answer = resolved
        case .failure(let finding): throw JSONBody.invalid("\(finding.field): \(finding.detail)", findings: [finding])
        }
        let resources = gateway.resources
        let now = resources.clock.now()
        let record = try await gateway.transaction { connection in
            guard
                try await TicketStore.markAnswered(
                    id, answer, allowedIn: answerableStates, at: now, on: connection, logger: gateway.logger)
            else {
                throw try await refusal(id, action: "a direct answer", on: connection, gateway)
            }
            try await EventRecorder.record(
                resources.event(about: id, answer, at: now), trace: nil, on: connection, logger: gateway.logger)
            return try await TicketQueries.find(id, on: connection, logger: gateway.logger)
        }
        guard let record else { throw TicketProblem.notFound(id) }
        return try .json(record)
    }

    /// Why a guarded change did not apply: no such ticket (404) or the wrong state (409).
    static func refusal(
        _ id: UUID, action: String, on connection: PostgresConnection, _ gateway: Gateway
    ) async throws -> ProblemDetails {
        guard let state = try await TicketQueries.state(of: id, on: connection, logger: gateway.logger) else {
            return TicketProblem.notFound(id)
        }
        return TicketProblem.conflict(id, state: state, action: action)
    }
}
