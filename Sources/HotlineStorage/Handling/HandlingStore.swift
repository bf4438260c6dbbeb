public import Foundation
public import HotlineDomain
public import Logging
public import PostgresNIO

/// Changes tickets by handling actions, inside the caller's transaction. The caller locks the
/// ticket first (`lock`), decides with `HandlingRules`, then applies the decision here.
public enum HandlingStore {
    /// Locks the ticket for the rest of the transaction; nil when there is none.
    public static func lock(
        _ id: UUID, on connection: PostgresConnection, logger: Logger
    ) async throws -> HandlingTicket? {
        let rows = try await connection.query(
            """
            SELECT state, unit_code, co_unit_codes, district_code, urgency, exclusion_state,
                   ARRAY(SELECT department_code FROM ticket_whistles w WHERE w.ticket_id = t.id AND w.reported_at IS NULL ORDER BY department_code),
                   ARRAY(SELECT department_code FROM ticket_whistles w WHERE w.ticket_id = t.id ORDER BY department_code),
                   caller_name,
                   EXISTS (SELECT 1 FROM meeting_agenda_items m
                           WHERE m.ticket_id = t.id AND m.unit_code = t.unit_code AND m.decided_at IS NULL),
                   community_code, signed_off_by, unreasonable_state, hand_up_unit, send_back_state,
                   hand_down_sitting_at IS NOT NULL AND hand_down_outcome IS NULL,
                   (SELECT max(h.occurred_at) FROM ticket_history h
                    WHERE h.ticket_id = t.id AND h.event_type = \(EventType.ticketDispatched.rawValue))
                   + make_interval(secs => (SELECT p.send_back_minutes * 60 FROM sla_policies p
                                            WHERE p.tier = t.urgency AND p.district_code IN (COALESCE(t.district_code, ''), '')
                                            ORDER BY p.district_code DESC LIMIT 1))
            FROM tickets t WHERE id = \(id) FOR UPDATE
            """, logger: logger)
        for try await (
            state, unit, coUnits, district, urgency, exclusion, pending, summoned, callerName, onAgenda, community,
            signedOffBy, unreasonable, handUpUnit, sendBack, panelPending, sendBackUntil
        )
            in rows.decode(
                (
                    String, String?, [String], String?, String, String?, [String], [String], String?, Bool, String?,
                    String?, String?, String?, String?, Bool, Date?
                ).self)
        {
            return HandlingTicket(
                state: try .stored(state, column: "state"), unitCode: unit, coUnitCodes: coUnits,
                districtCode: district, urgency: try .stored(urgency, column: "urgency"),
                exclusionState: try .stored(exclusion, column: "exclusion_state"), pendingWhistles: pending,
                summonedUnitCodes: summoned, callerName: callerName, onOpenMeetingAgenda: onAgenda,
                communityCode: community, signedOffBy: signedOffBy,
                unreasonableState: try .stored(unreasonable, column: "unreasonable_state"), handUpUnitCode: handUpUnit,
                sendBackState: try .stored(sendBack, column: "send_back_state"), sendBackUntil: sendBackUntil,
                panelPending: panelPending)
        }
        return nil
    }

