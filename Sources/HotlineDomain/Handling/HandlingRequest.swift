public import Foundation

/// The body of a handling action; each action reads the fields it needs (`findings(for:now:)`
/// says which a given action lacks).
public struct HandlingRequest: Decodable, Sendable, Equatable {
    public var reason: String?
    public var person: String?
    public var note: String?
    public var departments: [String]?
    public var deadline: Date?
    public var approved: Bool?
    public var leadUnit: String?
    public var coUnits: [String]?
    /// The district or city unit a hand-up goes to.
    public var toUnit: String?
    /// Who took part in a consultation: units or people.
    public var participants: [String]?
    /// The community or village a double dispatch sends the ticket down to.
    public var community: String?
    /// A hand-down panel's members.
    public var panel: [PanelMember]?
    /// A reference to a photo kept elsewhere (a file name or a URL), sent with progress.
    public var photoReference: String?
    public var feedbackToCaller: String?
    public var feedbackToCenter: String?
    public var solved: VisitSolved?
    public var satisfaction: VisitSatisfaction?

    public init(
        reason: String? = nil, person: String? = nil, note: String? = nil, departments: [String]? = nil,
        deadline: Date? = nil, approved: Bool? = nil, leadUnit: String? = nil, coUnits: [String]? = nil,
        toUnit: String? = nil, participants: [String]? = nil, community: String? = nil, panel: [PanelMember]? = nil,
        photoReference: String? = nil,
        feedbackToCaller: String? = nil, feedbackToCenter: String? = nil, solved: VisitSolved? = nil,
        satisfaction: VisitSatisfaction? = nil
    ) {
        self.reason = reason
        self.person = person
        self.note = note
        self.departments = departments
        self.deadline = deadline
        self.approved = approved
        self.leadUnit = leadUnit
        self.coUnits = coUnits
        self.toUnit = toUnit
        self.participants = participants
        self.community = community
        self.panel = panel
        self.photoReference = photoReference
        self.feedbackToCaller = feedbackToCaller
        self.feedbackToCenter = feedbackToCenter
        self.solved = solved
        self.satisfaction = satisfaction
    }

    enum CodingKeys: String, CodingKey {
        case reason, person, note, departments, deadline, approved, solved, satisfaction, community, participants, panel
        case leadUnit = "lead_unit"
        case coUnits = "co_units"
        case photoReference = "photo_reference"
        case toUnit = "to_unit"
        case feedbackToCaller = "feedback_to_caller"
        case feedbackToCenter = "feedback_to_center"
    }

    /// The longest text field accepted, in characters.
    public static let maximumTextLength = 2000

    /// The fields `action` requires that this request lacks or gets wrong, as problems.
    public func findings(for action: HandlingAction, now: Date) -> [FieldFinding] {
        var findings: [FieldFinding] = []
        func text(_ field: String, _ value: String?) {
            findings += Self.textFindings(field, value, requiredFor: action)
        }
        func plain(_ field: String, _ value: String?) {
            if let value, PlainText.hasControlCharacters(value) {
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
        case .consult:
            text("lead_unit", leadUnit)
            text("note", note)
            if participants?.isEmpty ?? true {
                findings.append(FieldFinding(field: "participants", detail: "name at least one participant"))
            }
            for participant in participants ?? [] {
                findings += Self.textFindings("participants", participant, requiredFor: action)
            }
            if deadline != nil { future("deadline", deadline) }
        case .assign: text("person", person)
        case .signOff:
            text("person", person)
            plain("note", note)
        case .dispatchDown:
            text("person", person)
            text("community", community)
        case .addProgress:
            text("note", note)
            if let photoReference {
                findings += Self.textFindings("photo_reference", photoReference, requiredFor: action)
            }
        case .handDown:
            text("note", note)
            if panel?.isEmpty ?? true {
                findings.append(FieldFinding(field: "panel", detail: "name at least one member"))
            }
            for member in panel ?? [] {
                findings += Self.textFindings("panel", member.name, requiredFor: action)
            }
            future("deadline", deadline)
        case .recordPanelOutcome: text("note", note)
        case .whistle:
            if departments?.isEmpty ?? true {
                findings.append(FieldFinding(field: "departments", detail: "name at least one department"))
            }
            future("deadline", deadline)
        case .callHelpers:
            if departments?.isEmpty ?? true {
                findings.append(FieldFinding(field: "departments", detail: "name at least one helper unit"))
            }
            plain("note", note)
        case .handUp:
            text("to_unit", toUnit)
            future("deadline", deadline)
        case .acceptHandUp: text("note", note)
        case .returnHandUp: text("reason", reason)
        case .meetingDecision:
            text("person", person)
            text("note", note)
            future("deadline", deadline)
        case .decideExclusion:
            if approved == nil {
                findings.append(FieldFinding(field: "approved", detail: "required for decide_exclusion"))
            }
        case .decideUnreasonable, .decideSendBack:
            if approved == nil {
                findings.append(FieldFinding(field: "approved", detail: "required for \(action.rawValue)"))
            }
            text("reason", reason)
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

    /// What is wrong with the text `value` of `field`, which `action` requires: missing or
    /// blank, too long, or holding control characters.
    static func textFindings(_ field: String, _ value: String?, requiredFor action: HandlingAction) -> [FieldFinding] {
        guard let value, !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return [FieldFinding(field: field, detail: "required for \(action.rawValue)")]
        }
        var findings: [FieldFinding] = []
        if value.count > maximumTextLength {
            findings.append(FieldFinding(field: field, detail: "at most \(maximumTextLength) characters"))
        }
        if PlainText.hasControlCharacters(value) {
            findings.append(FieldFinding(field: field, detail: "must not contain control characters"))
        }
        return findings
    }
}
