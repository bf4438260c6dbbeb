import Foundation

/// CPU time and peak memory of a process and its direct children (PostgreSQL's backends are
/// children of the postmaster), read from Linux's `/proc`.
struct ProcessStats: Sendable, Codable {
    /// User plus system CPU seconds so far.
    var cpuSeconds: Double
    /// The largest peak resident set (`VmHWM`) among the process and its children, in MiB.
    var peakRSSMiB: Double

    static func read(pid: Int32) -> ProcessStats? {
        guard let own = cpu(of: pid) else { return nil }
        let children = children(of: pid)
        return ProcessStats(
            cpuSeconds: own + children.compactMap(cpu(of:)).reduce(0, +),
            peakRSSMiB: ([pid] + children).compactMap(peakRSS(of:)).max() ?? 0)
    }

    private static let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))

    /// Fields after the command name in `/proc/<pid>/stat` (which may itself hold spaces).
    private static func statFields(of pid: Int32) -> [Substring]? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let end = text.lastIndex(of: ")")
        else { return nil }
        return text[text.index(after: end)...].split(separator: " ")
    }

    private static func cpu(of pid: Int32) -> Double? {
        // After the name: state(0) ppid(1) … utime(11) stime(12).
        guard let fields = statFields(of: pid), fields.count > 12, let user = Double(fields[11]),
            let system = Double(fields[12])
        else {
            return nil
        }
        return (user + system) / ticksPerSecond
    }

    private static func children(of parent: Int32) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { pid in statFields(of: pid).flatMap { Int32($0[1]) } == parent }
    }

    private static func peakRSS(of pid: Int32) -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kib = Double(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        else { return nil }
        return kib / 1024
    }
}
