"""A recording transcribed while it is made (issue 16), through the real microphone rig: nothing is lost.

The recorder records the virtual microphone while the speech worker follows
its file; at Stop the transcript is complete within the last piece, stored in
the library like any other, and the recorder dropped no frame meanwhile.  The
command line's ``record --transcribe`` writes it beside the recording.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest
import soundfile as sf

from core.interviews import Interview, InterviewKind
from core.library import Library
from core.ops import live as live_ops
from core.ops import recording as recording_ops
from core.recording.files import transcript_text_path
from core.transcription.model import TranscriptionSettings
from core.transcription.service import TranscriptionService
from tests.model_fixtures import word_recall
from tests.test_cli import NETWORK_TRIPWIRE, ROOT

pytestmark = [pytest.mark.audio, pytest.mark.slow]


def test_a_mock_answer_is_transcribed_while_it_is_recorded(virtual_microphone, base_model_in_home,
                                                           english_interview_speech):
    outcome: list = []
    done = threading.Event()
    with Library.open() as library, TranscriptionService() as service:
        interview = library.tracker.save(Interview(company="Practice", kind=InterviewKind.MOCK))
        session = recording_ops.start(library, interview).value.session
        assert session is not None
        live = live_ops.follow(library, service, session, TranscriptionSettings(language="en"),
                               on_done=lambda result: (outcome.append(result), done.set()))
        virtual_microphone.play(english_interview_speech.wav)
        recording = recording_ops.stop(session).value
        live.recording_stopped()
        assert done.wait(300)
        result = outcome[0]
        assert not isinstance(result, Exception), result
        stored = library.transcripts.latest_for_recording(recording.id)

    assert session.recorder.dropped_frames == 0  # the recording paid nothing for it
    assert recording.problem is None
    assert sf.info(recording.path).duration >= sf.info(english_interview_speech.wav).duration - 0.1
    assert stored is not None and stored.id == result.value.id
    assert recording.id in result.changes.transcripts
    text = " ".join(s.text for s in stored.segments)
    assert word_recall(english_interview_speech.content_words, text) >= 0.8, text
    assert stored.duration_ms == pytest.approx(recording.duration_ms, abs=200)


def test_record_transcribe_writes_the_transcript_beside_the_recording(virtual_microphone, base_model_in_home,
                                                                      english_interview_speech, tmp_path):
    seconds = sf.info(english_interview_speech.wav).duration + 2.0
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(NETWORK_TRIPWIRE)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")])}
    env.pop("HF_HUB_OFFLINE", None)
    process = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "record", "--mock", "--duration",
                                f"{seconds:.1f}", "--transcribe", "--language", "en"],
                               cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None
    first = process.stdout.readline()
    assert first.startswith("Recording"), first
    virtual_microphone.play(english_interview_speech.wav)
    stdout, stderr = process.communicate(timeout=300)
    assert process.returncode == 0, stdout + stderr

    with Library.open() as library:
        recording = library.recordings.for_interview(library.interviews.all()[0].id)[0]
        stored = library.transcripts.latest_for_recording(recording.id)
    written = transcript_text_path(recording.path)
    assert f"Transcript: {written}" in stdout
    assert oct(written.stat().st_mode & 0o777) == "0o600"
    text = written.read_text(encoding="utf-8")
    assert word_recall(english_interview_speech.content_words, text) >= 0.8, text
    assert stored is not None and stored.segments
    assert all(s.text in text for s in stored.segments if s.text.strip())
