import Foundation
import HotlineDomain
import HotlineServices

/// One ticket of the supervision list as the API shows it: no caller data, no request text.
struct SupervisedTicketView: Encodable {
    var id: UUID
    var number: String
    var categoryCode: String?
    var urgency: UrgencyTier
    var state: TicketState
    var leadUnit: String?
    var districtCode: String?
    var supervisionLevel: SupervisionLevel
    var supervisingUnit: String?
    var overdueSince: Date
    var overdueSeconds: Int
    /// The steps whose deadlines passed undone (`sign_for`, `assign`, `finish`, `progress`, `whistle`).
    var lateSteps: [SLAStep]
    var nextStep: NextStep

    /// What comes next under the escalation policy.
    struct NextStep: Encodable {
        /// `center_takes_over`, `center_takeover_due`, `sub_center_supervises` or `center_supervises`.
        var step: String
        var at: Date?
    }

    enum CodingKeys: String, CodingKey {
        case id, number, urgency, state
        case categoryCode = "category_code"
        case leadUnit = "lead_unit"
        case districtCode = "district_code"
        case supervisionLevel = "supervision_level"
        case supervisingUnit = "supervising_unit"
        case overdueSince = "overdue_since"
        case overdueSeconds = "overdue_seconds"
        case lateSteps = "late_steps"
        case nextStep = "next_step"
    }

    init(_ entry: SupervisionBoard.Entry) {
        let ticket = entry.ticket
        id = ticket.id
        number = ticket.number
        categoryCode = ticket.categoryCode
        urgency = ticket.urgency
        state = ticket.state
        leadUnit = ticket.unitCode
        districtCode = ticket.districtCode
        supervisionLevel = ticket.level
        supervisingUnit = ticket.supervisingUnitCode
        overdueSince = ticket.overdueAt
        overdueSeconds = entry.overdueSeconds
        lateSteps = ticket.lateSteps
        nextStep = NextStep(step: entry.nextStep.code, at: entry.nextStep.at)
    }
}
