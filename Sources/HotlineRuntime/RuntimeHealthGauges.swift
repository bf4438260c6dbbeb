import HotlineStorage
import Metrics

/// What every service samples about its own health: `hotline_database_reachable` (1 when
/// PostgreSQL answers), `hotline_outbox_backlog{producer}` and
/// `hotline_outbox_oldest_unpublished_seconds{producer}` (its events written but not yet
/// published, and how long the oldest has waited).
struct RuntimeHealthGauges: Sendable {
    private let reachable = Gauge(label: "hotline_database_reachable")
    private let rows: Gauge
    private let oldest: Gauge

    init(producer: String) {
        rows = Gauge(label: "hotline_outbox_backlog", dimensions: [("producer", producer)])
        oldest = Gauge(label: "hotline_outbox_oldest_unpublished_seconds", dimensions: [("producer", producer)])
    }

    func record(reachable: Bool) {
        self.reachable.record(reachable ? 1 : 0)
    }

    func record(_ backlog: BacklogStore.Backlog) {
        rows.record(backlog.count)
        oldest.record(backlog.oldestAgeSeconds)
    }
}
