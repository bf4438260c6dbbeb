import Foundation
import HotlineDomain
import HotlineStorage
import PostgresNIO
import Testing

extension ServiceFlowTests {
    /// Two of 望京's generated communities, and one of 将台's.
    static let firstCommunity = "110105026001"
    static let secondCommunity = "110105026002"
    static let jiangtaiCommunity = "110105023001"

    /// A grid worker reports what they found; the township's leader signs a ticket off and sends
    /// it down to a community (双派单), calls a helper station (帮办), and the community's grid
    /// worker reports back; each grid worker sees only
    /// its own community's tickets, with the caller masked, and takes no other action.
    static func townshipFlow(_ desk: Desk, _ client: PostgresClient) async throws -> (reported: UUID, down: UUID) {
        let base = desk.operatorAPI.base
        let first = APIClient(
            base: base, token: try await RunningServices.token(.gridWorker, unit: Self.firstCommunity, on: client))
        let second = APIClient(
            base: base, token: try await RunningServices.token(.gridWorker, unit: Self.secondCommunity, on: client))

        let finding = ticket("阜荣街10号门口井盖破损，有行人绊倒风险", place: "朝阳区望京街道阜荣街10号", extra: ["type": "report"])
        #expect(
            try await first.send("POST", "/tickets", json: finding).status == 422,
            "a grid worker files on the grid_worker channel only")
        var gridFinding = finding
        gridFinding["channel"] = "grid_worker"
        let filed = try await first.send("POST", "/tickets", json: gridFinding)
        #expect(filed.status == 201, "\(filed.text)")
        let reported = try #require(UUID(uuidString: filed.json["id"] as? String ?? ""))
        #expect(filed.json["reported_by"] as? String == "test grid_worker")
        #expect(filed.json["community_code"] as? String == Self.firstCommunity)
        #expect(try await first.send("GET", "/tickets/\(reported)").status == 200)
        #expect(try await second.send("GET", "/tickets/\(reported)").status == 404)
        #expect(try await first.send("GET", "/review-queue").status == 403)

