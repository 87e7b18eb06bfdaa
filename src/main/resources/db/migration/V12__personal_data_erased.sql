-- When a relay's personal data was erased: on request (the organiser's "erase"), or with the rest of
-- its edition once the retention time after the forum has passed (relais.privacy.retention-months).
-- The row stays, without name, contact, organisation or needs, so that the counts by sector, role and
-- session stay true.
ALTER TABLE registration ADD COLUMN anonymised_at TIMESTAMP WITH TIME ZONE;
-- When the edition's personal data went, all at once, after the retention time.
ALTER TABLE edition ADD COLUMN anonymised_at TIMESTAMP WITH TIME ZONE;
