-- 0013: the consent chain also records what happened to the recordings after permission was given:
-- a recording deleted ('deletion', with the id the recording had) or the permission withdrawn ('withdrawn').
-- Such a record holds no content, only what happened and when; it never allows recording.
-- Records saved before keep their kind 'consent' and their hashes (the kind enters the hash only when it
-- is not 'consent').
ALTER TABLE consent_records ADD COLUMN kind TEXT NOT NULL DEFAULT 'consent'
    CHECK (kind IN ('consent', 'deletion', 'withdrawn'));
ALTER TABLE consent_records ADD COLUMN recording_id INTEGER;  -- the deleted recording's id; no reference: it is gone
