public import Foundation

/// The time limits of one urgency tier, as a city or district sets them.
public struct TierLimits: Sendable, Equatable {
    /// From dispatch until the unit must sign for the ticket.
    public var signFor: TimeInterval
    /// From dispatch until a handler must be assigned.
    public var assign: TimeInterval
    /// From dispatch until the ticket must be finished; nil for complex tickets, whose
    /// deadline the consultation sets (a hand-up deadline, or none).
    public var finish: TimeInterval?
    /// How far into each interval a reminder goes out (0.8: at 80 % of the time).
    public var reminderFraction: Double
    /// Days after dispatch with a checkpoint (一三五七 for general tickets).
    public var checkpointDays: [Int]
    /// How often progress must be reported (weekly for complex tickets); nil for no duty.
    public var progressEvery: TimeInterval?
    /// How long an overdue ticket stays with the district's supervision before the municipal
    /// center takes it over.
    public var centerEscalationAfter: TimeInterval
    /// From dispatch to a township until a ticket still unresolved goes on the township's
    /// leadership meeting's agenda (3 days in Beijing); nil for no meeting.
    public var meetingAfter: TimeInterval?
    /// From dispatch until the unit may still ask to send the ticket back (退单); nil for no limit.
    public var sendBackWithin: TimeInterval?
    /// The township's own steps (nil for no limit): from dispatch to a township until its leader
    /// signs the ticket off (签批), from the sign-off until the double dispatch (双派单), and from
    /// the double dispatch until the community reports back.
    public var signOff: TimeInterval?
    public var dispatchDown: TimeInterval?
    public var reportBack: TimeInterval?

    public init(
        signFor: TimeInterval, assign: TimeInterval, finish: TimeInterval?, reminderFraction: Double = 0.8,
        checkpointDays: [Int] = [],
        progressEvery: TimeInterval? = nil, centerEscalationAfter: TimeInterval, meetingAfter: TimeInterval? = nil,
        sendBackWithin: TimeInterval? = nil, signOff: TimeInterval? = nil, dispatchDown: TimeInterval? = nil,
        reportBack: TimeInterval? = nil
    ) {
        self.signFor = signFor
        self.assign = assign
        self.finish = finish
        self.reminderFraction = reminderFraction
        self.checkpointDays = checkpointDays
        self.progressEvery = progressEvery
        self.centerEscalationAfter = centerEscalationAfter
        self.meetingAfter = meetingAfter
        self.sendBackWithin = sendBackWithin
        self.signOff = signOff
        self.dispatchDown = dispatchDown
        self.reportBack = reportBack
    }
}

/// The time limits in force: the city's default per tier, and districts' own where they set
/// them. Policy is data (`Schemas/policy/time_limits.csv`, table `sla_policies`).
public struct TimeLimitPolicy: Sendable, Equatable {
    public var defaults: [UrgencyTier: TierLimits]
    public var districts: [String: [UrgencyTier: TierLimits]]

    public init(defaults: [UrgencyTier: TierLimits], districts: [String: [UrgencyTier: TierLimits]] = [:]) {
        self.defaults = defaults
        self.districts = districts
    }

    /// Beijing's limits: E and L assigned in 15 minutes, others in 2 hours; E finished in 2
    /// hours, L in 24 hours, G in 7 days with checkpoints on days 1, 3, 5 and 7; C set at the
    /// consultation with weekly progress; a township's ticket unresolved 3 days after dispatch
    /// goes to its leadership meeting, whatever the tier. A send-back is asked within the sign-for
    /// time for E and L, within a day for G and C; the township signs off, sends down and hears
    /// back from the community within the times of `Schemas/policy/time_limits.csv`.
    public static let beijing = TimeLimitPolicy(defaults: [
        .emergency: TierLimits(
            signFor: 900, assign: 900, finish: 7_200, centerEscalationAfter: 7_200, meetingAfter: 259_200,
            sendBackWithin: 900, signOff: 900, dispatchDown: 900, reportBack: 3_600),
        .livelihood: TierLimits(
            signFor: 900, assign: 900, finish: 86_400, centerEscalationAfter: 43_200, meetingAfter: 259_200,
            sendBackWithin: 3_600, signOff: 1_800, dispatchDown: 1_800, reportBack: 14_400),
        .general: TierLimits(
            signFor: 7_200, assign: 7_200, finish: 604_800, checkpointDays: [1, 3, 5, 7], centerEscalationAfter: 86_400,
            meetingAfter: 259_200, sendBackWithin: 86_400, signOff: 14_400, dispatchDown: 14_400, reportBack: 86_400),
        .complex: TierLimits(
            signFor: 7_200, assign: 7_200, finish: nil, progressEvery: 604_800, centerEscalationAfter: 259_200,
            meetingAfter: 259_200, sendBackWithin: 86_400, signOff: 86_400, dispatchDown: 86_400, reportBack: 259_200),
    ])

