-- Reference data, loaded from Schemas/ by `hotline migrate` (replaced as a whole each time).
CREATE TABLE catalog_entries (
    code            text     PRIMARY KEY,
    parent_code     text     REFERENCES catalog_entries (code) DEFERRABLE INITIALLY DEFERRED,
    level           smallint NOT NULL CHECK (level BETWEEN 1 AND 3),
    name            text     NOT NULL,
    responsible     text,
    default_urgency text     CHECK (default_urgency IN ('E', 'L', 'G', 'C')),
    keywords        text[]   NOT NULL DEFAULT '{}',
    examples        text[]   NOT NULL DEFAULT '{}'
);
COMMENT ON TABLE catalog_entries IS 'The three-level dispatch catalog; leaves name the responsible kind of unit.';

CREATE TABLE divisions (
    code        text PRIMARY KEY,
    parent_code text,
    tier        text NOT NULL CHECK (tier IN ('municipal', 'district', 'township')),
    name        text NOT NULL
);
CREATE TABLE division_aliases (
    alias text PRIMARY KEY,
    code  text NOT NULL REFERENCES divisions (code) DEFERRABLE INITIALLY DEFERRED
);
CREATE TABLE ambiguous_short_forms (
    short_form text PRIMARY KEY
);
CREATE TABLE urgency_cues (
    tier   text NOT NULL CHECK (tier IN ('E', 'L', 'G', 'C')),
    phrase text NOT NULL,
    PRIMARY KEY (tier, phrase)
);
CREATE TABLE knowledge_articles (
    id            text   PRIMARY KEY,
    category_code text   NOT NULL,
    question      text   NOT NULL,
    keywords      text[] NOT NULL DEFAULT '{}',
    answer        text   NOT NULL
);

-- Access: bearer tokens, stored as SHA-256 digests only.
CREATE TABLE api_tokens (
    id         uuid        PRIMARY KEY,
    name       text        NOT NULL,
    token_hash bytea       NOT NULL UNIQUE,
    role       text        NOT NULL CHECK (role IN ('operator', 'handler', 'analyst', 'admin')),
    unit_code  text,
    created_at timestamptz NOT NULL,
    revoked_at timestamptz,
    CHECK (role <> 'handler' OR unit_code IS NOT NULL)
);

-- Retried creates: one ticket per (token, Idempotency-Key).
CREATE TABLE idempotency_keys (
    token_id       uuid        NOT NULL,
    key            text        NOT NULL,
    request_digest bytea       NOT NULL,
    ticket_id      uuid        NOT NULL REFERENCES tickets (id) DEFERRABLE INITIALLY DEFERRED,
    created_at     timestamptz NOT NULL,
    PRIMARY KEY (token_id, key)
);

-- What the classifier and the operators decided.
ALTER TABLE tickets
    ADD COLUMN level1_code           text,
    ADD COLUMN level2_code           text,
    ADD COLUMN district_code         text,
    ADD COLUMN township_code         text,
    ADD COLUMN classification_method text,
    ADD COLUMN candidates            jsonb,
    ADD COLUMN repeat_of             uuid REFERENCES tickets (id),
    ADD COLUMN group_request_id      uuid,
    ADD COLUMN answer_article_id     text,
    ADD COLUMN answer_text           text;
CREATE INDEX tickets_received ON tickets (received_at);
CREATE INDEX tickets_repeat ON tickets (caller_phone, category_code, received_at) WHERE caller_phone IS NOT NULL;
CREATE INDEX tickets_leaf_township ON tickets (category_code, township_code, received_at);
CREATE INDEX tickets_township ON tickets (township_code, received_at);
CREATE INDEX tickets_district ON tickets (district_code, received_at);

-- Operators' classifications, kept as labelled examples the model retrains on.
CREATE TABLE classification_examples (
    id          bigserial   PRIMARY KEY,
    ticket_id   uuid        REFERENCES tickets (id),
    text        text        NOT NULL,
    location    text        NOT NULL,
    leaf_code   text        NOT NULL,
    urgency     text        CHECK (urgency IN ('E', 'L', 'G', 'C')),
    recorded_by uuid,
    recorded_at timestamptz NOT NULL
);

-- Each retraining: the examples it used and how well it did on them. Workers rebuild their
-- model when a newer run appears.
CREATE TABLE classifier_training_runs (
    id                bigserial        PRIMARY KEY,
    trained_at        timestamptz      NOT NULL,
    examples_through  bigint           NOT NULL,
    example_count     integer          NOT NULL,
    level1_accuracy   double precision,
    leaf_accuracy     double precision
);

-- Ten or more requests on one leaf in one township within 24 hours (群体诉求).
CREATE TABLE group_requests (
    id            uuid        PRIMARY KEY,
    leaf_code     text        NOT NULL,
    township_code text        NOT NULL,
    first_at      timestamptz NOT NULL,
    last_at       timestamptz NOT NULL,
    ticket_count  integer     NOT NULL,
    detected_at   timestamptz NOT NULL
);
CREATE INDEX group_requests_open ON group_requests (leaf_code, township_code, last_at);
