import Foundation
import HotlineClassifier
import HotlineDomain
import HotlineServices
import Hummingbird

/// What operators look things up in: the knowledge base, the catalog, the gazetteer, a
/// classification preview while typing, and the API's own OpenAPI document.
enum ReferenceRoutes {
    static func add(to routes: RouterGroup<HotlineRequestContext>, _ services: GatewayServices) {
        routes.on("knowledge", .get, roles: Role.everyone) { request, _, _ in
            let query = try requiredQuery(request)
            return try .json(
                Page(items: try await services.reference.current().knowledge.search(query, limit: limit(request))))
        }
        routes.on("knowledge/{id}", .get, roles: Role.everyone) { _, context, _ in
            let id = context.parameters.get("id") ?? ""
            guard let article = try await services.reference.current().knowledge[id] else {
                throw ProblemDetails(
                    .notFound, type: "/problems/article-not-found", title: "No such article",
                    detail: "no article has id '\(id.prefix(32))'"
                )
            }
            return try .json(article)
        }
        routes.on("catalog", .get, roles: Role.everyone) { request, _, _ in
            let current = try await services.reference.current()
            let catalog = current.reference.catalog
            guard let query = request.uri.queryParameters["q"].map(String.init), !query.isEmpty else {
                let firstLevel = catalog.entries.values.filter { $0.level == 1 }.sorted { $0.code < $1.code }
                return try .json(Page(items: firstLevel.map { CatalogView($0, catalog: catalog, probability: nil) }))
            }
            let found = current.classifier.searchLeaves(query, limit: limit(request))
            return try .json(
                Page(
                    items: found.compactMap { candidate in
                        catalog[candidate.leafCode].map {
                            CatalogView($0, catalog: catalog, probability: candidate.probability)
                        }
                    }))
        }
        routes.on("catalog/{code}", .get, roles: Role.everyone) { _, context, _ in
            let catalog = try await services.reference.current().reference.catalog
            let code = context.parameters.get("code") ?? ""
            guard let entry = catalog[code] else {
                throw ProblemDetails(
                    .notFound, type: "/problems/catalog-code-not-found", title: "No such catalog code",
                    detail: "'\(code.prefix(32))' is not in the catalog")
            }
            return try .json(CatalogView(entry, catalog: catalog, probability: nil))
        }
        routes.on("places", .get, roles: Role.everyone) { request, _, _ in
            let query = try requiredQuery(request)
            let reference = try await services.reference.current().reference
            let place = reference.gazetteer.resolve(location: query)
            let divisions = Dictionary(
                reference.divisions.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
            return try .json(
                PlaceView(
                    districtCode: place.districtCode, districtName: place.districtCode.flatMap { divisions[$0]?.name },
                    townshipCode: place.townshipCode, townshipName: place.townshipCode.flatMap { divisions[$0]?.name }))
        }
        routes.on("classify", .post, roles: Role.readers) { request, _, _ in
            let (preview, _) = try await JSONBody.decode(PreviewRequest.self, from: request)
            return try .json(
                ClassificationView(
                    try await services.reference.current().classifier.classify(
                        text: preview.text, location: preview.location ?? "")))
        }
        routes.on("openapi.yaml", .get, roles: Role.everyone) { _, _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "application/yaml"
            return Response(
                status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: services.openAPIDocument)))
        }
    }

    /// The query parameter `q`, or a 400 problem when it is missing or blank.
    static func requiredQuery(_ request: Request) throws -> String {
        guard let query = request.uri.queryParameters["q"].map(String.init),
            !query.trimmingCharacters(in: .whitespaces).isEmpty
        else {
            throw QueryProblem.invalid("q", "some words to look for")
        }
        return query
    }

    /// The query parameter `limit`, clamped to 1...50; 10 when absent.
    static func limit(_ request: Request) -> Int {
        request.clampedLimit(maximum: 50, fallback: 10)
    }

    /// The body of `POST /classify`: the words and the place typed so far.
    struct PreviewRequest: Decodable {
        var text: String
        var location: String?
    }
}
