"""The library-level recording path: gate, files, sidecar, recovery after a crash."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from core import paths
from core.consent import ConsentAnswer, ConsentMethod, ConsentPurpose, ConsentRecord, ConsentRequired, self_consent
from core.interviews import Interview, InterviewKind, utc_now
from core.library import Library
from core.recording.files import sidecar_path
from core.recording.recovery import recover_unfinished
from core.recording.session import RecordingSession, _take_lock
from core.recording.store import RecordingState
from tests.recording_helpers import StreamSpy, audio_files, make_speech

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def library():
    with Library.open() as lib:
        yield lib


def _real(library, answer=ConsentAnswer.AGREED, **changes):
    interview = library.interviews.add(Interview(company="株式会社サンプル", kind=InterviewKind.REAL))
    record = ConsentRecord(interview_id=interview.id, purpose=ConsentPurpose.REAL, answer=answer, who="田中様",
                           method=ConsentMethod.ONLINE, asked_at=utc_now())
    return library.consent.add(replace(record, **changes))


def _mock(library):
    interview = library.interviews.add(Interview(company="練習", kind=InterviewKind.MOCK))
    return library.consent.add(self_consent(interview.id))


@pytest.fixture
def spy():
    import sounddevice

    return StreamSpy(sounddevice)


@pytest.mark.parametrize("make", [
    lambda lib: _real(lib, ConsentAnswer.DECLINED),
    lambda lib: _real(lib, purpose=ConsentPurpose.IMPORTED),
])
def test_no_stream_and_no_file_without_agreement(library, spy, make):
    consent = make(library)
    with pytest.raises(ConsentRequired):
        RecordingSession.start(library, consent.id, sd=spy)
    assert spy.opened == 0
    assert audio_files() == []
    assert library.recordings.for_interview(consent.interview_id) == []


def test_unknown_consent_id_is_refused(library, spy):
    with pytest.raises(ConsentRequired):
        RecordingSession.start(library, 4242, sd=spy)
    assert spy.opened == 0 and audio_files() == []


@pytest.mark.audio
def test_record_with_markers_and_sidecar(virtual_microphone, library, tmp_path):
    speech = make_speech(tmp_path / "speech.wav")
    consent = _real(library)
    session = RecordingSession.start(library, consent.id)
    virtual_microphone.play(speech)
    marker = session.add_marker("good answer")
    recording = session.stop()
    assert recording.state is RecordingState.COMPLETED and recording.problem is None
    assert recording.path.exists() and recording.path.is_relative_to(paths.recordings_dir())
    info = sf.info(recording.path)
    assert abs(info.duration - recording.duration_ms / 1000) < 0.05
    assert info.duration >= sf.info(speech).duration - 0.1
    assert library.recordings.markers(recording.id) == [marker]
    sidecar = json.loads(sidecar_path(recording.path).read_text("utf-8"))
    assert sidecar["consent"]["hash"] == consent.hash == recording.consent_hash
    assert sidecar["consent"]["who"] == "田中様"
    assert sidecar["markers"] == [{"at_ms": marker.at_ms, "label": "good answer"}]
    assert sidecar["recording"]["state"] == "completed"
    assert not recording.path.with_name(recording.path.name + ".lock").exists()
    assert oct(recording.path.stat().st_mode & 0o777) == "0o600"


@pytest.mark.audio
def test_consent_clip_is_marked(virtual_microphone, library):
    session = RecordingSession.start(library, _mock(library).id)
    clip = session.end_consent_clip()
    recording = session.stop()
    assert recording.consent_clip_ms == clip.at_ms
    assert json.loads(sidecar_path(recording.path).read_text())["recording"]["consent_clip_ms"] == clip.at_ms


CHILD = textwrap.dedent("""
    import sys, time
    from core.library import Library
    from core.recording.session import RecordingSession
    library = Library.open()
    session = RecordingSession.start(library, int(sys.argv[1]))
    print(session.recording.id, flush=True)
    while session.recorder.elapsed_s < float(sys.argv[2]):
        time.sleep(0.05)
    print("recorded", flush=True)
    time.sleep(600)
""")


@pytest.mark.audio
@pytest.mark.slow
def test_killed_recording_is_recovered_at_next_start(virtual_microphone, library, tmp_path):
    consent = _mock(library)
    seconds = 3.0
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(consent.id), str(seconds)], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ.copy())
    try:
        recording_id = int(child.stdout.readline())
        assert child.stdout.readline().strip() == "recorded", child.stderr.read()
        # While the recording process lives, its recording is left alone.
        assert recover_unfinished(library) == []
    finally:
        child.send_signal(signal.SIGKILL)
        child.communicate()
    recovered = recover_unfinished(library)
    assert [r.id for r in recovered] == [recording_id]
    recording = recovered[0]
    assert recording.state is RecordingState.RECOVERED
    assert recording.duration_ms >= (seconds - 1.5) * 1000
    data, rate = sf.read(recording.path)
    assert len(data) / rate >= seconds - 1.5
    assert "closed unexpectedly" in str(recording.problem)
    assert json.loads(sidecar_path(recording.path).read_text())["recording"]["state"] == "recovered"
    assert recover_unfinished(library) == []  # idempotent


def test_recovery_skips_a_recording_still_locked(library):
    consent = _mock(library)
    folder = paths.ensure_private_dir(paths.recordings_dir() / str(consent.interview_id))
    audio = folder / "live.wav"
    sf.write(audio, np.zeros(4800, dtype=np.float32), 48000, subtype="PCM_16")
    row = library.recordings.begin(consent, f"{consent.interview_id}/live.wav", 48000, 1)
    fd = _take_lock(audio, wait=False)
    try:
        assert recover_unfinished(library) == []
        assert library.recordings.get(row.id).state is RecordingState.RECORDING
    finally:
        os.close(fd)
    assert [r.id for r in recover_unfinished(library)] == [row.id]


def test_recovery_forgets_a_recording_that_never_got_a_file(library):
    consent = _mock(library)
    row = library.recordings.begin(consent, f"{consent.interview_id}/never.wav", 48000, 1)
    assert recover_unfinished(library) == []
    assert library.recordings.for_interview(consent.interview_id) == []
    assert row.id is not None


@pytest.mark.audio
def test_deleting_an_interview_removes_its_recordings(virtual_microphone, library):
    consent = _mock(library)
    recording = RecordingSession.start(library, consent.id).stop()
    assert recording.path.exists() and sidecar_path(recording.path).exists()
    from core.audio.waveform import cache_path, overview

    overview(recording.path)
    assert cache_path(recording.path).exists()
    library.delete_interview(consent.interview_id)
    assert not cache_path(recording.path).exists()
    assert not recording.path.exists() and not sidecar_path(recording.path).exists()
    assert not recording.path.parent.exists()
    assert library.consent.for_interview(consent.interview_id) == []
