-- 0007: the question bank (the user's own questions, tags, saved lists) and practice sessions.
-- Built-in questions live in resources/questions/questions.json; a question is referred to by
-- its key: "builtin:<id>" or "user:<practice_questions.id>".
CREATE TABLE practice_questions (
    id                   INTEGER PRIMARY KEY,
    text_ja              TEXT NOT NULL DEFAULT '',
    text_en              TEXT NOT NULL DEFAULT '',
    category             TEXT NOT NULL DEFAULT 'other',
    target_s             INTEGER NOT NULL DEFAULT 60 CHECK (target_s BETWEEN 10 AND 600),
    tips                 TEXT NOT NULL DEFAULT '',
    star                 INTEGER NOT NULL DEFAULT 0 CHECK (star IN (0, 1)),
    source_interview_id  INTEGER REFERENCES interviews (id) ON DELETE SET NULL,  -- noted in a real interview
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    CHECK (length(trim(text_ja)) > 0 OR length(trim(text_en)) > 0)
);

CREATE TABLE question_tags (
    question_key  TEXT NOT NULL,
    tag           TEXT NOT NULL CHECK (length(trim(tag)) > 0),
    PRIMARY KEY (question_key, tag)
);

CREATE TABLE question_lists (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    created_at  TEXT NOT NULL
);

CREATE TABLE question_list_items (
    list_id       INTEGER NOT NULL REFERENCES question_lists (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL CHECK (position >= 0),
    question_key  TEXT NOT NULL,
    PRIMARY KEY (list_id, position)
);

-- One practice session = one mock interview with one recording.
CREATE TABLE practice_sessions (
    id            INTEGER PRIMARY KEY,
    interview_id  INTEGER NOT NULL UNIQUE REFERENCES interviews (id) ON DELETE CASCADE,
    recording_id  INTEGER REFERENCES recordings (id) ON DELETE SET NULL,
    language      TEXT NOT NULL CHECK (language IN ('ja', 'en')),
    plan          TEXT NOT NULL DEFAULT '[]',  -- JSON: the question keys to ask, in order
    created_at    TEXT NOT NULL
);

-- Each answer's span in the session's recording (ms from the start of the audio file).
CREATE TABLE practice_answers (
    id             INTEGER PRIMARY KEY,
    session_id     INTEGER NOT NULL REFERENCES practice_sessions (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL CHECK (position >= 0),
    question_key   TEXT NOT NULL,
    question_text  TEXT NOT NULL,   -- as asked, kept even if the question is edited or deleted later
    category       TEXT NOT NULL DEFAULT 'other',
    target_s       INTEGER NOT NULL,
    start_ms       INTEGER NOT NULL CHECK (start_ms >= 0),
    end_ms         INTEGER NOT NULL CHECK (end_ms >= start_ms),
    self_review    TEXT NOT NULL DEFAULT '',
    UNIQUE (session_id, position)
);

CREATE INDEX practice_answers_by_question ON practice_answers (question_key);

-- Metrics of an answer computed from one transcript: a cache, rebuilt when missing.
CREATE TABLE practice_metrics (
    answer_id      INTEGER NOT NULL REFERENCES practice_answers (id) ON DELETE CASCADE,
    transcript_id  INTEGER NOT NULL REFERENCES transcripts (id) ON DELETE CASCADE,
    metrics        TEXT NOT NULL,   -- JSON
    created_at     TEXT NOT NULL,
    PRIMARY KEY (answer_id, transcript_id)
);
