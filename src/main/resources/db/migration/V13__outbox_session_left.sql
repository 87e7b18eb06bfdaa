-- The session a relay was moved out of (title, day, times), named in the mail that tells them of the
-- move; the session they were moved to is the mail's own.
ALTER TABLE outbox_mail ADD COLUMN left_session_title VARCHAR(300);
ALTER TABLE outbox_mail ADD COLUMN left_session_date DATE;
ALTER TABLE outbox_mail ADD COLUMN left_session_starts_at TIME;
ALTER TABLE outbox_mail ADD COLUMN left_session_ends_at TIME;
