-- The leaders' reports produced on schedule by the scoring aggregator: one row per period
-- (hour, day, week, month), start and scope (the city, or a district's code), written once
-- (the primary key refuses a second), with when it was due and when it was produced on the
-- service's clock. The body is the report's JSON as `GET /reports/{period}` serves it.
CREATE TABLE scheduled_reports (
    period       text        NOT NULL CHECK (period IN ('hour', 'day', 'week', 'month')),
    scope        text        NOT NULL,
    period_start timestamptz NOT NULL,
    period_end   timestamptz NOT NULL,
    due_at       timestamptz NOT NULL,
    produced_at  timestamptz NOT NULL,
    body         jsonb       NOT NULL,
    PRIMARY KEY (period, scope, period_start)
);
COMMENT ON TABLE scheduled_reports IS 'Hourly, daily, weekly and monthly reports per scope (city or district code), each produced once after its period ended.';
