-- Open311 GeoReport v2: external systems (civic apps) hold tokens of their own role, which file
-- and follow requests through /open311/v2/ and nothing else. Each request filed that way keeps
-- the service it was filed under, the client that filed it and the attribute values it gave;
-- these are the requests the Open311 reads publish.
ALTER TABLE api_tokens DROP CONSTRAINT IF EXISTS api_tokens_role_check;
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_role_check
    CHECK (role IN ('operator', 'handler', 'analyst', 'admin', 'external'));

CREATE TABLE open311_filings (
    ticket_id       uuid        PRIMARY KEY REFERENCES tickets (id),
    client_token_id uuid        NOT NULL REFERENCES api_tokens (id),
    service_code    text        NOT NULL,
    attributes      jsonb       NOT NULL DEFAULT '{}',
    filed_at        timestamptz NOT NULL
);
CREATE INDEX open311_filings_filed_at ON open311_filings (filed_at);
COMMENT ON TABLE open311_filings IS 'Requests filed through Open311 (POST /open311/v2/requests): the service, the filing client and the attribute values given (attribute code → values).';
