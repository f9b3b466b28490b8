"""The library on the error paths: busy, damaged, newer, and what a failed ``record`` leaves behind.

Every fault is real: a second SQLite connection holding ``BEGIN EXCLUSIVE``
(released once the command is seen waiting for it, or kept), library files
damaged on disk (random pages overwritten, truncated, a text file, a folder,
an empty file), a library left by a newer version with its write-ahead log
still pending (a process that exited without closing it), and ``record``
without a reachable sound server.  Commands run in this process through
:func:`core.cli.main` (a traceback would escape it) or as real subprocesses.
"""

from __future__ import annotations

import hashlib
import os
import random
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from core import paths
from core.cli import main as cli_main
from core.interviews import Interview, InterviewKind
from core.library import Library
from core.storage import db
from core.tracker.events import EventKind
from tests.recording_helpers import audio_files
from tests.test_cli import ROOT, run_cli

COMMANDS = {
    "search": ["search", "面接"],
    "record": ["record", "--mock", "--duration", "1"],
    "export": ["export", "1", "--format", "txt"],
    "practice questions": ["practice", "questions"],
    "practice add": ["practice", "add", "最近読んだ本は何ですか"],
    "calendar": ["calendar"],
    "consent-report": ["consent-report", "1", "--format", "html", "-o", os.devnull],
    "doctor": ["doctor"],
}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot(folder: Path) -> dict[str, str]:
    """Every file below ``folder`` with its hash, folders marked: what "nothing changed" means."""
    return {str(p.relative_to(folder)): ("dir" if p.is_dir() else digest(p)) for p in sorted(folder.rglob("*"))}


def filled_library() -> Path:
    """A real library with enough interviews and notes to span many pages; closed (no log left)."""
    with Library.open() as library:
        for number in range(40):
            interview = library.interviews.add(Interview(company=f"株式会社{number}", kind=InterviewKind.REAL))
            library.notes.save(interview.id, f"面接の振り返り {number}\n" + "志望動機について話した。" * 60)
        assert library.search.search("志望動機")  # the index is built
    return paths.database_path()


