import Foundation
import HotlineDomain
import HotlineGateway

/// A submitted handling form as the API's request body: every field the forms carry, each
/// action reading the ones it needs (`HandleTicket` checks them, as for the API).
enum HandlingForm {
    /// The request `form` describes; a deadline that is not a time, or a panel member whose role
    /// is none of `panelRoles` (the catalog's words for each role, and the roles' codes), is
    /// refused here.
    static func request(_ form: FormFields, panelRoles: [String: PanelMember.Role] = [:]) throws -> HandlingRequest {
        HandlingRequest(
            reason: form["reason"], person: form["person"], note: form["note"], departments: list(form, "departments"),
            deadline: try deadline(form["deadline"]),
            approved: form["approved"].map { $0 == "true" }, leadUnit: form["lead_unit"],
            coUnits: list(form, "co_units"), toUnit: form["to_unit"], participants: list(form, "participants"),
            community: form["community"], panel: try panel(form["panel"], roles: panelRoles),
            photoReference: form["photo_reference"],
            feedbackToCaller: form["feedback_to_caller"],
            feedbackToCenter: form["feedback_to_center"], solved: form["solved"].flatMap(VisitSolved.init(rawValue:)),
            satisfaction: form["satisfaction"].flatMap(VisitSatisfaction.init(rawValue:)))
    }

    /// Unit codes typed into one field, separated by spaces or commas (ASCII or Chinese); nil when none.
    static func list(_ form: FormFields, _ name: String) -> [String]? {
        let separators = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: ",，、;；"))
        let codes = form.all(name).flatMap { $0.components(separatedBy: separators) }.filter { !$0.isEmpty }
        return codes.isEmpty ? nil : codes
    }

    /// A panel typed one member per line (or separated by commas), each `role：name`, the role in
    /// the catalog's words or as its code; nil when the field is empty.
    static func panel(_ text: String?, roles: [String: PanelMember.Role]) throws -> [PanelMember]? {
        let separators = CharacterSet.newlines.union(CharacterSet(charactersIn: ",，、;；"))
        let entries = (text ?? "").components(separatedBy: separators).map {
            $0.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
        guard !entries.isEmpty else { return nil }
        return try entries.map { entry in
            let parts = entry.split(maxSplits: 1, whereSeparator: { $0 == ":" || $0 == "：" }).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard parts.count == 2, let role = roles[parts[0]] ?? PanelMember.Role(rawValue: parts[0]) else {
                throw ScreenError.invalid("panel: \(entry.prefix(40))")
            }
            return PanelMember(name: parts[1], role: role)
        }
    }

    /// The deadline field: a time `CityTime.parse` reads; anything else is refused.
    static func deadline(_ text: String?) throws -> Date? {
        guard let text else { return nil }
        guard let date = CityTime.parse(text) else { throw ScreenError.invalid("deadline: \(text.prefix(40))") }
        return date
    }
}
