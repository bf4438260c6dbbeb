-- The screens' sign-in: people an administrator creates with a password (`hotline users create`;
-- only a bcrypt hash is kept), and the sessions a sign-in opens, with a password or with an API
-- token. The browser holds the session's secret in an HttpOnly cookie; PostgreSQL keeps its
-- SHA-256 digest and the form token (CSRF) every change must carry.
CREATE TABLE screen_users (
    id            uuid        PRIMARY KEY,
    username      text        NOT NULL UNIQUE,
    display_name  text        NOT NULL,
    password_hash text        NOT NULL,
    role          text        NOT NULL CHECK (role IN ('operator', 'handler', 'analyst', 'admin')),
    unit_code     text,
    created_at    timestamptz NOT NULL,
    disabled_at   timestamptz,
    CHECK (role <> 'handler' OR unit_code IS NOT NULL)
);

CREATE TABLE screen_sessions (
    secret_hash  bytea       PRIMARY KEY,
    user_id      uuid        REFERENCES screen_users (id),
    token_id     uuid        REFERENCES api_tokens (id),
    form_token   text        NOT NULL,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    ended_at     timestamptz,
    CHECK ((user_id IS NULL) <> (token_id IS NULL))
);
CREATE INDEX screen_sessions_expiry ON screen_sessions (expires_at);
COMMENT ON TABLE screen_sessions IS 'Signed-in screens: a session per sign-in, ended at sign-out or expiry; a revoked token or disabled user ends its sessions at once.';
