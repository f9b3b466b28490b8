"""Nothing lost on the output paths (issue 11, items 1–3, 14, 15, 17).

An output never replaces one of its inputs or a special file, a failed write
leaves nothing behind, ids are checked, the home folder is private, file
names are printed escaped, and an export shows the corrections made in the
same window.  Real files, FIFOs and device nodes; the CLI runs as a real
subprocess; the transcript window is the real widget.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from core import paths
from core.consent import self_consent
from core.export import PRIVACY_NOTICE
from core.fsutil import OutputFailed, OutputKind, OutputRefused, check_output, write_output
from core.interviews import Interview, InterviewKind
from core.library import Library
from core.recording.store import RecordingState
from core.transcription.model import Segment, Transcript, TranscriptionSettings
from tests.test_cli import ROOT, run_cli

JST = timezone(timedelta(hours=9))
ROOT_ONLY = pytest.mark.skipif(os.geteuid() != 0, reason="making device nodes needs root (the tests run as root)")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _device(path: Path, like: str) -> Path:
    """A character device node with the numbers of ``like`` (/dev/full: every write fails with ENOSPC)."""
    os.mknod(path, 0o666 | stat.S_IFCHR, os.stat(like).st_rdev)
    return path


def _read_fifo(fifo: Path) -> tuple[threading.Thread, list[bytes]]:
    received: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as reader:
            received.append(reader.read())

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread, received


def _library_with_transcript() -> tuple[int, Path]:
    """A mock interview with a 2 s recording (a real WAV file) and a transcript; (transcript id, audio path)."""
    with Library.open() as library:
        interview = library.interviews.add(Interview(company="株式会社サンプル", kind=InterviewKind.MOCK,
                                                     starts_at=datetime(2026, 12, 3, 14, 0, tzinfo=JST)))
        consent = library.consent.add(self_consent(interview.id))
        recording = library.recordings.begin(consent, f"{interview.id}/answer.wav", 16000, 1)
        paths.ensure_private_dir(recording.path.parent)
        sf.write(recording.path, np.zeros(32000, dtype=np.int16), 16000, subtype="PCM_16")
        recording = library.recordings.finish(recording.id, RecordingState.COMPLETED, 2000)
        transcript = library.transcripts.save(Transcript(
            source=recording.file, language="en", duration_ms=2000, settings=TranscriptionSettings(),
            recording_id=recording.id, segments=(Segment(0, 900, " Thank you for seing me."),
                                                 Segment(900, 2000, " I am glad to be here."))))
    return transcript.id, recording.path


# -- the writer -------------------------------------------------------------------------------------


def _alias(source: Path, how: str) -> Path:
    """Another name for ``source``: itself, a hard link, a symbolic link, or a link to a link."""
    folder = source.parent
    if how == "same path":
        return source
    if how == "hard link":
        os.link(source, folder / "hard.txt")
        return folder / "hard.txt"
    (folder / "link.txt").symlink_to(source)
    if how == "symbolic link":
        return folder / "link.txt"
    (folder / "link2.txt").symlink_to(folder / "link.txt")
    return folder / "link2.txt"


@pytest.mark.parametrize("how", ["same path", "hard link", "symbolic link", "link to a link"])
def test_an_output_that_is_an_input_is_refused_and_nothing_is_touched(tmp_path, how):
    source = tmp_path / "answer.wav"
    source.write_bytes(b"RIFF the recording")
    name = _alias(source, how)
    before = _names(tmp_path)
    with pytest.raises(OutputRefused) as caught:
        write_output(name, b"transcript", inputs=[source])
    assert caught.value.usage and str(name) in str(caught.value.message)
    assert source.read_bytes() == b"RIFF the recording"
    assert _names(tmp_path) == before
    assert how in ("same path", "hard link") or (tmp_path / "link.txt").is_symlink()


def test_a_symbolic_link_is_followed_and_stays_a_link(tmp_path):
    real = tmp_path / "real.txt"
    real.write_text("old")
    real.chmod(0o644)
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    assert write_output(link, b"new").kind is OutputKind.FILE
    assert link.is_symlink() and real.read_bytes() == b"new" and _mode(real) == 0o600
    assert _names(tmp_path) == ["link.txt", "real.txt"]


def test_a_fifo_is_written_through_and_stays_a_fifo(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    thread, received = _read_fifo(fifo)
    assert write_output(fifo, b"through the pipe\n").kind is OutputKind.DEVICE
    thread.join(timeout=30)
    assert received == [b"through the pipe\n"]
    assert stat.S_ISFIFO(fifo.lstat().st_mode) and _names(tmp_path) == ["pipe"]


@ROOT_ONLY
def test_a_null_device_is_written_and_a_full_one_fails_cleanly(tmp_path):
    null = _device(tmp_path / "null", "/dev/null")
    assert write_output(null, b"gone").kind is OutputKind.DEVICE
    full = _device(tmp_path / "full", "/dev/full")
    with pytest.raises(OutputFailed) as caught:
        write_output(full, b"x" * 100_000)
    assert not caught.value.usage and "No space left" in str(caught.value.message)
    for node in (null, full):
        assert stat.S_ISCHR(node.lstat().st_mode)
    assert _names(tmp_path) == ["full", "null"]


@ROOT_ONLY
def test_a_disk_is_never_written(tmp_path):
    disk = tmp_path / "disk"
    os.mknod(disk, 0o600 | stat.S_IFBLK, os.makedev(7, 200))  # a loop device number, never opened
    with pytest.raises(OutputRefused) as caught:
        check_output(disk)
    assert "disk" in str(caught.value.message)
    assert stat.S_ISBLK(disk.lstat().st_mode)


@pytest.mark.parametrize("name", ["folder", "folder/", "new folder/"])
def test_a_folder_is_refused(tmp_path, name):
    (tmp_path / "folder").mkdir()
    with pytest.raises(OutputRefused) as caught:
        write_output(str(tmp_path / name) if not name.endswith("/") else f"{tmp_path}/{name}", b"x")
    assert "folder" in str(caught.value.message)
    assert _names(tmp_path) == ["folder"] and _names(tmp_path / "folder") == []


def test_files_already_in_a_protected_folder_are_refused_new_ones_allowed(tmp_path):
    library = tmp_path / "library"
    library.mkdir()
    (library / "keep.wav").write_bytes(b"audio")
    outside = tmp_path / "alias.wav"
    outside.symlink_to(library / "keep.wav")
    for name in (library / "keep.wav", outside):
        with pytest.raises(OutputRefused):
            write_output(name, b"x", protected=[library])
    assert (library / "keep.wav").read_bytes() == b"audio"
    write_output(library / "new.txt", b"fine", protected=[library])
    assert (library / "new.txt").read_bytes() == b"fine"


def test_new_files_are_private_whatever_the_umask(tmp_path):
    previous = os.umask(0o022)
    try:
        write_output(tmp_path / "out.txt", b"x")
        write_output(tmp_path / "copy.wav", lambda handle: handle.write(b"RIFF"))
    finally:
        os.umask(previous)
    assert _mode(tmp_path / "out.txt") == _mode(tmp_path / "copy.wav") == 0o600


@pytest.fixture
def small_disk(tmp_path):
    """A real 64 KiB file system (tmpfs), so that writing a regular file really runs out of space."""
    mount = tmp_path / "small"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)],
                      capture_output=True, check=False).returncode != 0:
        pytest.skip("mounting a small tmpfs is not permitted here; the device tests cover ENOSPC")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=True)


def test_a_full_disk_keeps_the_old_file_and_leaves_no_temporary(small_disk):
    old = small_disk / "interview.txt"
    old.write_text("the previous export")
    with pytest.raises(OutputFailed) as caught:
        write_output(old, b"x" * 1_000_000)
    assert "No space left" in str(caught.value.message)
    assert old.read_text() == "the previous export" and _names(small_disk) == ["interview.txt"]
    with pytest.raises(OutputFailed):
        write_output(small_disk / "new.txt", b"x" * 1_000_000)
    assert _names(small_disk) == ["interview.txt"]  # no empty file either


# -- the commands -------------------------------------------------------------------------------------


def _no_traceback(result) -> None:
    assert "Traceback" not in result.stderr and result.stderr.strip(), result.stderr


@pytest.mark.parametrize("how", ["same path", "hard link", "symbolic link"])
def test_transcribe_refuses_to_write_over_its_audio_before_transcribing(tmp_path, how):
    audio = tmp_path / "A.wav"
    sf.write(audio, np.zeros(16000, dtype=np.int16), 16000, subtype="PCM_16")
    original = audio.read_bytes()
    output = _alias(audio, how)
    # No speech model is named: the refusal comes before any transcription.
    result = run_cli("transcribe", str(audio), "-o", str(output), "--model", "no-such-model", tmp_path=tmp_path)
    assert result.returncode == 2, result.stderr
    _no_traceback(result)
    assert "choose another name" in result.stderr
    assert audio.read_bytes() == original


def test_export_and_calendar_never_write_over_the_library(tmp_path, furikaeri_home):
    transcript_id, audio = _library_with_transcript()
    database = furikaeri_home / "data" / "library.sqlite3"
    database_bytes, audio_bytes = database.read_bytes(), audio.read_bytes()
    (tmp_path / "db-link").symlink_to(database)
    os.link(database, tmp_path / "db-hard")
    (tmp_path / "audio-link.wav").symlink_to(audio)
    os.link(audio, tmp_path / "audio-hard.wav")
    export, calendar = ["export", str(transcript_id), "--format", "txt"], ["calendar"]
    for command, name in [(command, name) for name in (database, tmp_path / "db-link", tmp_path / "db-hard", audio)
                          for command in (export, calendar)] + [
            (export, tmp_path / "audio-link.wav"), (export, tmp_path / "audio-hard.wav")]:
        result = run_cli(*command, "-o", str(name), tmp_path=tmp_path)
        assert result.returncode == 2, (command, name, result.stderr)
        _no_traceback(result)
        assert "Nothing was written" in result.stderr
    assert database.read_bytes() == database_bytes and audio.read_bytes() == audio_bytes
    assert (tmp_path / "db-link").is_symlink()


def test_export_through_a_fifo_and_to_standard_output_appending(tmp_path):
    transcript_id, _ = _library_with_transcript()
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    thread, received = _read_fifo(fifo)
    result = run_cli("export", str(transcript_id), "--format", "txt", "--language", "en", "-o", str(fifo),
                     tmp_path=tmp_path)
    thread.join(timeout=30)
    assert result.returncode == 0, result.stderr
    assert received[0].decode().splitlines()[0] == PRIVACY_NOTICE["en"]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    # ``-o /dev/stdout >> log``: appended to what the shell opened, never the log replaced.
    log = tmp_path / "log.txt"
    log.write_text("earlier line\n")
    with open(log, "a") as appending:
        status = subprocess.run([sys.executable, str(ROOT / "main.py"), "export", str(transcript_id), "--format",
                                 "txt", "--no-notice", "-o", "/dev/stdout"], stdout=appending,
                                stderr=subprocess.PIPE, text=True, cwd=tmp_path, timeout=120, check=False)
    assert status.returncode == 0, status.stderr
    assert log.read_text().splitlines() == ["earlier line", "Thank you for seing me.", "I am glad to be here."]
    assert "Exported to /dev/stdout" in status.stderr  # the confirmation stays out of the data


@ROOT_ONLY
def test_export_and_calendar_to_a_full_device_fail_with_a_sentence(tmp_path):
    transcript_id, _ = _library_with_transcript()
    full = _device(tmp_path / "full", "/dev/full")
    for command in (["export", str(transcript_id), "--format", "json"], ["calendar"]):
        result = run_cli(*command, "-o", str(full), tmp_path=tmp_path)
        assert result.returncode == 1, result.stderr
        _no_traceback(result)
        assert result.stderr.strip() == f"Could not write {full}: No space left on device"
    assert stat.S_ISCHR(full.lstat().st_mode) and _names(tmp_path) == ["full", "site"]


def test_export_and_calendar_to_a_folder_fail_with_a_sentence(tmp_path):
    transcript_id, _ = _library_with_transcript()
    for command in (["export", str(transcript_id), "--format", "md"], ["calendar"]):
        result = run_cli(*command, "-o", str(tmp_path), tmp_path=tmp_path)
        assert result.returncode == 2, result.stderr
        assert result.stderr.strip() == (f"{tmp_path} is a folder: give the name of a file to write. "
                                         "Nothing was written.")


def test_record_refuses_an_unusable_copy_before_recording(tmp_path, furikaeri_home):
    for name in (str(tmp_path), f"{tmp_path}/missing/", str(furikaeri_home / "data" / "library.sqlite3")):
        result = run_cli("record", "--mock", "--duration", "1", "-o", name, tmp_path=tmp_path)
        assert result.returncode == 2, result.stderr
        _no_traceback(result)
        assert "Nothing was written" in result.stderr
        assert "Recording" not in result.stdout
    with Library.open() as library:
        assert library.interviews.all() == []  # refused before anything was added


@pytest.mark.audio
@pytest.mark.slow
@ROOT_ONLY
def test_record_copies_are_private_and_a_full_disk_keeps_the_recording(virtual_microphone, tmp_path):
    copy = tmp_path / "copy.wav"
    previous = os.umask(0o022)
    try:
        result = run_cli("record", "--mock", "--duration", "1", "-o", str(copy), tmp_path=tmp_path)
    finally:
        os.umask(previous)
    assert result.returncode == 0, result.stderr
    assert _mode(copy) == 0o600 and sf.info(copy).duration > 0.5
    full = _device(tmp_path / "full", "/dev/full")
    failed = run_cli("record", "--mock", "--duration", "1", "-o", str(full), tmp_path=tmp_path)
    assert failed.returncode == 1, failed.stderr
    _no_traceback(failed)
    assert f"Could not write {full}: No space left on device" in failed.stderr
    with Library.open() as library:
        recordings = [r for i in library.interviews.all() for r in library.recordings.for_interview(i.id)]
    assert len(recordings) == 2 and all(r.path.stat().st_size > 44 for r in recordings)
    assert stat.S_ISCHR(full.lstat().st_mode)


@pytest.mark.parametrize("command", [
    ["export", "99999999999999999999999", "--format", "txt"],
    ["export", "9223372036854775808", "--format", "txt"],
    ["export", "0", "--format", "txt"],
    ["export", "-1", "--format", "txt"],
    ["export", "abc", "--format", "txt"],
    ["record", "--mock", "--interview", "99999999999999999999", "--duration", "1"],
    ["practice", "history", "user:99999999999999999999"],
    ["practice", "history", "user:0"],
])
def test_ids_are_checked(tmp_path, command):
    result = run_cli(*command, tmp_path=tmp_path)
    assert result.returncode == 2, result.stderr
    _no_traceback(result)
    assert len(result.stderr.strip().splitlines()) == 1
    assert "whole number from 1 to 9223372036854775807" in result.stderr


def test_the_largest_id_is_looked_up(tmp_path):
    result = run_cli("export", "9223372036854775807", "--format", "txt", tmp_path=tmp_path)
    assert result.returncode == 4 and "There is no transcript 9223372036854775807" in result.stderr


# -- the home folder and names on the terminal ------------------------------------------------------


def test_a_home_the_app_creates_is_private(tmp_path, monkeypatch):
    home = tmp_path / "new" / "furikaeri"
    monkeypatch.setenv(paths.HOME_ENV, str(home))
    previous = os.umask(0o022)
    try:
        for folder in (paths.data_dir(), paths.recordings_dir(), paths.config_dir(), paths.cache_dir()):
            assert _mode(folder) == 0o700
    finally:
        os.umask(previous)
    assert _mode(home) == _mode(tmp_path / "new") == 0o700


def test_an_existing_home_is_left_as_it_is(tmp_path, monkeypatch):
    home = tmp_path / "mine"
    home.mkdir()
    home.chmod(0o755)
    monkeypatch.setenv(paths.HOME_ENV, str(home))
    assert _mode(paths.data_dir()) == 0o700
    assert _mode(home) == 0o755


def test_the_cli_creates_a_private_home(tmp_path):
    home = tmp_path / "fresh"
    previous = os.umask(0o022)
    try:
        result = run_cli("calendar", tmp_path=tmp_path, env={paths.HOME_ENV: str(home)})
    finally:
        os.umask(previous)
    assert result.returncode == 0, result.stderr
    assert _mode(home) == 0o700 and _mode(home / "data") == 0o700


NASTY = "a\x1b[31mred\nforged line\u202e.wav"


def test_control_characters_in_names_are_printed_escaped(tmp_path):
    missing = run_cli("transcribe", str(tmp_path / NASTY), tmp_path=tmp_path)
    assert missing.returncode == 4
    assert "\x1b" not in missing.stderr and "\u202e" not in missing.stderr
    assert "\\x1b[31mred\\nforged line\\u202e.wav" in missing.stderr
    assert len(missing.stderr.strip().splitlines()) == 1
    transcript_id, _ = _library_with_transcript()
    name = tmp_path / NASTY.replace(".wav", ".txt")
    exported = run_cli("export", str(transcript_id), "-o", str(name), tmp_path=tmp_path)
    assert exported.returncode == 0, exported.stderr
    assert name.exists() and _mode(name) == 0o600  # the file has the name asked for
    assert exported.stdout.strip() == f"Exported to {tmp_path}/a\\x1b[31mred\\nforged line\\u202e.txt"
    folder = tmp_path / "dir\x1b]0;title\x07"
    folder.mkdir()
    refused = run_cli("calendar", "-o", str(folder), tmp_path=tmp_path)
    assert refused.returncode == 2 and "\x1b" not in refused.stderr and "\x07" not in refused.stderr
    assert "dir\\x1b]0;title\\x07 is a folder" in refused.stderr
    doctor = run_cli("doctor", tmp_path=tmp_path, env={paths.HOME_ENV: str(tmp_path / "home\x1b[2J")})
    assert "\x1b" not in doctor.stdout and "home\\x1b[2J" in doctor.stdout, doctor.stdout + doctor.stderr


# -- corrections reach every export ------------------------------------------------------------------


@pytest.fixture
def transcript_window(qtbot, virtual_microphone):
    """The real window over a recording with a transcript (its player needs a sound server: the private one)."""
    from core.settings import Settings
    from gui.transcript_window import TranscriptWindow

    transcript_id, _ = _library_with_transcript()
    library = Library.open()
    recording = library.recordings.get(library.transcripts.get(transcript_id).recording_id)
    window = TranscriptWindow(library, recording, lambda: None, Settings())
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=10000):
        window.start()
    yield window
    window.close()
    library.close()


def _correct_in_table(window, row: int, text: str) -> None:
    """What a double-click, typing and Enter do: the model's edit role."""
    assert window.model.setData(window.model.index(row, 1), text)


