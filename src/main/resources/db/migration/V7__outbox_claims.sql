-- The outbox is claimed by batches: a worker marks up to 50 due mails with its own token in one
-- statement, then reads back those that carry it (another instance may have taken some first).
ALTER TABLE outbox_mail ADD COLUMN claim_token VARCHAR(36);
CREATE INDEX outbox_claim ON outbox_mail (claim_token);
