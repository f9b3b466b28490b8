"""The transcript window's Export…: the real Qt file dialog, where it opens, what a typed name means."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QLineEdit

from core.settings import EXPORT_FOLDER, EXPORT_FORMAT, Settings
from tests.gui_helpers import handle_modal
from tests.test_faults_outputs import transcript_window  # noqa: F401 - the fixture

pytestmark = pytest.mark.audio  # the window's player needs a sound server: the private one


def _answer(typed: str, filter_label: str | None, seen: dict):
    """A handler that notes where the dialog opened, then types ``typed`` (with ``filter_label`` chosen)."""

    def handler(dialog) -> None:
        assert isinstance(dialog, QFileDialog), type(dialog)
        seen["folder"] = dialog.directory().absolutePath()
        seen["name"] = dialog.findChild(QLineEdit, "fileNameEdit").text()
        seen["filter"] = dialog.selectedNameFilter()
        if filter_label is not None:
            dialog.selectNameFilter(filter_label)
        dialog.findChild(QLineEdit, "fileNameEdit").setText(typed)
        dialog.accept()

    return handler


def test_export_dialog_opens_in_documents_named_after_the_interview_and_keeps_a_typed_extension(
        qtbot, transcript_window, tmp_path, monkeypatch):  # noqa: F811
    window = transcript_window
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    exporter = window.exporter
    labels = {fmt: label for label, fmt in exporter.filters().items()}
    seen: dict = {}
    # "acme.srt" typed while "Text" is the filter: subtitles in acme.srt (it used to be text in acme.srt.txt)
    handle_modal(exporter.choose, _answer("acme.srt", labels["txt"], seen))
    day = window.recording.started_at.astimezone().strftime("%Y-%m-%d")
    assert Path(seen["folder"]) == home / "Documents"
    assert seen["name"] == f"株式会社サンプル_{day}.txt" and seen["filter"] == labels["txt"]
    written = home / "Documents" / "acme.srt"
    qtbot.waitUntil(lambda: written.exists() and "Exported to" in window.status.text(), timeout=10000)
    assert not (home / "Documents" / "acme.srt.txt").exists()
    assert written.read_text("utf-8").startswith("1\n00:00:00,000 --> 00:00:00,900\n")
    assert Settings().get(EXPORT_FORMAT) == "srt" and Settings().get(EXPORT_FOLDER) == str(home / "Documents")

    # the next export opens where the last one went, with its format; a bare name gets the chosen format's extension
    elsewhere = tmp_path / "exports"
    elsewhere.mkdir()
    window.settings = Settings()
    handle_modal(exporter.choose, _answer(str(elsewhere / "second"), labels["md"], seen))
    assert Path(seen["folder"]) == home / "Documents"
    assert seen["name"] == f"株式会社サンプル_{day}.srt" and seen["filter"] == labels["srt"]
    second = elsewhere / "second.md"
    qtbot.waitUntil(second.exists, timeout=10000)
    assert "I am glad to be here." in second.read_text("utf-8")
    assert Settings().get(EXPORT_FOLDER) == str(elsewhere)


def test_export_dialog_falls_back_to_home_when_the_last_folder_is_gone(transcript_window, tmp_path,  # noqa: F811
                                                                        monkeypatch):
    window = transcript_window
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    settings = Settings()
    settings.set(EXPORT_FOLDER, str(tmp_path / "removed since"))
    window.settings = settings
    assert window.exporter.folder() == str(tmp_path)  # no Documents folder here either
