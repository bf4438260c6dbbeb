-- Personal data has one home: callers' names and phone numbers stay in public.tickets. What
-- analysts read is masked by the services (PersonalDataMask, in Swift, the one place that
-- masks); PostgreSQL only stores what they computed.
ALTER TABLE tickets
    ADD COLUMN caller_name_masked  text,
    ADD COLUMN caller_phone_masked text,
    ADD COLUMN request_text_masked text;
COMMENT ON COLUMN tickets.caller_name_masked IS 'The caller''s name as PersonalDataMask.name left it (first character).';
COMMENT ON COLUMN tickets.caller_phone_masked IS 'The caller''s phone as PersonalDataMask.phone left it (mobile: first 3 and last 4 digits; other numbers: last 4).';
COMMENT ON COLUMN tickets.request_text_masked IS 'The request with phone numbers, ID card numbers and the caller''s name masked (PersonalDataMask.text).';
-- Tickets recorded before this migration are masked by `hotline migrate` (PersonalDataBackfill).
CREATE INDEX tickets_unmasked ON tickets (id) WHERE request_text_masked IS NULL;

-- Events recorded from here on carry no caller data and mask their free text; those recorded
-- before may carry both. The first history position of the masked events:
CREATE TABLE personal_data_masking (
    history_masked_from bigint NOT NULL,
    single_row          boolean NOT NULL DEFAULT true PRIMARY KEY CHECK (single_row)
);
INSERT INTO personal_data_masking (history_masked_from)
SELECT COALESCE(max(position), 0) + 1 FROM ticket_history;
COMMENT ON TABLE personal_data_masking IS 'From which ticket_history position events carry masked free text and no caller data.';

DROP VIEW analytics.tickets;
CREATE VIEW analytics.tickets AS
SELECT id, number, state, channel, type, caller_name_masked AS caller_name, caller_phone_masked AS caller_phone,
       place_text, request_text_masked, level1_code, level2_code, category_code, urgency, classification_confidence,
       classification_method, district_code, township_code, unit_code, co_unit_codes, dispatch_reason, repeat_of,
       group_request_id, send_back_count, reopen_count, exclusion_state, overdue_at, supervision_level,
       supervising_unit_code, resolved_at, visit_solved, visit_satisfaction, visited_at, received_at, updated_at
FROM public.tickets;
COMMENT ON VIEW analytics.tickets IS 'Every ticket with its classification, unit, handling and return visit; caller name, phone and the request text masked (NULL until masked).';

-- Received events show the ticket's masked text and never the caller; free text of events
-- recorded before masking began (notes, reasons, feedback, answers) is left out.
CREATE OR REPLACE VIEW analytics.events AS
SELECT h.event_id, h.ticket_id, h.event_type, h.occurred_at, h.producer,
       CASE
           WHEN h.event_type = 'ticket.received' THEN
               jsonb_set(
                   h.body->'payload' #- '{request,caller_name}' #- '{request,caller_phone}', '{request,text}',
                   COALESCE(to_jsonb((SELECT t.request_text_masked FROM public.tickets t WHERE t.id = h.ticket_id)), 'null'::jsonb))
           WHEN h.position < COALESCE((SELECT history_masked_from FROM public.personal_data_masking), 9223372036854775807) THEN
               h.body->'payload' #- '{note}' #- '{reason}' #- '{feedback_to_caller}' #- '{feedback_to_center}' #- '{answer}'
           ELSE h.body->'payload'
       END AS payload
FROM public.ticket_history h;
COMMENT ON VIEW analytics.events IS 'Every event of every ticket (received, classified, dispatched, handled, SLA timers ...), payload as JSON. No caller name or phone; free text masked (use analytics.tickets for the masked caller).';

DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'hotline_analyst') THEN
        GRANT USAGE ON SCHEMA analytics TO hotline_analyst;
        GRANT SELECT ON ALL TABLES IN SCHEMA analytics TO hotline_analyst;
    END IF;
END
$$;
