-- What each dispatch of a ticket to a unit contributes to the unit's assessment, kept by the
-- scoring aggregator from the lifecycle and SLA events (one row per dispatch, in order).
CREATE TABLE assessment_facts (
    ticket_id        uuid        NOT NULL,
    seq              integer     NOT NULL,
    unit_code        text        NOT NULL,
    dispatched_at    timestamptz NOT NULL,
    month            date        NOT NULL,
    district_code    text,
    sign_for_by      timestamptz NOT NULL,
    finish_by        timestamptz,
    signed_in_time   boolean     NOT NULL DEFAULT false,
    resolved         boolean     NOT NULL DEFAULT false,
    resolved_on_time boolean     NOT NULL DEFAULT false,
    visited          boolean     NOT NULL DEFAULT false,
    solved           boolean     NOT NULL DEFAULT false,
    satisfied        boolean     NOT NULL DEFAULT false,
    sent_back        boolean     NOT NULL DEFAULT false,
    reopened         integer     NOT NULL DEFAULT 0,
    overdue          boolean     NOT NULL DEFAULT false,
    excluded         boolean     NOT NULL DEFAULT false,
    PRIMARY KEY (ticket_id, seq)
);
CREATE INDEX assessment_facts_month_unit ON assessment_facts (month, unit_code);
CREATE INDEX assessment_facts_month_district ON assessment_facts (month, district_code);

-- Live counts per unit per hour, day and month (in the city's time zone) of what happened.
DROP TABLE unit_hourly_counts;
CREATE TABLE unit_counters (
    unit_code    text        NOT NULL,
    period       text        NOT NULL CHECK (period IN ('hour', 'day', 'month')),
    period_start timestamptz NOT NULL,
    metric       text        NOT NULL,
    value        bigint      NOT NULL,
    PRIMARY KEY (unit_code, period, period_start, metric)
);

-- The monthly assessment (三率四类), one snapshot per month, kept across months.
CREATE TABLE monthly_assessments (
    month             date             NOT NULL,
    unit_code         text             NOT NULL,
    unit_name         text             NOT NULL,
    tier              text             NOT NULL CHECK (tier IN ('township', 'district', 'department', 'enterprise')),
    dispatched        integer          NOT NULL,
    signed_in_time    integer          NOT NULL,
    resolved          integer          NOT NULL,
    resolved_on_time  integer          NOT NULL,
    visited           integer          NOT NULL,
    solved            integer          NOT NULL,
    satisfied         integer          NOT NULL,
    sent_back         integer          NOT NULL,
    reopened          integer          NOT NULL,
    overdue           integer          NOT NULL,
    excluded          integer          NOT NULL,
    response_rate     double precision,
    resolution_rate   double precision,
    satisfaction_rate double precision,
    score             double precision,
    rank              integer,
    class             text CHECK (class IN ('advanced', 'rectification', 'progressing', 'governance')),
    send_back_rate    double precision,
    reopen_rate       double precision,
    on_time_rate      double precision,
    computed_at       timestamptz      NOT NULL,
    PRIMARY KEY (month, unit_code)
);
CREATE INDEX monthly_assessments_rank ON monthly_assessments (month, tier, rank);

-- The assessment policy (weights, class sizes), from Schemas/policy/assessment.csv.
CREATE TABLE assessment_policy (
    key   text PRIMARY KEY,
    value text NOT NULL
);
