-- The analysts' view of the data: documented views with callers' names and phone numbers
-- masked, in their own schema. The role hotline_analyst may read this schema and nothing else;
-- give analysts login roles that are members of it (GRANT hotline_analyst TO alice).
CREATE SCHEMA analytics;
COMMENT ON SCHEMA analytics IS 'Read-only views for analysts; personal data of callers is masked.';

CREATE VIEW analytics.tickets AS
SELECT id, number, state, channel, type,
       CASE WHEN caller_name IS NULL THEN NULL ELSE left(caller_name, 1) || '**' END AS caller_name,
       CASE WHEN caller_phone IS NULL THEN NULL ELSE left(caller_phone, 3) || '****' || right(caller_phone, 4) END AS caller_phone,
       place_text, request_text, level1_code, level2_code, category_code, urgency, classification_confidence, classification_method,
       district_code, township_code, unit_code, co_unit_codes, dispatch_reason, repeat_of, group_request_id, send_back_count,
       reopen_count, exclusion_state, overdue_at, supervision_level, supervising_unit_code, resolved_at, visit_solved,
       visit_satisfaction, visited_at, received_at, updated_at
FROM public.tickets;
COMMENT ON VIEW analytics.tickets IS 'Every ticket with its classification, unit, handling and return visit; caller name and phone masked.';

CREATE VIEW analytics.events AS
SELECT event_id, ticket_id, event_type, occurred_at, producer, body->'payload' AS payload
FROM public.ticket_history;
COMMENT ON VIEW analytics.events IS 'Every event of every ticket (received, classified, dispatched, handled, SLA timers ...), payload as JSON. Received events carry the request, including the caller; use analytics.tickets for caller data.';

CREATE VIEW analytics.units AS
SELECT code, name, kind, specialty, district_code, parent_code FROM public.org_units;
COMMENT ON VIEW analytics.units IS 'The center, sub-centers, townships, departments and enterprises.';

CREATE VIEW analytics.catalog AS
SELECT code, parent_code, level, name, responsible, default_urgency FROM public.catalog_entries;
COMMENT ON VIEW analytics.catalog IS 'The three-level dispatch catalog.';

CREATE VIEW analytics.divisions AS
SELECT code, parent_code, tier, name FROM public.divisions;
COMMENT ON VIEW analytics.divisions IS 'Beijing''s districts and townships.';

CREATE VIEW analytics.monthly_scores AS
SELECT * FROM public.monthly_assessments;
COMMENT ON VIEW analytics.monthly_scores IS 'Each month''s assessment (三率四类) per unit: counts, three rates, score, rank, class; one snapshot per month.';

CREATE VIEW analytics.daily_counts AS
SELECT (received_at AT TIME ZONE 'Asia/Shanghai')::date AS day, district_code, township_code, level1_code, channel, type, count(*) AS tickets
FROM public.tickets GROUP BY 1, 2, 3, 4, 5, 6;
COMMENT ON VIEW analytics.daily_counts IS 'Tickets received per Beijing day by place, first-level category, channel and type.';

CREATE VIEW analytics.group_requests AS
SELECT id, leaf_code, township_code, first_at, last_at, ticket_count, detected_at FROM public.group_requests;
COMMENT ON VIEW analytics.group_requests IS 'Group requests (10+ on one leaf in one township within 24 hours).';

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'hotline_analyst')
       AND (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user) THEN
        -- Roles belong to the whole cluster: a migrator of another database may create it first.
        BEGIN
            CREATE ROLE hotline_analyst NOLOGIN;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL;
        END;
    END IF;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'hotline_analyst') THEN
        GRANT USAGE ON SCHEMA analytics TO hotline_analyst;
        -- The tables behind the views grant nothing to PUBLIC, so the views are all it reads.
        GRANT SELECT ON ALL TABLES IN SCHEMA analytics TO hotline_analyst;
    END IF;
END
$$;
