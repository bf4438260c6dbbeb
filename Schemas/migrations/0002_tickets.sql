-- Tickets and their history.

CREATE TABLE tickets (
    id                        uuid             PRIMARY KEY,
    number                    text             NOT NULL UNIQUE,
    channel                   text             NOT NULL,
    type                      text             NOT NULL,
    caller_name               text,
    caller_phone              text,
    place_text                text             NOT NULL,
    latitude                  double precision,
    longitude                 double precision,
    request_text              text             NOT NULL,
    category_code             text,
    urgency                   text             NOT NULL DEFAULT 'G' CHECK (urgency IN ('E', 'L', 'G', 'C')),
    classification_confidence double precision,
    state                     text             NOT NULL,
    unit_code                 text,
    dispatch_reason           text,
    version                   integer          NOT NULL DEFAULT 1,
    received_at               timestamptz      NOT NULL,
    updated_at                timestamptz      NOT NULL
);
CREATE INDEX tickets_state_received ON tickets (state, received_at);
CREATE INDEX tickets_unit_state ON tickets (unit_code, state);
COMMENT ON TABLE tickets IS 'The canonical state of every ticket.';

-- One row per event that happened to a ticket, written with the state change.
CREATE TABLE ticket_history (
    event_id    uuid        PRIMARY KEY,
    ticket_id   uuid        NOT NULL REFERENCES tickets (id),
    event_type  text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    producer    text        NOT NULL,
    body        jsonb       NOT NULL
);
CREATE INDEX ticket_history_ticket ON ticket_history (ticket_id, occurred_at);

-- The daily sequence behind human-readable ticket numbers (YYYYMMDD-NNNNNN).
CREATE TABLE ticket_number_counters (
    day           date    PRIMARY KEY,
    last_sequence integer NOT NULL
);

-- Live counts per unit per hour; the scoring aggregator keeps them.
CREATE TABLE unit_hourly_counts (
    unit_code  text        NOT NULL,
    hour       timestamptz NOT NULL,
    dispatched integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (unit_code, hour)
);
