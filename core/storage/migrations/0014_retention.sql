-- 0014: retention (core.retention). A recording the user marked "keep" is never deleted automatically; and
-- when its automatic deletion was first announced to the user (the notice in Upcoming, or `main.py retention`):
-- nothing is deleted automatically before it was announced, and not before the notice has stood for the
-- notice period. A practice recording's audio can go on its own (its transcripts and metrics stay): when.
ALTER TABLE recordings ADD COLUMN keep INTEGER NOT NULL DEFAULT 0 CHECK (keep IN (0, 1));
ALTER TABLE recordings ADD COLUMN retention_notice_at TEXT;  -- UTC, ISO 8601; NULL: never announced
ALTER TABLE recordings ADD COLUMN audio_deleted_at TEXT;  -- UTC, ISO 8601; NULL: the audio is there
