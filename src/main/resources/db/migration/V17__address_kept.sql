-- The relay's answer "my address is right" to the question their page asks of an address one keystroke
-- from a common provider's (tree.fr, free.fr's neighbour, is a real domain): the page no longer asks it.
-- A new address clears it, and the question is asked of the new one if it applies.
ALTER TABLE registration ADD COLUMN address_kept BOOLEAN DEFAULT FALSE NOT NULL;
