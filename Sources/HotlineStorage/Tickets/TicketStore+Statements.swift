import Foundation
import HotlineDomain
import PostgresNIO

extension TicketStore {
    /// The classifier's decision on ticket `$13` while it is in state `$14` (`received`);
    /// returns its id.
    ///
    /// The state test is kept out of index conditions (`IS TRUE`), so that the primary key finds
    /// the row: a generic plan made while `tickets` was empty or not yet analysed (a fresh
    /// database) scanned the state index instead, 2.2–2.7 ms a call instead of 0.4 ms while
    /// thousands of tickets waited for classification.
    struct MarkClassified: HotStatement {
        static let sql = """
            UPDATE tickets SET state = $1, category_code = $2, level1_code = $3, level2_code = $4, urgency = $5,
                classification_confidence = $6, classification_method = $7, district_code = $8, township_code = $9,
                candidates = $10::jsonb, repeat_of = $11, version = version + 1, updated_at = $12
            WHERE id = $13 AND (state = $14) IS TRUE RETURNING id
            """
        static let bindingDataTypes: [PostgresDataType] = [
            .text, .text, .text, .text, .text, .float8, .text, .text, .text, .text, .uuid, .timestamptz, .uuid, .text,
        ]

        var id: UUID
        var classification: TicketClassified
        var candidates: String?
        var time: Date

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 14)
            bindings.append((classification.reviewRequired ? TicketState.needsReview : .classified).rawValue)
            bindings.append(classification.categoryCode)
            bindings.append(classification.level1Code)
            bindings.append(classification.level2Code)
            bindings.append(classification.urgency.rawValue)
            bindings.append(classification.confidence)
            bindings.append(classification.method.rawValue)
            bindings.append(classification.districtCode)
            bindings.append(classification.townshipCode)
            bindings.append(candidates)
            bindings.append(classification.repeatOf)
            bindings.append(time)
            bindings.append(id)
            bindings.append(TicketState.received.rawValue)
            return bindings
        }
    }

    /// Ticket `$1`, while in one of the states `$2`, goes to lead unit `$3` with co-units `$4`
    /// (the state test kept out of index conditions, as in `MarkClassified`).
    struct MarkDispatched: HotStatement {
        static let sql = """
            UPDATE tickets SET state = 'dispatched', unit_code = $3, co_unit_codes = $4, dispatch_reason = $5,
                signed_at = NULL,
                first_responsible_unit = COALESCE(first_responsible_unit,
                    (SELECT code FROM org_units WHERE code = $3 AND kind IN ('township', 'department', 'enterprise'))),
                version = version + 1, updated_at = $6
            WHERE id = $1 AND (state = ANY($2)) IS TRUE RETURNING id
            """
        static let bindingDataTypes: [PostgresDataType] = [.uuid, .textArray, .text, .textArray, .text, .timestamptz]

        var id: UUID
        var dispatch: TicketDispatched
        var states: [TicketState]
        var time: Date

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 6)
            bindings.append(id)
            bindings.append(states.map(\.rawValue))
            bindings.append(dispatch.unitCode)
            bindings.append(dispatch.coUnitCodes)
            bindings.append(dispatch.reason)
            bindings.append(time)
            return bindings
        }
    }
}
