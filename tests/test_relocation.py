"""Moving the library (core.relocation) on real folders: checked, copied, verified, switched; the old copy removed
only after the new one verified; any failure leaves the library where it was."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from core import paths, relocation
from core.consent.verify import check_consent
from core.interviews import Interview, InterviewKind
from core.library import Library
from core.messages import FurikaeriError
from core.recording import importer
from core.relocation import MoveError
from tests.test_deletion import _permission, _wav


def _library_with_content(tmp_path: Path) -> dict[str, str]:
    """A library with an interview, an imported recording and its side files; the sha256 of every file."""
    with Library.open() as library:
        interview = library.interviews.add(Interview(company="Acme", kind=InterviewKind.REAL))
        recording = importer.import_audio(library, _wav(tmp_path / "a.wav"), _permission(interview.stored_id))
        library.notes.save(interview.stored_id, "Asked about the team. 年収の話")
        assert recording.path.exists()
    root = paths.data_dir()
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in root.rglob("*") if p.is_file() and not p.name.startswith("library.sqlite3")}


def test_the_library_moves_and_everything_is_there(tmp_path):
    before = _library_with_content(tmp_path)
    old = paths.data_dir()
    target = tmp_path / "elsewhere" / "Furikaeri library"
    seen: list[tuple[int, int]] = []
    moved = relocation.move(target, progress=lambda done, total: seen.append((done, total)))
    assert moved.source == old.resolve() and moved.target == target.resolve() and moved.old_removed
    assert not old.exists()
    assert paths.data_dir() == target.resolve()
    assert paths.library_pointer_path().read_text("utf-8").strip() == str(target.resolve())
    assert seen and seen[-1][0] == seen[-1][1]
    after = {p.relative_to(target).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
             for p in target.rglob("*") if p.is_file() and not p.name.startswith("library.sqlite3")}
    assert after == before
    assert os.stat(target).st_mode & 0o777 == 0o700
    assert all(os.stat(p).st_mode & 0o777 == 0o600 for p in target.rglob("*") if p.is_file())
    with Library.open() as library:
        assert library.path.parent == target.resolve()
        [interview] = library.interviews.all()
        assert "年収" in library.notes.get(interview.stored_id)
        [recording] = library.recordings.all()
        assert recording.path.is_file() and recording.path.is_relative_to(target.resolve())
        assert check_consent(library).ok


def test_moving_back_to_the_default_place_removes_the_pointer(tmp_path):
    _library_with_content(tmp_path)
    default = paths.default_data_dir()
    relocation.move(tmp_path / "away")
    relocation.move(default)
    assert not paths.library_pointer_path().exists()
    assert paths.data_dir() == default
    with Library.open() as library:
        assert len(library.recordings.all()) == 1


@pytest.mark.parametrize("where", ["inside", "itself", "parent", "not empty", "relative"])
def test_refused_targets_change_nothing(tmp_path, where):
    _library_with_content(tmp_path)
    old = paths.data_dir()
    target = {"inside": old / "sub", "itself": old, "parent": old.parent, "not empty": tmp_path / "full",
              "relative": Path("relative/folder")}[where]
    if where == "not empty":
        target.mkdir()
        (target / "mine.txt").write_text("the user's")
    assert relocation.check_target(target) is not None
    with pytest.raises(MoveError):
        relocation.move(target)
    assert paths.data_dir() == old and not paths.library_pointer_path().exists()
    with Library.open() as library:
        assert len(library.recordings.all()) == 1
    if where == "not empty":
        assert [p.name for p in target.iterdir()] == ["mine.txt"]


def test_not_enough_space_is_refused(tmp_path, monkeypatch):
    _library_with_content(tmp_path)
    import shutil

    real = shutil.disk_usage
    monkeypatch.setattr(relocation.shutil, "disk_usage",
                        lambda path: real(path)._replace(free=1024))  # a full disk, as the check sees it
    problem = relocation.check_target(tmp_path / "new")
    assert problem is not None and "free space" in problem.text


def test_a_read_only_folder_is_refused(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root writes anywhere")
    _library_with_content(tmp_path)
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    assert "may not write" in relocation.check_target(locked / "lib").text


def test_a_copy_that_differs_is_not_switched_to(tmp_path, monkeypatch):
    """A file whose copy does not verify: the pointer is not changed, the copy removed, the old library intact."""
    _library_with_content(tmp_path)
    old = paths.data_dir()
    real = relocation._copy_file

    def corrupting(source: Path, target: Path) -> None:
        real(source, target)
        if source.suffix == ".wav":
            with target.open("r+b") as file:
                file.seek(100)
                file.write(b"\x00\x01\x02")

    monkeypatch.setattr(relocation, "_copy_file", corrupting)
    target = tmp_path / "new"
    with pytest.raises(MoveError, match="differs"):
        relocation.move(target)
    assert not target.exists()
    assert paths.data_dir() == old and not paths.library_pointer_path().exists()
    with Library.open() as library:
        [recording] = library.recordings.all()
        assert recording.path.is_relative_to(old)
        assert check_consent(library).ok


def test_not_while_the_library_is_written_by_another_program(tmp_path):
    import sqlite3

    _library_with_content(tmp_path)
    busy = sqlite3.connect(paths.database_path(), isolation_level=None)
    busy.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(FurikaeriError):  # busy: one sentence (after waiting five seconds)
            relocation.move(tmp_path / "new")
    finally:
        busy.rollback()
        busy.close()
    assert not (tmp_path / "new").exists() or not any((tmp_path / "new").iterdir())
    assert not paths.library_pointer_path().exists()


def test_a_moved_library_that_cannot_be_found_is_said_so(tmp_path):
    _library_with_content(tmp_path)
    relocation.move(tmp_path / "usb")
    os.rename(tmp_path / "usb", tmp_path / "unplugged")
    with pytest.raises(paths.LibraryMissingError) as raised:
        paths.data_dir()
    assert "cannot be found" in raised.value.message.render()
    assert not (tmp_path / "usb").exists()  # no empty library started there


def test_main_py_move_library(tmp_path, capsys):
    from core import cli

    _library_with_content(tmp_path)
    target = tmp_path / "moved by the command line"
    assert cli.main(["move-library", str(target)]) == 0
    assert "Moved and verified" in capsys.readouterr().out
    assert paths.data_dir() == target.resolve()
    assert cli.main(["move-library", str(target / "inside")]) == 2
    assert "inside it" in capsys.readouterr().err


def test_a_move_asked_for_in_the_app_happens_at_the_next_start(tmp_path):
    _library_with_content(tmp_path)
    assert relocation.move_pending() is None
    relocation.request_move(tmp_path / "later")
    assert relocation.pending_move() == (tmp_path / "later").resolve()
    moved = relocation.move_pending()
    assert moved is not None and paths.data_dir() == (tmp_path / "later").resolve()
    assert relocation.pending_move() is None
    relocation.request_move(paths.data_dir() / "inside")  # refused: said once, not asked again
    with pytest.raises(MoveError):
        relocation.move_pending()
    assert relocation.pending_move() is None and paths.data_dir() == (tmp_path / "later").resolve()


def test_settings_asks_for_the_move_and_the_next_start_does_it(qtbot, tmp_path):
    """Your data page: the library's place, "Move library…" checks the folder and asks for the move; the app's next
    start (gui.app.move_if_asked) moves it behind a progress window."""
    from gui.app import move_if_asked
    from tests.gui_helpers import settings_dialog

    _library_with_content(tmp_path)
    old = paths.data_dir()
    with settings_dialog(qtbot, "en") as dialog:
        dialog.pages.setCurrentWidget(dialog.data_page)
        assert str(old) in dialog.library_place.text()
        assert dialog.move_button.text() == "Move library…" and not dialog.cancel_move_button.isVisible()
        dialog.choose_library_folder(str(old / "recordings"))  # inside: refused, said why
        qtbot.waitUntil(lambda: "inside it" in dialog.move_note.text(), timeout=5000)
        assert relocation.pending_move() is None
        target = tmp_path / "new place"
        target.mkdir()
        dialog.choose_library_folder(str(target))
        qtbot.waitUntil(lambda: "next time Furikaeri starts" in dialog.move_note.text(), timeout=5000)
        assert dialog.cancel_move_button.isVisible() and relocation.pending_move() == target.resolve()
        dialog.cancel_move_button.click()
        assert relocation.pending_move() is None and not dialog.move_note.isVisible()
        dialog.choose_library_folder(str(target))
        qtbot.waitUntil(lambda: relocation.pending_move() is not None, timeout=5000)
    move_if_asked()
    assert paths.data_dir() == target.resolve() and not old.exists()
    assert relocation.pending_move() is None
    with Library.open() as library:
        assert len(library.recordings.all()) == 1 and check_consent(library).ok
