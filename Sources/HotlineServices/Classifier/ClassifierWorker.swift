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
        var recorded = EventBatch()
        for (consumed, received) in events.payloads(of: TicketReceived.self) {
            let ticketId = consumed.event.metadata.ticketId
            let receivedAt = consumed.event.metadata.occurredAt
            let request = received.request
            let classification = snapshot.model.classify(text: request.text, location: request.placeText)
            var decided = rule.decide(request, classification: classification)
            decided.repeatOf = try await TicketLinks.linkRepeats(
                of: ticketId, leafCode: decided.categoryCode,
                townshipCode: decided.townshipCode,
                placeText: request.placeText, receivedAt: receivedAt, window: policy.repeatWindow, on: connection,
                logger: logger)
            let now = resources.clock.now()
            guard
                try await TicketStore.markClassified(
                    ticketId, decided, candidates: try Self.candidatesJSON(classification), at: now, on: connection,
                    logger: logger)
            else {
                logger.notice(
                    "ticket no longer waits for classification; event ignored", metadata: ["ticket": "\(ticketId)"])
                continue
            }
            var detected: GroupRequestDetected?
            if let leaf = decided.categoryCode, let township = decided.townshipCode,
                let group = try await TicketLinks.groupRequest(
                    for: ticketId, leafCode: leaf, townshipCode: township, districtCode: decided.districtCode,
                    receivedAt: receivedAt, threshold: policy.groupThreshold, window: policy.groupWindow,
                    on: connection, logger: logger)
            {
                decided.groupRequestId = group.id
                if group.detected {
                    detected = GroupRequestDetected(
                        groupRequestId: group.id, leafCode: leaf, townshipCode: township,
                        ticketCount: group.ticketCount, firstAt: group.firstAt, districtCode: group.districtCode)
                }
            }
            try recorded.add(resources.event(about: ticketId, decided, at: now), trace: consumed.span)
            if let detected {
                logger.notice(
                    "group request detected",
                    metadata: [
                        "leaf": "\(detected.leafCode)", "township": "\(detected.townshipCode)",
                        "tickets": "\(detected.ticketCount)",
                    ])
                try recorded.add(resources.event(about: ticketId, detected, at: now), trace: consumed.span)
            }
        }
        try await recorded.record(on: connection, logger: logger)
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
