-- 0004: transcripts with their segments and words, and each interview's transcription language.
CREATE TABLE transcripts (
    id            INTEGER PRIMARY KEY,
    recording_id  INTEGER REFERENCES recordings (id) ON DELETE CASCADE,  -- NULL: a file outside the library
    source        TEXT NOT NULL,            -- the audio file (relative to the recordings folder for a recording)
    language      TEXT NOT NULL DEFAULT '', -- used or detected; '' when no speech was found
    duration_ms   INTEGER NOT NULL DEFAULT 0 CHECK (duration_ms >= 0),
    model         TEXT NOT NULL,            -- the speech model's name or folder
    settings      TEXT NOT NULL DEFAULT '{}',  -- JSON of the TranscriptionSettings used
    created_at    TEXT NOT NULL,            -- ISO 8601 UTC
    problem       TEXT NOT NULL DEFAULT ''  -- JSON of a translatable message, '' when none
);

CREATE INDEX transcripts_by_recording ON transcripts (recording_id, created_at);

CREATE TABLE segments (
    id              INTEGER PRIMARY KEY,
    transcript_id   INTEGER NOT NULL REFERENCES transcripts (id) ON DELETE CASCADE,
    idx             INTEGER NOT NULL CHECK (idx >= 0),  -- order within the transcript
    start_ms        INTEGER NOT NULL,
    end_ms          INTEGER NOT NULL,
    text            TEXT NOT NULL,          -- what Whisper produced; never changed
    corrected_text  TEXT,                   -- the user's correction; NULL when none
    avg_logprob     REAL NOT NULL DEFAULT 0,
    no_speech_prob  REAL NOT NULL DEFAULT 0,
    flags           TEXT NOT NULL DEFAULT '',  -- comma-separated SegmentFlag values
    UNIQUE (transcript_id, idx)
);

CREATE TABLE words (
    id           INTEGER PRIMARY KEY,
    segment_id   INTEGER NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
    start_ms     INTEGER NOT NULL,
    end_ms       INTEGER NOT NULL,
    text         TEXT NOT NULL,
    probability  REAL NOT NULL DEFAULT 0
);

CREATE INDEX words_by_segment ON words (segment_id);

CREATE TABLE transcription_languages (
    interview_id  INTEGER PRIMARY KEY REFERENCES interviews (id) ON DELETE CASCADE,
    language      TEXT NOT NULL CHECK (language IN ('ja', 'en', ''))  -- '' : detect automatically
);
