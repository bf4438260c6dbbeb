public import Foundation
public import HotlineDomain
public import HotlineStorage

/// Files a request an external system sent through Open311 (`POST /open311/v2/requests`):
/// checks the service and its attributes, places the request from its address and point, and
/// records it through the same intake as the operators' (`IntakeTicket`), on the app channel,
/// with the service as the category the filer chose; the classifier still decides its urgency,
/// place and unit.
public struct FileServiceRequest: Sendable {
    /// A request as the external system sent it.
    public struct Filing: Sendable {
        public var serviceCode: String?
        public var addressString: String?
        public var point: Coordinates?
        public var description: String?
        /// The filer's name, family name first, as the hotline writes names.
        public var contactName: String?
        public var contactPhone: String?
        /// Attribute code → the values given as `attribute[code]`.
        public var attributes: [String: [String]]
        public var idempotencyKey: String?
        /// The request in one canonical form, to recognise a retry.
        public var canonicalBody: [UInt8]
        public var trace: TraceContext
        public var principal: Principal

        public init(
            serviceCode: String?, addressString: String?, point: Coordinates?, description: String?,
            contactName: String?, contactPhone: String?, attributes: [String: [String]], idempotencyKey: String?,
            canonicalBody: [UInt8], trace: TraceContext, principal: Principal
        ) {
            self.serviceCode = serviceCode
            self.addressString = addressString
            self.point = point
            self.description = description
            self.contactName = contactName
            self.contactPhone = contactPhone
            self.attributes = attributes
            self.idempotencyKey = idempotencyKey
            self.canonicalBody = canonicalBody
            self.trace = trace
            self.principal = principal
        }
    }

    private let intake: IntakeTicket
    private let reference: any ReferenceSource
    private let definitions: ServiceDefinitions
    private let places: any PointLocating

    public init(
        intake: IntakeTicket, reference: any ReferenceSource, definitions: ServiceDefinitions,
        places: any PointLocating
    ) {
        self.intake = intake
        self.reference = reference
        self.definitions = definitions
        self.places = places
    }

    /// Files `filing`, or throws a `ServiceRequestRefusal` (or the intake's `TicketError`).
    public func file(_ filing: Filing) async throws -> IntakeTicket.Outcome {
        guard let code = filing.serviceCode else {
            throw ServiceRequestRefusal.invalid([FieldFinding(field: "service_code", detail: "is required")])
        }
        let current = try await reference.current().reference
        guard let service = current.catalog[code], service.isLeaf else {
            throw ServiceRequestRefusal.unknownService(code)
        }
        var findings = definitions.findings(filing.attributes, for: code)
        if filing.addressString == nil, filing.point == nil {
            findings.append(FieldFinding(field: "address_string", detail: "give an address_string or lat and long"))
        }
        guard findings.isEmpty else { throw ServiceRequestRefusal.invalid(findings) }
        var location: PointLocation?
        if let point = filing.point { location = try await places.locate(point) }
        let request = TicketRequest(
            channel: .app, type: .help, callerName: filing.contactName, callerPhone: filing.contactPhone,
            placeText: Self.placeText(address: filing.addressString, location: location, divisions: current.divisions),
            coordinates: filing.point, text: text(of: filing, service: service), categoryCode: code)
        return try await intake.record(
            IntakeTicket.Intake(
                request: request, answer: nil, canonicalBody: filing.canonicalBody,
                idempotencyKey: filing.idempotencyKey, trace: filing.trace, principal: filing.principal,
                filing: Open311Filing(
                    clientTokenId: filing.principal.tokenId, serviceCode: code, attributes: filing.attributes)))
    }

    /// The request's words: the description (the service's name when there is none), then one
    /// line per attribute answered.
    private func text(of filing: Filing, service: CatalogEntry) -> String {
        let lines = definitions.attributes(of: service.code).compactMap { attribute in
            filing.attributes[attribute.code].map { attribute.line(for: $0) }
        }
        return ([filing.description ?? service.name] + lines).joined(separator: "\n")
    }

    /// The place as operators and the classifier read it: the divisions the point lies in (a
    /// district found only by its nearest centre is named, its township left to the operators),
    /// then the address as given, unless it already names that district.
    static func placeText(address: String?, location: PointLocation?, divisions: [Division]) -> String {
        func name(_ code: String) -> String { divisions.first { $0.code == code }?.name ?? "" }
        let named: String
        switch location {
        case .township(let district, let township): named = name(district) + name(township)
        case .district(let district), .nearestDistrict(let district): named = name(district)
        case nil: named = ""
        }
        guard let address else { return named }
        if named.isEmpty || address.contains(named) { return address }
        if case .township(let district, _) = location, address.contains(name(district)) { return address }
        return named + " " + address
    }
}
