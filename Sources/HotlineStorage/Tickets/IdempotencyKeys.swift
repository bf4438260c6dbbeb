public import Foundation
public import Logging
public import PostgresNIO

/// Makes retried creates safe: the first request with a key creates the ticket, a retry with
/// the same key and the same body gets that ticket back, a different body is refused.
public enum IdempotencyKeys {
    /// What a key means for the request carrying it.
    public enum Claim: Sendable, Equatable {
        /// The key is new: create the ticket with the id reserved for it.
        case fresh
        /// The key was used for the same body: answer with this ticket.
        case replay(UUID)
        /// The key was used for another body.
        case mismatch
    }

    /// A request's `Idempotency-Key`, with the token that sent it and the body it came with.
    public struct Key: Sendable {
        public var key: String
        public var tokenId: UUID
        /// The request in its canonical form: a retry must carry the same.
        public var body: [UInt8]

        public init(key: String, tokenId: UUID, body: [UInt8]) {
            self.key = key
            self.tokenId = tokenId
            self.body = body
        }
    }

    /// Reserves `key` for `ticketId` in the caller's transaction. A concurrent request with the
    /// same key waits for this transaction and then sees a replay. (The intake's one-statement
    /// path claims the key in `TicketStore.insertReceived` instead.)
    public static func claim(
        _ key: Key, ticketId: UUID, at time: Date, on connection: PostgresConnection, logger: Logger
    ) async throws -> Claim {
        let bytes = ByteBuffer(bytes: key.body)
        let inserted = try await connection.query(
            """
            INSERT INTO idempotency_keys (token_id, key, request_digest, ticket_id, created_at)
            VALUES (\(key.tokenId), \(key.key), sha256(\(bytes)), \(ticketId), \(time))
            ON CONFLICT DO NOTHING RETURNING ticket_id
            """, logger: logger)
        for try await _ in inserted { return .fresh }
        let existing = try await connection.query(
            """
            SELECT ticket_id, request_digest = sha256(\(bytes)) FROM idempotency_keys
            WHERE token_id = \(key.tokenId) AND key = \(key.key)
            """, logger: logger)
        for try await (ticket, same) in existing.decode((UUID, Bool).self) { return same ? .replay(ticket) : .mismatch }
        throw PostgresStoreError(message: "idempotency key vanished while being claimed")
    }
}
