-- Deadlines computed by the SLA timer when a ticket is dispatched.
CREATE TABLE ticket_deadlines (
    ticket_id     uuid        PRIMARY KEY REFERENCES tickets (id),
    unit_code     text        NOT NULL,
    urgency       text        NOT NULL,
    dispatched_at timestamptz NOT NULL,
    assign_by     timestamptz NOT NULL,
    finish_by     timestamptz
);
CREATE INDEX ticket_deadlines_finish_by ON ticket_deadlines (finish_by);
