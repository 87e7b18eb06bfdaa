-- The guests', press, staff and organisers' badges an edition had, and how many of them came, kept
-- when the badges themselves are deleted with the edition's personal data after the retention time:
-- the door's counts of them stay true. Null until then.
ALTER TABLE edition ADD COLUMN erased_badges INTEGER;
ALTER TABLE edition ADD COLUMN erased_badges_checked_in INTEGER;
