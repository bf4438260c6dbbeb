import Foundation
import HotlineDomain
import HotlineGateway

/// A submitted handling form as the API's request body: every field the forms carry, each
/// action reading the ones it needs (`HandleTicket` checks them, as for the API).
enum HandlingForm {
    /// The request `form` describes; a deadline that is not a time is refused here.
    static func request(_ form: FormFields) throws -> HandlingRequest {
        HandlingRequest(
            reason: form["reason"], person: form["person"], note: form["note"], departments: list(form, "departments"),
            deadline: try deadline(form["deadline"]),
            approved: form["approved"].map { $0 == "true" }, leadUnit: form["lead_unit"],
            coUnits: list(form, "co_units"), toUnit: form["to_unit"], participants: list(form, "participants"),
            community: form["community"],
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

    /// The deadline field: a time `CityTime.parse` reads; anything else is refused.
    static func deadline(_ text: String?) throws -> Date? {
        guard let text else { return nil }
        guard let date = CityTime.parse(text) else { throw ScreenError.invalid("deadline: \(text.prefix(40))") }
        return date
    }
}
