/// Decides which unit's queue a classified ticket goes to, and records why:
/// - the leaf's township when the place is resolved and the leaf names the township (直派);
/// - the department or enterprise the leaf names, the district's when the place names one,
///   else the city's;
/// - the district sub-center when the place is known only to the district, the ticket is
///   complex, or the confidence is below `subCenterConfidence`;
/// - the municipal center's queue when nothing is known;
/// - a repeat request (重复诉求) to the unit that handles or handled the original, unless that
///   unit disowned it (`RepeatOriginal.disowned`); complex tickets keep the route above.
public struct DispatchRule: Sendable {
    public let catalog: Catalog
    /// Below this confidence a model's classification goes to a sub-center (or the center)
    /// to be checked, rather than straight to a unit.
    public let subCenterConfidence: Double

    public init(catalog: Catalog, subCenterConfidence: Double) {
        self.catalog = catalog
        self.subCenterConfidence = subCenterConfidence
    }

    /// The dispatch of `classification`; nil while it waits for an operator's review. `original`
    /// describes the ticket `classification.repeatOf` names, when it repeats one.
    public func decide(_ classification: TicketClassified, original: RepeatOriginal? = nil) -> TicketDispatched? {
        guard !classification.reviewRequired else { return nil }
        if classification.urgency != .complex, let original, original.ticketId == classification.repeatOf,
            let unit = original.unitCode, !original.disowned
        {
            return TicketDispatched(
                unitCode: unit, urgency: classification.urgency,
                reason:
                    "repeat request of ticket \(original.ticketId): back to unit \(unit), which handles the original",
                occasion: .repeatRequest, repeatOf: original.ticketId)
        }
        return route(classification)
    }

    /// The catalog's route for `classification`, regardless of any earlier ticket.
    private func route(_ classification: TicketClassified) -> TicketDispatched {
        func to(_ unit: String, _ reason: String) -> TicketDispatched {
            TicketDispatched(unitCode: unit, urgency: classification.urgency, reason: reason)
        }
        let district = classification.districtCode
        let hub =
            district.map { (OrgUnitCode.subCenter(of: $0), "district \($0) sub-center") } ?? (
                OrgUnitCode.center, "municipal center"
            )
        guard let leafCode = classification.categoryCode, let leaf = catalog[leafCode],
            let responsible = leaf.responsible
        else {
            return to(hub.0, "no catalog leaf decided: \(hub.1) queue")
        }
        if classification.urgency == .complex {
            return to(
                hub.0, "complex ticket (tier C) on \(leaf.code): \(hub.1) holds a consultation and names a lead unit")
        }
        if classification.method != .operatorChoice, classification.confidence < subCenterConfidence {
            return to(
                hub.0,
                "classification confidence \(Self.percent(classification.confidence)) below \(Self.percent(subCenterConfidence)): \(hub.1) checks it"
            )
        }
        switch responsible {
        case .center:
            return to(OrgUnitCode.center, "leaf \(leaf.code) is handled by the municipal center")
        case .township:
            guard let township = classification.townshipCode else {
                return to(hub.0, "leaf \(leaf.code) is a township's, but the township is unknown: \(hub.1) assigns it")
            }
            return to(
                township, "leaf \(leaf.code) is a township's and the place is township \(township): direct dispatch")
        case .department, .enterprise:
            let unit = OrgUnitCode.specialist(responsible.description, in: district)
            let scope = district.map { "in district \($0)" } ?? "city-level (no district known)"
            return to(unit, "leaf \(leaf.code) names \(responsible.description), \(scope)")
        }
    }

    private static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }
}
