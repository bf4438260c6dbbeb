-- Governance tasks (每月一题): a problem the annual screening put forward (a catalog leaf),
-- adopted by an administrator as a task for a lead department or enterprise with its
-- co-departments, measures and the months it runs. The lead reports progress once a month
-- (a report of a month may be corrected; the correction replaces it and keeps the first time).
CREATE TABLE governance_tasks (
    id             uuid        PRIMARY KEY,
    screening_year integer     NOT NULL,
    leaf_code      text        NOT NULL,
    title          text        NOT NULL,
    lead_unit      text        NOT NULL REFERENCES org_units (code),
    co_units       text[]      NOT NULL DEFAULT '{}',
    measures       text[]      NOT NULL,
    first_month    date        NOT NULL CHECK (extract(day FROM first_month) = 1),
    last_month     date        NOT NULL CHECK (extract(day FROM last_month) = 1 AND last_month >= first_month),
    adopted_by     text        NOT NULL,
    adopted_at     timestamptz NOT NULL
);
CREATE INDEX governance_tasks_lead ON governance_tasks (lead_unit);
COMMENT ON TABLE governance_tasks IS 'Problems adopted for governance (每月一题): the leaf, the lead and co-departments, the measures and the months the task runs.';

CREATE TABLE governance_task_progress (
    task_id      uuid        NOT NULL REFERENCES governance_tasks (id),
    month        date        NOT NULL CHECK (extract(day FROM month) = 1),
    status       text        NOT NULL CHECK (status IN ('on_schedule', 'behind', 'completed')),
    summary      text        NOT NULL,
    reported_by  text        NOT NULL,
    first_reported_at timestamptz NOT NULL,
    reported_at  timestamptz NOT NULL,
    PRIMARY KEY (task_id, month)
);
COMMENT ON TABLE governance_task_progress IS 'The lead department''s monthly progress report on a governance task, one per task and month.';
