"""Telling one microphone's voices apart again with another number of speakers, without transcribing again
(issue 14, item 2): the real speech worker, the real separation models, a real library."""

from __future__ import annotations

import os
import signal
import threading
from pathlib import Path

import pytest

from core.interviews import InterviewKind
from core.library import Library
from core.ops import Changes
from core.ops import separation as separation_ops
from core.ops import transcription as ops
from core.recording.files import call_track_path
from core.transcription.model import Segment, Transcript, TranscriptionSettings, Word
from core.transcription.reseparate import Separation, apply, rejoin
from core.transcription.service import TranscriptionCancelled, TranscriptionError, TranscriptionService
from core.transcription.speakers import INTERVIEWER, ME
from tests.separation_fixtures import stored, transcribed
from tests.test_cli import run_cli
from tests.test_separation import _recording

DEADLINE_S = 300


@pytest.fixture(scope="module")
def three_voices(tmp_path_factory, built_base_model):
    return transcribed(tmp_path_factory.mktemp("three_voices"), built_base_model)


@pytest.fixture
def library():
    with Library.open() as lib:
        yield lib


def _again(library, service, recording, speakers, on_progress=None):
    outcomes: list[object] = []
    done = threading.Event()

    def finished(outcome: object) -> None:
        outcomes.append(outcome)
        done.set()

    job = separation_ops.separate_again(library, service, recording, speakers, on_done=finished,
                                        on_progress=on_progress)
    return job, done, outcomes


def _finished(library, service, recording, speakers):
    job, done, outcomes = _again(library, service, recording, speakers)
    assert done.wait(DEADLINE_S), "the job never finished"
    (outcome,) = outcomes
    assert not isinstance(outcome, BaseException), outcome
    return job, outcome


def _words(transcript: Transcript) -> list[tuple[int, int, str]]:
    return [(w.start_ms, w.end_ms, w.text) for s in transcript.segments for w in s.words]


def _voices(transcript: Transcript) -> set[str]:
    return {s.speaker for s in transcript.segments if s.speaker is not None}


# -- the rules, on hand-made transcripts ---------------------------------------------------------------------


def _part(start: int, end: int, words: list[tuple[int, int, str]], speaker: str, origin: int | None,
          corrected: str | None = None) -> Segment:
    return Segment(start, end, "".join(t for _, _, t in words).strip(), avg_logprob=-0.2,
                   words=tuple(Word(a, b, t, 0.9) for a, b, t in words), corrected_text=corrected,
                   origin=origin).spoken_by(speaker)


QUESTION = [(0, 400, " Why"), (400, 800, " us?")]
ANSWER = [(1000, 1500, " Your"), (1500, 2000, " product"), (2000, 2600, " helps.")]


def _two_voices(corrected: str | None = None) -> Transcript:
    """One recognised segment (origin 0) that the first separation cut into the interviewer's and my part."""
    return Transcript("x.wav", "en", 3000, TranscriptionSettings(separate=True), segments=(
        _part(0, 800, QUESTION, INTERVIEWER, 0), _part(1000, 2600, ANSWER, ME, 0, corrected)))


def test_parts_of_one_recognised_segment_are_joined_then_cut_where_the_new_turns_say():
    joined = rejoin(_two_voices().segments)
    assert len(joined) == 1 and joined[0].text == "Why us? Your product helps." and joined[0].start_ms == 0
    assert [w.start_ms for w in joined[0].words] == [0, 400, 1000, 1500, 2000]
    # The new turns: the question and the first word of the answer are one voice, the rest another.
    again = apply(_two_voices(), Separation(((0, 1500, 0), (1500, 2600, 1)), speakers=2))
    assert [(s.text, s.speaker) for s in again.segments] == [("Why us? Your", INTERVIEWER), ("product helps.", ME)]
    assert {s.origin for s in again.segments} == {0}  # still one recognised segment
    assert again.settings.speakers == 2 and again.id is None


def test_a_corrected_part_is_neither_joined_nor_cut_and_goes_to_whoever_said_most_of_it():
    transcript = _two_voices(corrected="Your product helps people.")
    assert len(rejoin(transcript.segments)) == 2  # the correction stays with the words the user corrected
    again = apply(transcript, Separation(((0, 800, 0), (1000, 1400, 1), (1400, 2600, 0)), speakers=2))
    corrected = [s for s in again.segments if s.corrected_text is not None]
    assert [(s.start_ms, s.end_ms, s.corrected_text) for s in corrected] == [(1000, 2600, "Your product helps people.")]
    assert corrected[0].speaker == again.segments[0].speaker  # most of it is the first voice's


