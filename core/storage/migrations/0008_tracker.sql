-- 0008: the tracker: interview details, follow-up tasks and each company's timeline (issue 7).

-- How the application came about and where the interview takes place.
ALTER TABLE interviews ADD COLUMN channel TEXT NOT NULL DEFAULT 'direct'
    CHECK (channel IN ('direct', 'agent', 'referral', 'part_time'));
ALTER TABLE interviews ADD COLUMN agent_name TEXT NOT NULL DEFAULT '';
ALTER TABLE interviews ADD COLUMN agent_contact TEXT NOT NULL DEFAULT '';
ALTER TABLE interviews ADD COLUMN contact_name TEXT NOT NULL DEFAULT '';
ALTER TABLE interviews ADD COLUMN contact_email TEXT NOT NULL DEFAULT '';
ALTER TABLE interviews ADD COLUMN duration_min INTEGER
    CHECK (duration_min IS NULL OR duration_min BETWEEN 1 AND 1440);
ALTER TABLE interviews ADD COLUMN place TEXT NOT NULL DEFAULT '';
ALTER TABLE interviews ADD COLUMN interviewers TEXT NOT NULL DEFAULT '';
-- The UTC offset starts_at was entered with (its local time); NULL for older rows: shown as UTC.
ALTER TABLE interviews ADD COLUMN starts_offset_min INTEGER;

CREATE TABLE followups (
    id            INTEGER PRIMARY KEY,
    interview_id  INTEGER NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
    kind          TEXT NOT NULL,
    due_at        TEXT NOT NULL,   -- ISO 8601 with the interview's offset
    state         TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'dismissed', 'closed')),
    snoozed_until TEXT,
    created_at    TEXT NOT NULL,
    done_at       TEXT,            -- when it was done, dismissed or closed
    notified_at   TEXT,            -- the last desktop notification
    note          TEXT NOT NULL DEFAULT '',
    window_end    TEXT,            -- missed calls: the end of the calling window
    missed_at     TEXT,            -- missed calls: when the company called (the first of them)
    count         INTEGER NOT NULL DEFAULT 1 CHECK (count >= 1),   -- missed calls folded into this task
    attempts      INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0) -- call-backs tried without reaching anyone
);

CREATE INDEX followups_open ON followups (state, due_at);
CREATE INDEX followups_by_interview ON followups (interview_id);

CREATE TABLE interview_events (
    id            INTEGER PRIMARY KEY,
    interview_id  INTEGER NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
    at            TEXT NOT NULL,   -- ISO 8601 UTC
    kind          TEXT NOT NULL,
    detail        TEXT NOT NULL DEFAULT '{}'  -- JSON parameters of the event's sentence
);

CREATE INDEX interview_events_by_interview ON interview_events (interview_id, at);
