import HotlineDomain

/// A field of a handling action's form, named as the API's `HandlingRequest` names it.
enum ActionField: String, CaseIterable {
    case reason, person, note, departments, deadline, approved, solved, satisfaction, community, participants, panel
    case leadUnit = "lead_unit"
    case coUnits = "co_units"
    case feedbackToCaller = "feedback_to_caller"
    case feedbackToCenter = "feedback_to_center"
    case photoReference = "photo_reference"
    case toUnit = "to_unit"

    /// The fields of `action`'s form and whether each is required (as
    /// `HandlingRequest.findings(for:now:)` requires them); `cityScope` adds the department
    /// a city-wide handler reports in for.
    static func fields(of action: HandlingAction, cityScope: Bool) -> [(field: ActionField, required: Bool)] {
        switch action {
        case .signFor: []
        case .reportIn: cityScope ? [(.departments, true)] : []
        case .sendBack, .markUnreasonable, .requestExclusion, .reopen: [(.reason, true)]
        case .redispatch: [(.leadUnit, true), (.coUnits, false), (.reason, false)]
        case .consult: [(.participants, true), (.note, true), (.leadUnit, true), (.coUnits, false), (.deadline, false)]
        case .assign: [(.person, true)]
        case .signOff: [(.person, true), (.note, false)]
        case .dispatchDown: [(.person, true), (.community, true)]
        case .callHelpers: [(.departments, true), (.note, false)]
        case .addProgress: [(.note, true), (.photoReference, false)]
        case .handDown: [(.note, true), (.panel, true), (.deadline, true)]
        case .recordPanelOutcome: [(.note, true)]
        case .whistle: [(.departments, true), (.deadline, true)]
        case .handUp: [(.toUnit, true), (.reason, false), (.deadline, true)]
        case .acceptHandUp: [(.note, true)]
        case .returnHandUp: [(.reason, true)]
        case .decideExclusion: [(.approved, true)]
        case .decideUnreasonable, .decideSendBack: [(.approved, true), (.reason, true)]
        case .resolve: [(.note, true), (.feedbackToCaller, true), (.feedbackToCenter, true)]
        case .returnVisit: [(.solved, true), (.satisfaction, true)]
        case .meetingDecision: [(.person, true), (.note, true), (.deadline, true)]
        }
    }

    /// The element id of this field in `action`'s form; the double feedback keeps the ids the
    /// browser tests use.
    func id(in action: HandlingAction) -> String {
        switch self {
        case .feedbackToCaller: "feedback-to-caller"
        case .feedbackToCenter: "feedback-to-center"
        default: "\(action.rawValue)-\(rawValue)"
        }
    }

    /// How the field is entered.
    var input: String {
        switch self {
        case .reason, .note, .feedbackToCaller, .feedbackToCenter, .panel: "textarea"
        case .deadline: "deadline"
        case .approved, .solved, .satisfaction: "select"
        case .person, .departments, .leadUnit, .coUnits, .community, .photoReference, .participants, .toUnit: "text"
        }
    }

    /// The choices of a select, as raw values (their words are `ticket.choice.<field>.<value>`).
    var choices: [String] {
        switch self {
        case .approved: ["true", "false"]
        case .solved: VisitSolved.allCases.map(\.rawValue)
        case .satisfaction: VisitSatisfaction.allCases.map(\.rawValue)
        default: []
        }
    }
}
