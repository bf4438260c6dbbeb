public import Foundation
public import HotlineDomain
import HotlineStorage
public import Logging
public import PostgresNIO

/// Reminds the lead of each governance task running in a month that has just ended without its
/// progress report: a `governance_progress_due` item in the lead's inbox. Runs with the month's
/// scheduled report, in its transaction, so a month reminds once, after a restart too.
public enum ProgressReminder {
    /// Puts the reminders for `month` (its first day) and says how many.
    @discardableResult
    public static func remind(
        month: CalendarDay, at now: Date, on connection: PostgresConnection, logger: Logger
    ) async throws -> Int {
        let unreported = try await GovernanceTaskStore.unreported(month: month, on: connection, logger: logger)
        for task in unreported {
            try await InboxStore.add(
                [
                    InboxNotice(
                        unitCode: task.leadUnitCode, kind: .governanceProgressDue,
                        note: GovernanceTask.progressDueNote(title: task.title, month: month))
                ], eventId: UUID(), ticketId: nil, at: now, on: connection, logger: logger)
        }
        if !unreported.isEmpty {
            logger.info(
                "governance progress reminders",
                metadata: ["month": "\(month.monthDescription)", "tasks": "\(unreported.count)"])
        }
        return unreported.count
    }
}
