-- Why a mail's last attempt failed, as a kind (SendFailure: TIMEOUT, REFUSED, LOGIN, RECIPIENT, ...), so that the
-- organisers read it in their language; last_error keeps the mail client's own words as the detail. Null for a
-- failure recorded before this column, read as OTHER.
ALTER TABLE outbox_mail ADD COLUMN failure_kind VARCHAR(20);
