-- 0002: consent records, append-only and hash-chained per interview.
CREATE TABLE consent_records (
    id            INTEGER PRIMARY KEY,
    interview_id  INTEGER NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
    purpose       TEXT NOT NULL CHECK (purpose IN ('real', 'mock', 'imported')),
    answer        TEXT NOT NULL CHECK (answer IN ('agreed', 'declined')),
    who           TEXT NOT NULL,
    method        TEXT NOT NULL CHECK (method IN ('in_person', 'online', 'written', 'email', 'platform', 'self')),
    asked_at      TEXT NOT NULL,   -- ISO 8601 UTC: when permission was asked
    request_text  TEXT NOT NULL DEFAULT '',
    note          TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,   -- ISO 8601 UTC: when the record was saved
    prev_hash     TEXT NOT NULL,   -- hash of the interview's previous record (or its genesis value)
    hash          TEXT NOT NULL UNIQUE
);

CREATE INDEX consent_by_interview ON consent_records (interview_id, id);

-- Records are never edited; they go only together with their interview.
CREATE TRIGGER consent_records_no_update BEFORE UPDATE ON consent_records
BEGIN
    SELECT RAISE(ABORT, 'consent records are append-only');
END;

CREATE TRIGGER consent_records_no_delete BEFORE DELETE ON consent_records
WHEN EXISTS (SELECT 1 FROM interviews WHERE id = OLD.interview_id)
BEGIN
    SELECT RAISE(ABORT, 'consent records are append-only');
END;
