import Foundation
import HotlineRuntime

extension HotlineSettings {
    /// The URL of `path` on `service` running on this host, at its configured port.
    func localURL(of service: HotlineServiceKind, path: String) -> URL {
        URL(string: "http://127.0.0.1:\(httpPort(of: service))\(path)")!
    }
}
