-- The units that receive tickets, built from the divisions and the catalog's specialties by
-- `hotline migrate` (replaced as a whole each time).
CREATE TABLE unit_specialties (
    specialty text PRIMARY KEY,
    name      text NOT NULL
);
CREATE TABLE org_units (
    code          text PRIMARY KEY,
    name          text NOT NULL,
    kind          text NOT NULL CHECK (kind IN ('center', 'sub_center', 'township', 'department', 'enterprise')),
    specialty     text,
    district_code text,
    parent_code   text
);
CREATE INDEX org_units_district ON org_units (district_code, kind);
COMMENT ON TABLE org_units IS 'The municipal center, district sub-centers, townships, and each district''s and the city''s departments and enterprises.';

-- Handling: what units did with their tickets.
ALTER TABLE tickets
    ADD COLUMN co_unit_codes         text[]      NOT NULL DEFAULT '{}',
    ADD COLUMN assignee              text,
    ADD COLUMN signed_at             timestamptz,
    ADD COLUMN send_back_count       integer     NOT NULL DEFAULT 0,
    ADD COLUMN reopen_count          integer     NOT NULL DEFAULT 0,
    ADD COLUMN hand_up_deadline      timestamptz,
    ADD COLUMN hand_down_panel       text,
    ADD COLUMN unreasonable_reason   text,
    ADD COLUMN exclusion_state       text CHECK (exclusion_state IN ('requested', 'approved', 'refused')),
    ADD COLUMN exclusion_reason      text,
    ADD COLUMN result                text,
    ADD COLUMN feedback_to_caller    text,
    ADD COLUMN feedback_to_center    text,
    ADD COLUMN resolved_at           timestamptz,
    ADD COLUMN visit_solved          text CHECK (visit_solved IN ('solved', 'partly', 'not')),
    ADD COLUMN visit_satisfaction    text CHECK (visit_satisfaction IN ('satisfied', 'basically', 'dissatisfied')),
    ADD COLUMN visited_at            timestamptz;
CREATE INDEX tickets_co_units ON tickets USING gin (co_unit_codes);

-- 吹哨报到: the departments a unit summoned, and when each reported in.
CREATE TABLE ticket_whistles (
    ticket_id       uuid        NOT NULL REFERENCES tickets (id),
    department_code text        NOT NULL,
    whistled_by     text        NOT NULL,
    whistled_at     timestamptz NOT NULL,
    report_by       timestamptz NOT NULL,
    reported_at     timestamptz,
    PRIMARY KEY (ticket_id, department_code)
);
CREATE INDEX ticket_whistles_department ON ticket_whistles (department_code, reported_at);
