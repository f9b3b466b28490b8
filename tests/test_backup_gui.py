"""Issue 18, item 4: Library → Back up… in the real main window writes an encrypted archive that restores."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog

from core import backup, paths
from core.interviews import Interview, InterviewKind
from gui.backup_dialog import PassphraseDialog, UnlockDialog
from tests.gui_helpers import handle_modal


def _one(library) -> None:
    library.interviews.add(Interview(company="株式会社バックアップ", kind=InterviewKind.REAL))


def test_the_library_menu_backs_up_with_a_passphrase_typed_twice(qtbot, make_window, tmp_path, monkeypatch):
    window = make_window(_one)
    action = window.backup.action
    assert action in window.file_menu.actions() and action.text() == "&Back up…"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(tmp_path / "mine"), ""))
    seen: dict[str, object] = {}

    def fill(dialog) -> None:
        assert isinstance(dialog, PassphraseDialog)
        seen["names"] = (dialog.first.accessibleName(), dialog.second.accessibleName())
        dialog.first.setText("a long passphrase")
        dialog.second.setText("a long passphras")
        seen["mismatch"] = dialog.buttons.buttons()[0].isEnabled(), dialog.problem.text()
        dialog.second.setText("a long passphrase")
        dialog.accept()

    handle_modal(action.trigger, fill)
    assert seen["names"] == ("Passphrase", "The same passphrase again")
    assert seen["mismatch"] == (False, "The two passphrases do not match yet.")
    qtbot.waitUntil(lambda: "Backed up" in window.statusBar().currentMessage(), timeout=20000)
    archive = tmp_path / "mine.furikaeri-backup"
    assert backup.is_encrypted(archive)
    assert "株式会社バックアップ".encode() not in archive.read_bytes()

    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "fresh"))
    assert backup.restore(archive, "a long passphrase").interviews == 1


def test_a_backup_into_the_library_is_refused_with_a_sentence(qtbot, make_window, monkeypatch):
    window = make_window(_one)
    errors: list[Exception] = []
    monkeypatch.setattr(window, "show_error", errors.append)
    target = paths.data_dir() / "inside.furikaeri-backup"
    window.backup.back_up_to(str(target), None)
    qtbot.waitUntil(lambda: bool(errors), timeout=10000)
    assert "inside the library's folder" in str(errors[0]) and not target.exists()
    assert window.backup.action.isEnabled()


def test_the_library_menu_restores_a_backup_over_the_open_library_and_keeps_it_aside(
        qtbot, make_window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from core.library import Library

    window = make_window(_one)
    archive = tmp_path / "earlier.furikaeri-backup"
    backup.backup(archive, "the passphrase", log2_n=10)
    window.library.interviews.add(Interview(company="Added after the backup", kind=InterviewKind.REAL))
    action = window.backup.restore_action
    assert action in window.file_menu.actions() and action.text() == "&Restore…"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: (str(archive), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Yes)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: said.append(text))

    def unlock(dialog) -> None:
        assert isinstance(dialog, UnlockDialog) and dialog.field.accessibleName() == "Passphrase"
        # Which passphrase, and that nothing changes yet: on screen, and read out with the field.
        assert dialog.explanation.isVisible() and "made with" in dialog.explanation.text()
        assert dialog.field.accessibleDescription() == dialog.explanation.text()
        dialog.field.setText("the passphrase")
        dialog.accept()

    handle_modal(action.trigger, unlock)
    qtbot.waitUntil(lambda: bool(said), timeout=20000)
    assert "Restored 1 interview(s)" in said[0] and "before-restore" in said[0]
    assert not window.isVisible()
    with Library.open() as library:
        assert [i.company for i in library.interviews.all()] == ["株式会社バックアップ"]
    aside = [p for p in paths.data_dir().parent.iterdir() if ".before-restore-" in p.name]
    assert len(aside) == 1 and (aside[0] / "library.sqlite3").is_file()


def test_the_dialogs_speak_japanese(qtbot, make_window):
    window = make_window(_one, language="ja")
    assert window.backup.action.text() == "バックアップ(&B)…" and window.backup.restore_action.text() == "復元(&R)…"
    dialog = PassphraseDialog(window)
    names = (dialog.first.accessibleName(), dialog.second.accessibleName())
    assert names == ("パスフレーズ", "もう一度同じパスフレーズ")
    dialog.first.setText("x")
    dialog.second.setText("y")
    assert dialog.problem.text() == "2 つのパスフレーズがまだ一致しません。"
    dialog.close()
    unlock = UnlockDialog(window)
    assert unlock.explanation.text().startswith("このバックアップを作ったときのパスフレーズ")
    assert unlock.field.accessibleDescription() == unlock.explanation.text()
    unlock.close()


def test_a_wrong_passphrase_in_the_app_changes_nothing(qtbot, make_window, tmp_path, monkeypatch):
    window = make_window(_one)
    archive = tmp_path / "earlier.furikaeri-backup"
    backup.backup(archive, "the passphrase", log2_n=10)
    before = window.library.path.read_bytes()
    errors: list[Exception] = []
    monkeypatch.setattr(window, "show_error", errors.append)
    window.backup.restore_from(str(archive), "not it")
    qtbot.waitUntil(lambda: bool(errors), timeout=20000)
    assert "passphrase is not the one" in str(errors[0]) and window.isVisible()
    assert window.library.path.read_bytes() == before
    assert [p.name for p in paths.data_dir().parent.iterdir() if "restor" in p.name] == []