def test_voices_keep_their_ids_and_a_new_voice_takes_a_free_one():
    transcript = _two_voices()
    again = apply(transcript, Separation(((0, 800, 0), (1000, 1500, 1), (1500, 2600, 2)), speakers=3))
    assert [s.speaker for s in again.segments] == [INTERVIEWER, "S1", ME]  # most of the answer is still mine
    back = apply(again, Separation(((0, 800, 0), (1000, 2600, 1)), speakers=2))
    assert [(s.text, s.speaker) for s in back.segments] == [("Why us?", INTERVIEWER), ("Your product helps.", ME)]


def test_segments_stored_without_an_origin_stay_as_they_are():
    old = tuple(Segment(s.start_ms, s.end_ms, s.text, words=s.words, speaker=s.speaker)
                for s in _two_voices().segments)
    assert [s.text for s in rejoin(old)] == ["Why us?", "Your product helps."]


# -- the real worker -------------------------------------------------------------------------------------------


@pytest.mark.slow
def test_three_then_two_voices_without_transcribing_again(library, three_voices):
    audio, transcript, transcribing_worker = three_voices
    assert "ctranslate2" in transcribing_worker  # the control: Whisper's engine, mapped where it was loaded
    recording = stored(library, audio, transcript)
    before = library.transcripts.latest_for_recording(recording.id)
    assert before is not None and _voices(before) == {"S1", "S2"}
    progress: list[float] = []
    with TranscriptionService() as service:
        job, done, outcomes = _again(library, service, recording, 3, on_progress=progress.append)
        assert done.wait(DEADLINE_S)
        (three,) = outcomes
        assert not isinstance(three, BaseException), three
        worker = service.worker_pid
        assert "ctranslate2" not in Path(f"/proc/{worker}/maps").read_text()  # no speech model was ever loaded
        _job, two = _finished(library, service, recording, 2)
        assert service.worker_pid == worker  # the same worker process serves every job
    assert progress and progress[-1] == 1.0 and job.done
    assert three.changes == Changes(transcripts=frozenset({recording.id}))
    assert len(_voices(three.value)) == 3 and len(_voices(two.value)) == 2
    for result in (three.value, two.value):
        assert _words(result) == _words(before)  # the very words and times Whisper gave, once
        assert result.text == before.text
    newest = library.transcripts.latest_for_recording(recording.id)
    assert newest is not None and newest.id == two.value.id and newest.settings.speakers == 2
    assert [len(t.segments) > 0 for t in library.transcripts.for_recording(recording.id)] == [True] * 3


@pytest.mark.slow
def test_corrections_names_and_my_voice_survive(library, three_voices):
    audio, transcript, _maps = three_voices
    recording = stored(library, audio, transcript)
    before = library.transcripts.latest_for_recording(recording.id)
    assert before is not None
    mine = next(s.speaker for s in before.segments if "my name" in s.text.lower())
    ops.identify_me(library, recording.id, mine)
    ops.name_speaker(library, recording.id, INTERVIEWER, "Ms Tanaka")
    target = next(s for s in library.transcripts.latest_for_recording(recording.id).segments
                  if "months early" in s.text.lower())  # B's line on the billing system (base may hear "building")
    ops.correct_segment(library, recording.id, target.id, "I led the move to a new billing system (in 2024).")
    with TranscriptionService() as service:
        for speakers in (3, 2):
            _job, result = _finished(library, service, recording, speakers)
            again = result.value
            kept = [s for s in again.segments if s.corrected_text is not None]
            assert [(s.start_ms, s.end_ms, s.corrected_text) for s in kept] == [
                (target.start_ms, target.end_ms, "I led the move to a new billing system (in 2024).")]
            assert kept[0].speaker == ME
            assert {ME, INTERVIEWER} <= _voices(again)
            assert next(s.speaker for s in again.segments if "my name" in s.text.lower()) == ME
    assert ops.speaker_names(library, recording, "en")[INTERVIEWER] == "Ms Tanaka"
    assert _voices(library.transcripts.latest_for_recording(recording.id)) == {ME, INTERVIEWER}


