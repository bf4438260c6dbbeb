public import Foundation
public import Logging
public import PostgresNIO

/// Makes retried creates safe: the first request with a key creates the ticket, a retry with
/// the same key and the same body gets that ticket back, a different body is refused.
public enum IdempotencyKeys {
    /// What a key claimed before means for a request carrying it again.
    public enum EarlierUse: Sendable, Equatable {
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

    /// What `key` was used for, once `TicketStore.insertReceived` found it claimed: the key is
    /// claimed only in that statement, with the ticket it creates, and a concurrent request
    /// with the same key waits there until the first one commits.
    public static func earlierUse(
        of key: Key, on connection: PostgresConnection, logger: Logger
    ) async throws -> EarlierUse {
        let bytes = ByteBuffer(bytes: key.body)
        let existing = try await connection.query(
            """
            SELECT ticket_id, request_digest = sha256(\(bytes)) FROM idempotency_keys
            WHERE token_id = \(key.tokenId) AND key = \(key.key)
            """, logger: logger)
        for try await (ticket, same) in existing.decode((UUID, Bool).self) { return same ? .replay(ticket) : .mismatch }
        throw PostgresStoreError(message: "the idempotency key claimed before is gone")
    }
}
