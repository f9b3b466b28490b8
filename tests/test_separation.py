"""One microphone, two voices, after transcription (issue 14, items 2 and 7): the speech worker separates the
speakers, splits segments at each change, and the user says which voice is theirs."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from core.consent import ConsentAnswer, ConsentMethod, ConsentPurpose, ConsentRecord
from core.interviews import Interview, InterviewKind, utc_now
from core.library import Library
from core.ops import transcription as ops
from core.transcription.model import Segment, Transcript, TranscriptionSettings
from core.transcription.speakers import INTERVIEWER, ME, names
from tests.dialogue import closest_turn
from tests.diarization_corpus import LINES, conversation
from tests.test_cli import run_cli


@pytest.fixture
def library():
    with Library.open() as lib:
        yield lib


def _recording(library: Library, kind: InterviewKind):
    interview = library.interviews.add(Interview(company="Acme", kind=kind))
    consent = library.consent.add(ConsentRecord(
        interview_id=interview.stored_id, purpose=ConsentPurpose.REAL if kind is InterviewKind.REAL
        else ConsentPurpose.MOCK, answer=ConsentAnswer.AGREED, who="Ms. Smith" if kind is InterviewKind.REAL
        else "self", method=ConsentMethod.IN_PERSON if kind is InterviewKind.REAL else ConsentMethod.SELF,
        asked_at=utc_now()))
    return library.recordings.begin(consent, f"{interview.id}/take.wav", 48000, 1)


@pytest.mark.slow
@pytest.mark.parametrize("language", ["en", "ja"])
def test_transcribe_with_speakers_tells_the_two_voices_apart(tmp_path, built_base_model, language):
    talk = conversation(tmp_path, language, speakers=2)
    result = run_cli("transcribe", str(talk.path), "--model", str(built_base_model), "--language", language,
                     "--speakers", "2", "--format", "json", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    segments = [s for s in data["segments"] if len(s["text"].strip()) >= 4]
    assert segments and {s["speaker"] for s in segments} <= {"S1", "S2"}
    lines = tuple(("A" if voice == "C" else voice, text) for voice, text in LINES[language][:10])  # as spoken
    said: Counter[tuple[str, str]] = Counter()  # characters said, by (voice in the script, speaker found)
    for s in segments:
        said[closest_turn(s["text"], lines)[0], s["speaker"]] += len(s["text"])
    by_voice = {voice: max((n, speaker) for (v, speaker), n in said.items() if v == voice)[1]
                for voice in ("A", "B")}
    assert by_voice["A"] != by_voice["B"]  # the interviewer and the candidate are two speakers
    agreeing = sum(n for (voice, speaker), n in said.items() if by_voice[voice] == speaker)
    assert agreeing >= 0.85 * sum(said.values())  # a word or two at a change of speaker may go to the other
    expected = names(language)
    assert all(s["speaker_name"] == expected[s["speaker"]] for s in segments)  # "Speaker 1" / 話者1
    assert all(w["speaker"] == s["speaker"] for s in data["segments"] for w in s["words"])
    assert data["transcript"]["extra"]["speakers_found"] == 2


def test_speakers_must_be_a_small_number_or_auto(tmp_path):
    result = run_cli("transcribe", "x.wav", "--speakers", "many", tmp_path=tmp_path)
    assert result.returncode == 2 and "from 1 to 9, or auto" in result.stderr and "Traceback" not in result.stderr


def test_real_interviews_are_separated_by_default_and_practice_is_not(library, tmp_path):
    from core.transcription.service import TranscriptionService

    real, mock = _recording(library, InterviewKind.REAL), _recording(library, InterviewKind.MOCK)
    with TranscriptionService() as service:  # the files do not exist: each job fails at once, nothing is kept
        jobs = [ops.start(library, service, recording, TranscriptionSettings(), on_done=lambda outcome: None)
                for recording in (real, mock)]
        for job in jobs:
            job.cancel()
    assert [job.settings.separate for job in jobs] == [True, False]


def test_saying_which_voice_is_mine_makes_the_other_the_interviewer(library):
    recording = _recording(library, InterviewKind.REAL)
    segments = (Segment(0, 2000, "Tell me about yourself.").spoken_by("S1"),
                Segment(2500, 6000, "I build tools for support teams.").spoken_by("S2"),
                Segment(6500, 8000, "Why us?").spoken_by("S1"))
    library.transcripts.save(Transcript("x.wav", "en", 8000, TranscriptionSettings(), segments=segments,
                                        recording_id=recording.id))
    result = ops.identify_me(library, recording.id, "S2")
    assert [s.speaker for s in result.value.segments] == [INTERVIEWER, ME, INTERVIEWER]
    assert result.changes.transcripts == {recording.id}
    stored = library.transcripts.latest_for_recording(recording.id)
    assert stored is not None and [w.speaker for s in stored.segments for w in s.words] == []
    assert [s.speaker for s in stored.segments] == [INTERVIEWER, ME, INTERVIEWER]
    with pytest.raises(ValueError):
        ops.identify_me(library, recording.id, "S7")
