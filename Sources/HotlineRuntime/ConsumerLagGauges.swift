import HotlineKafka
import Metrics

/// `hotline_consumer_lag{consumer, topic, partition}`: how many messages a consumer group's member
/// is behind in each partition it holds (`KafkaConsumer.lag()`), refreshed at most once every
/// `interval`. A partition the member no longer holds reads 0, so summing over the group's
/// members counts each partition once.
struct ConsumerLagGauges {
    private let consumerName: String
    private let interval: Duration
    private var gauges: [KafkaTopicPartition: Gauge] = [:]
    private var lastRefresh: ContinuousClock.Instant?

    init(consumerName: String, interval: Duration = .seconds(2)) {
        self.consumerName = consumerName
        self.interval = interval
    }

    /// Reads `consumer`'s lag and records it, unless it did so less than `interval` ago.
    mutating func refresh(from consumer: KafkaConsumer) async {
        let now = ContinuousClock.now
        if let lastRefresh, now - lastRefresh < interval { return }
        lastRefresh = now
        let lag = await consumer.lag()
        for (partition, gauge) in gauges where lag[partition] == nil {
            gauge.record(0)
        }
        for (partition, behind) in lag {
            gauge(for: partition).record(behind)
        }
    }

    private mutating func gauge(for partition: KafkaTopicPartition) -> Gauge {
        if let gauge = gauges[partition] { return gauge }
        let gauge = Gauge(
            label: "hotline_consumer_lag",
            dimensions: [
                ("consumer", consumerName), ("topic", partition.topic), ("partition", String(partition.partition)),
            ])
        gauges[partition] = gauge
        return gauge
    }
}
