public import HotlineClassifier
public import HotlineDomain
public import HotlineRuntime
import HotlineStorage
import Logging
import PostgresNIO

/// The reference data the gateway works with: catalog, organisation, gazetteer, knowledge
/// base, and the classifier trained on them.
public struct CurrentReference: Sendable {
    public let reference: ReferenceData
    public let knowledge: KnowledgeBase
    public let classifier: RequestClassifier

    public init(reference: ReferenceData, knowledge: KnowledgeBase, classifier: RequestClassifier) {
        self.reference = reference
        self.knowledge = knowledge
        self.classifier = classifier
    }
}

/// Where the use cases get the current reference data: the latest training run in PostgreSQL
/// in production (`ServiceResources.gatewayReference()`), fixed data in tests.
public protocol ReferenceSource: Sendable {
    /// The reference data as of the latest training run.
    func current() async throws -> CurrentReference
}

/// The reference data of the latest training run, rebuilt when a newer run appears.
struct SnapshotReferenceSource: ReferenceSource {
    let snapshots: ReferenceSnapshots<RequestClassifier>
    let database: PostgresClient
    let logger: Logger

    func current() async throws -> CurrentReference {
        let snapshot = try await snapshots.current(from: database, logger: logger)
        return CurrentReference(
            reference: snapshot.reference, knowledge: snapshot.knowledge, classifier: snapshot.model)
    }
}

extension ServiceResources {
    /// The reference data with the classifier, read from this service's database.
    public func gatewayReference() throws -> any ReferenceSource {
        SnapshotReferenceSource(snapshots: try classifierSnapshots(), database: database, logger: logger)
    }
}
