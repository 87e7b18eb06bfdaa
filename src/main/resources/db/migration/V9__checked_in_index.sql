-- No query reads registration_checked_in (edition_id, checked_in_at): the live counts read every
-- confirmed registration of the edition through registration_badge_order. Yet every check-in had
-- to move its entry, and on PostgreSQL an indexed column changed keeps the update from being a
-- heap-only one.
DROP INDEX registration_checked_in;
