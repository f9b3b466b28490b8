"""Issue 18, item 4: backup and restore (core.backup, ``main.py backup`` / ``restore``).

Real libraries under the test's FURIKAERI_HOME, real WAV files, real archives on disk."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import numpy as np
import pytest
import soundfile

from core import backup, paths
from core.backup.archive import CHUNK, BackupError
from core.cli import main as cli_main
from core.consent import ConsentAnswer, ConsentMethod, ConsentPurpose, ConsentRecord
from core.consent.verify import check_consent
from core.interviews import Interview, InterviewKind, utc_now
from core.library import Library
from core.recording import importer
from core.recording.files import call_track_path, sidecar_path
from core.settings import LANGUAGE, Settings

FAST = 10  # scrypt's n = 2**10 in tests that are not about the key's cost: the format is the same
PASS = "correct horse 正しい馬"


def _wav(path: Path, seconds: float = 1.0, tone: float = 440.0) -> Path:
    t = np.arange(int(16000 * seconds)) / 16000
    soundfile.write(path, (0.2 * np.sin(2 * np.pi * tone * t)).astype(np.float32), 16000, subtype="PCM_16")
    return path


def _fill(source: Path) -> None:
    """Interviews, notes, a recording (real WAV) with its sidecar and call track, consent records, settings."""
    with Library.open() as library:
        first = library.interviews.add(Interview(company="株式会社バックアップ", kind=InterviewKind.REAL)).stored_id
        library.interviews.add(Interview(company="Acme", position="Engineer", kind=InterviewKind.REAL))
        library.notes.save(first, "Asked about the team. 年収の話")
        record = ConsentRecord(interview_id=first, purpose=ConsentPurpose.IMPORTED, answer=ConsentAnswer.AGREED,
                               who="Ms Tanaka", method=ConsentMethod.IN_PERSON, asked_at=utc_now())
        recording = importer.import_audio(library, _wav(source / "talk.wav"), record)
        _wav(call_track_path(recording.path), tone=220.0)
    Settings().set(LANGUAGE, "ja")


def _library_files() -> dict[str, bytes]:
    data = paths.data_dir(create=False)
    return {path.relative_to(data).as_posix(): path.read_bytes() for path in sorted(data.rglob("*"))
            if path.is_file() and "recordings" in path.parts}


def _queries() -> list[object]:
    with Library.open() as library:
        return [[(i.company, i.position) for i in library.interviews.all()],
                [library.notes.get(i.stored_id) for i in library.interviews.all()],
                [(r.file, r.consent_hash) for r in library.recordings.all()],
                len(library.consent.for_interview(library.interviews.all()[0].stored_id))]


def _move_home(monkeypatch, tmp_path: Path, name: str) -> Path:
    home = tmp_path / name
    monkeypatch.setenv(paths.HOME_ENV, str(home))
    return home


def test_a_backup_restores_an_identical_library_on_a_fresh_home(tmp_path, monkeypatch):
    _fill(tmp_path)
    files, queries = _library_files(), _queries()
    assert any(name.endswith(".call.wav") for name in files) and any(name.endswith(".json") for name in files)
    settings = paths.settings_path().read_bytes()
    archive = tmp_path / "library.furikaeri-backup"
    progress: list[tuple[int, int]] = []
    result = backup.backup(archive, PASS, report=lambda done, total: progress.append((done, total)), log2_n=FAST)
    assert progress and progress[-1][0] == progress[-1][1] == result.bytes
    raw = archive.read_bytes()
    assert "株式会社バックアップ".encode() not in raw and b"RIFF" not in raw  # sealed: nothing readable inside
    assert oct(archive.stat().st_mode & 0o777) == oct(0o600)

    _move_home(monkeypatch, tmp_path, "fresh")
    restored = backup.restore(archive, PASS)
    assert (restored.interviews, restored.recordings, restored.set_aside) == (2, 1, None)
    assert restored.bytes == result.bytes
    assert _library_files() == files  # byte for byte
    assert _queries() == queries
    assert paths.settings_path().read_bytes() == settings
    with Library.open() as library:
        assert check_consent(library).ok
        recording = library.recordings.all()[0]
        assert sidecar_path(recording.path).is_file()
    leftovers = [p.name for p in paths.data_dir().parent.iterdir() if p.name.startswith(".")]
    assert leftovers == []


def test_an_unencrypted_backup_is_labelled_and_restores(tmp_path, monkeypatch):
    _fill(tmp_path)
    archive = tmp_path / "plain.backup"
    backup.backup(archive, None)
    assert not backup.is_encrypted(archive)
    _move_home(monkeypatch, tmp_path, "fresh")
    assert backup.restore(archive, None).interviews == 2


def test_a_backup_while_another_connection_writes_is_consistent(tmp_path, monkeypatch):
    _fill(tmp_path)
    writer = sqlite3.connect(paths.database_path(), isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO interviews (company, kind, created_at, updated_at) "
                   "SELECT 'Uncommitted', kind, created_at, updated_at FROM interviews LIMIT 1")
    archive = tmp_path / "during.backup"
    try:
        backup.backup(archive, PASS, log2_n=FAST)
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    _move_home(monkeypatch, tmp_path, "fresh")
    assert backup.restore(archive, PASS).interviews == 2  # the open transaction's row is not in the snapshot
    with Library.open() as library:
        assert library.quick_check() == ["ok"]
        assert "Uncommitted" not in [i.company for i in library.interviews.all()]


def _big_archive(tmp_path: Path) -> Path:
    """A library with more than a few chunks: a long recording."""
    with Library.open() as library:
        interview = library.interviews.add(Interview(company="Long", kind=InterviewKind.REAL)).stored_id
        record = ConsentRecord(interview_id=interview, purpose=ConsentPurpose.IMPORTED,
                               answer=ConsentAnswer.AGREED, who="Mr Sato", method=ConsentMethod.IN_PERSON,
                               asked_at=utc_now())
        importer.import_audio(library, _wav(tmp_path / "long.wav", seconds=120), record)  # 3.8 MB
    archive = tmp_path / "big.backup"
    backup.backup(archive, PASS, log2_n=FAST)
    assert archive.stat().st_size > 3 * CHUNK
    return archive


def _refused(archive: Path, passphrase: str | None, expected: str) -> None:
    with pytest.raises(BackupError) as caught:
        backup.restore(archive, passphrase)
    message = str(caught.value)
    assert expected in message and "Nothing was restored" in message
    data = paths.data_dir(create=False)
    assert not data.exists() or not any(data.iterdir())  # nothing written
    assert [p.name for p in data.parent.iterdir() if p.name.startswith(".")] == []
    assert not paths.settings_path().exists()


def test_a_flipped_byte_a_cut_archive_and_a_wrong_passphrase_are_refused(tmp_path, monkeypatch):
    archive = _big_archive(tmp_path)
    size = archive.stat().st_size
    flipped = tmp_path / "flipped.backup"
    raw = bytearray(archive.read_bytes())
    raw[size // 2] ^= 0x01
    flipped.write_bytes(bytes(raw))
    cut = tmp_path / "cut.backup"
    with open(archive, "rb") as source, open(cut, "wb") as out:
        out.write(source.read(size - (size % CHUNK or CHUNK) - 16))  # the last chunk (and a bit) gone
    swapped = tmp_path / "swapped.backup"  # two middle frames exchanged: each is whole, in the wrong place
    header = 16 + 2 + 3 + 16 + 8 + 16
    frame = 5 + CHUNK + 16
    first, second = header + frame, header + 2 * frame
    swapped.write_bytes(bytes(raw[:first]) + archive.read_bytes()[second:second + frame]
                        + archive.read_bytes()[first:second] + archive.read_bytes()[second + frame:])

    _move_home(monkeypatch, tmp_path, "fresh")
    _refused(flipped, PASS, "damaged or was changed")
    _refused(cut, PASS, "damaged or was changed")
    _refused(swapped, PASS, "damaged or was changed")
    _refused(archive, "not the passphrase", "passphrase is not the one")
    _refused(archive, None, "encrypted")
    text = tmp_path / "notes.txt"
    text.write_text("hello", "utf-8")
    _refused(text, PASS, "not a Furikaeri backup")
    assert backup.restore(archive, PASS).recordings == 1  # the archive itself was fine all along


def test_a_library_that_is_not_empty_is_replaced_only_when_asked_and_kept_aside(tmp_path, monkeypatch):
    _fill(tmp_path)
    archive = tmp_path / "a.backup"
    backup.backup(archive, PASS, log2_n=FAST)
    with Library.open() as library:
        library.interviews.add(Interview(company="Added later", kind=InterviewKind.REAL))
    before = paths.database_path().read_bytes()
    with pytest.raises(BackupError, match="is not empty"):
        backup.restore(archive, PASS)
    assert paths.database_path().read_bytes() == before
    with pytest.raises(BackupError, match="passphrase"):
        backup.restore(archive, "wrong", replace=True)
    assert paths.database_path().read_bytes() == before
    result = backup.restore(archive, PASS, replace=True)
    assert result.interviews == 2 and result.set_aside is not None
    assert (result.set_aside / "library.sqlite3").read_bytes() == before
    with Library.open() as library:
        assert "Added later" not in [i.company for i in library.interviews.all()]


def test_a_backup_is_never_written_into_the_library(tmp_path):
    _fill(tmp_path)
    database = paths.database_path()
    before = database.read_bytes()
    for target in (database, paths.data_dir() / "new.backup"):
        with pytest.raises(Exception, match="Nothing was written"):
            backup.backup(target, None)
    assert database.read_bytes() == before
    assert not (paths.data_dir() / "new.backup").exists()


# -- the command line ------------------------------------------------------------------------------


def _cli(capsys, *argv: str) -> tuple[int, str, str]:
    status = cli_main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_the_commands_back_up_and_restore_with_a_passphrase_file(tmp_path, monkeypatch, capsys):
    _fill(tmp_path)
    secret = tmp_path / "pass.txt"
    secret.write_text(PASS + "\n", "utf-8")
    archive = tmp_path / "cli.backup"
    status, out, err = _cli(capsys, "backup", "-o", str(archive), "--passphrase-file", str(secret))
    assert status == 0 and "Backed up" in out and "Traceback" not in err
    assert backup.is_encrypted(archive)

    status, out, err = _cli(capsys, "restore", str(archive), "--passphrase-file", str(secret))
    assert status == 1 and "is not empty" in err and "Traceback" not in err

    _move_home(monkeypatch, tmp_path, "fresh")
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("nope\n", "utf-8")
    status, out, err = _cli(capsys, "restore", str(archive), "--passphrase-file", str(wrong))
    assert status == 1 and err.count("\n") == 1 and "passphrase" in err
    status, out, err = _cli(capsys, "restore", str(archive), "--passphrase-file", str(secret))
    assert status == 0 and "2 interview(s)" in out and "1 recording(s)" in out and "consent" in out


def test_the_commands_refuse_bad_outputs_and_missing_archives(tmp_path, capsys):
    _fill(tmp_path)
    status, _, err = _cli(capsys, "backup", "-o", str(tmp_path), "--no-encrypt")
    assert status == 2 and "is a folder" in err
    status, _, err = _cli(capsys, "backup", "-o", str(paths.database_path()), "--no-encrypt")
    assert status == 2 and "Nothing was written" in err
    settings = paths.settings_path().read_bytes()
    status, _, err = _cli(capsys, "backup", "-o", str(paths.settings_path()), "--no-encrypt")
    assert status == 2 and "is being read" in err and paths.settings_path().read_bytes() == settings
    status, _, err = _cli(capsys, "restore", str(tmp_path / "missing.backup"), "--replace")
    assert status == 1 and "cannot be read" in err and "Traceback" not in err
    status, _out, err = _cli(capsys, "backup", "-o", str(tmp_path / "plain.backup"), "--no-encrypt")
    assert status == 0 and "not encrypted" in err


def test_the_passphrase_is_asked_twice(tmp_path, monkeypatch, capsys):
    _fill(tmp_path)
    answers = iter(["one passphrase", "another"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    status, _, err = _cli(capsys, "backup", "-o", str(tmp_path / "x.backup"))
    assert status == 2 and "do not match" in err
    assert not (tmp_path / "x.backup").exists()
    assert [p for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_the_file_stays_private(tmp_path):
    _fill(tmp_path)
    archive = tmp_path / "p.backup"
    backup.backup(archive, None)
    assert os.stat(archive).st_mode & 0o077 == 0
    assert hashlib.sha256(archive.read_bytes()).hexdigest()  # a whole, readable file


def test_an_unencrypted_backup_with_a_flipped_byte_is_refused(tmp_path, monkeypatch):
    _fill(tmp_path)
    archive = tmp_path / "plain.backup"
    backup.backup(archive, None)
    raw = bytearray(archive.read_bytes())
    raw[len(raw) // 2] ^= 0x40
    archive.write_bytes(bytes(raw))
    _move_home(monkeypatch, tmp_path, "fresh")
    _refused(archive, None, "damaged or was changed")


def test_a_backup_whose_consent_records_were_altered_is_not_restored(tmp_path, monkeypatch):
    _fill(tmp_path)
    conn = sqlite3.connect(paths.database_path(), isolation_level=None)
    conn.execute("DROP TRIGGER IF EXISTS consent_records_no_update")
    conn.execute("UPDATE consent_records SET who = 'nobody'")
    conn.close()
    archive = tmp_path / "altered.backup"
    backup.backup(archive, PASS, log2_n=FAST)  # a backup copies what is there; the restore checks it
    home = _move_home(monkeypatch, tmp_path, "fresh")
    with pytest.raises(BackupError, match="consent records in this backup do not verify"):
        backup.restore(archive, PASS)
    assert not paths.data_dir(create=False).exists() or not any(paths.data_dir(create=False).iterdir())
    assert not paths.settings_path().exists()
    assert [p.name for p in home.iterdir() if p.name.startswith(".")] == []


def test_main_py_backs_up_and_restores_as_a_user_would(tmp_path):
    from tests.test_cli import run_cli

    _fill(tmp_path)  # its settings ask for Japanese
    source = os.environ[paths.HOME_ENV]
    secret = tmp_path / "pass.txt"
    secret.write_text(PASS + "\n", "utf-8")
    archive = tmp_path / "real.backup"
    made = run_cli("backup", "-o", str(archive), "--passphrase-file", str(secret), tmp_path=tmp_path,
                   env={paths.HOME_ENV: source})
    assert made.returncode == 0 and "バックアップしました" in made.stdout, made.stderr
    cut = tmp_path / "cut.backup"
    cut.write_bytes(archive.read_bytes()[:-100])
    fresh = {paths.HOME_ENV: str(tmp_path / "fresh")}
    refused = run_cli("restore", str(cut), "--passphrase-file", str(secret), tmp_path=tmp_path, env=fresh)
    assert refused.returncode == 1 and refused.stderr.count("\n") == 1 and "Traceback" not in refused.stderr
    assert "damaged" in refused.stderr and not (tmp_path / "fresh" / "data").exists()
    restored = run_cli("restore", str(archive), "--passphrase-file", str(secret), tmp_path=tmp_path, env=fresh)
    # Said in the language of the home it ran in (the restored settings, Japanese, apply from the next start).
    assert restored.returncode == 0 and "Restored 2 interview(s)" in restored.stdout, restored.stderr
    assert '"language": "ja"' in (tmp_path / "fresh" / "config" / "settings.json").read_text("utf-8")


def test_memory_stays_flat_whatever_the_size_of_a_file(tmp_path, monkeypatch):
    """A 12 MB recording is backed up and restored with a few MB of Python memory at most: chunks, never files."""
    import tracemalloc

    with Library.open() as library:
        interview = library.interviews.add(Interview(company="Big", kind=InterviewKind.REAL)).stored_id
        record = ConsentRecord(interview_id=interview, purpose=ConsentPurpose.IMPORTED,
                               answer=ConsentAnswer.AGREED, who="Ms Ito", method=ConsentMethod.IN_PERSON,
                               asked_at=utc_now())
        importer.import_audio(library, _wav(tmp_path / "big.wav", seconds=380), record)  # 12 MB
    archive = tmp_path / "big.backup"
    tracemalloc.start()
    try:
        backup.backup(archive, PASS, log2_n=FAST)
        _, backup_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        _move_home(monkeypatch, tmp_path, "fresh")
        backup.restore(archive, PASS)
        _, restore_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert archive.stat().st_size > 12_000_000
    assert backup_peak < 6 * CHUNK and restore_peak < 6 * CHUNK, (backup_peak, restore_peak)
