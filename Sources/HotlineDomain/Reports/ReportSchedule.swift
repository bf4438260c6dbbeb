public import Foundation

/// When the scheduled reports are due: a period's report is produced once the period has ended
/// and `grace` has passed (events still on their way are in), each period once. After an outage
/// the missed periods are produced too, at most `catchUp` of each kind (the newest), so that a
/// service down for a month does not write 720 hourly reports before the one leaders wait for.
/// A schedule that has produced nothing yet starts with the period that ended last. Pure.
public struct ReportSchedule: Sendable, Equatable {
    public var grace: TimeInterval
    public var catchUp: Int

    public init(grace: TimeInterval = 120, catchUp: Int = 24) {
        self.grace = grace
        self.catchUp = catchUp
    }

    /// The starts of `period`'s reports due at `now` and not produced yet, oldest first: those
    /// after `lastProduced`, the start of the newest produced (nil when none).
    public func due(_ period: ReportPeriod, now: Date, lastProduced: Date?, in zone: TimeZone) -> [Date] {
        let current = period.bounds(containing: now.addingTimeInterval(-grace), in: zone)
        var start = period.start(current.start, movedBy: -1, in: zone)
        guard let lastProduced else { return [start] }
        var starts: [Date] = []
        while start > lastProduced, starts.count < catchUp {
            starts.append(start)
            start = period.start(start, movedBy: -1, in: zone)
        }
        return starts.reversed()
    }

    /// When the report of the period starting at `start` is due.
    public func dueAt(_ period: ReportPeriod, start: Date, in zone: TimeZone) -> Date {
        period.bounds(containing: start, in: zone).end.addingTimeInterval(grace)
    }
}
