-- Recurring problems (未诉先办): a catalog leaf that kept coming back in one township
-- (RecurrenceDetector), found by the scan that runs with each week's scheduled report and
-- proposed to the township as a proactive task, with the evidence: the unusual weeks (their
-- first days), the requests in them and what the rest of the district led one to expect. A
-- place and leaf is proposed again only after a lookback's worth of weeks without a proposal.
CREATE TABLE recurring_problems (
    id            uuid             PRIMARY KEY,
    leaf_code     text             NOT NULL,
    township_code text             NOT NULL,
    district_code text             NOT NULL,
    week_start    date             NOT NULL,
    kind          text             NOT NULL CHECK (kind IN ('persistent', 'seasonal')),
    unusual_weeks date[]           NOT NULL,
    requests      integer          NOT NULL,
    expected      double precision NOT NULL,
    proposed_at   timestamptz      NOT NULL,
    UNIQUE (leaf_code, township_code, week_start)
);
CREATE INDEX recurring_problems_township ON recurring_problems (township_code, week_start);
CREATE INDEX recurring_problems_district ON recurring_problems (district_code, week_start);
COMMENT ON TABLE recurring_problems IS 'Problems found recurring in one township, proposed to it as proactive tasks (未诉先办) with the weeks, requests and expectation that showed them.';
