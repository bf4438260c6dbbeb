import Foundation
import HotlineDomain

/// How the leaders' screens write figures: rates as percentages with one decimal, scores with
/// two, times of day in the city's zone. Signs and digits only; words come from the catalog.
enum FigureFormat {
    /// A rate (0–1) as "93.5%", "-" when there is none.
    static func percent(_ rate: Double?) -> String {
        rate.map { String(format: "%.1f%%", $0 * 100) } ?? "-"
    }

    /// A score as "91.25", "-" when there is none.
    static func score(_ score: Double?) -> String {
        score.map { String(format: "%.2f", $0) } ?? "-"
    }

    /// `date`'s time of day in `zone`, "08:05".
    static func timeOfDay(_ date: Date, in zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }

    /// `date`'s day and time in `zone`, "2026-12-03 08:05".
    static func dayAndTime(_ date: Date, in zone: TimeZone) -> String {
        "\(CalendarDay(date, in: zone).isoDescription) \(timeOfDay(date, in: zone))"
    }
}
