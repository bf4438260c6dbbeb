import Foundation

/// Everything a `hotline-lab bench pipeline` run measured, with where it ran.
struct PipelineReport: Codable {
    /// The load's settings.
    struct Settings: Codable {
        var seconds: Double
        var concurrency: Int
        var rateSeconds: Double
    }

    /// The machine the numbers come from.
    struct Machine: Codable {
        var cores: Int
        var memoryGiB: Double
        var cpu: String
        var kernel: String

        /// This machine, read from Linux's `/proc`.
        static func current() -> Machine {
            let cpuInfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
            let model = cpuInfo.split(separator: "\n").first { $0.hasPrefix("model name") }?.split(separator: ":").last
            let kernel = (try? String(contentsOfFile: "/proc/sys/kernel/osrelease", encoding: .utf8)) ?? ""
            return Machine(
                cores: ProcessInfo.processInfo.activeProcessorCount,
                memoryGiB: (Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824 * 10).rounded() / 10,
                cpu: model.map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown",
                kernel: kernel.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    var date = Date()
    var commit: String
    var machine: Machine
    var raw: RawLimits?
    var throughput: PipelineRun
    var latencyRuns: [PipelineRun]
    var settings: Settings

    /// Writes the report as `pipeline-<time>.json` in `directory`; returns the file.
    func write(to directory: URL) throws -> URL {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let stamp = ISO8601DateFormatter().string(from: date).replacingOccurrences(of: ":", with: "")
        let file = directory.appendingPathComponent("pipeline-\(stamp).json")
        try encoder.encode(self).write(to: file)
        return file
    }
}
