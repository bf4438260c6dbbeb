-- The reconciler looks for published events that a consumer never applied, by publication time.
CREATE INDEX outbox_published_at ON outbox (published_at) WHERE published_at IS NOT NULL;
-- The reconciler's relay looks for rows left unpublished too long, by creation time.
CREATE INDEX outbox_unpublished_created ON outbox (created_at) WHERE published_at IS NULL;
-- A consumer's position: the events it applied last.
CREATE INDEX processed_events_recent ON processed_events (consumer, processed_at);
