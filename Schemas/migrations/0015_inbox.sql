-- Every unit's inbox: one row per notice a unit must act on, written by the transaction that
-- records the event causing it (EventRecorder), so none is lost and none is written twice
-- (the unique key makes a replayed cause a no-op). `xid` is the writing transaction: streams
-- read items in (xid, id) order, only below the oldest running transaction, so a resumed
-- stream has no gap. Each insert notifies `hotline_inbox` on commit.
CREATE TABLE inbox_items (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    xid             bigint      NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
    unit_code       text        NOT NULL,
    kind            text        NOT NULL,
    ticket_id       uuid        NOT NULL,
    event_id        uuid        NOT NULL,
    due_at          timestamptz,
    note            text,
    created_at      timestamptz NOT NULL,
    read_at         timestamptz,
    acknowledged_at timestamptz,
    acknowledged_by text,
    UNIQUE (event_id, unit_code, kind)
);
CREATE INDEX inbox_items_unit ON inbox_items (unit_code, id);
CREATE INDEX inbox_items_position ON inbox_items (xid, id);
CREATE INDEX inbox_items_open ON inbox_items (unit_code, kind) WHERE acknowledged_at IS NULL;
CREATE INDEX inbox_items_ticket ON inbox_items (ticket_id);
COMMENT ON TABLE inbox_items IS 'Notices each unit must act on (dispatch, summons, checkpoints, deadlines, supervision, ...), with read and acknowledged state.';

CREATE FUNCTION inbox_items_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('hotline_inbox', '');
    RETURN NULL;
END
$$;
CREATE TRIGGER inbox_items_notify AFTER INSERT ON inbox_items
    FOR EACH STATEMENT EXECUTE FUNCTION inbox_items_notify();

-- For analysts: who was told what and when, and how fast units acknowledged (no note: it may
-- quote a send-back's reason).
CREATE VIEW analytics.inbox_items AS
SELECT id, unit_code, kind, ticket_id, event_id, due_at, created_at, read_at, acknowledged_at
FROM public.inbox_items;
COMMENT ON VIEW analytics.inbox_items IS 'Every notice put in a unit''s inbox: kind, ticket, due time, when it was written, read and acknowledged.';

DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'hotline_analyst') THEN
        GRANT SELECT ON ALL TABLES IN SCHEMA analytics TO hotline_analyst;
    END IF;
END
$$;
