"""Transcribe-and-store as one core operation: nothing blocked, the transcript kept, a cancel keeps nothing."""

from __future__ import annotations

import threading

import pytest

from core.library import Library
from core.ops import Changes
from core.ops import transcription as ops
from core.transcription.model import TranscriptionSettings
from core.transcription.service import TranscriptionCancelled, TranscriptionService
from tests.model_fixtures import word_recall
from tests.test_transcription_store import _recording, sample_transcript

DEADLINE_S = 120


@pytest.fixture
def library():
    with Library.open() as lib:
        yield lib


def test_storing_keeps_the_transcript_and_the_language_chosen_together(library):
    _interview, recording = _recording(library)
    result = ops.store(library, recording, sample_transcript(), "ja")
    assert result.changes == Changes(transcripts=frozenset({recording.id}))
    stored = library.transcripts.latest_for_recording(recording.id)
    assert stored is not None and stored.id == result.value.id and stored.source == recording.file
    assert library.transcripts.remembered_language(recording.interview_id) == "ja"


def test_a_correction_reports_its_recording(library):
    _interview, recording = _recording(library)
    saved = ops.store(library, recording, sample_transcript(), None).value
    first = saved.segments[0]
    corrected = ops.correct_segment(library, recording.id, first.id, "御社を志望した理由は")
    assert corrected.value.display_text == "御社を志望した理由は"
    assert corrected.changes.transcripts == {recording.id}


@pytest.mark.slow
def test_a_transcription_is_stored_when_the_worker_is_done_and_a_cancel_stores_nothing(
        library, built_base_model, english_speech):
    import shutil

    _interview, recording = _recording(library)
    recording.path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(english_speech.wav, recording.path)
    settings = TranscriptionSettings(model=str(built_base_model), language="en")
    outcomes: list[object] = []
    done = threading.Event()

    def finished(outcome: object) -> None:
        outcomes.append((outcome, threading.current_thread()))
        done.set()

    with TranscriptionService() as service:
        job = ops.start(library, service, recording, settings, on_done=finished)
        assert done.wait(DEADLINE_S), "the job never finished"
        (result, thread), = outcomes
        assert thread is not threading.main_thread()  # the caller's thread was never blocked
        assert not isinstance(result, BaseException), result
        assert result.changes.transcripts == {recording.id} and job.done
        stored = library.transcripts.latest_for_recording(recording.id)
        assert stored is not None and stored.id == result.value.id
        assert word_recall(english_speech.content_words, stored.text) >= 0.8

        outcomes.clear()
        done.clear()
        job = ops.start(library, service, recording, settings, on_done=finished)
        job.cancel()
        assert done.wait(DEADLINE_S)
        (outcome, _thread), = outcomes
        assert isinstance(outcome, TranscriptionCancelled)
        assert library.transcripts.latest_for_recording(recording.id).id == stored.id  # nothing new kept
