import Foundation
import HotlineDomain
import HotlineGateway
import HotlineServices
import HotlineStorage

/// The panels of the big screen (大屏). Each is a fragment (`GET /ui/big-screen/<panel>`,
/// template `big-screen-<panel>`) its element fetches again every few seconds, so the screen
/// keeps its last figures through a gateway restart and catches up when the gateway answers.
enum BigScreenPanel: String, CaseIterable {
    case counts
    case byChannel = "by-channel"
    case byType = "by-type"
    case latestTickets = "latest-tickets"
    case topCategories = "top-categories"
    case districtRanking = "district-ranking"
    case districtMap = "district-map"
    case groupRequests = "group-requests"
    case hotSpots = "hot-spots"

    /// The panel's template.
    var template: String { "big-screen-\(rawValue)" }

    /// The panel's key in the page's data (`{{#byChannel}}`).
    var key: String {
        rawValue.split(separator: "-").enumerated().map { $0 == 0 ? String($1) : $1.capitalized }.joined()
    }

    /// How often the panel refreshes itself, in seconds: the intake and the newest tickets
    /// often (a new ticket shows within 5 s), the month's figures less often.
    var refreshSeconds: Int {
        switch self {
        case .counts, .latestTickets: 3
        case .byChannel, .byType, .groupRequests: 5
        case .topCategories, .districtRanking, .districtMap, .hotSpots: 10
        }
    }

    /// The panel's template data for `principal`, from the use cases in `services`; the big
    /// screen is the city's watchers' (`Principal.mayWatchCity`), others are refused.
    func data(
        _ services: ScreenServices, _ principal: Principal, _ context: ScreenRequestContext
    ) async throws -> [String: Any] {
        guard principal.mayWatchCity else { throw TicketError.notSupervisor }
        let board = services.bigScreen
        let words = services.renderer.resources.strings.strings(context.language)
        func text(_ key: String) -> String { words[key] ?? key }
        func label(_ prefix: String, _ code: String) -> String { words["\(prefix).\(code)"] ?? code }
        var data: [String: Any] = ["refresh": refreshSeconds, "src": "/ui/big-screen/\(rawValue)"]
        switch self {
        case .counts:
            let intake = try await board.intake(for: principal)
            data["today"] = intake.today
            data["month"] = intake.month
        case .byChannel, .byType:
            let intake = try await board.intake(for: principal)
            let (counts, prefix) =
                self == .byChannel ? (intake.byChannel, "big_screen.channel") : (intake.byType, "big_screen.type")
            var chart = SVGBars(items: counts.map { .init(label: label(prefix, $0.code), count: $0.count) }).data
            chart["title"] = text(self == .byChannel ? "big_screen.by_channel" : "big_screen.by_type")
            data["chart"] = chart
        case .latestTickets:
            data["tickets"] = try await board.latest(for: principal).map {
                [
                    "number": $0.number, "time": FigureFormat.timeOfDay($0.receivedAt, in: board.timeZone),
                    "datetime": $0.receivedAt.formatted(.iso8601), "category": $0.categoryName ?? "",
                    "township": $0.townshipName ?? "",
                ]
            }
        case .topCategories:
            data["categories"] = try await board.monthReport(for: principal).topCategories.enumerated().map {
                Self.trend(place: $0 + 1, $1, text: text)
            }
        case .districtRanking:
            data["districts"] = try await board.districtRanking(for: principal).filter { $0.result.rank != nil }
                .map { RankingView.row($0, text: text) }
        case .districtMap:
            data["map"] = DistrictMapLayout(districts: try await board.map(for: principal)).data(text: text)
        case .groupRequests:
            let reference = try await services.api.reference.current().reference
            let cases = try await services.api.groupCases.list(
                after: nil, limit: ReadGroupCases.maximumPageSize, for: principal
            ).cases.filter { $0.state == .open }
            let names = Dictionary(
                reference.divisions.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
            data["groups"] = cases.prefix(8).map {
                [
                    "township": names[$0.townshipCode] ?? $0.townshipCode,
                    "category": reference.catalog[$0.leafCode]?.name ?? $0.leafCode, "tickets": $0.ticketCount,
                    "since": FigureFormat.dayAndTime($0.firstAt, in: board.timeZone),
                ] as [String: Any]
            }
        case .hotSpots:
            let reference = try await services.api.reference.current().reference
            let names = Dictionary(
                reference.divisions.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
            data["spots"] = try await board.monthReport(for: principal).hotSpots.map {
                ["place": $0.name, "count": $0.count, "district": $0.district.flatMap { names[$0] } ?? ""]
                    as [String: Any]
            }
        }
        data["empty"] = Self.isEmpty(data)
        return data
    }

    /// A first-level category this month against the previous month: ▲/▼ and the change in per cent.
    static func trend(place: Int, _ count: PeriodReport.Count, text: (String) -> String) -> [String: Any] {
        let previous = count.previous ?? 0
        var row: [String: Any] = ["place": place, "name": count.name, "count": count.count, "previous": previous]
        if previous == 0 {
            row["change"] = text("big_screen.new")
            row["direction"] = "up"
        } else {
            let change = Double(count.count - previous) / Double(previous) * 100
            row["change"] =
                (change >= 0 ? text("big_screen.up") : text("big_screen.down")) + String(format: "%.0f%%", abs(change))
            row["direction"] = change >= 0 ? "up" : "down"
        }
        return row
    }

    /// Whether the panel has nothing to show (an empty list).
    private static func isEmpty(_ data: [String: Any]) -> Bool {
        ["tickets", "categories", "districts", "groups", "spots"].contains { (data[$0] as? [Any])?.isEmpty == true }
    }
}
