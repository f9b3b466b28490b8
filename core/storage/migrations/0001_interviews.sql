-- 0001: the interview library.
CREATE TABLE interviews (
    id          INTEGER PRIMARY KEY,
    company     TEXT NOT NULL CHECK (length(trim(company)) > 0),
    position    TEXT NOT NULL DEFAULT '',
    kind        TEXT NOT NULL CHECK (kind IN ('real', 'mock')),
    stage       TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN (
                    'scheduled', 'done', 'waiting', 'passed', 'rejected',
                    'offer', 'declined', 'cancelled', 'no_show')),
    starts_at   TEXT,            -- ISO 8601 with UTC offset, or NULL when not fixed yet
    created_at  TEXT NOT NULL,   -- ISO 8601 UTC
    updated_at  TEXT NOT NULL
);

CREATE INDEX interviews_by_start ON interviews (starts_at);
CREATE INDEX interviews_by_company ON interviews (company COLLATE NOCASE);
