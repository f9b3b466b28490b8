-- 0006: one full-text index over the library: interviews (company, position), notes and transcript segments.
--
-- FTS5 with the trigram tokenizer matches any substring of three characters or more, so Japanese (no spaces
-- between words) works like English; it folds case.  Every document is indexed with two newlines appended:
-- then each one- or two-character substring begins some indexed trigram, which core/search.py expands through
-- search_vocab into an OR of those trigrams (面接 -> "面接の" OR "面接官" OR ...).
--
-- The rowid says where a document belongs, so no content is read to filter or order the hits:
--     rowid = interview_id << 40 | local,  local = segment_id << 2 | 1   (a transcript segment)
--                                                    2                     (the interview's notes)
--                                                    3                     (company and position)
-- Only the newest transcript of each recording is indexed (re-transcriptions supersede older ones);
-- transcripts of files outside the library (recording_id NULL) are not indexed.  Corrections replace
-- Whisper's text.
--
-- Triggers on every insert, update and delete put the documents concerned in search_queue; the search
-- (SearchIndex.sync) re-indexes the queued documents in one statement before it reads.  FTS5 writes its
-- pending terms out as a new index segment at every statement inside a trigger, so indexing row by row
-- would make saving an hour-long transcript 100 times slower and fragment the index.  On cascaded deletes
-- SQLite removes a parent row before its children's triggers run, so each parent queues its own documents
-- before it goes.
CREATE VIRTUAL TABLE search_index USING fts5(body, tokenize = 'trigram');
CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_index, 'row');
-- Index rows to re-compute.  Not unique: a conflict clause in a trigger gives way to the outer statement's
-- (an upsert's), so duplicates are simply allowed and read with DISTINCT.
CREATE TABLE search_queue (doc INTEGER NOT NULL);

-- The indexed segments: those of the newest transcript of each recording, latest in (created_at, id)
-- order as in TranscriptStore.latest_for_recording.
CREATE VIEW search_newest_segments AS
SELECT (r.interview_id << 40) | (s.id << 2) | 1 AS doc,
       COALESCE(s.corrected_text, s.text) AS body,
       s.id AS segment_id, t.id AS transcript_id
FROM segments s
JOIN transcripts t ON t.id = s.transcript_id
JOIN recordings r ON r.id = t.recording_id
WHERE NOT EXISTS (
    SELECT 1 FROM transcripts o
    WHERE o.recording_id = t.recording_id
      AND (o.created_at > t.created_at OR (o.created_at = t.created_at AND o.id > t.id)));

-- Every segment of a recording's transcripts (which one is the newest may change).
CREATE VIEW search_recording_segments AS
SELECT (r.interview_id << 40) | (s.id << 2) | 1 AS doc, r.id AS recording_id, t.id AS transcript_id
FROM recordings r
JOIN transcripts t ON t.recording_id = r.id
JOIN segments s ON s.transcript_id = t.id;

-- interviews --
CREATE TRIGGER search_interview_insert AFTER INSERT ON interviews
BEGIN
    INSERT INTO search_queue VALUES ((NEW.id << 40) | 3);
END;

CREATE TRIGGER search_interview_update AFTER UPDATE OF company, position ON interviews
BEGIN
    INSERT INTO search_queue VALUES ((NEW.id << 40) | 3);
END;

CREATE TRIGGER search_interview_delete BEFORE DELETE ON interviews
BEGIN
    INSERT INTO search_queue
    SELECT rowid FROM search_index WHERE rowid >= (OLD.id << 40) AND rowid < ((OLD.id + 1) << 40);
END;

-- notes --
CREATE TRIGGER search_notes_insert AFTER INSERT ON notes
BEGIN
    INSERT INTO search_queue VALUES ((NEW.interview_id << 40) | 2);
END;

CREATE TRIGGER search_notes_update AFTER UPDATE OF body ON notes
BEGIN
    INSERT INTO search_queue VALUES ((NEW.interview_id << 40) | 2);
END;

CREATE TRIGGER search_notes_delete AFTER DELETE ON notes
BEGIN
    INSERT INTO search_queue VALUES ((OLD.interview_id << 40) | 2);
END;

-- recordings, transcripts, segments --
CREATE TRIGGER search_recording_delete BEFORE DELETE ON recordings
BEGIN
    INSERT INTO search_queue SELECT doc FROM search_recording_segments WHERE recording_id = OLD.id;
END;

CREATE TRIGGER search_recording_update AFTER UPDATE OF interview_id ON recordings
BEGIN
    INSERT INTO search_queue SELECT (OLD.interview_id << 40) | (s.id << 2) | 1
    FROM transcripts t JOIN segments s ON s.transcript_id = t.id WHERE t.recording_id = OLD.id;
    INSERT INTO search_queue SELECT doc FROM search_recording_segments WHERE recording_id = NEW.id;
END;

CREATE TRIGGER search_transcript_update AFTER UPDATE OF recording_id, created_at ON transcripts
BEGIN
    INSERT INTO search_queue SELECT (r.interview_id << 40) | (s.id << 2) | 1
    FROM recordings r JOIN segments s ON s.transcript_id = OLD.id WHERE r.id = OLD.recording_id;
    INSERT INTO search_queue SELECT doc FROM search_recording_segments
    WHERE recording_id IN (OLD.recording_id, NEW.recording_id);
END;

CREATE TRIGGER search_transcript_insert AFTER INSERT ON transcripts WHEN NEW.recording_id IS NOT NULL
BEGIN
    INSERT INTO search_queue SELECT doc FROM search_recording_segments WHERE recording_id = NEW.recording_id;
END;

CREATE TRIGGER search_transcript_delete BEFORE DELETE ON transcripts WHEN OLD.recording_id IS NOT NULL
BEGIN
    INSERT INTO search_queue SELECT doc FROM search_recording_segments WHERE recording_id = OLD.recording_id;
END;

CREATE TRIGGER search_segment_insert AFTER INSERT ON segments
BEGIN
    INSERT INTO search_queue SELECT (r.interview_id << 40) | (NEW.id << 2) | 1
    FROM transcripts t JOIN recordings r ON r.id = t.recording_id WHERE t.id = NEW.transcript_id;
END;

CREATE TRIGGER search_segment_update AFTER UPDATE OF text, corrected_text ON segments
BEGIN
    INSERT INTO search_queue SELECT (r.interview_id << 40) | (NEW.id << 2) | 1
    FROM transcripts t JOIN recordings r ON r.id = t.recording_id WHERE t.id = NEW.transcript_id;
END;

CREATE TRIGGER search_segment_delete BEFORE DELETE ON segments
BEGIN
    INSERT INTO search_queue SELECT (r.interview_id << 40) | (OLD.id << 2) | 1
    FROM transcripts t JOIN recordings r ON r.id = t.recording_id WHERE t.id = OLD.transcript_id;
END;

-- what the library already holds --
INSERT INTO search_index (rowid, body)
SELECT (id << 40) | 3, company || char(10) || position || char(10, 10) FROM interviews;
INSERT INTO search_index (rowid, body)
SELECT (interview_id << 40) | 2, body || char(10, 10) FROM notes;
INSERT INTO search_index (rowid, body)
SELECT doc, body || char(10, 10) FROM search_newest_segments;
