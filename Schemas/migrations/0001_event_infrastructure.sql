-- The transactional outbox and the record of processed events.

-- Every event is written here in the same transaction as the state change that causes it.
-- The producing service's relay publishes unpublished rows in id order and stamps them.
CREATE TABLE outbox (
    id              bigserial   PRIMARY KEY,
    event_id        uuid        NOT NULL UNIQUE,
    producer        text        NOT NULL,
    topic           text        NOT NULL,
    message_key     text        NOT NULL,
    event_type      text        NOT NULL,
    schema_version  integer     NOT NULL,
    body            bytea       NOT NULL,
    traceparent     text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    published_at    timestamptz
);
CREATE INDEX outbox_unpublished ON outbox (producer, id) WHERE published_at IS NULL;
COMMENT ON TABLE outbox IS 'Events waiting to be published (published_at IS NULL) and the published ones, for audit.';

-- A consumer group records each event id it has applied, in the transaction that applies it,
-- so a redelivered event changes nothing.
CREATE TABLE processed_events (
    consumer     text        NOT NULL,
    event_id     uuid        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
COMMENT ON TABLE processed_events IS 'Which consumer group has applied which event (idempotent consumers).';