@pytest.mark.audio
def test_an_export_from_the_window_has_the_corrections_made_in_it(qtbot, transcript_window, tmp_path):
    window = transcript_window
    _correct_in_table(window, 0, "Thank you for seeing me.")
    txt, js = tmp_path / "after.txt", tmp_path / "after.json"
    window.export_to(str(txt), "txt")  # at once, while the correction may still be saving
    window.export_to(str(js), "json")
    qtbot.waitUntil(lambda: window.tasks.pending == 0 and txt.exists() and js.exists(), timeout=10000)
    assert "Thank you for seeing me." in txt.read_text("utf-8").splitlines()
    assert "seing" not in txt.read_text("utf-8")
    segments = json.loads(js.read_text("utf-8"))["segments"]
    assert segments[0]["corrected_text"] == "Thank you for seeing me."
    assert segments[0]["text"] == " Thank you for seing me."  # Whisper's words are kept
    assert window.transcript.segments[0].display_text == "Thank you for seeing me."
    window.find_field.setText("seeing")
    assert window.find_text() == 0
    with Library.open() as check:  # reopening reads the library: the same text
        assert check.transcripts.get(window.transcript.id).segments[0].corrected_text == "Thank you for seeing me."


@pytest.mark.audio
def test_the_newest_of_quick_corrections_is_the_one_kept(qtbot, transcript_window, tmp_path):
    window = transcript_window
    for text in ("first try", "second try", "I am very glad to be here."):
        _correct_in_table(window, 1, text)
    qtbot.waitUntil(lambda: window.tasks.pending == 0, timeout=10000)
    target = tmp_path / "out.txt"
    window.export_to(str(target), "txt")
    qtbot.waitUntil(target.exists, timeout=10000)
    assert target.read_text("utf-8").splitlines()[-1] == "I am very glad to be here."
    with Library.open() as check:
        assert check.transcripts.get(window.transcript.id).segments[1].corrected_text == "I am very glad to be here."
    # Back to Whisper's words: the correction is dropped everywhere.
    _correct_in_table(window, 1, "I am glad to be here.")
    qtbot.waitUntil(lambda: window.tasks.pending == 0, timeout=10000)
    assert window.transcript.segments[1].corrected_text is None
    with Library.open() as check:
        assert check.transcripts.get(window.transcript.id).segments[1].corrected_text is None


