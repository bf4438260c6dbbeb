import Foundation
import HotlineDomain

/// The body of a handling action; each action reads the fields it needs (`findings(for:now:)`
/// says which a given action lacks).
struct HandlingRequest: Decodable, Sendable {
    var reason: String?
    var person: String?
    var note: String?
    var departments: [String]?
    var deadline: Date?
    var approved: Bool?
    var leadUnit: String?
    var coUnits: [String]?
    var feedbackToCaller: String?
    var feedbackToCenter: String?
    var solved: VisitSolved?
    var satisfaction: VisitSatisfaction?

    enum CodingKeys: String, CodingKey {
        case reason, person, note, departments, deadline, approved, solved, satisfaction
        case leadUnit = "lead_unit"
        case coUnits = "co_units"
        case feedbackToCaller = "feedback_to_caller"
        case feedbackToCenter = "feedback_to_center"
    }

    static let maximumTextLength = 2000

    /// The fields `action` requires that this request lacks or gets wrong, as problems.
    func findings(for action: HandlingAction, now: Date) -> [FieldFinding] {
        var findings: [FieldFinding] = []
        func text(_ field: String, _ value: String?) {
            guard let value, !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                return findings.append(FieldFinding(field: field, detail: "required for \(action.rawValue)"))
            }
            if value.count > Self.maximumTextLength {
                findings.append(FieldFinding(field: field, detail: "at most \(Self.maximumTextLength) characters"))
            }
            plain(field, value)
        }
        func plain(_ field: String, _ value: String?) {
            if let value, JSONBody.hasControlCharacters(value) {
                findings.append(FieldFinding(field: field, detail: "must not contain control characters"))
            }
        }
        func future(_ field: String, _ value: Date?) {
            guard let value else {
                return findings.append(FieldFinding(field: field, detail: "required for \(action.rawValue)"))
            }
            if value <= now { findings.append(FieldFinding(field: field, detail: "must be in the future")) }
        }
        switch action {
        case .signFor, .reportIn: break
        case .sendBack, .markUnreasonable, .requestExclusion, .reopen: text("reason", reason)
        case .redispatch:
            text("lead_unit", leadUnit)
            plain("reason", reason)
        case .assign: text("person", person)
        case .addProgress, .handDown: text("note", note)
        case .whistle:
            if departments?.isEmpty ?? true {
                findings.append(FieldFinding(field: "departments", detail: "name at least one department"))
            }
            future("deadline", deadline)
        case .handUp:
            future("deadline", deadline)
        case .decideExclusion:
            if approved == nil {
                findings.append(FieldFinding(field: "approved", detail: "required for decide_exclusion"))
            }
        case .resolve:
            text("note", note)
            text("feedback_to_caller", feedbackToCaller)
            text("feedback_to_center", feedbackToCenter)
        case .returnVisit:
            if solved == nil { findings.append(FieldFinding(field: "solved", detail: "one of solved, partly, not")) }
            if satisfaction == nil {
                findings.append(
                    FieldFinding(field: "satisfaction", detail: "one of satisfied, basically, dissatisfied"))
            }
        }
        return findings
    }
}
