import Foundation
import HotlineDomain
import HotlineSimulation
import HotlineStorage
import Synchronization

/// Plays the synthetic city against the gateway: each request arrives at its time, and
/// operators, hubs, units, departments and the return-visit team act on it as decided up front.
struct CitySimulation: Sendable {
    let client: CityClient
    let clock: SimulationClock
    /// How much faster time runs once the period (and a day after it) is over.
    static let runOutAcceleration = 30.0
    let tokens: UnitTokens
    let planner: SLAPlanner
    let seed: UInt64
    /// Tells this run's idempotency keys from an earlier run's.
    let run = UUID()
    /// Township codes per district, for re-dispatching a misrouted ticket.
    let townships: [String: [String]]
    /// The communities and villages of each township, to send its tickets down to.
    let communities: [String: [String]]

    /// Counts for the progress line, shared by every ticket's task.
    final class Progress: Sendable {
        let created = Atomic<Int>(0)
        let finished = Atomic<Int>(0)
        let actions = Atomic<Int>(0)
    }

    /// Plays `tickets` until each has lived its life; a day after `end`, simulated time runs
    /// faster for what is left. With `showProgress`, a progress line goes to standard error.
    func run(_ tickets: [SimulatedTicket], until end: Date, progress showProgress: Bool) async throws {
        let progress = Progress()
        let reporter = Task {
            let started = Date()
            while !Task.isCancelled && showProgress {
                try? await Task.sleep(for: .seconds(1))
                let done = progress.finished.load(ordering: .relaxed)
                let created = progress.created.load(ordering: .relaxed)
                let elapsed = max(Date().timeIntervalSince(started), 1)
                let share = Double(done) / Double(max(tickets.count, 1))
                let bar =
                    String(repeating: "#", count: Int(share * 30)) + String(repeating: ".", count: 30 - Int(share * 30))
                let date = clock.now().formatted(
                    Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "Asia/Shanghai")!).year().month().day().time(
                        includingFractionalSeconds: false))
                FileHandle.standardError.write(
                    Data(
                        String(
                            format: "\r[%@] %@  tickets %d/%d  %.1f tickets/s  %.1f actions/s   ", bar, date, created,
                            tickets.count,
                            Double(created) / elapsed, Double(progress.actions.load(ordering: .relaxed)) / elapsed
                        ).utf8))
            }
        }
        let operatorToken = try await tokens.token(for: nil)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for ticket in tickets {
                group.addTask { try await self.live(ticket, operatorToken: operatorToken, progress: progress) }
            }
            // A day after the period every sign-for is done; what is left (late resolutions,
            // return visits) runs faster.
            group.addTask {
                try await clock.sleep(until: end.addingTimeInterval(86_400))
                try await clock.speedUp(by: Self.runOutAcceleration)
            }
            try await group.waitForAll()
        }
        reporter.cancel()
        if showProgress { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    /// One request's life, from the call to the return visit.
    func live(_ ticket: SimulatedTicket, operatorToken: String, progress: Progress) async throws {
        try await clock.sleep(until: ticket.arrival)
        var body = try JSONSerialization.jsonObject(with: JSONEncoder().encode(ticket.request)) as? [String: Any] ?? [:]
        if let article = ticket.answerArticleId { body["answer"] = ["article_id": article] }
        let (status, data) = try await client.send(
            "POST", "tickets", token: operatorToken, body: body,
            headers: ["Idempotency-Key": "simulation-\(run)-\(ticket.index)"])
        guard status == 201 || status == 200,
            let id = (try? JSONSerialization.jsonObject(with: data) as? [String: Any])?["id"].flatMap({ $0 as? String })
                .flatMap(
                    UUID.init(uuidString:))
        else { throw CityClient.Failure(status: status, body: String(decoding: data, as: UTF8.self)) }
        progress.created.add(1, ordering: .relaxed)
        defer { progress.finished.add(1, ordering: .relaxed) }
        guard ticket.answerArticleId == nil else { return }

        var sentBack = false
        for _ in 0..<6 {
            let record = try await awaitQueue(id, operatorToken: operatorToken)
            if record.state == .needsReview {
                try await act(progress) {
                    try await client.send(
                        "PUT", "tickets/\(id)/classification", token: operatorToken,
                        body: ["category_code": ticket.leafCode])
                }
                continue
            }
            let dispatchedAt =
                record.history?.last { $0.eventType == EventType.ticketDispatched.rawValue }?.occurredAt ?? clock.now()
            guard let unit = record.unitCode else { return }
            if record.state == .sentBack || unit == OrgUnitCode.center || unit.count == 6 {
                // A hub (the center or a sub-center) names the unit: a complex ticket after a
                // consultation that sets its finish limit (five days in the simulated city).
                try await clock.sleep(until: dispatchedAt.addingTimeInterval(1800))
                let lead =
                    sentBack ? alternative(to: ticket.townshipCode, in: ticket.districtCode) : ticket.townshipCode
                try await act(progress) {
                    if record.urgency == .complex {
                        try await sendDated("tickets/\(id)/actions/consult", token: operatorToken) {
                            [
                                "participants": [lead, "\(ticket.districtCode):department:housing"],
                                "note": "会商：街乡牵头，住建委配合", "lead_unit": lead,
                                "deadline": ISO8601DateFormatter().string(from: clock.later(by: 5 * 86_400)),
                            ]
                        }
                    } else {
                        try await client.send(
                            "POST", "tickets/\(id)/actions/redispatch", token: operatorToken,
                            body: ["lead_unit": lead, "reason": "分中心研判后派单"])
                    }
                }
                continue
            }
            let handler = try await tokens.token(for: unit)
            let limits = planner.policy.limits(record.urgency, district: record.districtCode)
            // The unit learns of the ticket from its inbox while its sign-for time comes; reading
            // the inbox never moves the handling's simulated times, which the ranking depends on.
            async let noticed: Void = heed(
                [.dispatched, .reopened, .repeatRequest], of: id, unit: unit, token: handler, progress)
            try await clock.sleep(
                until: dispatchedAt.addingTimeInterval(limits.signFor * ticket.handling.signForFraction))
            try await act(progress) {
                try await client.send("POST", "tickets/\(id)/actions/sign_for", token: handler, body: [:])
            }
            try await noticed
            try await act(progress) {
                try await client.send(
                    "POST", "tickets/\(id)/actions/assign", token: handler,
                    body: ["person": "承办人\(ticket.index % 7 + 1)"])
            }
            // A unit that is not responsible asks to send the ticket back within the policy's window
            // (one that signed for too late handles it); the hub refuses one request in ten.
            let sendBackBy = limits.sendBackWithin.map { dispatchedAt.addingTimeInterval($0 * 0.9) } ?? .distantFuture
            if ticket.handling.sendBack && !sentBack && clock.now() < sendBackBy {
                sentBack = true
                try await clock.sleep(until: min(clock.now().addingTimeInterval(600), sendBackBy))
                try await act(progress) {
                    try await client.send(
                        "POST", "tickets/\(id)/actions/send_back", token: handler, body: ["reason": "不属于本单位辖区"])
                }
                try await clock.sleep(until: clock.now().addingTimeInterval(1800))
                let agreed = ticket.index % 10 != 3
                try await act(progress) {
                    try await client.send(
                        "POST", "tickets/\(id)/actions/decide_send_back", token: operatorToken,
                        body: ["approved": agreed, "reason": agreed ? "经核实不属该单位辖区，同意退单" : "属该单位职责，不同意退单"])
                }
                if agreed { continue }
            }
            if let list = communities[unit], !list.isEmpty {
                let community = list[ticket.index / 4 % list.count]
                try await townshipSteps(
                    ticket, id: id, township: unit, community: community, handler: handler,
                    operatorToken: operatorToken, progress)
            }
            if ticket.handling.whistle, let district = record.districtCode {
                let departments = ["\(district):department:housing", "\(district):enterprise:water"]
                let whistled = try await act(progress) {
                    try await sendDated("tickets/\(id)/actions/whistle", token: handler) {
                        [
                            "departments": departments,
                            "deadline": ISO8601DateFormatter().string(from: clock.later(by: 86_400)),
                        ]
                    }
                }
                // Summoned only when the whistle was taken (a ticket handed up meanwhile is not whistled).
                for department in departments where whistled {
                    let token = try await tokens.token(for: department)
                    try await act(progress) {
                        try await client.send("POST", "tickets/\(id)/actions/report_in", token: token, body: [:])
                    }
                    try await heed([.summoned], of: id, unit: department, token: token, progress)
                }
            }
            // A complex ticket's deadline is set at its consultation; the simulated city gives it five days.
            let finish = limits.finish ?? 5 * 86_400
            let resolvedAt = dispatchedAt.addingTimeInterval(finish * ticket.handling.resolveFraction)
            try await clock.sleep(until: resolvedAt)
            try await act(progress) {
                try await client.send(
                    "POST", "tickets/\(id)/actions/resolve", token: handler,
                    body: ["note": "已处理", "feedback_to_caller": "已电话告知市民", "feedback_to_center": "已办结"])
            }
            // The checkpoints, deadline warnings and supervision the ticket collected are answered by resolving it.
            try await heed([], of: id, unit: unit, token: handler, progress)
            try await clock.sleep(until: resolvedAt.addingTimeInterval(86_400))
            try await act(progress) {
                try await client.send(
                    "POST", "tickets/\(id)/actions/return_visit", token: operatorToken,
                    body: [
                        "solved": ticket.handling.solved.rawValue,
                        "satisfaction": ticket.handling.satisfaction.rawValue,
                    ])
            }
            return
        }
    }

    /// Waits until the ticket is in a unit's queue, sent back to a hub, or waits for review.
    func awaitQueue(_ id: UUID, operatorToken: String) async throws -> TicketRecord {
        let deadline = Date().addingTimeInterval(120)
        while true {
            let record = try await client.ticket(id, token: operatorToken)
            if [.dispatched, .needsReview, .sentBack].contains(record.state) || Date() > deadline { return record }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// The handler of `unit` reads its inbox for ticket `id` until a notice of one of `kinds` is
    /// there (at once when `kinds` is empty), then acknowledges the ticket's open notices.
    func heed(_ kinds: Set<InboxKind>, of id: UUID, unit: String, token: String, _ progress: Progress) async throws {
        let deadline = Date().addingTimeInterval(120)
        var notices: [(id: Int, kind: InboxKind)] = []
        while true {
            let (status, data) = try await client.send(
                "GET", "units/\(unit)/inbox", token: token,
                query: [
                    URLQueryItem(name: "ticket_id", value: id.uuidString),
                    URLQueryItem(name: "state", value: "unacknowledged"),
                ])
            guard status == 200 else {
                throw CityClient.Failure(status: status, body: String(decoding: data, as: UTF8.self))
            }
            let items =
                (try? JSONSerialization.jsonObject(with: data) as? [String: Any])?["items"] as? [[String: Any]] ?? []
            notices = items.compactMap { item in
                guard let id = item["id"] as? Int, let kind = (item["kind"] as? String).flatMap(InboxKind.init) else {
                    return nil
                }
                return (id, kind)
            }
            if kinds.isEmpty || notices.contains(where: { kinds.contains($0.kind) }) || Date() > deadline { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        guard !notices.isEmpty else { return }
        try await act(progress) {
            try await client.send(
                "POST", "units/\(unit)/inbox/acknowledge", token: token, body: ["ids": notices.map(\.id)])
        }
    }

    /// Another township of the same district, for a ticket sent back as misrouted.
    func alternative(to township: String, in district: String) -> String {
        townships[district]?.first { $0 != township } ?? township
    }

    /// Sends an action whose body carries a deadline that `drawBody` draws from the clock. A
    /// request may wait its turn behind thousands of others while the clock speeds up (the run-out
    /// phase), and arrive with its deadline already past; then the body is drawn again and resent.
    func sendDated(
        _ path: String, token: String, drawingBody drawBody: () -> [String: Any]
    ) async throws -> (
        status: Int, data: Data
    ) {
        /// The fields a refused request names.
        struct Refusal: Decodable { var errors: [FieldFinding]? }
        var attempts = 0
        while true {
            attempts += 1
            let reply = try await client.send("POST", path, token: token, drawingBody: drawBody)
            guard reply.status == 422, attempts < 5,
                let refusal = try? JSONDecoder().decode(Refusal.self, from: reply.data),
                refusal.errors?.contains(where: { $0.field == "deadline" }) == true
            else { return reply }
        }
    }

    /// Sends one action, counting it; any answer but a 2xx or a 409 stops the run. Whether the
    /// action was taken (a 2xx).
    @discardableResult
    func act(_ progress: Progress, _ call: () async throws -> (status: Int, data: Data)) async throws -> Bool {
        let (status, data) = try await call()
        progress.actions.add(1, ordering: .relaxed)
        // 409: the ticket moved on meanwhile (e.g. the whistle's departments already reported).
        guard (200..<300).contains(status) || status == 409 else {
            throw CityClient.Failure(status: status, body: String(decoding: data, as: UTF8.self))
        }
        return status != 409
    }
}
