/// What a unit, the center or a sub-center can do to a ticket after dispatch.
public enum HandlingAction: String, Codable, Sendable, CaseIterable {
    /// 签收: the receiving unit acknowledges the ticket.
    case signFor = "sign_for"
    /// 退单: the unit is not responsible and asks to send the ticket back, with a reason, within
    /// the policy's window after dispatch; it keeps the ticket until the center decides.
    case sendBack = "send_back"
    /// The center (or the district's sub-center) agrees to a send-back, and the ticket goes to it
    /// for re-dispatch, or refuses it, with its reason, and the unit keeps the ticket.
    case decideSendBack = "decide_send_back"
    /// The center or a sub-center sends the ticket to a lead unit, perhaps with co-units.
    case redispatch
    /// 会商: the sub-center (or the center) holds a consultation on a complex or multi-unit
    /// ticket: its participants, the decision (`note`), the lead unit and co-units it names, and
    /// for a complex (C) ticket the finish time limit (`deadline`).
    case consult
    /// A named person of the unit takes the ticket.
    case assign
    /// 签批: the township's leader (`person`) signs the ticket off, with instructions (`note`).
    case signOff = "sign_off"
    /// 双派单: the township sends the signed-off ticket down to the responsible leader (`person`)
    /// and to a community or village of its own (`community`), whose secretary and grid workers
    /// go and look.
    case dispatchDown = "dispatch_down"
    /// 帮办: after the sign-off, the township calls local stations (a district's departments or
    /// enterprises, such as the police station of the public security bureau) to help: they join
    /// the ticket as co-units, read it with the caller masked and report progress.
    case callHelpers = "call_helpers"
    /// A note on what has been done so far.
    case addProgress = "add_progress"
    /// 吹哨: the unit summons named departments, each to report within a deadline.
    case whistle
    /// 报到: a summoned department reports in.
    case reportIn = "report_in"
    /// 上交: the problem needs policy or funding; it goes up with a deadline.
    case handUp = "hand_up"
    /// The unit a hand-up went to takes the problem on, with its plan (`note`).
    case acceptHandUp = "accept_hand_up"
    /// The unit a hand-up went to sends it back to the lead unit, with its reason.
    case returnHandUp = "return_hand_up"
    /// 下交群评: a dispute goes to a community panel: the dispute (`note`), the members by role
    /// (`panel`) and when it sits (`deadline`).
    case handDown = "hand_down"
    /// The panel's outcome (`note`), recorded once it has sat.
    case recordPanelOutcome = "record_panel_outcome"
    /// 不合理诉求: the unit records the request as unreasonable, with the explanation given to the
    /// caller, and asks the center to agree.
    case markUnreasonable = "mark_unreasonable"
    /// The center agrees that the request is unreasonable, or refuses, with its reason.
    case decideUnreasonable = "decide_unreasonable"
    /// 不计入考核: the unit asks that the ticket not count in its assessment.
    case requestExclusion = "request_exclusion"
    /// The center approves or refuses an exclusion request.
    case decideExclusion = "decide_exclusion"
    /// The result, reported to the caller and to the center (双反馈).
    case resolve
    /// 回访: the center's call back to the citizen.
    case returnVisit = "return_visit"
    /// 重办: an unsolved ticket goes back to its unit.
    case reopen
    /// The township's leadership meeting decides on a ticket on its agenda: who owns it
    /// (`person`), the measure (`note`) and the new target date (`deadline`).
    case meetingDecision = "meeting_decision"
}
