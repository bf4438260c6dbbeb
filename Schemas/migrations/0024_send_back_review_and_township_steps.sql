-- A send-back (退单) is a request within the policy's window after dispatch: the unit keeps the
-- ticket until the district's sub-center (or the center) agrees, and the ticket goes to it for
-- re-dispatch, or refuses, with its reason. The township's own steps (签批, 双派单, the
-- community's report back) get time limits of their own, as policy data. Additive only.
ALTER TABLE tickets
    ADD COLUMN send_back_state         text CHECK (send_back_state IN ('requested', 'approved', 'refused')),
    ADD COLUMN send_back_reason        text,
    ADD COLUMN send_back_review_reason text,
    ADD COLUMN reported_back_at        timestamptz;
COMMENT ON COLUMN tickets.send_back_state IS 'The lead unit''s latest send-back request: requested, approved (the ticket went to the hub) or refused (the unit keeps it).';
COMMENT ON COLUMN tickets.reported_back_at IS 'When the community the ticket was sent down to first reported back (a grid worker''s progress).';

ALTER TABLE sla_policies
    ADD COLUMN send_back_minutes     double precision,
    ADD COLUMN sign_off_minutes      double precision,
    ADD COLUMN dispatch_down_minutes double precision,
    ADD COLUMN report_back_minutes   double precision;
