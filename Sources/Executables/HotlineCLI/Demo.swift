import ArgumentParser
import Foundation
import HotlineDomain
import HotlineRuntime
import HotlineStorage

/// `hotline demo`: records a few tickets through the gateway's API and follows each until the
/// pipeline has dispatched it.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Push a few tickets through the running services and show where each ends up.")

    @Option(help: "How many tickets to submit.") var count = 5
    @Option(help: "Seconds to wait for every ticket to be dispatched.") var timeout = 60

    func run() async throws {
        let settings = HotlineSettings()
        let token = try await withAdminConnection { connection, logger in
            try await TokenStore.create(
                name: "demo", role: .operator, unitCode: nil, at: Date(), on: connection, logger: logger)
        }
        let gateway = CityClient(base: settings.localURL(of: .intakeGateway, path: ""))
        let outcome: (any Error)?
        do {
            try await exercise(gateway, token: token.secret)
            outcome = nil
        } catch {
            outcome = error
        }
        _ = try await withAdminConnection { connection, logger in
            try await TokenStore.revoke(token.id, at: Date(), on: connection, logger: logger)
        }
        if let outcome { throw outcome }
    }

    /// Submits the tickets and follows them until each is settled.
    private func exercise(_ gateway: CityClient, token: String) async throws {
        let samples = DemoRequests.all
        var created: [TicketRecord] = []
        for index in 0..<count {
            created.append(try await gateway.create(samples[index % samples.count], token: token))
        }
        print("submitted \(created.count) tickets; waiting for each to be dispatched or queued for review")
        let settled: Set<TicketState> = [.dispatched, .needsReview, .answeredDirectly]
        let deadline = Date().addingTimeInterval(TimeInterval(timeout))
        var latest = created
        while latest.contains(where: { !settled.contains($0.state) }), Date() < deadline {
            try await Task.sleep(for: .milliseconds(200))
            for (index, ticket) in latest.enumerated() where !settled.contains(ticket.state) {
                latest[index] = try await gateway.ticket(ticket.id, token: token)
            }
        }
        for ticket in latest {
            let place = ticket.townshipCode ?? ticket.districtCode ?? "-"
            print(
                "\(ticket.number)  \(ticket.state.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0))  urgency \(ticket.urgency.rawValue)  category \(ticket.categoryCode ?? "-")  place \(place)  unit \(ticket.unitCode ?? "-")"
            )
        }
        let unsettled = latest.filter { !settled.contains($0.state) }.count
        guard unsettled == 0 else {
            print("\(unsettled) tickets were neither dispatched nor queued for review within \(timeout) s")
            throw ExitCode(1)
        }
        print("all \(latest.count) tickets dispatched or queued for review")
    }
}

/// A few requests as operators record them.
enum DemoRequests {
    static let all: [TicketRequest] = [
        TicketRequest(
            channel: .phone, type: .complaint, callerName: "张先生", callerPhone: "13800138000",
            placeText: "平谷区熊儿寨乡魏家湾村", text: "村口道路破损严重，还有塌陷，出门差点掉沟里。"),
        TicketRequest(
            channel: .wechat, type: .help, callerName: "李女士", callerPhone: "13900139000",
            placeText: "朝阳区望京街道", text: "小区停水一整天了，没有任何通知。", urgency: .livelihood),
        TicketRequest(channel: .web, type: .complaint, placeText: "海淀区中关村街道", text: "培训机构跑路，预付的学费退不回来。"),
        TicketRequest(
            channel: .phone, type: .report, callerPhone: "13700137000",
            placeText: "东城区东华门街道", text: "路口井盖丢失，有人掉下去的危险。", urgency: .emergency),
        TicketRequest(channel: .app, type: .suggestion, placeText: "西城区金融街街道", text: "建议在地铁口增加共享单车停放点。"),
    ]
}
