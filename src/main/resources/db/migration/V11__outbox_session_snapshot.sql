-- What a mail says of its session (title, day, times), kept with the mail: a session deleted before
-- the mail goes (a workshop cancelled) is still named in the mail that tells its relays.
ALTER TABLE outbox_mail ADD COLUMN session_title VARCHAR(300);
ALTER TABLE outbox_mail ADD COLUMN session_date DATE;
ALTER TABLE outbox_mail ADD COLUMN session_starts_at TIME;
ALTER TABLE outbox_mail ADD COLUMN session_ends_at TIME;
UPDATE outbox_mail SET
    session_title = (SELECT s.title FROM programme_session s WHERE s.id = outbox_mail.session_id),
    session_date = (SELECT s.session_date FROM programme_session s WHERE s.id = outbox_mail.session_id),
    session_starts_at = (SELECT s.starts_at FROM programme_session s WHERE s.id = outbox_mail.session_id),
    session_ends_at = (SELECT s.ends_at FROM programme_session s WHERE s.id = outbox_mail.session_id)
WHERE session_id IS NOT NULL;
