"""The speech-model manager, Settings' model advice and the first-use-of-Japanese line, on real widgets.

Downloads go to the test's hub server on 127.0.0.1 (tests/hub_server.py).
"""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from core.interviews import Interview, InterviewKind
from core.library import Library
from core.settings import JAPANESE_MODEL_ADVICE_SHOWN, SPEECH_MODEL, Settings
from core.speech import download as downloads
from core.speech import hub as hub_client
from core.speech.models import ModelState, model_status
from gui.model_manager import JapaneseModelHint, ModelManagerDialog
from gui.settings_dialog import SettingsDialog
from gui.tasks import ChangeHub, TaskRunner
from tests.gui_helpers import click_message_box, handle_modal
from tests.hub_server import HubServer
from tests.test_model_download import SMALL, base_files
from tests.test_transcript_gui import _import

YES = QMessageBox.StandardButton.Yes


@pytest.fixture
def hub(monkeypatch):
    server = HubServer().start()
    server.repos[SMALL] = base_files()
    monkeypatch.setenv("HF_ENDPOINT", server.url)
    yield server
    server.stop()


@pytest.fixture
def practice_window(qtbot, make_window):
    window = make_window(lambda lib: lib.interviews.add(Interview(company="Practice", kind=InterviewKind.MOCK)))
    window.table.selectRow(0)
    qtbot.waitUntil(lambda: window.tasks.pending == 0, timeout=10000)
    return window


@pytest.fixture
def manager(qtbot):
    changes = []
    hub = ChangeHub()
    hub.changed.connect(changes.append)
    dialog = ModelManagerDialog(Settings(), hub)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: len(dialog.rows) == 7)
    dialog.changes = changes
    return dialog


def cell(dialog: ModelManagerDialog, name: str, column: int) -> str:
    index = next(i for i, row in enumerate(dialog.rows) if row.name == name)
    return dialog.table.item(index, column).text()


def test_the_manager_shows_each_model_and_the_advice(manager):
    assert cell(manager, "base", 1) == "Built in"
    assert cell(manager, "small", 1) == "Not downloaded"
    assert cell(manager, "small", 2) == "about 486 MB"
    assert cell(manager, "small", 4) == "JSUT 14.2%, CV8 15.1%"
    assert cell(manager, "kotoba-whisper-v2.0", 3) == "Japanese"
    assert cell(manager, "base", 5) == "not measured"
    assert "Japanese is transcribed with “base”" in manager.advice_label.text()
    assert "“small” would be more accurate" in manager.advice_label.text()
    assert "Kotoba-Whisper v2.0 model card" in manager.sources_label.text()
    manager.select("base")
    assert not manager.download_button.isEnabled() and not manager.remove_button.isEnabled()
    assert manager.calibrate_button.isEnabled()
    manager.select("tiny.en")
    assert not manager.calibrate_button.isEnabled()  # English only: the clip is Japanese


def test_download_asks_first_then_installs_with_progress(qtbot, manager, hub):
    manager.select("small")
    assert manager.download_button.isEnabled()
    handle_modal(manager.download_button.click, click_message_box(QMessageBox.StandardButton.No))
    assert manager.busy is None and hub.requests == []  # declined: nothing went online

    progress = []
    manager.progress.valueChanged.connect(progress.append)
    handle_modal(manager.download_button.click, click_message_box(YES))
    assert manager.busy == "download" and not manager.download_button.isEnabled()
    qtbot.waitUntil(lambda: manager.busy is None, timeout=60000)
    assert "“small” is installed" in manager.status.text()
    assert progress and progress[-1] == 1000
    assert any(change.models for change in manager.changes)
    qtbot.waitUntil(lambda: cell(manager, "small", 1) == "Installed")
    assert model_status("small", verify=True).state is ModelState.READY
    manager.select("small")
    assert manager.remove_button.isEnabled() and not manager.download_button.isEnabled()

    handle_modal(manager.remove_button.click, click_message_box(YES))
    qtbot.waitUntil(lambda: manager.busy is None, timeout=30000)
    assert "“small” was removed" in manager.status.text()
    qtbot.waitUntil(lambda: cell(manager, "small", 1) == "Not downloaded")


def _download_until_the_server_stalls(qtbot, manager, hub) -> None:
    """Start downloading "small"; return once the server stopped sending mid-file and what came is on disk."""
    hub.pause["model.bin"] = 1_000_000
    manager.select("small")
    handle_modal(manager.download_button.click, click_message_box(YES))
    assert hub.paused.wait(30)
    partial = downloads.partial_dir("small") / "model.bin"
    qtbot.waitUntil(lambda: partial.exists() and partial.stat().st_size > 0)


def test_cancel_keeps_what_arrived_and_says_so(qtbot, manager, hub):
    _download_until_the_server_stalls(qtbot, manager, hub)
    assert manager.cancel_button.isVisible()
    manager.cancel_button.click()
    hub.resume()
    qtbot.waitUntil(lambda: manager.busy is None, timeout=30000)
    assert "was cancelled" in manager.status.text() and "are kept" in manager.status.text()
    qtbot.waitUntil(lambda: "downloaded; continues" in cell(manager, "small", 1))
    assert (downloads.partial_dir("small") / "model.bin").stat().st_size > 0


