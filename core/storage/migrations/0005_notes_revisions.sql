-- 0005: every interview's note history, and the user's note templates.
-- The current text stays in notes.body; note_revisions keeps what it was.
-- Typing within a few minutes is coalesced into one revision; a template
-- insert or a restore always starts a new one, so nothing is ever lost.
CREATE TABLE note_revisions (
    id            INTEGER PRIMARY KEY,
    interview_id  INTEGER NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
    body          TEXT NOT NULL,
    reason        TEXT NOT NULL CHECK (reason IN ('edit', 'template', 'restore')),
    created_at    TEXT NOT NULL,   -- ISO 8601 UTC: first save of this revision
    saved_at      TEXT NOT NULL    -- ISO 8601 UTC: last save coalesced into it
);

CREATE INDEX note_revisions_by_interview ON note_revisions (interview_id, id);

-- Notes written before revisions existed become each interview's first revision.
INSERT INTO note_revisions (interview_id, body, reason, created_at, saved_at)
    SELECT interview_id, body, 'edit', updated_at, updated_at FROM notes WHERE body != '';

-- Built-in templates ship in resources/note_templates; a row with a builtin
-- key is the user's edited version of it, a row without one is their own.
CREATE TABLE note_templates (
    id          INTEGER PRIMARY KEY,
    builtin     TEXT CHECK (builtin IS NULL OR builtin IN ('recall', 'declined', 'mock_review')),
    language    TEXT NOT NULL CHECK (language IN ('ja', 'en')),
    name        TEXT NOT NULL DEFAULT '',
    body        TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    UNIQUE (builtin, language)
);