    /// The limits for `tier` in `district` (the district's own, else the default, else Beijing's).
    public func limits(_ tier: UrgencyTier, district: String?) -> TierLimits {
        district.flatMap { districts[$0]?[tier] } ?? defaults[tier] ?? Self.beijing.defaults[tier]!
    }

    /// Reads `district_code,tier,sign_for_minutes,assign_minutes,finish_minutes,reminder_percent,
    /// checkpoint_days,progress_days,escalate_center_hours,meeting_days,send_back_minutes,
    /// sign_off_minutes,dispatch_down_minutes,report_back_minutes` rows; an empty district is the
    /// default, an empty `meeting_days` means no leadership meeting, and an empty (or missing)
    /// send-back or township step column no limit on that step.
    public init(csv table: CSVTable) throws(CSVError) {
        try self.init(records: table.namedRecords)
    }

    /// Reads records with the columns of the CSV file (from the file, or from `sla_policies`).
    public init(records: [[String: String]]) throws(CSVError) {
        var defaults: [UrgencyTier: TierLimits] = [:]
        var districts: [String: [UrgencyTier: TierLimits]] = [:]
        for (index, record) in records.enumerated() {
            func number(_ column: String) -> Double? { Double(record[column, default: ""]) }
            guard let tier = UrgencyTier(rawValue: record["tier", default: ""]),
                let signFor = number("sign_for_minutes"),
                let assign = number("assign_minutes"), let escalation = number("escalate_center_hours")
            else {
                throw CSVError(
                    line: index + 2,
                    message: "a time limit needs a tier, sign_for_minutes, assign_minutes and escalate_center_hours")
            }
            let limits = TierLimits(
                signFor: signFor * 60, assign: assign * 60, finish: number("finish_minutes").map { $0 * 60 },
                reminderFraction: (number("reminder_percent") ?? 80) / 100,
                checkpointDays: record["checkpoint_days", default: ""].split(separator: "|").compactMap { Int($0) },
                progressEvery: number("progress_days").map { $0 * 86_400 }, centerEscalationAfter: escalation * 3600,
                meetingAfter: number("meeting_days").map { $0 * 86_400 },
                sendBackWithin: number("send_back_minutes").map { $0 * 60 },
                signOff: number("sign_off_minutes").map { $0 * 60 },
                dispatchDown: number("dispatch_down_minutes").map { $0 * 60 },
                reportBack: number("report_back_minutes").map { $0 * 60 })
            let district = record["district_code", default: ""]
            if district.isEmpty { defaults[tier] = limits } else { districts[district, default: [:]][tier] = limits }
        }
        self.init(defaults: defaults, districts: districts)
    }
}

extension TimeLimitPolicy {
    /// The policy as records with the CSV file's columns, defaults first.
    public var records: [[String: String]] {
        func record(_ district: String, _ tier: UrgencyTier, _ limits: TierLimits) -> [String: String] {
            func minutes(_ value: TimeInterval) -> String { String(value / 60) }
            return [
                "district_code": district, "tier": tier.rawValue, "sign_for_minutes": minutes(limits.signFor),
                "assign_minutes": minutes(limits.assign), "finish_minutes": limits.finish.map(minutes) ?? "",
                "reminder_percent": String(limits.reminderFraction * 100),
                "checkpoint_days": limits.checkpointDays.map(String.init).joined(separator: "|"),
                "progress_days": limits.progressEvery.map { String($0 / 86_400) } ?? "",
                "escalate_center_hours": String(limits.centerEscalationAfter / 3600),
                "meeting_days": limits.meetingAfter.map { String($0 / 86_400) } ?? "",
                "send_back_minutes": limits.sendBackWithin.map(minutes) ?? "",
                "sign_off_minutes": limits.signOff.map(minutes) ?? "",
                "dispatch_down_minutes": limits.dispatchDown.map(minutes) ?? "",
                "report_back_minutes": limits.reportBack.map(minutes) ?? "",
            ]
        }
        let tiers = UrgencyTier.allCases
        return tiers.compactMap { tier in defaults[tier].map { record("", tier, $0) } }
            + districts.keys.sorted().flatMap { district in
                tiers.compactMap { tier in districts[district]?[tier].map { record(district, tier, $0) } }
            }
    }
}