def quick_check(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        return [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]
    except sqlite3.DatabaseError as error:
        return [str(error)]
    finally:
        conn.close()


def damage(kind: str) -> Path:
    path = paths.database_path()
    if kind == "random pages":
        filled_library()
        page = 4096
        pages = path.stat().st_size // page
        chosen = random.Random(11).sample(range(1, pages), 4)  # page 1 (the header) stays
        with open(path, "r+b") as handle:
            for number in chosen:
                handle.seek(number * page)
                handle.write(random.Random(number).randbytes(page))
        assert quick_check(path) != ["ok"]
    elif kind == "truncated":
        filled_library()
        os.truncate(path, path.stat().st_size // 2 + 100)
        assert quick_check(path) != ["ok"]
    elif kind == "text file":
        path.write_text("これはデータベースではありません。\nnot a database\n" * 50)
    elif kind == "folder":
        path.mkdir()
        (path / "inside.txt").write_text("a file inside the folder")
    elif kind == "empty file":
        path.touch()
    return path


# -- a damaged library (item 8) ------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["random pages", "truncated", "text file", "folder", "empty file"])
@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_damaged_library_gets_a_sentence_and_is_left_as_it_was(capsys, kind, command):
    path = damage(kind)
    before = snapshot(paths.data_dir())

    status = cli_main(COMMANDS[command])

    output = capsys.readouterr()
    assert snapshot(paths.data_dir()) == before  # not a byte written, not even a log beside it
    if command == "doctor":
        assert status == 1
        line = next(line for line in output.out.splitlines() if "Library database" in line)
        assert line.startswith("[FAIL]") and str(path) in line
    else:
        assert status == 3, output
        assert output.err.count("\n") == 1 and output.err.startswith(f"The library at {path} ")
        assert output.err.rstrip().endswith(".")
    if kind in ("random pages", "truncated"):
        assert "damaged" in output.err + output.out
    if kind == "empty file":
        assert path.stat().st_size == 0 and "empty (0 bytes)" in output.err + output.out


def test_doctor_reports_the_integrity_check(capsys):
    filled_library()
    assert cli_main(["doctor"]) in (0, 1)  # 1 only if something else (audio, models) is missing here
    line = next(line for line in capsys.readouterr().out.splitlines() if "Library integrity" in line)
    assert line.startswith("[ ok ]") and "PRAGMA quick_check: ok" in line


def test_the_app_refuses_a_damaged_library_through_the_real_entry_point(tmp_path):
    path = damage("random pages")
    before = digest(path)
    result = run_cli("search", "面接", tmp_path=tmp_path)
    assert result.returncode == 3
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1
    assert "is damaged" in result.stderr
    assert digest(path) == before


def test_a_new_library_is_only_ever_linked_into_place_whole(monkeypatch):
    good = db.migrations()
    broken = db.Migration(len(good) + 1, "9999_broken.sql", "INSERT INTO no_such_table VALUES (1);")
    monkeypatch.setattr(db, "migrations", lambda: [*good, broken])
    with pytest.raises(sqlite3.OperationalError):
        Library.open()
    assert sorted(os.listdir(paths.data_dir())) == []  # neither a half-made library nor a temporary one
    monkeypatch.setattr(db, "migrations", lambda: good)
    with Library.open() as library:
        assert library.schema_version() == len(good)
    assert sorted(os.listdir(paths.data_dir())) == ["library.sqlite3"]


# -- a newer library, its write-ahead log still pending (item 9) ---------------------------------

NEWER_WRITER = """
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA wal_autocheckpoint = 0")
conn.execute("CREATE TABLE from_the_future (x)")
conn.execute("INSERT INTO from_the_future VALUES ('kept in the log')")
conn.execute(f"PRAGMA user_version = {int(sys.argv[2])}")
os._exit(0)  # like a crash: the log is never folded into the file
"""


def newer_library_with_pending_log() -> tuple[Path, Path]:
    path = filled_library()
    subprocess.run([sys.executable, "-c", NEWER_WRITER, str(path), str(db.latest_version() + 1)], check=True)
    log = path.with_name(path.name + "-wal")
    assert log.stat().st_size > 0
    assert int.from_bytes(path.read_bytes()[60:64], "big") == db.latest_version()  # the new version is in the log
    return path, log


@pytest.mark.parametrize("command", [c for c in COMMANDS if c != "doctor"])
def test_a_newer_library_with_a_pending_log_is_left_byte_identical(capsys, command):
    path, log = newer_library_with_pending_log()
    before = (digest(path), digest(log))

    assert cli_main(COMMANDS[command]) == 3
    with pytest.raises(db.DatabaseError, match="newer version"):
        Library.open()

    assert "newer version" in capsys.readouterr().err
    assert (digest(path), digest(log)) == before
    assert path.read_bytes()[18:20] == b"\x02\x02"  # still in WAL mode


def test_doctor_leaves_a_newer_library_with_a_pending_log_alone(capsys):
    path, log = newer_library_with_pending_log()
    before = (digest(path), digest(log))
    assert cli_main(["doctor"]) == 1
    assert "newer version" in capsys.readouterr().out
    assert (digest(path), digest(log)) == before


def test_a_newer_library_keeps_its_rollback_journal_mode():
    path = paths.database_path()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("CREATE TABLE from_the_future (x)")
    conn.execute(f"PRAGMA user_version = {db.latest_version() + 1}")
    conn.close()
    before = digest(path)
    with pytest.raises(db.DatabaseError, match="newer version"):
        Library.open()
    assert digest(path) == before and path.read_bytes()[18:20] == b"\x01\x01"
    assert sorted(os.listdir(path.parent)) == ["library.sqlite3"]


# -- a busy library (item 7) ---------------------------------------------------------------------


class Holder:
    """Another program's write lock on the library: ``BEGIN EXCLUSIVE`` in a connection of its own."""

    def __init__(self, path: Path):
        self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.conn.execute("BEGIN EXCLUSIVE")

    def release(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("COMMIT")

    def close(self) -> None:
        self.release()
        self.conn.close()


def spawn_cli(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, env=os.environ.copy(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def waiting_on_library(pid: int, path: Path) -> bool:
    """The process has the library open and sleeps (in SQLite's busy handler, or between tries)."""
    try:
        files = {os.readlink(f"/proc/{pid}/fd/{fd}") for fd in os.listdir(f"/proc/{pid}/fd")}
        wchan = Path(f"/proc/{pid}/wchan").read_text()
    except OSError:
        return False
    return str(path) in files and "nanosleep" in wchan


def release_once_waiting(child: subprocess.Popen[str], holder: Holder, path: Path) -> threading.Thread:
    """Release the lock as soon as ``child`` is seen waiting for it (so the wait is real, and short)."""
    seen = threading.Event()

    def watch() -> None:
        while child.poll() is None and not waiting_on_library(child.pid, path):
            seen.wait(0.005)
        holder.release()

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    return thread


def pending_search_library() -> Path:
    """A library whose search index has changes to take in (so searching writes)."""
    with Library.open() as library:
        library.interviews.add(Interview(company="面接練習株式会社", kind=InterviewKind.REAL))
        with library._lock:
            assert library._conn.execute("SELECT count(*) FROM search_queue").fetchone()[0] > 0
    return paths.database_path()


@pytest.mark.slow
def test_search_waits_for_a_short_lock():
    path = pending_search_library()
    holder = Holder(path)
    try:
        child = spawn_cli("search", "面接練習")
        watcher = release_once_waiting(child, holder, path)
        out, err = child.communicate(timeout=60)
        watcher.join()
    finally:
        holder.close()
    assert child.returncode == 0, err
    assert "面接練習株式会社" in out


@pytest.mark.slow
def test_search_explains_a_lock_that_lasts_and_changes_nothing(tmp_path):
    path = pending_search_library()
    holder = Holder(path)
    try:
        result = run_cli("search", "面接練習", tmp_path=tmp_path)
        holder.release()
    finally:
        holder.close()
    assert result.returncode == 3
    assert result.stderr.count("\n") == 1 and "is busy" in result.stderr and "Traceback" not in result.stderr
    with Library.open() as library, library._lock:
        assert library._conn.execute("SELECT count(*) FROM search_queue").fetchone()[0] > 0  # still to do


@pytest.mark.slow
def test_a_write_waits_for_a_short_lock():
    path = pending_search_library()
    holder = Holder(path)
    try:
        child = spawn_cli("practice", "add", "最近読んだ本は何ですか")
        watcher = release_once_waiting(child, holder, path)
        _out, err = child.communicate(timeout=60)
        watcher.join()
    finally:
        holder.close()
    assert child.returncode == 0, err
    with Library.open() as library:
        assert any(q.text("ja") == "最近読んだ本は何ですか" for q in library.questions.all())


@pytest.mark.slow
def test_record_explains_a_lock_that_lasts_and_creates_nothing(tmp_path):
    path = pending_search_library()
    holder = Holder(path)
    try:
        result = run_cli("record", "--mock", "--duration", "1", tmp_path=tmp_path)
        holder.release()
    finally:
        holder.close()
    assert result.returncode == 3, result.stdout + result.stderr
    assert result.stderr.count("\n") == 1 and "is busy" in result.stderr and "Traceback" not in result.stderr
    with Library.open() as library:
        assert [i.company for i in library.interviews.all()] == ["面接練習株式会社"]
    assert audio_files() == [] and not list(paths.recordings_dir().iterdir())


# -- a refused or failed record (item 11) ---------------------------------------------------------


def no_sound_server(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "client.conf").write_text("autospawn = no\n")
    return {"PULSE_SERVER": f"unix:{tmp_path}/nobody", "PULSE_CLIENTCONFIG": str(tmp_path / "client.conf")}


@pytest.mark.slow
def test_failed_records_leave_no_interviews_behind(tmp_path):
    env = no_sound_server(tmp_path)
    for args in (["--mock"], ["--mock"], ["--who", "田中様", "--how", "online", "--company", "株式会社A"],
                 ["--who", "田中様", "--how", "online", "--company", "株式会社A"]):
        result = run_cli("record", *args, "--duration", "1", tmp_path=tmp_path, env=env)
        assert result.returncode == 1, result.stdout + result.stderr
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    with Library.open() as library:
        assert library.interviews.all() == []
        assert library._conn.execute("SELECT count(*) FROM consent_records").fetchone()[0] == 0
    assert audio_files() == []


@pytest.mark.slow
def test_a_failed_record_in_a_named_interview_is_noted_there(tmp_path):
    with Library.open() as library:
        interview = library.interviews.add(Interview(company="株式会社サンプル", kind=InterviewKind.REAL))
    result = run_cli("record", "--interview", str(interview.id), "--who", "田中様", "--how", "in_person",
                     "--duration", "1", tmp_path=tmp_path, env=no_sound_server(tmp_path))
    assert result.returncode == 1, result.stdout + result.stderr
    with Library.open() as library:
        assert [i.id for i in library.interviews.all()] == [interview.id]
        assert [c.who for c in library.consent.for_interview(interview.id)] == ["田中様"]  # what was agreed stays
        (event,) = library.events.for_interview(interview.id)
        assert library.recordings.for_interview(interview.id) == []
    assert event.kind is EventKind.RECORDING_FAILED
    assert str(event.message) == f"Recording did not start: {result.stderr.strip()}"
    assert event.message.render(lambda context, text: f"<{text}>").startswith("<Recording did not start: <")
    assert audio_files() == []
