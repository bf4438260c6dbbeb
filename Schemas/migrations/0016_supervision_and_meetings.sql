-- How many days after dispatch to a township a ticket still unresolved goes on the township's
-- leadership meeting's agenda (NULL: no meeting); loaded from Schemas/policy/time_limits.csv.
ALTER TABLE sla_policies ADD COLUMN meeting_days double precision DEFAULT 3;

-- Each township's leadership-meeting agenda: a ticket put on it by the SLA timer (the meeting
-- timer fired with the ticket unresolved), in the transaction that fires the timer, and the
-- meeting's decision once the township records it (the meeting_decision handling action).
-- `measure` is kept masked, as the handling event carries it. A ticket waits for a decision at
-- most once on each unit's agenda.
CREATE TABLE meeting_agenda_items (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_id     uuid        NOT NULL REFERENCES tickets (id),
    unit_code     text        NOT NULL,
    district_code text,
    placed_at     timestamptz NOT NULL,
    dispatched_at timestamptz,
    decided_at    timestamptz,
    decided_by    text,
    owner         text,
    measure       text,
    target_date   timestamptz,
    CHECK ((decided_at IS NULL) = (owner IS NULL))
);
CREATE UNIQUE INDEX meeting_agenda_items_open ON meeting_agenda_items (ticket_id, unit_code) WHERE decided_at IS NULL;
CREATE INDEX meeting_agenda_items_unit ON meeting_agenda_items (unit_code, placed_at DESC, id DESC);
CREATE INDEX meeting_agenda_items_placed ON meeting_agenda_items (placed_at);
CREATE INDEX meeting_agenda_items_decided ON meeting_agenda_items (decided_at) WHERE decided_at IS NOT NULL;
COMMENT ON TABLE meeting_agenda_items IS 'Tickets on a township''s leadership-meeting agenda (unresolved N days after dispatch) and the meeting''s decision: owner, measure (masked), new target date.';

-- The supervision list (GET /supervision) reads supervised tickets, most overdue first.
CREATE INDEX tickets_supervised ON tickets (overdue_at, id) WHERE supervision_level IS NOT NULL;