        let down = try await dispatchedTicket(
            desk, text: "小区门口路灯不亮一个礼拜了", place: "朝阳区望京街道阜荣街10号", leaf: "PRP0101")
        let wangjing = desk.handler(Self.wangjing)
        #expect(try await action(wangjing, down, "sign_for").status == 200)
        let early = try await action(
            wangjing, down, "dispatch_down", ["person": "张主任", "community": Self.secondCommunity])
        #expect(early.status == 409, "down to a community only after the leader's sign-off: \(early.text)")
        #expect(try await action(desk.handler(Self.housing), down, "sign_off", ["person": "李局长"]).status == 404)
        #expect(try await action(wangjing, down, "sign_off").status == 422, "a sign-off names the leader")
        let signed = try await action(wangjing, down, "sign_off", ["person": "王书记", "note": "请社区今天到现场"])
        #expect(signed.json["signed_off_by"] as? String == "王书记", "\(signed.text)")
        #expect(
            try await action(wangjing, down, "dispatch_down", ["person": "张主任", "community": Self.jiangtaiCommunity])
                .status == 422,
            "a community of another township")
        #expect(
            try await action(wangjing, down, "dispatch_down", ["person": "张主任", "community": Self.housing]).status
                == 422,
            "a department is no community")
        let sent = try await action(
            wangjing, down, "dispatch_down", ["person": "张主任", "community": Self.secondCommunity])
        #expect(sent.json["community_code"] as? String == Self.secondCommunity, "\(sent.text)")
        #expect(sent.json["assignee"] as? String == "张主任")
        #expect(sent.json["state"] as? String == "in_progress")
        #expect(
            try await action(wangjing, down, "call_helpers", ["departments": [Self.firstCommunity]]).status == 422,
            "a helper is a department or enterprise")
        let helped = try await action(wangjing, down, "call_helpers", ["departments": [Self.water], "note": "请协助排查线路"])
        #expect(helped.json["co_unit_codes"] as? [String] == [Self.water], "\(helped.text)")
        let water = desk.handler(Self.water)
        let seenByHelper = try await water.send("GET", "/tickets/\(down)")
        #expect(
            seenByHelper.json["caller_phone"] as? String != "13600136000", "a helper station sees the caller masked")
        #expect(try await action(water, down, "add_progress", ["note": "供水线路正常"]).status == 200)
        #expect(
            try await action(
                water, down, "resolve", ["note": "x", "feedback_to_caller": "x", "feedback_to_center": "x"]
            ).status == 403, "a helper reports progress; the township resolves")
        let helperInbox = try await eventually("the call in the helper's inbox") {
            let items =
                try await water.send("GET", "/units/\(Self.water)/inbox").json["items"] as? [[String: Any]] ?? []
            return items.first { $0["ticket_id"] as? String == down.uuidString }
        }
        #expect(helperInbox["kind"] as? String == "co_dispatched")

        let seen = try await second.send("GET", "/tickets/\(down)")
        #expect(seen.status == 200)
        #expect(seen.json["caller_phone"] as? String != "13600136000", "a grid worker sees the caller masked")
        #expect(try await first.send("GET", "/tickets/\(down)").status == 404)
        #expect(try await action(first, down, "add_progress", ["note": "看过了"]).status == 404)
        let listed = try await second.send("GET", "/tickets").json["items"] as? [[String: Any]] ?? []
        #expect(listed.compactMap { $0["id"] as? String } == [down.uuidString], "only its community's tickets")
        let progress = try await action(
            second, down, "add_progress", ["note": "已到现场，路灯线路老化，已报修", "photo_reference": "IMG_20261204_01.jpg"])
        #expect(progress.status == 200, "\(progress.text)")
        for refused in ["sign_for", "sign_off", "resolve", "send_back"] {
            #expect(
                try await action(
                    second, down, refused,
                    [
                        "reason": "x", "person": "x", "note": "x", "feedback_to_caller": "x", "feedback_to_center": "x",
                    ]
                ).status == 403,
                "a grid worker reports back and does nothing else: \(refused)")
        }
        let inbox = try await eventually("the task in the community's inbox") {
            let items =
                try await second.send("GET", "/units/\(Self.secondCommunity)/inbox").json["items"] as? [[String: Any]]
                ?? []
            return items.first { $0["ticket_id"] as? String == down.uuidString }
        }
        #expect(inbox["kind"] as? String == "dispatched_down")
        #expect(try await second.send("GET", "/units/\(Self.firstCommunity)/inbox").status == 403)
        #expect(try await second.send("GET", "/units/\(Self.wangjing)/queue").status == 403)
        #expect(try await second.send("GET", "/supervision").status == 403)

        // Each step's time limit started with the step before and ended with the step itself; the
        // community's report back was against the community.
        let steps = try await eventually("the SLA timer to follow the township's steps") {
            let rows = try await client.query(
                """
                SELECT kind || ' ' || state || ' ' || unit_code FROM sla_timers
                WHERE ticket_id = \(down) AND split_part(kind, ':', 2) IN ('sign_off', 'dispatch_down', 'report_back')
                ORDER BY kind
                """, logger: TestEnvironment.logger)
            let found = try await all(rows.decode(String.self))
            return found.count == 6 && found.allSatisfy { !$0.contains(" pending ") } ? found : nil
        }
        #expect(
            steps == [
                "deadline:dispatch_down cancelled \(Self.wangjing)",
                "deadline:report_back cancelled \(Self.secondCommunity)",
                "deadline:sign_off cancelled \(Self.wangjing)", "reminder:dispatch_down cancelled \(Self.wangjing)",
                "reminder:report_back cancelled \(Self.secondCommunity)",
                "reminder:sign_off cancelled \(Self.wangjing)",
            ])
        let ticket = try await desk.operatorAPI.send("GET", "/tickets/\(down)").json
        #expect(ticket["reported_back_at"] is String, "the community's report back is recorded")
        let history = ticket["history"] as? [[String: Any]] ?? []
        let actions = history.compactMap { ($0["payload"] as? [String: Any])?["action"] as? String }
        #expect(actions == ["sign_for", "sign_off", "dispatch_down", "call_helpers", "add_progress", "add_progress"])
        let photo = history.last.flatMap { ($0["payload"] as? [String: Any])?["photo_reference"] as? String }
        #expect(photo == "IMG_20261204_01.jpg")

        // The dispute behind it goes to a community panel (下交群评), which sits and decides.
        #expect(
            try await action(wangjing, down, "record_panel_outcome", ["note": "和解"]).status == 409,
            "no panel waits for an outcome")
        let sitting = ISO8601DateFormatter().string(from: Date().addingTimeInterval(86_400).rounded())
        let panel: [[String: Any]] = [["name": "老党员王大爷", "role": "elder"], ["name": "社区法律顾问", "role": "lawyer"]]
        #expect(
            try await action(wangjing, down, "hand_down", ["note": "路灯线路穿越邻居院落引发纠纷", "deadline": sitting])
                .status == 422, "a panel names its members")
        #expect(
            try await action(
                wangjing, down, "hand_down",
                ["note": "x", "deadline": sitting, "panel": [["name": "x", "role": "judge"]]]
            ).status == 422, "a role the panel does not know")
        let handedDown = try await action(
            wangjing, down, "hand_down", ["note": "路灯线路穿越邻居院落引发纠纷", "deadline": sitting, "panel": panel])
        #expect(handedDown.status == 200, "\(handedDown.text)")
        let members = handedDown.json["hand_down_members"] as? [[String: Any]] ?? []
        #expect(members.compactMap { $0["role"] as? String } == ["elder", "lawyer"])
        #expect(handedDown.json["hand_down_sitting_at"] as? String == sitting)
        let outcome = try await action(wangjing, down, "record_panel_outcome", ["note": "群评同意线路改走公共区域"])
        #expect(outcome.json["hand_down_outcome"] as? String == "群评同意线路改走公共区域", "\(outcome.text)")
        #expect(outcome.json["hand_down_outcome_at"] is String)
        #expect(try await action(wangjing, down, "record_panel_outcome", ["note": "再记"]).status == 409)
        return (reported, down)
    }
}

