-- 0003: recordings with their markers, and each interview's notes.
CREATE TABLE recordings (
    id              INTEGER PRIMARY KEY,
    interview_id    INTEGER NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
    consent_id      INTEGER NOT NULL REFERENCES consent_records (id) ON DELETE CASCADE,
    consent_hash    TEXT NOT NULL,      -- the permission this recording was made under
    file            TEXT NOT NULL UNIQUE, -- path relative to the recordings folder
    samplerate      INTEGER NOT NULL,
    channels        INTEGER NOT NULL,
    started_at      TEXT NOT NULL,
    ended_at        TEXT,
    duration_ms     INTEGER NOT NULL DEFAULT 0,
    state           TEXT NOT NULL CHECK (state IN ('recording', 'completed', 'interrupted', 'recovered')),
    problem         TEXT NOT NULL DEFAULT '',  -- JSON of a translatable message, '' when none
    dropped_frames  INTEGER NOT NULL DEFAULT 0,
    consent_clip_ms INTEGER NOT NULL DEFAULT 0 -- the first ms hold the spoken request and answer
);

CREATE INDEX recordings_by_interview ON recordings (interview_id, started_at);
CREATE INDEX recordings_by_state ON recordings (state);

CREATE TABLE markers (
    id            INTEGER PRIMARY KEY,
    recording_id  INTEGER NOT NULL REFERENCES recordings (id) ON DELETE CASCADE,
    at_ms         INTEGER NOT NULL CHECK (at_ms >= 0),
    label         TEXT NOT NULL DEFAULT ''
);

CREATE INDEX markers_by_recording ON markers (recording_id, at_ms);

CREATE TABLE notes (
    interview_id  INTEGER PRIMARY KEY REFERENCES interviews (id) ON DELETE CASCADE,
    body          TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL
);
