-- The relays find unpublished rows through partial indexes (`WHERE published_at IS NULL`).
-- Publishing a row leaves a dead entry in them until the table is vacuumed, and after a storm
-- of tens of thousands of events every claim read all those entries: 2 ms a claim instead of
-- 0.03 ms, three quarters of PostgreSQL's time at 100 tickets/s (docs/performance.md, step 16).
-- Vacuum and analyse the outbox after every 2,000 changed rows, whatever its size, unthrottled.
ALTER TABLE outbox SET (
    autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 2000,
    autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 2000,
    autovacuum_vacuum_cost_delay = 0);
