import Foundation
import HotlineRuntime

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Waits for the local cluster's services to call themselves ready (`/readyz`: PostgreSQL
/// answers and the warm-up, the classifier's training included, is done), so a run on a fast
/// simulated clock does not start while the services are still training.
enum ClusterReadiness {
    /// Returns when every service on this host is ready; throws after `timeout` real seconds.
    static func wait(for settings: HotlineSettings, timeout: TimeInterval = 120) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        for kind in HotlineServiceKind.allCases {
            let url = URL(string: "http://127.0.0.1:\(settings.httpPort(of: kind))/readyz")!
            while true {
                let status = try? await (URLSession.shared.data(from: url).1 as? HTTPURLResponse)?.statusCode
                if status == 200 { break }
                guard Date() < deadline else {
                    throw CityClient.Failure(
                        status: status ?? 0, body: "\(kind.name) is not ready after \(Int(timeout)) s")
                }
                try await Task.sleep(for: .milliseconds(250))
            }
        }
    }
}
