import Foundation
import HotlineDomain
import HotlineServices
import Hummingbird

/// The operators' side of classification: the review queue, setting a ticket's category (kept
/// as a labelled example for retraining), and answering a consultation directly.
enum ReviewRoutes {
    static func add(to routes: RouterGroup<HotlineRequestContext>, _ services: GatewayServices) {
        routes.on("review-queue", .get, roles: Role.intake) { request, _, _ in
            let limit = request.clampedLimit(maximum: ReadTickets.maximumPageSize, fallback: 50)
            let records = try await services.reading.reviewQueue(limit: limit)
            return try .json(CursorPage(items: records.map { TicketView($0) }, nextCursor: nil))
        }
        routes.on("tickets/{id}/classification", .put, roles: Role.intake) { request, context, principal in
            let id = try context.ticketId()
            let (choice, _) = try await JSONBody.decode(OperatorClassification.self, from: request)
            let record = try await services.review.classify(
                id, as: choice.categoryCode, urgency: choice.urgency, by: principal, purpose: context.purpose)
            return try .json(TicketView(record))
        }
        routes.on("tickets/{id}/answer", .post, roles: Role.intake) { request, context, principal in
            let id = try context.ticketId()
            let (answer, _) = try await JSONBody.decode(DirectAnswer.self, from: request)
            let record = try await services.review.answer(
                id, with: answer, by: principal, purpose: context.purpose)
            return try .json(TicketView(record))
        }
    }

    /// The body of `PUT /tickets/{id}/classification`: an operator's classification.
    struct OperatorClassification: Decodable, Sendable {
        var categoryCode: String
        var urgency: UrgencyTier?

        enum CodingKeys: String, CodingKey {
            case urgency
            case categoryCode = "category_code"
        }
    }
}