    /// Sets the state, the lead unit and whichever handling columns `changes` names; a
    /// re-dispatch also sets the co-units and the reason (and awaits a new sign-for), and the
    /// first-responsible unit when the ticket had none and the new lead handles tickets itself; a
    /// reopening clears the previous result, feedback and return visit.
    public static func update(
        _ id: UUID, state: TicketState, unitCode: String?, changes: HandlingChanges, at time: Date,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws {
        let members = try changes.handDownMembers.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
        try await connection.query(
            """
            UPDATE tickets SET state = \(state.rawValue), unit_code = \(unitCode),
                signed_at = CASE WHEN \(changes.signed) THEN \(time) WHEN \(changes.dispatch != nil) THEN NULL ELSE signed_at END,
                co_unit_codes = CASE WHEN \(changes.dispatch != nil) THEN \(changes.dispatch?.coUnitCodes ?? [])
                                     ELSE co_unit_codes || \(changes.addedCoUnitCodes) END,
                first_responsible_unit = COALESCE(first_responsible_unit,
                    (SELECT code FROM org_units WHERE code = \(changes.dispatch?.unitCode) AND kind IN ('township', 'department', 'enterprise'))),
                dispatch_reason = COALESCE(\(changes.dispatch?.reason), dispatch_reason),
                assignee = COALESCE(\(changes.assignee), assignee),
                signed_off_by = COALESCE(\(changes.signedOffBy), signed_off_by),
                signed_off_at = CASE WHEN \(changes.signedOffBy)::text IS NOT NULL THEN \(time) ELSE signed_off_at END,
                community_code = COALESCE(\(changes.communityCode), community_code),
                dispatched_down_at = CASE WHEN \(changes.communityCode)::text IS NOT NULL THEN \(time) ELSE dispatched_down_at END,
                reported_back_at = CASE WHEN \(changes.communityCode)::text IS NOT NULL THEN NULL
                                        WHEN \(changes.reportedBack) THEN COALESCE(reported_back_at, \(time))
                                        ELSE reported_back_at END,
                send_back_count = send_back_count + \(changes.sentBack ? 1 : 0),
                send_back_state = CASE WHEN \(changes.dispatch != nil) THEN NULL
                                       ELSE COALESCE(\(changes.sendBackState?.rawValue), send_back_state) END,
                send_back_reason = COALESCE(\(changes.sendBackReason), send_back_reason),
                send_back_review_reason = CASE WHEN \(changes.sendBackReason)::text IS NOT NULL THEN NULL
                                               ELSE COALESCE(\(changes.sendBackReviewReason), send_back_review_reason) END,
                reopen_count = reopen_count + \(changes.reopened ? 1 : 0),
                hand_up_deadline = COALESCE(\(changes.handUpDeadline), hand_up_deadline),
                hand_up_unit = COALESCE(\(changes.handUpUnitCode), hand_up_unit),
                hand_up_accepted = CASE WHEN \(changes.handUpUnitCode)::text IS NOT NULL THEN NULL
                                        ELSE COALESCE(\(changes.handUpAccepted), hand_up_accepted) END,
                hand_up_answer = CASE WHEN \(changes.handUpUnitCode)::text IS NOT NULL THEN NULL
                                      ELSE COALESCE(\(changes.handUpAnswer), hand_up_answer) END,
                hand_up_answered_at = CASE WHEN \(changes.handUpUnitCode)::text IS NOT NULL THEN NULL
                                           WHEN \(changes.handUpAccepted)::boolean IS NOT NULL THEN \(time)
                                           ELSE hand_up_answered_at END,
                hand_down_panel = COALESCE(\(changes.handDownPanel), hand_down_panel),
                hand_down_members = COALESCE(\(members)::jsonb, hand_down_members),
                hand_down_sitting_at = COALESCE(\(changes.handDownSittingAt), hand_down_sitting_at),
                hand_down_outcome = CASE WHEN \(changes.handDownSittingAt)::timestamptz IS NOT NULL THEN NULL
                                         ELSE COALESCE(\(changes.handDownOutcome), hand_down_outcome) END,
                hand_down_outcome_at = CASE WHEN \(changes.handDownSittingAt)::timestamptz IS NOT NULL THEN NULL
                                            WHEN \(changes.handDownOutcome)::text IS NOT NULL THEN \(time)
                                            ELSE hand_down_outcome_at END,
                unreasonable_reason = COALESCE(\(changes.unreasonableReason), unreasonable_reason),
                unreasonable_state = COALESCE(\(changes.unreasonableState?.rawValue), unreasonable_state),
                unreasonable_review_reason = COALESCE(\(changes.unreasonableReviewReason), unreasonable_review_reason),
                exclusion_state = COALESCE(\(changes.exclusionState?.rawValue), exclusion_state),
                exclusion_reason = COALESCE(\(changes.exclusionReason), exclusion_reason),
                result = CASE WHEN \(changes.reopened) THEN NULL ELSE COALESCE(\(changes.result), result) END,
                feedback_to_caller = CASE WHEN \(changes.reopened) THEN NULL ELSE COALESCE(\(changes.feedbackToCaller), feedback_to_caller) END,
                feedback_to_center = CASE WHEN \(changes.reopened) THEN NULL ELSE COALESCE(\(changes.feedbackToCenter), feedback_to_center) END,
                resolved_at = CASE WHEN \(changes.reopened) THEN NULL WHEN \(changes.result)::text IS NOT NULL THEN \(time) ELSE resolved_at END,
                visit_solved = CASE WHEN \(changes.reopened) THEN NULL ELSE COALESCE(\(changes.visitSolved?.rawValue), visit_solved) END,
                visit_satisfaction = CASE WHEN \(changes.reopened) THEN NULL ELSE COALESCE(\(changes.visitSatisfaction?.rawValue), visit_satisfaction) END,
                visited_at = CASE WHEN \(changes.reopened) THEN NULL WHEN \(changes.visitSolved?.rawValue)::text IS NOT NULL THEN \(time) ELSE visited_at END,
                version = version + 1, updated_at = \(time)
            WHERE id = \(id)
            """, logger: logger)
    }

    /// Records that `unit` summoned `departments` to report by `deadline`.
    public static func whistle(
        _ id: UUID, departments: [String], by unit: String, deadline: Date, at time: Date,
        on connection: PostgresConnection, logger: Logger
    ) async throws {
        try await connection.query(
            """
            INSERT INTO ticket_whistles (ticket_id, department_code, whistled_by, whistled_at, report_by)
            SELECT \(id), department, \(unit), \(time), \(deadline) FROM unnest(\(departments)) AS d(department)
            ON CONFLICT (ticket_id, department_code) DO UPDATE SET report_by = EXCLUDED.report_by, reported_at = NULL
            """, logger: logger)
    }

    /// Records that `department` reported in.
    public static func reportIn(
        _ id: UUID, department: String, at time: Date, on connection: PostgresConnection, logger: Logger
    ) async throws {
        try await connection.query(
            "UPDATE ticket_whistles SET reported_at = \(time) WHERE ticket_id = \(id) AND department_code = \(department)",
            logger: logger)
    }

    /// The org units among `codes` that exist, with their kinds and parents; a kind the domain
    /// does not know is an error.
    public static func units(
        _ codes: [String], on connection: PostgresConnection, logger: Logger
    ) async throws -> (kinds: [String: OrgUnit.Kind], parents: [String: String]) {
        var kinds: [String: OrgUnit.Kind] = [:]
        var parents: [String: String] = [:]
        let rows = try await connection.query(
            "SELECT code, kind, parent_code FROM org_units WHERE code = ANY(\(codes))", logger: logger)
        for try await (code, kind, parent) in rows.decode((String, String, String?).self) {
            kinds[code] = try .stored(kind, column: "kind")
            parents[code] = parent
        }
        return (kinds, parents)
    }
}
