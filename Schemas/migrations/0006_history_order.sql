-- Events written in one transaction share their time; the order they were written in breaks ties.
ALTER TABLE ticket_history ADD COLUMN position bigint GENERATED ALWAYS AS IDENTITY;
DROP INDEX ticket_history_ticket;
CREATE INDEX ticket_history_ticket ON ticket_history (ticket_id, occurred_at, position);
