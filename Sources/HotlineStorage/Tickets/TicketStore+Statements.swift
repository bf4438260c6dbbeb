import Foundation
import HotlineDomain
import PostgresNIO

extension TicketStore {
    /// The intake's one statement (one per `POST /tickets`), prepared once per connection: it
    /// claims the request's idempotency key when there is one, and only when the claim is new
    /// inserts the ticket and writes its `ticket.received` event to the outbox and the ticket's
    /// history (as `OutboxStore.AppendEvent` does). It returns the ticket as stored, or no row
    /// when the key was claimed before.
    struct RecordReceived: HotStatement {
        static let sql = """
            WITH claimed AS (
                INSERT INTO idempotency_keys (token_id, key, request_digest, ticket_id, created_at)
                SELECT $28, $29, sha256($30), $1, $14 WHERE $29 IS NOT NULL
                ON CONFLICT DO NOTHING
                RETURNING ticket_id),
            ticket AS (
                INSERT INTO tickets (id, number, channel, type, caller_name, caller_phone, place_text, latitude,
                                     longitude, request_text, category_code, urgency, state, received_at, updated_at,
                                     caller_name_masked, caller_phone_masked, request_text_masked, reported_by,
                                     community_code)
                SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14, $15, $16, $17, $18, $19
                WHERE $29 IS NULL OR EXISTS (SELECT FROM claimed)
                RETURNING \(TicketRecord.columns)),
            published AS (
                INSERT INTO outbox (event_id, producer, topic, message_key, event_type, schema_version, body, traceparent)
                SELECT $20, $21, $22, $23, $24, $25, $26, $27 FROM ticket),
            history AS (
                INSERT INTO ticket_history (event_id, ticket_id, event_type, occurred_at, producer, body)
                SELECT $20, ticket.id, $24, $14, $21, $31::jsonb FROM ticket)
            SELECT * FROM ticket
            """
        static let bindingDataTypes: [PostgresDataType] = [
            .uuid, .text, .text, .text, .text, .text, .text, .float8, .float8, .text, .text, .text, .text, .timestamptz,
            .text, .text, .text, .text, .text,
            .uuid, .text, .text, .text, .text, .int8, .bytea, .text,
            .uuid, .text, .bytea,
            .text,
        ]

        var ticket: ReceivedTicket
        /// The event as the outbox stores it.
        var entry: OutboxEntry
        var key: IdempotencyKeys.Key?

        func makeBindings() throws -> PostgresBindings {
            let request = ticket.request
            let masked = MaskedPersonalData(request)
            var bindings = PostgresBindings(capacity: 31)
            bindings.append(ticket.id)
            bindings.append(ticket.number.description)
            bindings.append(request.channel.rawValue)
            bindings.append(request.type.rawValue)
            bindings.append(request.callerName)
            bindings.append(request.callerPhone)
            bindings.append(request.placeText)
            bindings.append(request.coordinates?.latitude)
            bindings.append(request.coordinates?.longitude)
            bindings.append(request.text)
            bindings.append(request.categoryCode)
            bindings.append((request.urgency ?? .general).rawValue)
            bindings.append(TicketState.received.rawValue)
            bindings.append(ticket.receivedAt)
            bindings.append(masked.callerName)
            bindings.append(masked.callerPhone)
            bindings.append(masked.requestText)
            bindings.append(ticket.gridReport?.reporter)
            bindings.append(ticket.gridReport?.communityCode)
            bindings.append(outboxColumnsOf: entry)
            bindings.append(key?.tokenId)
            bindings.append(key?.key)
            bindings.append(key.map { ByteBuffer(bytes: $0.body) })
            bindings.append(String(decoding: entry.body, as: UTF8.self))
            return bindings
        }
    }
}
