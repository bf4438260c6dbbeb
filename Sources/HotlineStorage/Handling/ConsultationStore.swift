public import Foundation
public import HotlineDomain
public import Logging
public import PostgresNIO

/// The consultations (会商) held on tickets, inside the handling action's transaction.
public enum ConsultationStore {
    /// Records `consultation` on ticket `id`, held at `time`.
    public static func record(
        _ consultation: Consultation, on id: UUID, at time: Date, on connection: PostgresConnection, logger: Logger
    ) async throws {
        try await connection.query(
            """
            INSERT INTO consultations (id, ticket_id, held_by, participants, decision, lead_unit, co_units, finish_by, held_at)
            VALUES (\(UUID()), \(id), \(consultation.heldBy), \(consultation.participants), \(consultation.decision),
                    \(consultation.leadUnit), \(consultation.coUnits), \(consultation.finishBy), \(time))
            """, logger: logger)
    }
}
