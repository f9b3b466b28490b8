-- 0009: who spoke. A two-track recording (an online interview: the microphone and the call's sound) gives
-- segments said by 'me' or by 'interviewer'; NULL for a recording with one voice track.
ALTER TABLE segments ADD COLUMN speaker TEXT;

-- The names the user gave a recording's speakers in the transcript window (otherwise: the interview's
-- interviewers, or "Interviewer" / "Me" in the user's language).
CREATE TABLE speaker_names (
    recording_id  INTEGER NOT NULL REFERENCES recordings (id) ON DELETE CASCADE,
    speaker       TEXT NOT NULL,
    name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
    PRIMARY KEY (recording_id, speaker)
);