extension ServiceFlowTests {
    /// A complex ticket reaches the district's sub-center, which holds a consultation (会商): the
    /// lead township and a co-unit named, the participants and decision recorded, and the finish
    /// limit it set followed by the SLA timer's deadlines.
    static func consultationFlow(_ desk: Desk, _ client: PostgresClient) async throws -> UUID {
        let id = try await dispatchedTicket(
            desk, text: "小区地下室常年积水，物业、街道、住建委都说不归自己管", place: "朝阳区望京街道", leaf: "PRP0101", urgency: "C")
        #expect(try await unit(of: id, desk) == Self.chaoyang)
        let subCenter = desk.handler(Self.chaoyang)
        let finish = ISO8601DateFormatter().string(from: Date().addingTimeInterval(10 * 86_400).rounded())
        var body: [String: Any] = [
            "participants": ["望京街道", "朝阳区住建委", "物业公司"], "note": "街道牵头，住建委配合，十日内办结",
            "lead_unit": Self.wangjing, "co_units": [Self.housing],
        ]
        #expect(
            try await action(subCenter, id, "consult", body).status == 422,
            "a complex ticket's finish limit is set here")
        body["deadline"] = finish
        #expect(try await action(desk.handler(Self.wangjing), id, "consult", body).status == 404)
        let consulted = try await action(subCenter, id, "consult", body)
        #expect(consulted.status == 200, "\(consulted.text)")
        #expect(consulted.json["unit_code"] as? String == Self.wangjing)
        #expect(consulted.json["co_unit_codes"] as? [String] == [Self.housing])
        #expect(consulted.json["state"] as? String == "dispatched")
        let followed = try await eventually("the SLA timer to follow the consultation's finish limit") {
            let rows = try await client.query(
                "SELECT finish_by FROM ticket_deadlines WHERE ticket_id = \(id) AND unit_code = \(Self.wangjing)",
                logger: TestEnvironment.logger)
            for try await finishBy in rows.decode(Date?.self) { return finishBy }
            return nil
        }
        #expect(ISO8601DateFormatter().string(from: followed) == finish)
        let recorded = try await TestDatabase.count(
            """
            SELECT count(*)::bigint FROM consultations
            WHERE ticket_id = \(id) AND held_by = \(Self.chaoyang) AND cardinality(participants) = 3
            """, on: client)
        #expect(recorded == 1)
        return id
    }
}

