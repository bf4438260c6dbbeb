public import Foundation
public import HotlineDomain
public import Logging
public import PostgresNIO

/// The classifier's learning material in PostgreSQL: operators' classifications as labelled
/// examples, and the training runs that tell workers which examples their model includes.
public enum ClassifierTraining {
    /// A retraining: which examples it used and how well it did.
    public struct Run: Sendable, Equatable {
        public var id: Int
        public var trainedAt: Date
        /// The model includes the examples with ids up to this one.
        public var examplesThrough: Int
        public var exampleCount: Int
        public var level1Accuracy: Double?
        public var leafAccuracy: Double?
    }

    /// Keeps an operator's classification of a ticket as a labelled example.
    public static func recordExample(
        ticketId: UUID?, text: String, location: String, leafCode: String, urgency: UrgencyTier?, recordedBy: UUID?,
        at time: Date,
        on connection: PostgresConnection, logger: Logger
    ) async throws {
        try await connection.query(
            """
            INSERT INTO classification_examples (ticket_id, text, location, leaf_code, urgency, recorded_by, recorded_at)
            VALUES (\(ticketId), \(text), \(location), \(leafCode), \(urgency?.rawValue), \(recordedBy), \(time))
            """, logger: logger)
    }

    /// The examples with ids up to `through` (all when nil), oldest first, and the highest id.
    public static func examples(
        through: Int?, on connection: PostgresConnection, logger: Logger
    ) async throws -> (examples: [LabelledExample], lastId: Int) {
        let rows = try await connection.query(
            """
            SELECT id, text, location, leaf_code, urgency FROM classification_examples
            WHERE \(through)::bigint IS NULL OR id <= \(through) ORDER BY id
            """, logger: logger)
        var examples: [LabelledExample] = []
        var lastId = 0
        for try await (id, text, location, leaf, urgency) in rows.decode((Int, String, String, String, String?).self) {
            examples.append(
                LabelledExample(
                    text: text, location: location, leafCode: leaf,
                    urgency: try urgency.map {
                        try UrgencyTier.stored($0, column: "classification_examples.urgency")
                    }))
            lastId = id
        }
        return (examples, lastId)
    }

    /// Records a training run.
    public static func recordRun(
        examplesThrough: Int, exampleCount: Int, level1Accuracy: Double?, leafAccuracy: Double?, at time: Date,
        on connection: PostgresConnection, logger: Logger
    ) async throws -> Int {
        let rows = try await connection.query(
            """
            INSERT INTO classifier_training_runs (trained_at, examples_through, example_count, level1_accuracy, leaf_accuracy)
            VALUES (\(time), \(examplesThrough), \(exampleCount), \(level1Accuracy), \(leafAccuracy)) RETURNING id
            """, logger: logger)
        for try await id in rows.decode(Int.self) { return id }
        throw PostgresStoreError(message: "the training run was not recorded")
    }

    /// The newest training run, nil before the first.
    public static func latestRun(on connection: PostgresConnection, logger: Logger) async throws -> Run? {
        let rows = try await connection.query(
            """
            SELECT id, trained_at, examples_through, example_count, level1_accuracy, leaf_accuracy
            FROM classifier_training_runs ORDER BY id DESC LIMIT 1
            """, logger: logger)
        for try await (id, trained, through, count, level1, leaf) in rows.decode(
            (Int, Date, Int, Int, Double?, Double?).self)
        {
            return Run(
                id: id, trainedAt: trained, examplesThrough: through, exampleCount: count, level1Accuracy: level1,
                leafAccuracy: leaf)
        }
        return nil
    }
}
