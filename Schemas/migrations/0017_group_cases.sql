-- Group requests become cases (群体诉求): open while their tickets are handled, joined by later
-- matching tickets while open, resolved jointly (POST /group-cases/{id}/resolve) when no linked
-- ticket remains unresolved. The district is the township's, whose sub-center is told of the case.
ALTER TABLE group_requests
    ADD COLUMN state         text        NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'resolved')),
    ADD COLUMN district_code text,
    ADD COLUMN resolved_at   timestamptz;
UPDATE group_requests g SET district_code = o.district_code FROM org_units o WHERE o.code = g.township_code;
UPDATE group_requests g SET state = 'resolved', resolved_at = g.last_at
WHERE NOT EXISTS (
    SELECT 1 FROM tickets t
    WHERE t.group_request_id = g.id AND t.state NOT IN ('resolved', 'closed', 'answered_directly'));
CREATE INDEX group_requests_open_cases ON group_requests (leaf_code, township_code) WHERE state = 'open';
CREATE INDEX group_requests_listing ON group_requests (detected_at DESC, id DESC);
CREATE INDEX tickets_group_request ON tickets (group_request_id) WHERE group_request_id IS NOT NULL;
COMMENT ON COLUMN group_requests.state IS 'open while a linked ticket is unresolved; resolved when none is.';
CREATE OR REPLACE VIEW analytics.group_requests AS
SELECT id, leaf_code, township_code, first_at, last_at, ticket_count, detected_at, state, district_code, resolved_at
FROM public.group_requests;
COMMENT ON VIEW analytics.group_requests IS 'Group cases (10+ on one leaf in one township within 24 hours, joined by later ones while open), open or resolved.';