extension Date {
    /// This time without its fraction of a second, as the API's timestamps carry it.
    fileprivate func rounded() -> Date { Date(timeIntervalSince1970: timeIntervalSince1970.rounded(.down)) }
}

extension ServiceFlowTests {
    /// The township marks a request unreasonable (不合理诉求); only the center decides; once it
    /// agrees, the scoring aggregator takes the ticket out of the township's assessment
    /// (`unreasonable_effect,exclude` in the policy).
    static func unreasonableReview(_ desk: Desk, _ client: PostgresClient) async throws -> UUID {
        let id = try await dispatchedTicket(
            desk, text: "要求街道赔偿我炒股亏的钱，不赔就天天打电话", place: "朝阳区望京街道", leaf: "PRP0101")
        let wangjing = desk.handler(Self.wangjing)
        #expect(try await action(wangjing, id, "sign_for").status == 200)
        #expect(
            try await action(desk.operatorAPI, id, "decide_unreasonable", ["approved": true, "reason": "x"]).status
                == 409,
            "nothing to decide before the unit's mark")
        let marked = try await action(wangjing, id, "mark_unreasonable", ["reason": "个人投资损失，已向市民解释"])
        #expect(marked.json["unreasonable_state"] as? String == "requested", "\(marked.text)")
        #expect(
            try await action(wangjing, id, "decide_unreasonable", ["approved": true, "reason": "同意"]).status == 403)
        let agreed = try await action(
            desk.operatorAPI, id, "decide_unreasonable", ["approved": true, "reason": "属个人投资纠纷，不属于政府职责"])
        #expect(agreed.json["unreasonable_state"] as? String == "approved", "\(agreed.text)")
        #expect(agreed.json["unreasonable_review_reason"] as? String == "属个人投资纠纷，不属于政府职责")
        #expect(
            try await action(desk.operatorAPI, id, "decide_unreasonable", ["approved": false, "reason": "x"]).status
                == 409)
        _ = try await eventually("the aggregator to take the ticket out of the assessment") {
            try await TestDatabase.count(
                "SELECT count(*)::bigint FROM assessment_facts WHERE ticket_id = \(id) AND excluded", on: client) == 1
                ? true : nil
        }
        return id
    }
}

