import Foundation
import HotlineDomain
import PostgresNIO

extension TicketStore {
    /// The intake's insert of a new ticket, prepared once per connection (one per `POST /tickets`).
    struct InsertReceived: HotStatement {
        static let sql = """
            INSERT INTO tickets (id, number, channel, type, caller_name, caller_phone, place_text, latitude, longitude,
                                 request_text, category_code, urgency, state, received_at, updated_at,
                                 caller_name_masked, caller_phone_masked, request_text_masked, reported_by, community_code)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14, $15, $16, $17, $18, $19)
            RETURNING \(TicketRecord.columns)
            """
        static let bindingDataTypes: [PostgresDataType] = [
            .uuid, .text, .text, .text, .text, .text, .text, .float8, .float8, .text, .text, .text, .text, .timestamptz,
            .text, .text, .text, .text, .text,
        ]

        var id: UUID
        var number: TicketNumber
        var request: TicketRequest
        var gridReport: GridReport?
        var time: Date

        func makeBindings() throws -> PostgresBindings {
            let masked = MaskedPersonalData(request)
            var bindings = PostgresBindings(capacity: 19)
            bindings.append(id)
            bindings.append(number.description)
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
            bindings.append(time)
            bindings.append(masked.callerName)
            bindings.append(masked.callerPhone)
            bindings.append(masked.requestText)
            bindings.append(gridReport?.reporter)
            bindings.append(gridReport?.communityCode)
            return bindings
        }
    }
}
