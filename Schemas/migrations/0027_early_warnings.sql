-- Early warnings (预警): a first-level category whose requests in one district rose in the
-- window ending on `day` beyond what its baseline explains (EarlyWarningDetector), found by the
-- scan that runs with each day's scheduled report. One row per category, district and day;
-- the figures that raised it are kept with it.
CREATE TABLE early_warnings (
    id                uuid             PRIMARY KEY,
    category_code     text             NOT NULL,
    district_code     text             NOT NULL,
    day               date             NOT NULL,
    window_days       integer          NOT NULL,
    observed          integer          NOT NULL,
    expected          double precision NOT NULL,
    probability       double precision NOT NULL,
    baseline          text             NOT NULL CHECK (baseline IN ('seasonal', 'trailing')),
    reference_windows integer          NOT NULL,
    raised_at         timestamptz      NOT NULL,
    UNIQUE (category_code, district_code, day)
);
CREATE INDEX early_warnings_district_day ON early_warnings (district_code, day);
COMMENT ON TABLE early_warnings IS 'Unusual rises of a first-level category in a district, with the window, baseline and figures that raised them.';

-- A warning reaches inboxes without being about one ticket.
ALTER TABLE inbox_items ALTER COLUMN ticket_id DROP NOT NULL;
