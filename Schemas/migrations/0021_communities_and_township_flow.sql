-- Below the township: communities and villages (社区/村) as org units, grid workers (网格员) as a
-- role bound to one, and the township's own steps on a ticket: the leader's sign-off (签批) and
-- the double dispatch (双派单) to the responsible leader and a community. Additive only, so the
-- previous release keeps running beside this one.
ALTER TABLE org_units DROP CONSTRAINT IF EXISTS org_units_kind_check;
ALTER TABLE org_units ADD CONSTRAINT org_units_kind_check
    CHECK (kind IN ('center', 'sub_center', 'township', 'community', 'department', 'enterprise'));
CREATE INDEX org_units_parent ON org_units (parent_code);

ALTER TABLE api_tokens DROP CONSTRAINT IF EXISTS api_tokens_role_check;
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_role_check
    CHECK (role IN ('operator', 'handler', 'analyst', 'admin', 'external', 'grid_worker'));
ALTER TABLE api_tokens DROP CONSTRAINT IF EXISTS api_tokens_check;
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_check
    CHECK (role NOT IN ('handler', 'grid_worker') OR unit_code IS NOT NULL);
ALTER TABLE screen_users DROP CONSTRAINT IF EXISTS screen_users_role_check;
ALTER TABLE screen_users ADD CONSTRAINT screen_users_role_check
    CHECK (role IN ('operator', 'handler', 'analyst', 'admin', 'grid_worker'));
ALTER TABLE screen_users DROP CONSTRAINT IF EXISTS screen_users_check;
ALTER TABLE screen_users ADD CONSTRAINT screen_users_check
    CHECK (role NOT IN ('handler', 'grid_worker') OR unit_code IS NOT NULL);

ALTER TABLE tickets
    ADD COLUMN community_code     text,
    ADD COLUMN dispatched_down_at timestamptz,
    ADD COLUMN signed_off_by      text,
    ADD COLUMN signed_off_at      timestamptz,
    ADD COLUMN reported_by        text;
CREATE INDEX tickets_community ON tickets (community_code, received_at) WHERE community_code IS NOT NULL;
COMMENT ON COLUMN tickets.community_code IS 'The community or village the township dispatched the ticket down to (双派单), or whose grid worker reported it.';
COMMENT ON COLUMN tickets.signed_off_by IS 'The township leader who signed the ticket off (签批).';
COMMENT ON COLUMN tickets.reported_by IS 'The grid worker (网格员) who found and reported the problem, for tickets on the grid_worker channel filed by one.';

-- A city's own list of communities, loaded with `hotline org load-communities FILE`: kept here so
-- that `hotline migrate` loads it instead of the generated list shipped in Schemas/.
CREATE TABLE community_list (
    only_one  boolean     PRIMARY KEY DEFAULT true CHECK (only_one),
    file_name text        NOT NULL,
    content   text        NOT NULL,
    loaded_at timestamptz NOT NULL
);
COMMENT ON TABLE community_list IS 'The city''s communities file (code,township_code,name) as last loaded; replaces Schemas/organisation/communities.csv at every migrate.';
