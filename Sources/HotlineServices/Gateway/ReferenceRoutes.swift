import Foundation
import HotlineClassifier
import HotlineDomain
import Hummingbird

/// What operators look things up in: the knowledge base, the catalog, the gazetteer, a
/// classification preview while typing, and the API's own OpenAPI document.
enum ReferenceRoutes {
    static func add(to router: Router<BasicRequestContext>, _ gateway: Gateway) {
        router.on("knowledge", .get, roles: Role.everyone, gateway) { request, _, _ in
            let query = try requiredQuery(request)
            return try .json(Page(items: try await gateway.snapshot().knowledge.search(query, limit: limit(request))))
        }
        router.on("knowledge/{id}", .get, roles: Role.everyone, gateway) { _, context, _ in
            let id = context.parameters.get("id") ?? ""
            guard let article = try await gateway.snapshot().knowledge[id] else {
                throw ProblemDetails(
                    .notFound, type: "/problems/article-not-found", title: "No such article",
                    detail: "no article has id '\(id.prefix(32))'"
                )
            }
            return try .json(article)
        }
        router.on("catalog", .get, roles: Role.everyone, gateway) { request, _, _ in
            let snapshot = try await gateway.snapshot()
            let catalog = snapshot.reference.catalog
            guard let query = request.uri.queryParameters["q"].map(String.init), !query.isEmpty else {
                let firstLevel = catalog.entries.values.filter { $0.level == 1 }.sorted { $0.code < $1.code }
                return try .json(Page(items: firstLevel.map { CatalogView($0, catalog: catalog, probability: nil) }))
            }
            let found = snapshot.model.searchLeaves(query, limit: limit(request))
            return try .json(
                Page(
                    items: found.compactMap { candidate in
                        catalog[candidate.leafCode].map {
                            CatalogView($0, catalog: catalog, probability: candidate.probability)
                        }
                    }))
        }
        router.on("catalog/{code}", .get, roles: Role.everyone, gateway) { _, context, _ in
            let catalog = try await gateway.snapshot().reference.catalog
            let code = context.parameters.get("code") ?? ""
            guard let entry = catalog[code] else {
                throw ProblemDetails(
                    .notFound, type: "/problems/catalog-code-not-found", title: "No such catalog code",
                    detail: "'\(code.prefix(32))' is not in the catalog")
            }
            return try .json(CatalogView(entry, catalog: catalog, probability: nil))
        }
        router.on("places", .get, roles: Role.everyone, gateway) { request, _, _ in
            let query = try requiredQuery(request)
            let reference = try await gateway.snapshot().reference
            let place = reference.gazetteer.resolve(location: query)
            let divisions = Dictionary(
                reference.divisions.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
            return try .json(
                PlaceView(
                    districtCode: place.districtCode, districtName: place.districtCode.flatMap { divisions[$0]?.name },
                    townshipCode: place.townshipCode, townshipName: place.townshipCode.flatMap { divisions[$0]?.name }))
        }
        router.on("classify", .post, roles: Role.readers, gateway) { request, _, _ in
            let (preview, _) = try await JSONBody.decode(
                PreviewRequest.self, from: request, limit: Gateway.maximumBodySize)
            return try .json(
                ClassificationView(
                    try await gateway.snapshot().model.classify(text: preview.text, location: preview.location ?? "")))
        }
        router.on("openapi.yaml", .get, roles: Role.everyone, gateway) { _, _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "application/yaml"
            return Response(
                status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: gateway.openAPIDocument)))
        }
    }

    static func requiredQuery(_ request: Request) throws -> String {
        guard let query = request.uri.queryParameters["q"].map(String.init),
            !query.trimmingCharacters(in: .whitespaces).isEmpty
        else {
            throw TicketRoutes.badQuery("q", "some words to look for")
        }
        return query
    }

    static func limit(_ request: Request) -> Int {
        request.uri.queryParameters["limit"].flatMap { Int($0) }.map { min(max($0, 1), 50) } ?? 10
    }

    struct Page<Item: Encodable>: Encodable {
        var items: [Item]
    }

    struct PreviewRequest: Decodable {
        var text: String
        var location: String?
    }

    /// A catalog entry with its path, as operators browse it.
    struct CatalogView: Encodable {
        var code: String
        var level: Int
        var name: String
        var path: [String]
        var pathNames: [String]
        var responsible: String?
        var defaultUrgency: String?
        var keywords: [String]
        var probability: Double?

        init(_ entry: CatalogEntry, catalog: Catalog, probability: Double?) {
            code = entry.code
            level = entry.level
            name = entry.name
            path = catalog.path(to: entry.code)
            pathNames = catalog.namePath(to: entry.code)
            responsible = entry.responsible?.description
            defaultUrgency = entry.defaultUrgency?.rawValue
            keywords = entry.keywords
            self.probability = probability
        }

        enum CodingKeys: String, CodingKey {
            case code, level, name, path, responsible, keywords, probability
            case pathNames = "path_names"
            case defaultUrgency = "default_urgency"
        }
    }

    struct PlaceView: Encodable {
        var districtCode: String?
        var districtName: String?
        var townshipCode: String?
        var townshipName: String?

        enum CodingKeys: String, CodingKey {
            case districtCode = "district_code"
            case districtName = "district_name"
            case townshipCode = "township_code"
            case townshipName = "township_name"
        }
    }
}
