-- First-responsible unit (首接负责): the first street, township, department or enterprise a ticket
-- was dispatched to (a hub, the center or a sub-center, is not one), kept whatever re-dispatches
-- follow, so that "一张工单管到底" can be followed and counted.
ALTER TABLE tickets ADD COLUMN first_responsible_unit text;
