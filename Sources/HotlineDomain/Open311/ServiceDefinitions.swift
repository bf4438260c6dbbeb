public import Foundation

/// The attributes of the catalog's leaves that need more than a description when filed through
/// Open311 (`Schemas/catalog/service_attributes.json`: leaf code → attributes); a leaf not in the
/// file asks only for the description.
public struct ServiceDefinitions: Sendable {
    /// The file under `Schemas/` that holds the attributes.
    public static let file = "catalog/service_attributes.json"

    private let attributesByCode: [String: [ServiceAttribute]]

    /// The attributes in `json`; fails on malformed data, a repeated attribute code within a
    /// service, or a list attribute without choices.
    public init(json: Data) throws {
        let decoded = try JSONDecoder().decode([String: [ServiceAttribute]].self, from: json)
        for (service, attributes) in decoded {
            let codes = attributes.map(\.code)
            guard Set(codes).count == codes.count else {
                throw ServiceDefinitionError(service: service, reason: "an attribute code repeats")
            }
            if let list = attributes.first(where: { $0.datatype.isList && $0.values.isEmpty }) {
                throw ServiceDefinitionError(service: service, reason: "list attribute \(list.code) has no values")
            }
        }
        attributesByCode = decoded.mapValues { $0.sorted { $0.order < $1.order } }
    }

    /// No service asks for attributes.
    public init() {
        attributesByCode = [:]
    }

    /// The service codes that have attributes.
    public var serviceCodes: Set<String> { Set(attributesByCode.keys) }

    /// The attributes of `serviceCode`, in order.
    public func attributes(of serviceCode: String) -> [ServiceAttribute] {
        attributesByCode[serviceCode] ?? []
    }

    /// What is wrong with `answers` (attribute code → values) for `serviceCode`: an unknown
    /// attribute, a missing required one, a value of the wrong kind. Each finding names the field.
    public func findings(_ answers: [String: [String]], for serviceCode: String) -> [FieldFinding] {
        let attributes = attributes(of: serviceCode)
        let known = Set(attributes.map(\.code))
        let unknown = answers.keys.filter { !known.contains($0) }.sorted().map {
            FieldFinding(field: "attribute[\($0)]", detail: "service \(serviceCode) has no attribute \($0)")
        }
        let wrong = attributes.compactMap { attribute in
            attribute.problem(with: answers[attribute.code] ?? []).map {
                FieldFinding(field: "attribute[\(attribute.code)]", detail: $0)
            }
        }
        return unknown + wrong
    }
}

/// Why the service attributes file was refused.
public struct ServiceDefinitionError: Error, CustomStringConvertible {
    public let service: String
    public let reason: String

    public var description: String { "\(ServiceDefinitions.file): service \(service): \(reason)" }
}
