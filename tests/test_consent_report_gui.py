"""The recordings tab's Consent report…: through the real main window, the real Qt file dialog and a real library."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QLineEdit

from core.settings import EXPORT_FOLDER, Settings
from tests.gui_helpers import handle_modal
from tests.test_consent_report import real_recording


def _answer(typed: str, filter_format: str | None, seen: dict, exporter):
    def handler(dialog) -> None:
        assert isinstance(dialog, QFileDialog), type(dialog)
        seen["folder"] = dialog.directory().absolutePath()
        seen["name"] = dialog.findChild(QLineEdit, "fileNameEdit").text()
        seen["title"] = dialog.windowTitle()
        if filter_format is not None:
            dialog.selectNameFilter(next(label for label, fmt in exporter.filters().items() if fmt == filter_format))
        dialog.findChild(QLineEdit, "fileNameEdit").setText(typed)
        dialog.accept()

    return handler


@pytest.mark.parametrize("language", ["en", "ja"])
def test_consent_report_from_the_recordings_tab(qtbot, make_window, tmp_path, monkeypatch, language):
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    ids: dict[str, int] = {}
    window = make_window(lambda library: ids.setdefault("recording", real_recording(library, "青葉精機")),
                         language=language)
    recording = window.library.recordings.get(ids["recording"])
    assert window.select_interview(recording.interview_id)
    pane, recorder = window.pane, window.pane.recorder
    qtbot.waitUntil(lambda: recorder.history.count() == 1, timeout=5000)
    pane.show_recordings()
    exporter = recorder.consent_report
    button = exporter.button
    qtbot.waitUntil(button.isVisible, timeout=2000)
    assert button.text() == ("同意の報告書…" if language == "ja" else "Consent report…")
    assert button.isEnabled()  # the newest finished recording is selected
    # beside Transcript…
    assert abs(button.geometry().center().y() - recorder.transcript_button.geometry().center().y()) < 4
    assert button.geometry().left() > recorder.transcript_button.geometry().left()

    seen: dict = {}
    handle_modal(button.click, _answer("report", "md", seen, exporter))  # no extension: the filter's
    day = recording.started_at.astimezone().strftime("%Y-%m-%d")
    assert Path(seen["folder"]) == home / "Documents"
    assert seen["name"] == f"consent-青葉精機-{day}.html"
    written = home / "Documents" / "report.md"
    qtbot.waitUntil(lambda: str(written) in window.statusBar().currentMessage(), timeout=10000)
    text = written.read_text("utf-8")
    digest = hashlib.sha256(recording.path.read_bytes()).hexdigest()
    assert digest in text
    if language == "ja":
        assert text.startswith("# 録音同意の報告書") and "検証済み" in text
        assert "同意の報告書を" in window.statusBar().currentMessage()
    else:
        assert text.startswith("# Consent report") and "Verified" in text
        assert window.statusBar().currentMessage() == f"Consent report written to {written}"
    assert Settings().get(EXPORT_FOLDER) == str(home / "Documents")

    # a typed .html wins over the Markdown filter, and the next dialog opens where the last report went
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    handle_modal(button.click, _answer(str(elsewhere / "c.html"), "md", seen, exporter))
    page = elsewhere / "c.html"
    qtbot.waitUntil(page.exists, timeout=10000)
    assert page.read_text("utf-8").startswith("<!DOCTYPE html>") and not (elsewhere / "c.html.md").exists()
    assert Path(seen["folder"]) == home / "Documents"


def test_no_report_over_the_recording_itself(qtbot, make_window, monkeypatch):
    ids: dict[str, int] = {}
    window = make_window(lambda library: ids.setdefault("recording", real_recording(library)))
    recording = window.library.recordings.get(ids["recording"])
    before = recording.path.read_bytes()
    errors: list[Exception] = []
    monkeypatch.setattr(window, "show_error", errors.append)
    window.pane.recorder.consent_report.write(recording, str(recording.path), "html")
    qtbot.waitUntil(lambda: bool(errors), timeout=10000)
    assert "Nothing was written" in str(errors[0]), str(errors[0])
    assert recording.path.read_bytes() == before


def test_the_button_waits_for_a_selected_finished_recording(qtbot, make_window):
    window = make_window()
    recorder = window.pane.recorder
    assert not recorder.consent_report.button.isEnabled()