extension ServiceFlowTests {
    /// The township hands a problem up (上交) to a named department, which sees it in its queue
    /// and inbox with the caller masked and returns it; handed up again to the district's
    /// sub-center, it is accepted with a plan.
    static func handUpFlow(_ desk: Desk, _ client: PostgresClient) async throws -> UUID {
        let id = try await dispatchedTicket(
            desk, text: "老楼没有电梯，老人上下楼困难，希望加装电梯", place: "朝阳区望京街道阜荣街10号", leaf: "PRP0101")
        let wangjing = desk.handler(Self.wangjing)
        let housing = desk.handler(Self.housing)
        #expect(try await action(wangjing, id, "sign_for").status == 200)
        let deadline = ISO8601DateFormatter().string(from: Date().addingTimeInterval(5 * 86_400))
        #expect(try await action(wangjing, id, "hand_up", ["deadline": deadline]).status == 422)
        #expect(
            try await action(wangjing, id, "hand_up", ["deadline": deadline, "to_unit": Self.jiangtai]).status == 422,
            "a township is no unit to hand up to")
        let up = try await action(wangjing, id, "hand_up", ["deadline": deadline, "to_unit": Self.housing])
        #expect(up.json["state"] as? String == "handed_up", "\(up.text)")
        #expect(up.json["hand_up_unit"] as? String == Self.housing)
        let seen = try await housing.send("GET", "/tickets/\(id)")
        #expect(seen.status == 200)
        #expect(seen.json["caller_phone"] as? String != "13600136000", "the unit handed up to sees the caller masked")
        #expect(try await desk.handler(Self.water).send("GET", "/tickets/\(id)").status == 404)
        let queued =
            try await housing.send("GET", "/units/\(Self.housing)/queue").json["items"] as? [[String: Any]] ?? []
        #expect(queued.first { $0["id"] as? String == id.uuidString }?["role"] as? String == "hand_up")
        let notice = try await eventually("the hand-up in the department's inbox") {
            let items =
                try await housing.send("GET", "/units/\(Self.housing)/inbox").json["items"] as? [[String: Any]] ?? []
            return items.first { $0["ticket_id"] as? String == id.uuidString && $0["kind"] as? String == "handed_up" }
        }
        #expect(notice["due_at"] != nil)
        #expect(try await action(wangjing, id, "accept_hand_up", ["note": "自己接"]).status == 403)
        let returned = try await action(housing, id, "return_hand_up", ["reason": "属街道协调范围，请街道与产权单位协商"])
        #expect(returned.json["state"] as? String == "in_progress", "\(returned.text)")
        #expect(returned.json["hand_up_accepted"] as? Bool == false)
        #expect(try await action(housing, id, "accept_hand_up", ["note": "x"]).status == 409, "answered already")

        let again = try await action(wangjing, id, "hand_up", ["deadline": deadline, "to_unit": Self.chaoyang])
        #expect(again.json["hand_up_unit"] as? String == Self.chaoyang, "\(again.text)")
        #expect(again.json["hand_up_accepted"] == nil, "a new hand-up awaits a new answer")
        let accepted = try await action(
            desk.handler(Self.chaoyang), id, "accept_hand_up", ["note": "纳入区级既有住宅加装电梯计划"])
        #expect(accepted.json["state"] as? String == "handed_up", "\(accepted.text)")
        #expect(accepted.json["hand_up_accepted"] as? Bool == true)
        _ = try await eventually("the answer in the township's inbox") {
            let items =
                try await wangjing.send("GET", "/units/\(Self.wangjing)/inbox").json["items"] as? [[String: Any]] ?? []
            let answers = items.filter {
                $0["ticket_id"] as? String == id.uuidString && $0["kind"] as? String == "hand_up_answered"
            }
            return answers.count == 2 ? true : nil
        }
        return id
    }
}

extension ServiceFlowTests {
    /// The period report of the flows above counts tickets by community and each handling step,
    /// decisions split by their answer.
    static func expectReportCounts(_ client: PostgresClient) async throws {
        let now = Date()
        let report = try await client.withConnection {
            try await ReportQueries.report(
                period: "day", start: now.addingTimeInterval(-86_400), end: now.addingTimeInterval(60),
                previousStart: now.addingTimeInterval(-2 * 86_400), ranking: nil, on: $0,
                logger: TestEnvironment.logger)
        }
        let communities = Dictionary(uniqueKeysWithValues: report.topCommunities.map { ($0.code, $0.count) })
        #expect(communities == [Self.firstCommunity: 1, Self.secondCommunity: 1])
        #expect(report.topCommunities.allSatisfy { $0.district == "110105" })
        let steps = Dictionary(uniqueKeysWithValues: report.handlingSteps.map { ($0.code, $0.count) })
        let expected = [
            "sign_off": 1, "dispatch_down": 1, "call_helpers": 1, "hand_down": 1, "record_panel_outcome": 1,
            "hand_up": 2, "return_hand_up": 1, "accept_hand_up": 1, "decide_unreasonable.agreed": 1,
            "decide_send_back.agreed": 1, "decide_send_back.refused": 1, "decide_exclusion.agreed": 1,
        ]
        for (step, count) in expected {
            #expect(steps[step] == count, "\(step): \(steps)")
        }
    }
}