@pytest.mark.audio
def test_an_export_from_the_window_never_overwrites_the_recording(qtbot, transcript_window):
    window = transcript_window
    audio = window.recording.path
    before = audio.read_bytes()
    window.export_to(str(audio), "txt")
    qtbot.waitUntil(lambda: window.tasks.pending == 0, timeout=10000)
    assert audio.read_bytes() == before
    assert "Nothing was written" in window.status.text()


def test_the_practice_review_shows_corrected_text():
    from core.practice.review import PieceKind, answer_pieces, answer_words
    from core.transcription.model import Word

    transcript = Transcript(source="x.wav", language="ja", duration_ms=4000, settings=TranscriptionSettings(),
                            segments=(Segment(0, 1500, "えーと私は", words=(Word(0, 500, "えーと", 0.9),
                                                                          Word(500, 1500, "私は", 0.9))),
                                      Segment(1500, 3000, "学生です", corrected_text="学生でした",
                                              words=(Word(1500, 3000, "学生です", 0.9),))))
    words = answer_words(transcript, 0, 4000)
    assert [w.text for w in words] == ["えーと", "私は", "学生でした"]
    pieces = answer_pieces(words, {"fillers": [[0, 500, "えーと"], [1600, 1800, "えー"]], "pauses": []})
    assert [p.kind for p in pieces] == [PieceKind.FILLER, PieceKind.WORD, PieceKind.WORD]
