import Foundation
import HotlineClassifier
import HotlineDomain
public import HotlineRuntime
import HotlineStorage
import Logging
import PostgresNIO

/// Reads `ticket.received`, classifies each ticket (leaf, urgency, place, confidence), links
/// repeats and group cases, and publishes `ticket.classified` (and `group_request.detected`
/// when a group case opens, which tells the township and its district's sub-center). Low-confidence tickets go to the review queue instead of dispatch.
public enum ClassifierWorker {
    public static func parts(_ resources: ServiceResources) throws -> ServiceParts {
        let snapshots = try resources.classifierSnapshots()
        let handler = ClassificationHandler(resources: resources, snapshots: snapshots)
        return ServiceParts(
            workers: [try resources.consumer(handler: handler)],
            warmUp: { _ = try await snapshots.current(from: resources.database, logger: resources.logger) })
    }
}

/// Applies a batch of `ticket.received` events in the consumer's transaction.
struct ClassificationHandler: EventBatchHandler {
    let resources: ServiceResources
    let snapshots: ReferenceSnapshots<RequestClassifier>

    var acceptedTypes: Set<EventType> { HotlineServiceKind.classifierWorker.appliedTypes }

    func apply(_ events: [ConsumedEvent], on connection: PostgresConnection, logger: Logger) async throws {
        let snapshot = try await snapshots.current(on: connection, logger: logger)
        let policy = resources.settings.intakePolicy
        let rule = ClassificationRule(
            catalog: snapshot.reference.catalog, cues: snapshot.reference.cues, reviewThreshold: policy.reviewThreshold)
        var decisions: [Decision] = []
        for (consumed, received) in events.firstPerTicket().payloads(of: TicketReceived.self) {
            let request = received.request
            let classification = snapshot.model.classify(text: request.text, location: request.placeText)
            decisions.append(
                Decision(
                    consumed: consumed, request: request, decided: rule.decide(request, classification: classification),
                    candidates: try Self.candidatesJSON(classification)))
        }
        let now = resources.clock.now()
        let changed = try await TicketStore.markClassified(
            decisions.map { ($0.ticketId, $0.decided, $0.candidates) }, at: now, on: connection, logger: logger)
        for decision in decisions where !changed.contains(decision.ticketId) {
            logger.notice(
                "ticket no longer waits for classification; event ignored",
                metadata: ["ticket": "\(decision.ticketId)"])
        }
        decisions.removeAll { !changed.contains($0.ticketId) }
        let linked = decisions.compactMap(\.linked)
        let originals = try await TicketLinks.linkRepeats(
            linked, window: policy.repeatWindow, on: connection, logger: logger)
        let groups = try await TicketLinks.groupRequests(
            for: linked, threshold: policy.groupThreshold, window: policy.groupWindow, on: connection, logger: logger)
        var recorded = EventBatch()
        for var decision in decisions {
            let ticketId = decision.ticketId
            decision.decided.repeatOf = originals[ticketId]
            let group = groups[ticketId]
            decision.decided.groupRequestId = group?.id
            try recorded.add(resources.event(about: ticketId, decision.decided, at: now), trace: decision.consumed.span)
            if let group, group.detected, let linked = decision.linked, let township = linked.townshipCode {
                let detected = GroupRequestDetected(
                    groupRequestId: group.id, leafCode: linked.leafCode, townshipCode: township,
                    ticketCount: group.ticketCount, firstAt: group.firstAt, districtCode: group.districtCode)
                logger.notice(
                    "group request detected",
                    metadata: [
                        "leaf": "\(detected.leafCode)", "township": "\(detected.townshipCode)",
                        "tickets": "\(detected.ticketCount)",
                    ])
                try recorded.add(resources.event(about: ticketId, detected, at: now), trace: decision.consumed.span)
            }
        }
        try await recorded.record(on: connection, logger: logger)
    }

    /// What the classifier decided for one ticket of the batch.
    struct Decision {
        var consumed: ConsumedEvent
        var request: ReceivedRequest
        var decided: TicketClassified
        var candidates: String

        var ticketId: UUID { consumed.event.metadata.ticketId }

        /// The ticket as its repeat and group links need it; nil without a leaf.
        var linked: TicketLinks.Classified? {
            decided.categoryCode.map {
                TicketLinks.Classified(
                    id: ticketId, leafCode: $0, townshipCode: decided.townshipCode, districtCode: decided.districtCode,
                    placeText: request.placeText, receivedAt: consumed.event.metadata.occurredAt)
            }
        }
    }

    /// The runners-up as stored with the ticket for the review queue.
    static func candidatesJSON(_ classification: Classification) throws -> String {
        struct Candidate: Encodable {
            var code: String
            var probability: Double
        }
        let candidates = classification.candidates.map {
            Candidate(code: $0.leafCode, probability: ($0.probability * 1000).rounded() / 1000)
        }
        return String(decoding: try JSONEncoder().encode(candidates), as: UTF8.self)
    }
}
