import Logging
import Synchronization

/// Remembers a consumer's current partition assignment as the group rebalances, since when the
/// member has been waiting for the group to give it one, and since when it has held nothing
/// after the group answered; logs each change. `RDKafkaClient` applies the change in librdkafka
/// and then tells the observer.
///
/// Rebalances are served inside `consume`, between batches: a batch that was handed out has been
/// committed (or abandoned) before its partitions can be revoked, so nothing else needs undoing.
final class RebalanceObserver: Sendable {
    private struct State {
        var current: Set<KafkaTopicPartition> = []
        /// Set when the member subscribes or loses its partitions; cleared by the next assignment,
        /// even an empty one.
        var waitingSince: ContinuousClock.Instant?
        /// Set by an assignment that leaves the member holding nothing; cleared when it holds
        /// partitions again, or when it waits for a new assignment.
        var idleSince: ContinuousClock.Instant?
        /// Whether the member has already joined again because it held nothing while its topics
        /// had partitions; cleared when the member loses its assignment (its session ended, or the
        /// broker forgot the group). One such join per member is enough to undo a group formed
        /// while the topics were missing, and bounds the extra rebalances in a group with more
        /// members than partitions, whose idle members stay idle.
        var rejoinedWhileIdle = false
        /// The offsets the group had committed in the partitions it assigned the member, and when it
        /// did, kept until the member reads a message there or finds the offset past the end.
        var startsToCheck: [KafkaTopicPartition: (offset: Int64, since: ContinuousClock.Instant)] = [:]
    }

    private let state = Mutex(State())
    private let logger: Logger

    init(logger: Logger) {
        self.logger = logger
    }

    /// The partitions the member holds now.
    var assignment: Set<KafkaTopicPartition> {
        state.withLock { $0.current }
    }

    /// How long the member has been waiting for the group to assign it partitions; nil when the
    /// group has answered since it subscribed or last lost its partitions.
    var assignmentWait: Duration? {
        state.withLock { $0.waitingSince }.map { ContinuousClock.now - $0 }
    }

    /// How long the member has held nothing since the group's last answer, while it may still join
    /// again for it; nil when it holds partitions, waits for an assignment, or has already joined
    /// again for it since it last lost an assignment.
    var idleWait: Duration? {
        state.withLock { $0.rejoinedWhileIdle ? nil : $0.idleSince }.map { ContinuousClock.now - $0 }
    }

    /// The member subscribed (again) and waits for its first assignment.
    func subscribed() {
        state.withLock { state in
            state.waitingSince = ContinuousClock.now
            state.idleSince = nil
        }
    }

    /// The member looked at its topics while idle and found none with partitions: `idleWait`
    /// starts again from now.
    func stillIdle() {
        state.withLock { $0.idleSince = $0.idleSince.map { _ in ContinuousClock.now } }
    }

    /// The member joins again because it held nothing while its topics had partitions; it does so
    /// at most once until it next loses an assignment.
    func rejoiningWhileIdle() {
        state.withLock { $0.rejoinedWhileIdle = true }
    }

    /// The group gave the member `partitions`: in addition to what it held (`incrementally`, the
    /// cooperative protocol), or instead of it (the eager protocols), where it had `committed` these offsets.
    func assigned(
        _ partitions: [KafkaTopicPartition], incrementally: Bool, failure: KafkaError?,
        committed: [KafkaTopicPartition: Int64]
    ) {
        let now = ContinuousClock.now
        state.withLock { state in
            if incrementally { state.current.formUnion(partitions) } else { state.current = Set(partitions) }
            if !incrementally { state.startsToCheck = [:] }
            for partition in partitions {
                guard let offset = committed[partition], offset > 0 else { continue }
                state.startsToCheck[partition] = (offset, now)
            }
            state.waitingSince = nil
            state.idleSince = state.current.isEmpty ? now : nil
        }
        log("Kafka partitions assigned", partitions, failure: failure)
    }

    /// The group took `partitions` back: only those (`incrementally`), or everything the member
    /// held; `lost` when the member's assignment was lost rather than handed back (its session
    /// ended, or the broker forgot the group).
    func revoked(_ partitions: [KafkaTopicPartition], incrementally: Bool, lost: Bool, failure: KafkaError?) {
        state.withLock { state in
            if incrementally { state.current.subtract(partitions) } else { state.current = [] }
            state.startsToCheck = state.startsToCheck.filter { state.current.contains($0.key) }
            state.waitingSince = state.waitingSince ?? ContinuousClock.now
            state.idleSince = nil
            if lost { state.rejoinedWhileIdle = false }
        }
        log("Kafka partitions revoked", partitions, failure: failure)
    }

    /// How long after an assignment the fetches' watermarks are trusted to describe the broker's
    /// log as it is now (a member's client keeps the last watermarks it saw of a partition, even
    /// from before a rebalance or a broker restart; fetches refresh them within milliseconds).
    static let watermarkSettling: Duration = .seconds(1)

    /// The partitions, held for `watermarkSettling` and not read from since the group assigned
    /// them, where the group's committed offset lies past the end the last fetch reported
    /// (`watermarks`); each is returned once. Such an offset comes from a log the broker has lost
    /// (a broker restarted empty, to which a member still committed a batch it had read before),
    /// and the member would wait there for messages never written: Kafka answers a fetch there
    /// "offset out of range" and the consumer starts again where `auto.offset.reset` says; the
    /// local broker answers nothing. `consumed` holds the partitions the last batch came from.
    func startsPastTheEnd(
        consumed: Set<KafkaTopicPartition>, watermarks: (KafkaTopicPartition) -> (low: Int64, high: Int64)?
    ) -> [KafkaTopicPartition] {
        let now = ContinuousClock.now
        let pastTheEnd = state.withLock { state -> [KafkaTopicPartition] in
            for partition in consumed { state.startsToCheck[partition] = nil }
            let due = state.startsToCheck.filter { _, start in
                now - start.since >= Self.watermarkSettling
            }
            let found = due.compactMap { partition, start in
                watermarks(partition).flatMap { start.offset > $0.high ? partition : nil }
            }
            for partition in found { state.startsToCheck[partition] = nil }
            return found.sorted { $0.description < $1.description }
        }
        if !pastTheEnd.isEmpty {
            logger.warning(
                "the group's committed offset is past the end of these partitions (the broker lost their log); reading them from the start",
                metadata: ["partitions": "\(pastTheEnd.map(\.description))"])
        }
        return pastTheEnd
    }

    /// The rebalance failed; the member holds nothing until the next one.
    func lost(_ error: KafkaError) {
        state.withLock { state in
            state.current = []
            state.startsToCheck = [:]
            state.waitingSince = state.waitingSince ?? ContinuousClock.now
            state.idleSince = nil
            state.rejoinedWhileIdle = false
        }
        logger.error("Kafka rebalance failed", metadata: ["error": "\(error)"])
    }

    private func log(_ message: Logger.Message, _ partitions: [KafkaTopicPartition], failure: KafkaError?) {
        if let failure {
            logger.error("Kafka rebalance failed", metadata: ["error": "\(failure)"])
        }
        logger.info(message, metadata: ["partitions": "\(partitions.map(\.description).sorted())"])
    }
}
