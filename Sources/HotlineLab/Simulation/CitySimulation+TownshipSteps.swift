import Foundation
import HotlineDomain
import HotlineSimulation

extension CitySimulation {
    /// The township's own steps on a ticket it leads and has signed for: the leader signs every
    /// one off (签批); then, as the ticket's `townshipSteps` say, the double dispatch to its
    /// community, whose grid worker reports back; a hand-up to the district's housing department, which accepts it;
    /// an unreasonable request the center agrees to.
    func townshipSteps(
        _ ticket: SimulatedTicket, id: UUID, township: String, community: String, handler: String,
        operatorToken: String, _ progress: Progress
    ) async throws {
        let steps = ticket.townshipSteps
        try await act(progress) {
            try await client.send(
                "POST", "tickets/\(id)/actions/sign_off", token: handler,
                body: ["person": "街道主任", "note": steps.goesDown ? "请社区今日到现场" : "请承办科室办理"])
        }
        if steps.goesDown {
            try await act(progress) {
                try await client.send(
                    "POST", "tickets/\(id)/actions/dispatch_down", token: handler,
                    body: ["person": "包片领导", "community": community])
            }
            if steps.callsHelpers {
                let station = "\(ticket.districtCode):department:public_security"
                try await act(progress) {
                    try await client.send(
                        "POST", "tickets/\(id)/actions/call_helpers", token: handler,
                        body: ["departments": [station], "note": "请派出所协助现场核查"])
                }
                let helper = try await tokens.token(for: station)
                try await heed([.coDispatched], of: id, unit: station, token: helper, progress)
                try await act(progress) {
                    try await client.send(
                        "POST", "tickets/\(id)/actions/add_progress", token: helper,
                        body: ["note": "民警已到现场协助核查"])
                }
            }
            let gridWorker = try await tokens.token(forGridWorkerOf: community)
            try await heed([.dispatchedDown], of: id, unit: community, token: gridWorker, progress)
            try await act(progress) {
                try await client.send(
                    "POST", "tickets/\(id)/actions/add_progress", token: gridWorker,
                    body: ["note": "网格员已到现场核实", "photo_reference": "grid-\(ticket.index).jpg"])
            }
        }
        if steps.handedDown {
            var sitting = clock.now()
            try await act(progress) {
                try await sendDated("tickets/\(id)/actions/hand_down", token: handler) {
                    sitting = clock.later(by: 6 * 3600)
                    return [
                        "note": "邻里通道占用纠纷，交社区群评",
                        "panel": [
                            ["name": "老党员", "role": "elder"], ["name": "社区法律顾问", "role": "lawyer"],
                            ["name": "楼门长", "role": "residents_representative"],
                        ],
                        "deadline": ISO8601DateFormatter().string(from: sitting),
                    ]
                }
            }
            try await clock.sleep(until: sitting.addingTimeInterval(1800))
            try await act(progress) {
                try await client.send(
                    "POST", "tickets/\(id)/actions/record_panel_outcome", token: handler,
                    body: ["note": "群评认为应恢复通道，双方同意"])
            }
        }
        if steps.unreasonable {
            try await act(progress) {
                try await client.send(
                    "POST", "tickets/\(id)/actions/mark_unreasonable", token: handler,
                    body: ["reason": "诉求超出政策范围，已向市民解释"])
            }
            try await act(progress) {
                try await client.send(
                    "POST", "tickets/\(id)/actions/decide_unreasonable", token: operatorToken,
                    body: ["approved": true, "reason": "经审核属不合理诉求"])
            }
        }
        if steps.handedUp {
            let department = "\(ticket.districtCode):department:housing"
            try await act(progress) {
                try await sendDated("tickets/\(id)/actions/hand_up", token: handler) {
                    [
                        "to_unit": department, "note": "需区级资金支持",
                        "deadline": ISO8601DateFormatter().string(from: clock.later(by: 7 * 86_400)),
                    ]
                }
            }
            let departmentToken = try await tokens.token(for: department)
            try await heed([.handedUp], of: id, unit: department, token: departmentToken, progress)
            try await act(progress) {
                try await client.send(
                    "POST", "tickets/\(id)/actions/accept_hand_up", token: departmentToken,
                    body: ["note": "纳入区级专项资金计划"])
            }
        }
    }
}
