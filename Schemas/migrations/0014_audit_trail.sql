-- Who read callers' personal data unmasked (a ticket read whole by an operator, an admin or a
-- handler): one row per read, append-only. Written in batches by the gateway; read by admins
-- through GET /audit or the audit_trail view. The analysts' role reads neither.
CREATE TABLE audit_reads (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_id    uuid        NOT NULL,
    token_name  text        NOT NULL,
    role        text        NOT NULL,
    unit_code   text,
    ticket_id   uuid        NOT NULL,
    purpose     text        NOT NULL,
    read_at     timestamptz NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_reads_ticket ON audit_reads (ticket_id, id);
CREATE INDEX audit_reads_token ON audit_reads (token_id, id);
CREATE INDEX audit_reads_unit ON audit_reads (unit_code, id);
CREATE INDEX audit_reads_time ON audit_reads (read_at);
COMMENT ON TABLE audit_reads IS 'Every unmasked read of a caller''s personal data: token, role, unit, ticket, route, time. Append-only.';

CREATE FUNCTION audit_reads_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_reads is append-only';
END
$$;
CREATE TRIGGER audit_reads_append_only BEFORE UPDATE OR DELETE ON audit_reads
    FOR EACH ROW EXECUTE FUNCTION audit_reads_refuse_change();
CREATE TRIGGER audit_reads_no_truncate BEFORE TRUNCATE ON audit_reads
    FOR EACH STATEMENT EXECUTE FUNCTION audit_reads_refuse_change();

CREATE VIEW audit_trail AS
SELECT a.id, a.read_at, a.token_id, a.token_name, a.role, a.unit_code, a.ticket_id, t.number AS ticket_number,
       a.purpose, a.recorded_at
FROM audit_reads a LEFT JOIN tickets t ON t.id = a.ticket_id;
COMMENT ON VIEW audit_trail IS 'The audit trail with ticket numbers, for administrators; not readable by hotline_analyst.';

REVOKE ALL ON audit_reads, audit_trail FROM PUBLIC;
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'hotline_analyst') THEN
        REVOKE ALL ON audit_reads, audit_trail FROM hotline_analyst;
    END IF;
END
$$;
