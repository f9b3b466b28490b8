"""``main.py record``: the same consent gate as the app, through real subprocesses."""

from __future__ import annotations

import pytest
import soundfile as sf

from core.consent import ConsentAnswer, ConsentMethod
from core.library import Library
from tests.recording_helpers import audio_files
from tests.test_cli import run_cli


@pytest.mark.parametrize("args", [
    [],
    ["--company", "Acme"],
    ["--who", "Ms Tanaka", "--company", "Acme"],
    ["--how", "online", "--company", "Acme"],
    ["--mock", "--who", "me"],
])
def test_refuses_without_consent_and_creates_nothing(tmp_path, furikaeri_home, args):
    result = run_cli("record", "--duration", "1", *args, tmp_path=tmp_path)
    assert result.returncode == 3, result.stdout + result.stderr
    assert "Not recording" in result.stderr
    assert audio_files(furikaeri_home) == []


@pytest.mark.audio
@pytest.mark.slow
def test_mock_recording_with_duration_and_copy(virtual_microphone, tmp_path, furikaeri_home):
    copy = tmp_path / "answer 1 (練習).wav"
    result = run_cli("record", "--mock", "--duration", "2", "-o", str(copy), tmp_path=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    saved_line = next(line for line in result.stdout.splitlines() if line.startswith("Saved "))
    assert "(2.0 s)" in saved_line or "(1.9 s)" in saved_line or "(2.1 s)" in saved_line
    assert abs(sf.info(copy).duration - 2.0) < 0.2
    assert [p.suffix for p in audio_files(furikaeri_home)] == [".wav"]


@pytest.mark.audio
@pytest.mark.slow
def test_real_recording_keeps_who_agreed(virtual_microphone, tmp_path):
    result = run_cli("record", "--who", "人事部 田中様", "--how", "online", "--company", "株式会社サンプル",
                     "--duration", "1", tmp_path=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    with Library.open() as library:
        interview = library.interviews.all()[0]
        consent = library.consent.for_interview(interview.id)
        recordings = library.recordings.for_interview(interview.id)
    assert interview.company == "株式会社サンプル"
    assert [(c.who, c.method, c.answer) for c in consent] == [("人事部 田中様", ConsentMethod.ONLINE,
                                                              ConsentAnswer.AGREED)]
    assert len(recordings) == 1 and recordings[0].consent_hash == consent[0].hash
    assert str(recordings[0].path) in result.stdout
    with Library.open() as library:  # saved through the tracker, as from the app: its timeline starts
        events = library.events.for_interview(interview.id)
    assert [e.kind.value for e in events][:1] == ["created"]


def test_missing_microphone_is_a_clear_failure(tmp_path, furikaeri_home):
    (tmp_path / "client.conf").write_text("autospawn = no\n")
    env = {"PULSE_SERVER": f"unix:{tmp_path}/nobody", "PULSE_CLIENTCONFIG": str(tmp_path / "client.conf")}
    result = run_cli("record", "--mock", "--duration", "1", tmp_path=tmp_path, env=env)
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr.strip() and "Traceback" not in result.stderr
    assert audio_files(furikaeri_home) == []
