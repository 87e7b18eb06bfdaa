-- When a mail's last attempt failed: the organisers' message gives the latest failure, which the next try's time does
-- not tell (a mail refused for hours is tried again the furthest off). A failure recorded before this column counts
-- from the mail's creation.
ALTER TABLE outbox_mail ADD COLUMN last_failed_at TIMESTAMP WITH TIME ZONE;
UPDATE outbox_mail SET last_failed_at = created_at WHERE attempts > 0;
