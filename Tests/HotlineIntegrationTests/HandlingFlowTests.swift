import Foundation
import HotlineDomain
import HotlineKafka
import HotlineRuntime
import HotlineServices
import HotlineStorage
import PostgresNIO
import Testing

extension ServiceFlowTests {
    static let flowPort = 18280
    static let wangjing = "110105026"
    static let jiangtai = "110105023"
    static let chaoyang = "110105"
    static let housing = "110105:department:housing"
    static let water = "110105:enterprise:water"

    /// The handlers, the operator and the HTTP base of one run.
    struct Desk {
        let operatorAPI: APIClient
        let handlers: [String: APIClient]

        func handler(_ unit: String) -> APIClient { handlers[unit]! }
    }

    @Test(
        "tickets go from intake through dispatch and handling to the return visit, every step in the history and on the topic"
    )
    func handlingFlows() async throws {
        try await TestDatabase.with { client, database in
            try await RunningServices.prepare(client)
            let base = URL(string: "http://127.0.0.1:\(Self.flowPort)")!
            var handlers: [String: APIClient] = [:]
            for unit in [Self.wangjing, Self.jiangtai, Self.chaoyang, Self.housing, Self.water] {
                handlers[unit] = APIClient(
                    base: base, token: try await RunningServices.token(.handler, unit: unit, on: client))
            }
            let desk = Desk(
                operatorAPI: APIClient(base: base, token: try await RunningServices.token(.operator, on: client)),
                handlers: handlers)
            let lifecycle = try TestEnvironment.makeConsumer(
                group: TestEnvironment.uniqueName("watch"), topics: [HotlineTopic.lifecycle.name])
            let settings = RunningServices.settings(database: database, basePort: Self.flowPort)
            try await RunningServices.with(HotlineServiceKind.allCases, settings: settings, build: Self.build) {
                try await desk.operatorAPI.waitUntilUp()
                let whistled = try await Self.whistleAndReturnVisit(desk)
                let sentBack = try await Self.sendBackAndRedispatch(desk, client)
                let viaSubCenter = try await Self.subCenterWithLeadAndCoUnit(desk)

                let handled = try await Self.events(
                    of: [whistled, sentBack, viaSubCenter], from: lifecycle, types: ["ticket.handled"], count: 21)
                let perTicket = Dictionary(grouping: handled, by: \.metadata.ticketId).mapValues {
                    $0.compactMap { $0.payload(as: TicketHandled.self)?.action }
                }
                #expect(
                    perTicket[whistled] == [
                        .signFor, .whistle, .reportIn, .reportIn, .addProgress, .resolve, .returnVisit, .reopen,
                    ])
                #expect(
                    perTicket[sentBack] == [
                        .signFor, .sendBack, .decideSendBack, .sendBack, .decideSendBack, .redispatch, .signFor,
                    ])
                #expect(
                    perTicket[viaSubCenter] == [
                        .redispatch, .signFor, .addProgress, .resolve, .requestExclusion, .decideExclusion,
                    ])
                let deadlines = try await TestDatabase.count(
                    "SELECT count(*)::bigint FROM ticket_deadlines WHERE ticket_id = ANY(\([whistled, sentBack, viaSubCenter]))",
                    on: client
                )
                #expect(deadlines == 3, "the SLA timer read the dispatches among the handling events")
                try await Self.expectInboxes(
                    whistled: whistled, sentBack: sentBack, viaSubCenter: viaSubCenter, desk, client)
                // After the inbox check, which counts every item of the housing department.
                _ = try await Self.townshipFlow(desk, client)
                _ = try await Self.consultationFlow(desk, client)
                _ = try await Self.unreasonableReview(desk, client)
                _ = try await Self.handUpFlow(desk, client)
                try await Self.expectReportCounts(client)
            }
            await lifecycle.close()
        }
    }

    /// Each notice of the three flows is in the right unit's inbox exactly once, and in no other.
    static func expectInboxes(
        whistled: UUID, sentBack: UUID, viaSubCenter: UUID, _ desk: Desk, _ client: PostgresClient
    ) async throws {
        let rows = try await client.query(
            """
            SELECT ticket_id, unit_code, kind FROM inbox_items
            WHERE ticket_id = ANY(\([whistled, sentBack, viaSubCenter])) ORDER BY ticket_id, unit_code, kind
            """, logger: TestEnvironment.logger)
        var found: [String] = []
        for try await (ticket, unit, kind) in rows.decode((UUID, String, String).self) {
            let name = ticket == whistled ? "whistled" : ticket == sentBack ? "sentBack" : "viaSubCenter"
            found.append("\(name) \(unit) \(kind)")
        }
        let expected = [
            "whistled \(wangjing) dispatched", "whistled \(housing) summoned", "whistled \(water) summoned",
            "whistled \(wangjing) return_visit", "whistled \(wangjing) reopened",
            "sentBack \(wangjing) dispatched", "sentBack \(chaoyang) sent_back", "sentBack \(chaoyang) sent_back",
            "sentBack \(wangjing) send_back_decided", "sentBack \(wangjing) send_back_decided",
            "sentBack \(jiangtai) dispatched",
            "viaSubCenter \(chaoyang) dispatched", "viaSubCenter \(wangjing) dispatched",
            "viaSubCenter \(housing) co_dispatched", "viaSubCenter \(wangjing) exclusion_decided",
        ]
        #expect(found.sorted() == expected.sorted())
        let page = try await desk.handler(Self.housing).send("GET", "/units/\(Self.housing)/inbox").json
        let kinds = (page["items"] as? [[String: Any]] ?? []).map { $0["kind"] as? String ?? "" }
        #expect(kinds.sorted() == ["co_dispatched", "summoned"])
        #expect(try await desk.handler(Self.housing).send("GET", "/units/\(Self.wangjing)/inbox").status == 403)
    }

    /// Creation, classification, dispatch to the township, sign-for, whistle with two
    /// departments reporting in, resolution, return visit.
    static func whistleAndReturnVisit(_ desk: Desk) async throws -> UUID {
        let id = try await dispatchedTicket(desk, text: "小区物业不管事，楼道灯坏了一个月没人修", place: "朝阳区望京街道阜荣街10号", leaf: "PRP0101")
        let wangjing = desk.handler(Self.wangjing)
        #expect(try await unit(of: id, desk) == Self.wangjing)
        #expect(try await desk.handler(Self.jiangtai).send("GET", "/tickets/\(id)").status == 404)
        #expect(try await action(desk.handler(Self.jiangtai), id, "sign_for").status == 404)
        let queue = try await eventually("the ticket in 望京's queue with its deadline") {
            let items =
                try await wangjing.send("GET", "/units/\(Self.wangjing)/queue").json["items"] as? [[String: Any]] ?? []
            return items.first { $0["id"] as? String == id.uuidString && $0["finish_by"] != nil }
        }
        #expect(queue["role"] as? String == "lead")
        #expect(try await desk.handler(Self.jiangtai).send("GET", "/units/\(Self.wangjing)/queue").status == 403)

        #expect(try await action(wangjing, id, "sign_for").json["state"] as? String == "in_progress")
        #expect(try await action(wangjing, id, "sign_for").status == 409)
        let deadline = ISO8601DateFormatter().string(from: Date().addingTimeInterval(86_400))
        let whistle = try await action(
            wangjing, id, "whistle", ["departments": [Self.housing, Self.water], "deadline": deadline])
        #expect(whistle.status == 200, "\(whistle.text)")
        #expect(
            try await action(wangjing, id, "whistle", ["departments": ["110105026"], "deadline": deadline]).status
                == 422)
        #expect(try await action(desk.handler(Self.housing), id, "report_in").status == 200)
        #expect(
            try await action(desk.handler(Self.housing), id, "report_in").status == 403,
            "reported already: it still reads the ticket, but no whistle waits for it")
        #expect(try await action(desk.handler(Self.water), id, "report_in").status == 200)
        #expect(try await action(wangjing, id, "add_progress", ["note": "住建委与自来水公司已到场"]).status == 200)
        #expect(try await action(wangjing, id, "resolve", ["note": "已维修"]).status == 422)
        let resolved = try await action(
            wangjing, id, "resolve", ["note": "楼道灯已修复", "feedback_to_caller": "已电话告知", "feedback_to_center": "已办结"])
        #expect(resolved.json["state"] as? String == "resolved")
        #expect(
            try await action(wangjing, id, "return_visit", ["solved": "solved", "satisfaction": "satisfied"]).status
                == 403)
        let visited = try await action(
            desk.operatorAPI, id, "return_visit", ["solved": "solved", "satisfaction": "satisfied"])
        #expect(visited.json["state"] as? String == "closed")
        #expect(visited.json["visit_satisfaction"] as? String == "satisfied")
        #expect(try await action(wangjing, id, "reopen", ["reason": "市民称灯又坏了"]).status == 403)
        let reopened = try await action(desk.operatorAPI, id, "reopen", ["reason": "市民称灯又坏了"])
        #expect(reopened.json["state"] as? String == "dispatched")
        #expect(reopened.json["reopen_count"] as? Int == 1)
        #expect(
            reopened.json["result"] == nil && reopened.json["visit_satisfaction"] == nil,
            "a reopened ticket starts its result afresh")
        let history = try await historyTypes(id, desk)
        #expect(
            history == [
                "ticket.received", "ticket.classified", "ticket.dispatched", "ticket.handled", "ticket.handled",
                "ticket.handled",
                "ticket.handled", "ticket.handled", "ticket.handled", "ticket.handled", "ticket.handled",
                "ticket.dispatched",
            ])
        return id
    }

    /// Sent back by the township: the sub-center refuses the first request and agrees to the
    /// second, then the center re-dispatches the ticket to another township, where a send-back
    /// after the policy's window is refused.
    static func sendBackAndRedispatch(_ desk: Desk, _ client: PostgresClient) async throws -> UUID {
        let id = try await dispatchedTicket(desk, text: "楼上群租，住了十几个人，天天吵", place: "朝阳区望京街道", leaf: "HOU0201")
        let wangjing = desk.handler(Self.wangjing)
        let subCenter = desk.handler(Self.chaoyang)
        #expect(try await action(wangjing, id, "sign_for").status == 200)
        #expect(try await action(wangjing, id, "send_back").status == 422, "a send-back needs a reason")
        let asked = try await action(wangjing, id, "send_back", ["reason": "地址在将台乡辖区"])
        #expect(asked.json["state"] as? String == "in_progress")
        #expect(asked.json["unit_code"] as? String == Self.wangjing, "the unit keeps it until the decision")
        #expect(asked.json["send_back_state"] as? String == "requested")
        #expect(try await action(wangjing, id, "send_back", ["reason": "再次申请"]).status == 409, "one at a time")
        #expect(
            try await action(wangjing, id, "decide_send_back", ["approved": true, "reason": "自批"]).status == 403,
            "a unit does not decide its own send-back")
        let refused = try await action(
            subCenter, id, "decide_send_back", ["approved": false, "reason": "经核实属望京街道辖区"])
        #expect(refused.json["state"] as? String == "in_progress")
        #expect(refused.json["unit_code"] as? String == Self.wangjing)
        #expect(refused.json["send_back_state"] as? String == "refused")
        #expect(refused.json["send_back_review_reason"] as? String == "经核实属望京街道辖区")
        #expect(try await action(wangjing, id, "send_back", ["reason": "补充门牌号，实为将台乡"]).status == 200)
        let back = try await action(subCenter, id, "decide_send_back", ["approved": true, "reason": "同意退单"])
        #expect(back.json["state"] as? String == "sent_back")
        #expect(back.json["unit_code"] as? String == Self.chaoyang)
        #expect(back.json["send_back_count"] as? Int == 1)
        #expect(
            try await action(wangjing, id, "redispatch", ["lead_unit": Self.jiangtai]).status == 404,
            "no longer 望京's ticket")
        let again = try await action(
            desk.operatorAPI, id, "redispatch", ["lead_unit": Self.jiangtai, "reason": "按地址改派"])
        #expect(again.json["state"] as? String == "dispatched")
        #expect(again.json["unit_code"] as? String == Self.jiangtai)
        #expect(again.json["send_back_state"] == nil, "a new dispatch starts without a send-back")
        #expect(
            again.json["first_responsible_unit"] as? String == Self.wangjing,
            "the first unit to get it stays its first-responsible unit (首接负责)")
        let jiangtai = desk.handler(Self.jiangtai)
        #expect(try await action(jiangtai, id, "sign_for").status == 200)
        // A negative window makes every send-back late; negated back at once.
        let flip: PostgresQuery = "UPDATE sla_policies SET send_back_minutes = -send_back_minutes"
        try await client.query(flip, logger: TestEnvironment.logger)
        let late = try await action(jiangtai, id, "send_back", ["reason": "不属本乡"])
        try await client.query(flip, logger: TestEnvironment.logger)
        #expect(late.status == 409)
        #expect(late.json["type"] as? String == "/problems/send-back-window-closed")
        return id
    }

    /// A complex ticket goes to the district sub-center, which names a lead unit and a co-unit.
    static func subCenterWithLeadAndCoUnit(_ desk: Desk) async throws -> UUID {
        let id = try await dispatchedTicket(
            desk, text: "小区物业和业委会矛盾多年，多个部门都管不了", place: "朝阳区望京街道", leaf: "PRP0101", urgency: "C")
        #expect(try await unit(of: id, desk) == Self.chaoyang)
        let subCenter = desk.handler(Self.chaoyang)
        #expect(
            try await action(desk.handler(Self.wangjing), id, "redispatch", ["lead_unit": Self.wangjing]).status == 404)
        let named = try await action(
            subCenter, id, "redispatch", ["lead_unit": Self.wangjing, "co_units": [Self.housing], "reason": "会商后确定"])
        #expect(named.status == 200, "\(named.text)")
        #expect(named.json["co_unit_codes"] as? [String] == [Self.housing])
        #expect(
            named.json["first_responsible_unit"] as? String == Self.wangjing,
            "the sub-center held it first, but a hub is not a first-responsible unit")
        #expect(
            try await action(subCenter, id, "redispatch", ["lead_unit": "nowhere"]).status == 422,
            "the district's sub-center still re-dispatches its district's ticket, to units that exist")
        #expect(
            try await action(desk.handler(Self.housing), id, "sign_for").status == 403,
            "a co-unit reads the ticket but does not sign for the lead")
        let housingQueue =
            try await desk.handler(Self.housing).send("GET", "/units/\(Self.housing)/queue").json["items"]
            as? [[String: Any]] ?? []
        #expect(housingQueue.first { $0["id"] as? String == id.uuidString }?["role"] as? String == "co")
        let wangjing = desk.handler(Self.wangjing)
        #expect(try await action(wangjing, id, "sign_for").status == 200)
        #expect(try await action(desk.handler(Self.housing), id, "add_progress", ["note": "住建委已约谈物业"]).status == 200)
        #expect(try await action(wangjing, id, "decide_exclusion", ["approved": true]).status == 403)
        #expect(
            try await action(
                wangjing, id, "resolve", ["note": "已调解", "feedback_to_caller": "已告知", "feedback_to_center": "已办结"]
            ).status == 200)
        #expect(try await action(wangjing, id, "request_exclusion", ["reason": "历史遗留，需市级政策"]).status == 200)
        let decided = try await action(desk.operatorAPI, id, "decide_exclusion", ["approved": true])
        #expect(decided.json["exclusion_state"] as? String == "approved")
        #expect(try await action(desk.operatorAPI, id, "decide_exclusion", ["approved": false]).status == 409)
        #expect(try await action(desk.operatorAPI, id, "fly_away").status == 404)
        return id
    }

    static func dispatchedTicket(
        _ desk: Desk, text: String, place: String, leaf: String, urgency: String? = nil
    ) async throws -> UUID {
        var extra: [String: Any] = [:]
        if let urgency { extra["urgency"] = urgency }
        let created = try await desk.operatorAPI.send(
            "POST", "/tickets", json: ticket(text, place: place, phone: "13600136000", category: leaf, extra: extra))
        let id = try #require(UUID(uuidString: created.json["id"] as? String ?? ""), "\(created.text)")
        _ = try await eventually("ticket \(id) to be dispatched") {
            try await desk.operatorAPI.send("GET", "/tickets/\(id)").json["state"] as? String == "dispatched"
                ? true : nil
        }
        return id
    }

    static func unit(of id: UUID, _ desk: Desk) async throws -> String? {
        try await desk.operatorAPI.send("GET", "/tickets/\(id)").json["unit_code"] as? String
    }

    static func historyTypes(_ id: UUID, _ desk: Desk) async throws -> [String] {
        let history = try await desk.operatorAPI.send("GET", "/tickets/\(id)").json["history"] as? [[String: Any]] ?? []
        return history.compactMap { $0["event_type"] as? String }
    }

    static func action(
        _ api: APIClient, _ id: UUID, _ name: String, _ body: [String: Any] = [:]
    ) async throws -> APIClient.Reply {
        try await api.send("POST", "/tickets/\(id)/actions/\(name)", json: body)
    }
}
