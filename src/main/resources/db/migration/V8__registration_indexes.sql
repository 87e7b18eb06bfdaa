-- registration_edition (edition_id, status) is the beginning of registration_badge_order
-- (edition_id, status, sort_last, sort_first), which serves the same look-ups: one index less to
-- keep up to date on every registration and every check-in.
DROP INDEX registration_edition;
