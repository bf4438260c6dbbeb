-- Consultations (会商): the sub-center (or the center) holds one on a complex or multi-unit
-- ticket, names who took part, decides, names the lead unit and co-units, and for a complex (C)
-- ticket sets the finish time limit the SLA timer then follows. Append-only.
CREATE TABLE consultations (
    id            uuid        PRIMARY KEY,
    ticket_id     uuid        NOT NULL REFERENCES tickets (id),
    held_by       text        NOT NULL,
    participants  text[]      NOT NULL,
    decision      text        NOT NULL,
    lead_unit     text        NOT NULL,
    co_units      text[]      NOT NULL DEFAULT '{}',
    finish_by     timestamptz,
    held_at       timestamptz NOT NULL
);
CREATE INDEX consultations_ticket ON consultations (ticket_id, held_at);
CREATE INDEX consultations_held ON consultations (held_by, held_at);
COMMENT ON TABLE consultations IS 'Consultations (会商) on tickets: who held them, the participants, the decision (masked as its event carries it), the lead unit and co-units named, the finish limit set for a complex ticket.';

-- Unreasonable requests (不合理诉求) go to the center's review: the unit asks (mark_unreasonable),
-- the center agrees or refuses with a reason (decide_unreasonable); an agreed one counts in the
-- assessment as `unreasonable_effect` in Schemas/policy/assessment.csv says.
ALTER TABLE tickets
    ADD COLUMN unreasonable_state           text CHECK (unreasonable_state IN ('requested', 'approved', 'refused')),
    ADD COLUMN unreasonable_review_reason   text;

-- A hand-up (上交) names the district or city unit it goes up to; that unit accepts it with a plan
-- or returns it with a reason.
ALTER TABLE tickets
    ADD COLUMN hand_up_unit         text,
    ADD COLUMN hand_up_accepted     boolean,
    ADD COLUMN hand_up_answer       text,
    ADD COLUMN hand_up_answered_at  timestamptz;
CREATE INDEX tickets_hand_up_unit ON tickets (hand_up_unit) WHERE hand_up_unit IS NOT NULL;
