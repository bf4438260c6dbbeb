import Foundation
import HotlineDomain
import HotlineGateway
import HotlineServices
import HotlineStorage
import Hummingbird

/// The review queue (`GET /review-queue`'s use case): `GET /ui/review`; accepting or correcting
/// a suggestion, `POST /ui/review/{id}/classification` (`PUT /tickets/{id}/classification`'s
/// use case); and the catalog leaves a correction may choose, `GET /ui/review/leaves?q=`.
enum ReviewQueueRoutes {
    /// How many tickets the queue shows at once.
    static let pageSize = 50
    /// How many leaves a correction is offered.
    static let leafCount = 8

    static func add(to screens: RouterGroup<ScreenRequestContext>, _ services: ScreenServices, assist: IntakeAssist) {
        let renderer = services.renderer
        screens.on("review", .get, roles: Role.intake) { request, context, _ in
            let records = try await services.api.reading.reviewQueue(limit: pageSize)
            let reference = try await services.api.reference.current().reference
            return try renderer.page(
                "review", titleKey: "review.title",
                ReviewQueueView.data(records) { reference.catalog.namePath(to: $0) }, request, context)
        }
        screens.on("review/{id}/classification", .post, roles: Role.intake) { request, context, principal in
            guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)) else {
                throw ScreenError.notFound
            }
            guard let code = context.form["category_code"] else {
                throw ScreenError.invalid("category_code")
            }
            _ = try await services.api.review.classify(
                id, as: code, urgency: nil, by: principal, purpose: "POST /ui/review/{id}/classification")
            if ScreenRoutes.wantsFragment(request) { return Response(status: .noContent) }
            return Response.redirect(to: "/ui/review", type: .normal)
        }
        screens.on("review/leaves", .get, roles: Role.intake) { request, context, _ in
            let words = request.uri.queryParameters["q"].map(String.init) ?? ""
            let leaves = words.isEmpty ? [] : try await assist.leaves(words, limit: leafCount)
            return try renderer.fragment(
                "review-leaves",
                ["leaves": leaves.map { ["code": $0.code, "path": $0.pathNames.joined(separator: " / ")] }], context)
        }
    }
}
