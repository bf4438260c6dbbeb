-- Tokens may expire: past `expires_at` a token authenticates as nobody, as a revoked one does
-- (NULL: it never expires). `last_used_at` is the time of the latest authentication that
-- reached PostgreSQL: the gateway remembers a checked token for HOTLINE_TOKEN_CACHE_SECONDS, so
-- it trails the token's real last use by at most that long.
ALTER TABLE api_tokens
    ADD COLUMN expires_at   timestamptz NULL,
    ADD COLUMN last_used_at timestamptz NULL;