def test_closing_the_window_while_the_server_sends_nothing_ends_the_download(qtbot, manager, hub, monkeypatch):
    monkeypatch.setattr(hub_client, "TIMEOUT_S", 3600.0)  # the read would wait that long for the stalled server
    _download_until_the_server_stalls(qtbot, manager, hub)
    manager.reject()  # closing: the download is cancelled, what arrived kept
    assert manager.tasks.wait_for_done(120000)  # the window's thread ends without the server sending anything
    assert (downloads.partial_dir("small") / "model.bin").stat().st_size > 0
    assert model_status("small").state is ModelState.NOT_DOWNLOADED  # nothing half-installed


def test_a_failed_download_says_why_in_the_window(qtbot, manager, hub):
    hub.corrupt.add("model.bin")
    manager.select("small")
    handle_modal(manager.download_button.click, click_message_box(YES))
    qtbot.waitUntil(lambda: manager.busy is None, timeout=30000)
    assert "does not match the hub's checksum" in manager.status.text()
    assert not (downloads.partial_dir("small") / "model.bin").exists()
    assert not (downloads.partial_dir("small").parent / "small").exists()


def test_the_manager_speaks_japanese(qtbot, manager, ui_language):
    ui_language("ja")
    assert manager.windowTitle() == "音声認識モデル"
    assert cell(manager, "small", 1) == "未ダウンロード"
    assert cell(manager, "small", 2) == "約 486 MB"
    assert "このコンピューターにある「base」を使います" in manager.advice_label.text()
    assert manager.download_button.text() == "ダウンロード…"


@pytest.fixture
def library():
    with Library.open() as lib:
        yield lib


def test_settings_show_the_advice_and_the_models_downloaded(qtbot, hub, library):
    downloads.download("small")
    settings = Settings()
    dialog = SettingsDialog("en", model="base", library=library, tasks=TaskRunner())
    qtbot.addWidget(dialog)
    assert dialog.model.findData("small") >= 0
    assert "small — Whisper small, multilingual" in dialog.model.itemText(dialog.model.findData("small"))
    dialog.models.attach(settings, ChangeHub())
    qtbot.waitUntil(lambda: dialog.models.advice is not None)
    assert "Japanese is transcribed with “base”" in dialog.models.advice_label.text()
    dialog.model.setCurrentIndex(dialog.model.findData("small"))
    qtbot.waitUntil(lambda: dialog.models.advice is not None and dialog.models.advice.chosen == "small")
    assert "“small”" in dialog.models.advice_label.text()

    manager = dialog.models.open_manager()
    qtbot.waitUntil(lambda: len(manager.rows) == 7)
    manager.select("small")
    handle_modal(manager.remove_button.click, click_message_box(YES))
    qtbot.waitUntil(lambda: manager.busy is None, timeout=30000)
    manager.close()
    qtbot.waitUntil(lambda: dialog.model.findData("small") < 0)
    assert dialog.model.currentData() == "base"


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_settings_dialog_grows_to_its_wrapped_text(qtbot, library, language, ui_language):
    """The advice arrives after the dialog is shown and wraps to several lines: no row is drawn over another."""
    ui_language(language)
    dialog = SettingsDialog(language, model="base", library=library, tasks=TaskRunner())
    qtbot.addWidget(dialog)
    dialog.pages.setCurrentWidget(dialog.transcription)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.models.attach(Settings(), ChangeHub())
    qtbot.waitUntil(lambda: dialog.models.advice is not None and dialog.models.advice_label.isVisible())
    label, button = dialog.models.advice_label, dialog.models.button
    assert label.height() >= label.heightForWidth(label.width())
    assert label.geometry().bottom() < button.geometry().top()
    for hint in (dialog.glossary_hint, dialog.live_hint):
        assert hint.height() >= hint.heightForWidth(hint.width())
    rows = [dialog.models, dialog.glossary, dialog.glossary_hint, dialog.live_transcribe, dialog.live_hint,
            dialog.auto_transcribe]
    for upper, lower in itertools.pairwise(rows):
        assert upper.geometry().bottom() < lower.geometry().top(), (upper, lower)


def test_the_first_use_of_japanese_says_once_which_model_is_used(qtbot):
    settings = Settings()
    tasks = TaskRunner()
    hint = JapaneseModelHint(settings, tasks)
    qtbot.addWidget(hint)
    hint.first_use()
    qtbot.waitUntil(lambda: hint.advice is not None)
    assert hint.isVisible()
    assert "Japanese is transcribed with “base”" in hint.text.text()
    assert Settings().get(JAPANESE_MODEL_ADVICE_SHOWN) is True

    again = JapaneseModelHint(Settings(), tasks)
    qtbot.addWidget(again)
    again.first_use()
    assert tasks.pending == 0 and again.advice is None and not again.isVisible()

    dialog = hint.open_manager()
    qtbot.waitUntil(lambda: len(dialog.rows) == 7)
    assert not hint.isVisible()
    dialog.close()


@pytest.mark.audio
def test_choosing_japanese_in_the_transcript_window_shows_the_line(qtbot, virtual_microphone, practice_window,
                                                                   english_speech):
    recording = _import(qtbot, practice_window, english_speech.wav)
    window = practice_window.open_transcript(recording, transcribe_if_missing=False)
    qtbot.waitUntil(lambda: window.tasks.pending == 0)
    assert not window.japanese_hint.isVisible()
    window.language.setFocus()
    while window.language.currentData() != "ja":
        qtbot.keyClick(window.language, Qt.Key.Key_Down)  # as a user picks it: activated, not just changed
    qtbot.waitUntil(lambda: window.japanese_hint.isVisible())
    assert "“tiny.en” cannot transcribe Japanese" in window.japanese_hint.text.text()  # the tests' model
    assert practice_window.settings.get(SPEECH_MODEL) == "tiny.en"
