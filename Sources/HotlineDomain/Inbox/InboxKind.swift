/// What an inbox item tells a unit. The raw value is stored in `inbox_items.kind` and shown by
/// the API.
public enum InboxKind: String, Codable, Sendable, CaseIterable {
    /// A new ticket for the unit to lead (first dispatch or re-dispatch).
    case dispatched
    /// The unit helps the lead unit on a ticket (协办).
    case coDispatched = "co_dispatched"
    /// A repeat request (重复诉求), sent back to the unit that handled the original.
    case repeatRequest = "repeat"
    /// An unsolved ticket came back to the unit (重办).
    case reopened
    /// A whistle summoned the department (吹哨), to report in by the due time.
    case summoned
    /// A unit asks to send a ticket back (退单): the center or sub-center agrees (and re-dispatches
    /// it) or refuses.
    case sentBack = "sent_back"
    /// The center or sub-center agreed to the unit's send-back, or refused it (the unit keeps the ticket).
    case sendBackDecided = "send_back_decided"
    /// The center decided the unit's request to exclude a ticket from its assessment.
    case exclusionDecided = "exclusion_decided"
    /// A township handed a ticket up to the unit (上交), to accept with a plan or return by the due time.
    case handedUp = "handed_up"
    /// The unit a ticket was handed up to accepted it or returned it.
    case handUpAnswered = "hand_up_answered"
    /// The center agreed or refused that a request is unreasonable (不合理诉求).
    case unreasonableDecided = "unreasonable_decided"
    /// The center's return visit (回访) to the caller of the unit's ticket, with its result.
    case returnVisit = "return_visit"
    /// A 一三五七 checkpoint came due.
    case checkpoint
    /// A time limit is near (a reminder before the deadline).
    case deadlineWarning = "deadline_warning"
    /// A time limit passed with the step still open.
    case overdue
    /// The ticket came under the center's supervision against the unit (督办).
    case escalated
    /// A ticket came under this unit's supervision (for sub-centers and the center).
    case supervision
    /// A ticket is on the township's leadership meeting's agenda (unsolved after 3 days).
    case meetingAgenda = "meeting_agenda"
    /// A group request (群体诉求) case was opened in the unit's area.
    case groupCase = "group_case"
    /// The township sent a ticket down to the community (双派单): its secretary and grid workers go
    /// and look, and report back.
    case dispatchedDown = "dispatched_down"
    /// Requests of a category rose in the unit's district beyond what its baseline explains
    /// (预警); the note gives the figures. About no single ticket.
    case earlyWarning = "early_warning"
    /// A problem keeps coming back in the township: a proactive task proposed to it (未诉先办),
    /// with the evidence in the note. About no single ticket.
    case recurringProblem = "recurring_problem"
    /// The unit leads or helps with a governance task (每月一题) an administrator adopted; the
    /// note names the task, its months and measures. About no single ticket.
    case governanceTask = "governance_task"
    /// A month of a governance task the unit leads ended without its progress report. About no
    /// single ticket.
    case governanceProgressDue = "governance_progress_due"
}
