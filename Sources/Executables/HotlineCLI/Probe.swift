import ArgumentParser
import Foundation
import HotlineRuntime

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `hotline probe`: the container health check. A container runs one service; the probe
/// passes when a service on this host answers `/healthz` (the named one, or any of the five).
struct Probe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Exit 0 when a service on this host answers /healthz.")

    @Option(
        help:
            "The service to probe (intake-gateway, classifier-worker, dispatcher, sla-timer, scoring-aggregator); any when omitted."
    )
    var service: String?

    func run() async throws {
        let settings = HotlineSettings()
        let candidates =
            try service.map { name in
                guard let kind = HotlineServiceKind(rawValue: name) else {
                    throw ValidationError("unknown service '\(name)'")
                }
                return [kind]
            } ?? HotlineServiceKind.allCases
        for kind in candidates {
            var request = URLRequest(url: settings.localURL(of: kind, path: "/healthz"))
            request.timeoutInterval = 2
            if let response = try? await URLSession.shared.data(for: request).1 as? HTTPURLResponse,
                response.statusCode == 200
            {
                return
            }
        }
        throw ExitCode(1)
    }
}
