import Foundation
import HotlineDomain
import HotlineStorage
import Synchronization

/// Governance tasks in memory for the router tests: the units named, the tasks adopted, their
/// reports, and fixed monthly counts per district.
final class InMemoryGovernance: GovernanceTaskRepository {
    private let state = Mutex<(tasks: [GovernanceTask], notices: [InboxNotice])>(([], []))
    let units: [String: OrgUnit.Kind]
    let counts: [String: [CalendarDay: Int]]

    init(units: [String: OrgUnit.Kind] = [:], counts: [String: [CalendarDay: Int]] = [:]) {
        self.units = units
        self.counts = counts
    }

    /// The inbox notices adoptions put.
    var notices: [InboxNotice] { state.withLock { $0.notices } }

    func screeningTallies(
        year: Int, timeZone: TimeZone
    ) async throws -> (tallies: [AnnualScreening.Tally], previousYear: [String: Int]) {
        ([], [:])
    }

    func unitKinds(_ codes: [String]) async throws -> [String: OrgUnit.Kind] {
        units.filter { codes.contains($0.key) }
    }

    func adopt(_ task: GovernanceTask, notices: [InboxNotice]) async throws {
        state.withLock {
            $0.tasks.insert(task, at: 0)
            $0.notices += notices
        }
    }

    func tasks(id: UUID?) async throws -> [GovernanceTask] {
        state.withLock { state in state.tasks.filter { id == nil || $0.id == id } }
    }

    func saveProgress(
        _ report: GovernanceProgressReport, of task: UUID, by person: String, at time: Date
    ) async throws -> GovernanceProgress {
        state.withLock { state in
            guard let index = state.tasks.firstIndex(where: { $0.id == task }) else {
                fatalError("progress on a task the use case did not find")
            }
            let first = state.tasks[index].progress.first { $0.month == report.month }?.firstReportedAt ?? time
            let stored = GovernanceProgress(
                month: report.month, status: report.status, summary: report.summary, reportedBy: person,
                firstReportedAt: first, reportedAt: time)
            state.tasks[index].progress.removeAll { $0.month == report.month }
            state.tasks[index].progress.append(stored)
            return stored
        }
    }

    func monthlyCounts(
        of leaf: String, from first: CalendarDay, through last: CalendarDay, timeZone: TimeZone
    ) async throws -> [String: [CalendarDay: Int]] {
        counts.mapValues { $0.filter { first <= $0.key && $0.key <= last } }
    }
}
