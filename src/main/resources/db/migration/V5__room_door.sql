-- Sessions whose room door scans badges, and who came: a no-show's seat can go to someone waiting
-- who is in the building.
ALTER TABLE programme_session ADD COLUMN door_scan BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE booking ADD COLUMN attended_at TIMESTAMP WITH TIME ZONE;
