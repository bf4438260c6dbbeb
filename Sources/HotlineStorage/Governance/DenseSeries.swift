/// Counts per series and period, as the governance scans read them from `GROUP BY` rows, made
/// dense: one array of `length` periods per series, zero where no row was; rows whose period
/// falls outside `0..<length` are dropped.
enum DenseSeries {
    static func collect<Key: Hashable, Rows: AsyncSequence>(
        _ rows: Rows, length: Int
    ) async throws -> [Key: [Int]] where Rows.Element == (key: Key, period: Int, count: Int) {
        var series: [Key: [Int]] = [:]
        for try await row in rows where (0..<length).contains(row.period) {
            series[row.key, default: Array(repeating: 0, count: length)][row.period] = row.count
        }
        return series
    }
}
