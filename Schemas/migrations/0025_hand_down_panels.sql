-- A hand-down (下交群评) names its panel: the members by role (elders, lawyers, residents'
-- representatives, judicial officers, mediators), when it sits, and once it has sat its outcome.
-- Additive only.
ALTER TABLE tickets
    ADD COLUMN hand_down_members    jsonb,
    ADD COLUMN hand_down_sitting_at timestamptz,
    ADD COLUMN hand_down_outcome    text,
    ADD COLUMN hand_down_outcome_at timestamptz;
COMMENT ON COLUMN tickets.hand_down_members IS 'The hand-down panel''s members: [{"name", "role"}], role one of elder, lawyer, residents_representative, judicial_officer, mediator.';
