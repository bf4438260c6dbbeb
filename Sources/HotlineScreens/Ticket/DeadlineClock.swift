import Foundation
import HotlineDomain

/// The countdowns a ticket is worked against, from the time limits in force (`TierLimits`,
/// the same policy the SLA timer plans with): the next deadline (signing for while the ticket
/// waits to be signed for, else finishing) and the next 一三五七 checkpoint after now.
struct DeadlineClock {
    /// One countdown: when, which step, and how long before it the "soon" colour starts.
    struct Countdown {
        var at: Date
        /// `sign_for`, `finish`, `hand_up` or `checkpoint`.
        var step: String
        /// The checkpoint's day after dispatch.
        var day: Int?
        var window: TimeInterval

        /// The countdown as template data, its step named in the catalog's words.
        func data(words: TicketWords) -> [String: Any] {
            [
                "at": CityTime.iso(at), "shown": CityTime.shown(at), "step": step,
                "stepLabel": words.text("ticket.deadline.\(step)"), "window": Int(window * 1000),
                "day": day.map(String.init) ?? "", "hasDay": day != nil,
            ]
        }
    }

    let limits: TierLimits
    let dispatchedAt: Date

    /// The next deadline: signing for while `state` is dispatched, else `finishBy` (nil
    /// when the tier sets no limit and none was agreed).
    func next(state: TicketState, finishBy: Date?) -> Countdown? {
        if state == .dispatched {
            return Countdown(
                at: dispatchedAt.addingTimeInterval(limits.signFor), step: "sign_for", window: soon(limits.signFor))
        }
        guard let finishBy else { return nil }
        return Countdown(
            at: finishBy, step: "finish", window: soon(limits.finish ?? finishBy.timeIntervalSince(dispatchedAt)))
    }

    /// The first checkpoint day after `now`, if the tier has checkpoints left.
    func nextCheckpoint(after now: Date) -> Countdown? {
        for day in limits.checkpointDays.sorted() {
            let at = dispatchedAt.addingTimeInterval(Double(day) * 86_400)
            if at > now { return Countdown(at: at, step: "checkpoint", day: day, window: soon(86_400)) }
        }
        return nil
    }

    /// How long before a deadline it is close: the part of `interval` after the reminder point.
    private func soon(_ interval: TimeInterval) -> TimeInterval {
        max(interval * (1 - limits.reminderFraction), 60)
    }
}
