"""Recordings on the error paths: a full disk, a busy library at stop, files without rows, recovery everywhere.

The full disk is real: a small tmpfs mounted as ``FURIKAERI_HOME`` (the tests
run as root; elsewhere they skip, and fail under ``CI``), filled with a file
until nearly nothing is left, so the library, its log, the recording and its
sidecar all compete for the same last bytes.  The busy library is a second
SQLite connection holding ``BEGIN EXCLUSIVE``.  Crashed recordings are WAV
files whose header a killed writer never updated, with their row still
*recording*.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from core import paths
from core.cli import main as cli_main
from core.consent import self_consent
from core.interviews import Interview, InterviewKind
from core.library import Library
from core.recording import errors, wavfile
from core.recording.files import sidecar_path
from core.recording.recovery import format_kept, recover_library, recovery_messages
from core.recording.session import RecordingSession, start_recording
from core.recording.store import RecordingState
from core.tracker.events import EventKind
from tests.recording_helpers import audio_files
from tests.small_disk import fill, mounted
from tests.test_cli import run_cli
from tests.test_faults_library import Holder, no_sound_server, snapshot

RATE = 48000


def leftovers() -> list[Path]:
    """Reserves and locks: nothing of the kind may outlive a command."""
    root = paths.recordings_dir()
    return sorted(p for p in root.rglob("*") if p.name.startswith(".reserve-") or p.suffix == ".lock")


def crashed_recording(library: Library, seconds: float, company: str = "練習") -> int:
    """What a killed recorder leaves: audio on disk, a header never updated, the row still 'recording'."""
    interview = library.interviews.add(Interview(company=company, kind=InterviewKind.MOCK))
    consent = library.consent.add(self_consent(interview.id))
    folder = paths.ensure_private_dir(paths.recordings_dir() / str(interview.id))
    audio = folder / f"crashed-{interview.id}.wav"
    sf.write(audio, np.zeros(int(RATE * seconds), dtype=np.float32), RATE, subtype="PCM_16")
    with open(audio, "r+b") as handle:
        handle.seek(4)
        handle.write((36).to_bytes(4, "little"))
        handle.seek(40)
        handle.write((0).to_bytes(4, "little"))
    return library.recordings.begin(consent, f"{interview.id}/{audio.name}", RATE, 1).id


# -- a full disk (item 6) ------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path, monkeypatch):
    """A 4 MiB tmpfs as FURIKAERI_HOME, unmounted afterwards."""
    yield from mounted(tmp_path, monkeypatch, megabytes=4)


@pytest.mark.audio
@pytest.mark.slow
def test_a_recording_that_fills_the_disk_is_finished_and_says_so(virtual_microphone, small_disk, tmp_path):
    Library.open().close()
    fill(small_disk, leave=700 * 1024)

    result = run_cli("record", "--mock", "--duration", "120", tmp_path=tmp_path)

    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr == f"{errors.disk_full()}\n"  # one sentence, no traceback
    with Library.open() as library:
        (interview,) = library.interviews.all()
        (recording,) = library.recordings.for_interview(interview.id)
    assert recording.state is RecordingState.INTERRUPTED and recording.problem == errors.disk_full()
    assert f"Saved {recording.path}" in result.stdout
    info = wavfile.probe(recording.path)
    assert not info.stale and info.frames > RATE  # the file is finished, more than a second in it
    assert recording.duration_ms == round(info.frames * 1000 / RATE)
    assert sf.info(recording.path).frames == info.frames
    sidecar = json.loads(sidecar_path(recording.path).read_text("utf-8"))["recording"]
    assert (sidecar["state"], sidecar["problem"]) == ("interrupted", str(errors.disk_full()))
    assert sidecar["duration_ms"] == recording.duration_ms
    assert leftovers() == []


@pytest.mark.slow
def test_record_on_a_full_disk_creates_nothing(small_disk, tmp_path):
    with Library.open() as library:
        library.interviews.add(Interview(company="前からある面接", kind=InterviewKind.REAL))
    fill(small_disk)
    data = paths.data_dir()
    before = snapshot(data)

    for _ in range(2):
        result = run_cli("record", "--mock", "--duration", "5", tmp_path=tmp_path)
        assert result.returncode in (1, 3), result.stdout + result.stderr
        assert result.stderr.count("\n") == 1 and "full" in result.stderr and "Traceback" not in result.stderr

    # SQLite's own log and its index may appear beside the library (empty); nothing else may.
    assert {k: v for k, v in snapshot(data).items() if not k.endswith(("-wal", "-shm"))} == before
    os.unlink(small_disk / "filler")
    with Library.open() as library:
        assert [i.company for i in library.interviews.all()] == ["前からある面接"]


def test_a_disk_too_full_for_the_reserve_leaves_no_interview(small_disk):
    with Library.open() as library:
        fill(small_disk, leave=64 * 1024)  # room for the library's writes, not for the reserve
        with pytest.raises(errors.RecordingError) as refused:
            start_recording(library, Interview(company="練習", kind=InterviewKind.MOCK),
                            lambda saved: self_consent(saved.id))
        assert refused.value.message == errors.disk_full_not_started()
        assert library.interviews.all() == []
    assert audio_files() == [] and leftovers() == []


# -- a busy library when the recording stops (item 6) --------------------------------------------------


@pytest.mark.audio
@pytest.mark.slow
def test_a_busy_library_at_stop_keeps_the_ending_in_the_sidecar_until_the_next_start(virtual_microphone):
    with Library.open() as library:
        interview = library.interviews.add(Interview(company="練習", kind=InterviewKind.MOCK))
        consent = library.consent.add(self_consent(interview.id))
        session = RecordingSession.start(library, consent.id)
        assert session.recorder.wait_for(lambda r: r.frames_written >= r.samplerate, 30)
        holder = Holder(library.path)
        try:
            recording = session.stop()
            row = holder.conn.execute("SELECT state FROM recordings WHERE id = ?", (recording.id,)).fetchone()
        finally:
            holder.close()

        assert row == ("recording",)  # the library could not be told
        assert "is busy" in str(session.library_problem) and str(recording.path) in str(session.library_problem)
        assert recording.state is RecordingState.COMPLETED and recording.problem is None
        info = wavfile.probe(recording.path)
        assert not info.stale and recording.duration_ms == round(info.frames * 1000 / info.samplerate)
        sidecar = json.loads(sidecar_path(recording.path).read_text("utf-8"))["recording"]
        assert (sidecar["state"], sidecar["duration_ms"]) == ("completed", recording.duration_ms)

        report = recover_library(library)  # the next start

        (brought,) = report.recovered
        assert brought.id == recording.id and brought.state is RecordingState.COMPLETED
        assert brought.duration_ms == recording.duration_ms and brought.problem is None
        assert library.recordings.get(recording.id).state is RecordingState.COMPLETED
        assert recover_library(library).recovered == ()
    assert leftovers() == []


# -- files without rows (item 6) ------------------------------------------------------------------


@pytest.mark.audio
def test_files_without_rows_are_attached_again_removed_when_empty_or_kept_and_reported(virtual_microphone):
    with Library.open() as library:
        interview = library.interviews.add(Interview(company="練習", kind=InterviewKind.MOCK))
        consent = library.consent.add(self_consent(interview.id))
        session = RecordingSession.start(library, consent.id)
        assert session.recorder.wait_for(lambda r: r.frames_written >= r.samplerate, 30)
        marker = session.add_marker("自己PR")
        lost = session.stop()
        with library._lock:  # the row's transaction never reached the disk
            library._conn.execute("DELETE FROM recordings WHERE id = ?", (lost.id,))
        folder = lost.path.parent
        stray = folder / "stray.wav"
        sf.write(stray, np.full(RATE, 0.25, dtype=np.float32), RATE, subtype="PCM_16")
        stray_bytes = stray.read_bytes()
        empty = folder / "empty.wav"
        empty.write_bytes(wavfile.pcm16_header(RATE, 1))

        report = recover_library(library)

        (attached,) = report.recovered
        assert attached.file == lost.file and attached.consent_id == consent.id
        assert attached.state is RecordingState.COMPLETED and attached.duration_ms == lost.duration_ms
        assert attached.started_at == lost.started_at
        assert library.recordings.markers(attached.id)[0].at_ms == marker.at_ms
        assert report.unattached == (stray,) and stray.read_bytes() == stray_bytes
        assert not empty.exists()
        assert [str(m) for m in recovery_messages(report)] == [
            f"Recovered 1 recording ({format_kept(lost.duration_ms)} kept) after an unexpected stop.",
            f"The audio file {stray} belongs to no recording in the library; it was kept as it is.",
        ]
        assert recover_library(library).recovered == ()


# -- recovery at every start (item 10) ----------------------------------------------------------


def test_kept_time_reads_as_minutes_and_seconds():
    assert [format_kept(ms) for ms in (0, 6000, 6999, 59_999, 61_000, 3_723_000)] == [
        "0:00", "0:06", "0:06", "0:59", "1:01", "1:02:03"]


@pytest.mark.slow
def test_record_recovers_first_even_when_it_cannot_record(tmp_path):
    with Library.open() as library:
        recording_id = crashed_recording(library, 6.0)
    result = run_cli("record", "--mock", "--duration", "1", tmp_path=tmp_path, env=no_sound_server(tmp_path))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Recovered 1 recording (0:06 kept) after an unexpected stop." in result.stdout.splitlines()
    with Library.open() as library:
        recovered = library.recordings.get(recording_id)
        assert len(library.interviews.all()) == 1  # the failed attempt added none
    assert recovered.state is RecordingState.RECOVERED and recovered.duration_ms == 6000


def test_doctor_recovers(capsys):
    with Library.open() as library:
        first = crashed_recording(library, 6.0)
        second = crashed_recording(library, 3.5)
    cli_main(["doctor"])
    line = next(line for line in capsys.readouterr().out.splitlines() if "Recordings" in line)
    assert line.startswith("[ ok ]") and line.endswith("Recovered 2 recordings (0:09 kept) after an unexpected stop.")
    with Library.open() as library:
        assert {library.recordings.get(i).state for i in (first, second)} == {RecordingState.RECOVERED}


@pytest.mark.parametrize(("language", "seconds", "expected"), [
    ("ja", (6.0,), "0:06"),
    ("en", (6.0,), "Recovered 1 recording (0:06 kept) after an unexpected stop."),
    ("en", (6.0, 65.0), "Recovered 2 recordings (1:11 kept) after an unexpected stop."),
])
def test_the_app_says_how_much_was_kept(qtbot, make_window, language, seconds, expected):
    def prepare(library):
        for length in seconds:
            crashed_recording(library, length)

    window = make_window(prepare, language=language)
    qtbot.waitUntil(lambda: expected in window.statusBar().currentMessage(), timeout=10000)
    if language == "ja":
        assert "復元" in window.statusBar().currentMessage()


# -- a failed start in an interview the user chose (item 11) ------------------------------------


@pytest.mark.audio
def test_a_failed_start_leaves_nothing_but_a_note_on_the_timeline(virtual_microphone):
    with Library.open() as library:
        interview = library.interviews.add(Interview(company="株式会社サンプル", kind=InterviewKind.MOCK))
        consent = library.consent.add(self_consent(interview.id))
        with pytest.raises(errors.RecordingError) as failed:
            RecordingSession.start(library, consent.id, device="no such microphone")
        assert library.recordings.for_interview(interview.id) == []
        (event,) = library.events.for_interview(interview.id)
        assert event.kind is EventKind.RECORDING_FAILED
        assert str(event.message) == f"Recording did not start: {failed.value}"

        with pytest.raises(errors.RecordingError):
            start_recording(library, Interview(company="新しい面接", kind=InterviewKind.MOCK),
                            lambda saved: self_consent(saved.id), device="no such microphone")
        assert [i.id for i in library.interviews.all()] == [interview.id]
    assert audio_files() == [] and leftovers() == []
    assert [p for p in paths.recordings_dir().rglob("*") if p.is_file()] == []


def test_a_row_whose_audio_never_came_is_forgotten_with_its_sidecar(tmp_path):
    """A start cut short after its row (the process died before the microphone opened) leaves nothing."""
    with Library.open() as library:
        interview = library.interviews.add(Interview(company="練習", kind=InterviewKind.MOCK))
        consent = library.consent.add(self_consent(interview.id))
        folder = paths.ensure_private_dir(paths.recordings_dir() / str(interview.id))
        (folder / "never.wav.json").write_text("{}")
        library.recordings.begin(consent, f"{interview.id}/never.wav", RATE, 1)
        assert recover_library(library).recovered == ()
        assert library.recordings.for_interview(interview.id) == []
    assert list(folder.iterdir()) == []


def test_sqlite_sees_the_full_disk_too(small_disk):
    """The library's own writes on a full disk end in its sentence (not a traceback), nothing half-done."""
    with Library.open() as library:
        fill(small_disk)
        with pytest.raises(sqlite3.OperationalError) as full:
            for number in range(200):
                library.notes.save(library.interviews.add(
                    Interview(company=f"会社{number}", kind=InterviewKind.REAL)).id, "メモ" * 2000)
        assert "is full" in str(full.value) and not library._conn.in_transaction