@pytest.mark.slow
def test_a_cancel_or_a_failure_keeps_the_transcript(library, three_voices):
    audio, transcript, _maps = three_voices
    recording = stored(library, audio, transcript)
    before = library.transcripts.latest_for_recording(recording.id)
    started = threading.Event()
    with TranscriptionService() as service:
        job, done, outcomes = _again(library, service, recording, 3, on_progress=lambda _f: started.set())
        assert started.wait(DEADLINE_S)
        job.cancel()
        assert done.wait(DEADLINE_S) and isinstance(outcomes[0], TranscriptionCancelled) and job.cancelled

        started.clear()
        job, done, outcomes = _again(library, service, recording, 3, on_progress=lambda _f: started.set())
        assert started.wait(DEADLINE_S)
        os.kill(service.worker_pid, signal.SIGKILL)  # the worker dies mid-way
        assert done.wait(DEADLINE_S) and isinstance(outcomes[0], TranscriptionError)
        assert "stopped unexpectedly" in str(outcomes[0].message)
    after = library.transcripts.for_recording(recording.id)
    assert [t.id for t in after] == [before.id] and after[0] == before


def test_practice_and_two_track_recordings_are_refused_with_a_reason(library):
    practice = _recording(library, InterviewKind.MOCK)
    online = _recording(library, InterviewKind.REAL)
    online.path.parent.mkdir(parents=True, exist_ok=True)
    for path in (online.path, call_track_path(online.path)):
        path.write_bytes(b"RIFF")
    fresh = _recording(library, InterviewKind.REAL)
    with TranscriptionService() as service:
        for recording, reason in ((practice, "your voice alone"), (online, "track of its own"),
                                  (fresh, "no transcript yet")):
            with pytest.raises(separation_ops.SeparationRefusedError) as refused:
                separation_ops.separate_again(library, service, recording, 2, on_done=lambda _o: None)
            assert reason in str(refused.value.message)
        with pytest.raises(ValueError):
            separation_ops.separate_again(library, service, fresh, 12, on_done=lambda _o: None)
        assert service.worker_pid is None  # nothing was started


# -- the command line ----------------------------------------------------------------------------------------


@pytest.mark.slow
def test_separate_on_the_command_line_and_its_bad_input(library, three_voices, tmp_path):
    audio, transcript, _maps = three_voices
    recording = stored(library, audio, transcript)
    first = library.transcripts.latest_for_recording(recording.id)
    practice = stored(library, audio, transcript, kind=InterviewKind.MOCK)
    practice_transcript = library.transcripts.latest_for_recording(practice.id)
    assert first is not None and practice_transcript is not None
    result = run_cli("separate", str(first.id), "--speakers", "3", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    newest = library.transcripts.latest_for_recording(recording.id)
    assert newest is not None and newest.id != first.id and len(_voices(newest)) == 3
    assert f"3 voices told apart: saved as transcript {newest.id}" in result.stdout
    assert _words(newest) == _words(first)
    for args, status, says in (
            (("abc",), 2, "cannot be an id"),
            ((str(newest.id), "--speakers", "12"), 2, "from 1 to 9, or auto"),
            (("999",), 4, "There is no transcript 999"),
            ((str(first.id),), 2, f"use transcript {newest.id}"),
            ((str(practice_transcript.id),), 2, "your voice alone")):
        bad = run_cli("separate", *args, tmp_path=tmp_path)
        assert bad.returncode == status, (args, bad.stderr)
        assert says in bad.stderr and "Traceback" not in bad.stderr
        assert args[-1] == "12" or len(bad.stderr.strip().splitlines()) == 1  # (argparse adds its usage line)
    assert library.transcripts.latest_for_recording(recording.id).id == newest.id  # nothing else changed


def test_silence_or_a_missing_recording_fails_in_one_sentence_and_keeps_the_transcript(library):
    import numpy as np
    import soundfile

    from core.transcription.audio import AudioFileError

    recording = _recording(library, InterviewKind.REAL)
    recording.path.parent.mkdir(parents=True, exist_ok=True)
    soundfile.write(recording.path, np.zeros(16000 * 2, dtype=np.float32), 16000, subtype="PCM_16")
    before = ops.store(library, recording, _two_voices(), "en").value
    with TranscriptionService() as service:
        _job, done, outcomes = _again(library, service, recording, 2)
        assert done.wait(DEADLINE_S)
        assert isinstance(outcomes[0], TranscriptionError)
        assert "No voices were found" in str(outcomes[0].message) and "unchanged" in str(outcomes[0].message)
        recording.path.unlink()
        _job, done, outcomes = _again(library, service, recording, 2)
        assert done.wait(DEADLINE_S) and isinstance(outcomes[0], AudioFileError)
    assert [t.id for t in library.transcripts.for_recording(recording.id)] == [before.id]
