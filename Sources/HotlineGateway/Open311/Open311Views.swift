import Foundation
import HotlineDomain
import HotlineStorage

/// The GeoReport v2 documents, as `Open311Node` trees.
enum Open311Views {
    /// The specification these routes follow.
    static let specification = "http://wiki.open311.org/GeoReport_v2"
    /// When the served API last changed (the discovery document's `changeset`).
    static let changeset = "2026-12-03T00:00:00+08:00"

    /// The discovery document: one production endpoint at `base` (…/open311/v2/), both formats.
    static func discovery(base: String) -> Open311Node {
        .object([
            ("changeset", .text(changeset)),
            ("contact", .text("北京市 12345 市民服务热线 (12345.beijing.gov.cn)")),
            ("key_service", .text("api_key：由热线管理员以 hotline tokens create --role external 签发")),
            (
                "endpoints",
                .list(
                    item: "endpoint",
                    [
                        .object([
                            ("specification", .text(specification)), ("url", .text(base)),
                            ("changeset", .text(changeset)), ("type", .text("production")),
                            ("formats", .list(item: "format", [.text("text/xml"), .text("application/json")])),
                        ])
                    ])
            ),
        ])
    }

    /// A catalog leaf as a service.
    static func service(_ leaf: CatalogEntry, in catalog: Catalog, definitions: ServiceDefinitions) -> Open311Node {
        let path = catalog.namePath(to: leaf.code)
        return .object([
            ("service_code", .text(leaf.code)), ("service_name", .text(leaf.name)),
            ("description", .text(path.joined(separator: " / "))),
            ("metadata", .boolean(!definitions.attributes(of: leaf.code).isEmpty)), ("type", .text("realtime")),
            ("keywords", .text(leaf.keywords.joined(separator: ", "))), ("group", .text(path.first ?? "")),
        ])
    }

    /// A service's definition: its attributes.
    static func definition(of code: String, _ attributes: [ServiceAttribute]) -> Open311Node {
        .object([
            ("service_code", .text(code)),
            (
                "attributes",
                .list(
                    item: "attribute",
                    attributes.map { attribute in
                        .object([
                            ("variable", .boolean(true)), ("code", .text(attribute.code)),
                            ("datatype", .text(attribute.datatype.rawValue)),
                            ("required", .boolean(attribute.required)),
                            ("datatype_description", .text(attribute.datatypeDescription)),
                            ("order", .integer(attribute.order)), ("description", .text(attribute.description)),
                            (
                                "values",
                                .list(
                                    item: "value",
                                    attribute.values.map {
                                        .object([("key", .text($0.key)), ("name", .text($0.name))])
                                    })
                            ),
                        ])
                    })
            ),
        ])
    }

    /// A filed request as readers see it: no caller's name, phone or email.
    static func request(_ record: ServiceRequestRecord, timeZone: TimeZone) -> Open311Node {
        func date(_ value: Date?) -> Open311Node { .text(value.map { W3CDateTime.string($0, in: timeZone) }) }
        func coordinate(_ value: Double?) -> Open311Node { value.map { .number($0) } ?? .text(nil) }
        return .object([
            ("service_request_id", .text(record.number)),
            ("status", .text(Open311Status(record.state).rawValue)),
            ("status_notes", .text(record.feedback)),
            ("service_name", .text(record.serviceName)),
            ("service_code", .text(record.serviceCode)),
            ("description", .text(record.description)),
            ("agency_responsible", .text(record.agency)),
            ("service_notice", .text(nil)),
            ("requested_datetime", date(record.requestedAt)),
            ("updated_datetime", date(record.updatedAt)),
            ("expected_datetime", date(record.finishBy)),
            ("address", .text(record.address)),
            ("address_id", .text(nil)),
            ("zipcode", .text(nil)),
            ("lat", coordinate(record.coordinates?.latitude)),
            ("long", coordinate(record.coordinates?.longitude)),
            ("media_url", .text(nil)),
        ])
    }

    /// The answer to a POST: the new request's id, or the token standing for it.
    static func filed(_ record: TicketRecord, asToken: Bool) -> Open311Node {
        let identity: (String, Open311Node) =
            asToken
            ? ("token", .text(record.id.uuidString.lowercased()))
            : ("service_request_id", .text(record.number))
        return .list(
            item: "request",
            [
                .object([
                    identity,
                    ("service_notice", .text("已受理，将按接诉即办时限办理")), ("account_id", .text(nil)),
                ])
            ])
    }

    /// A token resolved to its request.
    static func token(_ token: String, number: String) -> Open311Node {
        .list(item: "request", [.object([("service_request_id", .text(number)), ("token", .text(token))])])
    }
}
