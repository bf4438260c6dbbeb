-- Time limits per tier, the city's default (district_code '') and districts' own; loaded from
-- Schemas/policy/time_limits.csv by `hotline migrate`.
CREATE TABLE sla_policies (
    district_code         text             NOT NULL DEFAULT '',
    tier                  text             NOT NULL CHECK (tier IN ('E', 'L', 'G', 'C')),
    sign_for_minutes      double precision NOT NULL,
    assign_minutes        double precision NOT NULL,
    finish_minutes        double precision,
    reminder_percent      double precision NOT NULL,
    checkpoint_days       integer[]        NOT NULL DEFAULT '{}',
    progress_days         double precision,
    escalate_center_hours double precision NOT NULL,
    PRIMARY KEY (district_code, tier)
);

-- Durable timers: one row per reminder, deadline, checkpoint, whistle or escalation. Due
-- timers are claimed with FOR UPDATE SKIP LOCKED through the partial index, so a tick costs
-- what is due, not what is pending.
CREATE TABLE sla_timers (
    id            bigserial   PRIMARY KEY,
    ticket_id     uuid        NOT NULL,
    kind          text        NOT NULL,
    due_at        timestamptz NOT NULL,
    unit_code     text        NOT NULL,
    tier          text        NOT NULL,
    district_code text,
    state         text        NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'fired', 'cancelled')),
    created_at    timestamptz NOT NULL,
    settled_at    timestamptz
);
CREATE INDEX sla_timers_due ON sla_timers (due_at) WHERE state = 'pending';
CREATE INDEX sla_timers_ticket ON sla_timers (ticket_id) WHERE state = 'pending';

ALTER TABLE tickets
    ADD COLUMN overdue_at            timestamptz,
    ADD COLUMN supervision_level     text CHECK (supervision_level IN ('sub_center', 'center')),
    ADD COLUMN supervising_unit_code text;
ALTER TABLE ticket_deadlines ADD COLUMN sign_for_by timestamptz;

-- The simulated clock every service reads when HOTLINE_CLOCK=shared: simulated time runs from
-- simulated_anchor at `speed` times real time since real_anchor. No row: real time.
CREATE TABLE simulation_clock (
    singleton        boolean          PRIMARY KEY DEFAULT true CHECK (singleton),
    real_anchor      timestamptz      NOT NULL,
    simulated_anchor timestamptz      NOT NULL,
    speed            double precision NOT NULL CHECK (speed > 0)
);
-- At most one pending timer of each kind per ticket (two overdue steps start one escalation).
CREATE UNIQUE INDEX sla_timers_pending_kind ON sla_timers (ticket_id, kind) WHERE state = 'pending';
