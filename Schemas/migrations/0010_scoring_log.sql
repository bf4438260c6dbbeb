-- The scoring aggregator's own record of the events it read, per ticket. Events of one ticket
-- come from several producers (the dispatcher's dispatch, the gateway's sign-for), whose relays
-- may publish them out of order; the aggregator replays each ticket's events in the order they
-- happened (then in the order they arrived, for events of one transaction).
CREATE TABLE scoring_events (
    event_id    uuid        PRIMARY KEY,
    ticket_id   uuid        NOT NULL,
    occurred_at timestamptz NOT NULL,
    arrival     bigint      GENERATED ALWAYS AS IDENTITY,
    body        bytea       NOT NULL
);
CREATE INDEX scoring_events_ticket ON scoring_events (ticket_id, occurred_at, arrival);
