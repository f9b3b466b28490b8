"""Settings' "Your voice" group (issue 14, item 3): the voice profile's status, made in the background, deleted on
request; on the real Settings dialog over a real library and the real core."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
import pytest
import shiboken6
import soundfile
from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication, QMessageBox

from core import paths
from core.diarization import profile
from core.library import Library
from gui.settings_dialog import SettingsDialog
from gui.tasks import TaskRunner
from gui.voice_profile_box import STEPS
from tests.gui_helpers import click_message_box, handle_modal
from tests.test_i18n import PROPER_NAMES, _english_words, _visible_texts
from tests.test_voice_profile import practice_alone, practice_answers


def _saved_profile(recordings: int = 3) -> profile.VoiceProfile:
    vector = np.random.default_rng(7).standard_normal(192)
    made = profile.VoiceProfile(tuple(float(v) for v in vector / np.linalg.norm(vector)), 42.4, recordings,
                                datetime(2026, 12, 3, 12, 0, tzinfo=UTC))  # 3 December in any time zone near Japan
    profile.save(made)
    return made


def _silent_answers(folder, count: int) -> list:
    wavs = []
    for index in range(count):
        wav = folder / f"quiet{index}.wav"
        soundfile.write(wav, np.zeros(16000, dtype=np.float32), 16000, subtype="PCM_16")
        wavs.append(wav)
    return wavs


@pytest.fixture
def settings(qtbot, ui_language):
    """``settings(wavs=())``: the real Settings dialog over a library holding ``wavs`` as practice answers made
    alone, shown once the voice profile's status is on screen (in English unless the test switches)."""
    ui_language("en")  # US English dates, whatever this machine's locale
    opened: list[tuple[SettingsDialog, TaskRunner, Library]] = []

    def open_settings(wavs=()) -> SettingsDialog:
        library = Library.open()
        if wavs:
            practice_alone(library, list(wavs))
        tasks = TaskRunner()
        dialog = SettingsDialog("system", library=library, tasks=tasks)  # deleted below, after its work
        opened.append((dialog, tasks, library))
        with qtbot.waitSignal(dialog.voice.status_shown):
            dialog.show()
        return dialog

    yield open_settings
    for dialog, tasks, library in opened:
        for runner in (tasks, dialog.voice.tasks):  # the app's (making a profile) and the box's own (reading it)
            if runner.pending:
                idle = QEventLoop()
                runner.idle.connect(idle.quit)
                if runner.pending:
                    idle.exec()
        dialog.close()
        shiboken6.delete(dialog)  # now, not at some later turn of another test's event loop
        library.close()


def test_without_a_profile_it_says_not_made_and_what_it_can_be_made_from(settings, tmp_path):
    box = settings(_silent_answers(tmp_path, 2)).voice
    assert box.status_label.text() == ("Not made. With a profile, your turns in a recording made in a room are "
                                       "marked as yours automatically.")
    assert box.recordings_label.text() == "2 practice recordings made alone can be used."
    assert box.make_button.text() == "Make my voice profile" and box.make_button.isEnabled()
    assert not box.delete_button.isVisibleTo(box)
    assert "stays on this computer" in box.explanation.text() and "made alone" in box.explanation.text()
    assert box.interviewers.text().startswith("Interviewers' voices are never kept")
    assert box.title() == "Your voice"


def test_without_practice_recordings_making_is_disabled_and_says_why(settings):
    box = settings().voice
    reason = box.recordings_label.text()
    assert "no practice recordings of you alone yet" in reason and "record a few practice answers first" in reason
    assert box.recordings_label.isVisibleTo(box)
    assert not box.make_button.isEnabled() and box.make_button.accessibleDescription() == reason
    box.make_button.click()  # disabled: nothing starts
    assert not box.maker.running and not box.progress_bar.isVisibleTo(box)


def test_a_made_profile_shows_its_date_and_recordings(settings, tmp_path):
    _saved_profile(recordings=3)
    box = settings(_silent_answers(tmp_path, 1)).voice
    assert box.status_label.text() == ("Made on Thu 3 Dec 2026 from 3 practice recordings "
                                       "(42 s of your speech).")
    assert box.recordings_label.text() == "1 practice recording made alone can be used."
    assert box.make_button.text() == "Make it again" and box.make_button.isEnabled()
    assert box.delete_button.isVisibleTo(box) and box.delete_button.isEnabled()


def test_an_unreadable_profile_is_said_and_can_be_deleted(qtbot, settings):
    paths.voice_profile_path().write_text("{not json", "utf-8")
    box = settings().voice
    assert "Your voice profile" in box.status_label.text() and "cannot be read" in box.status_label.text()
    assert "\n" not in box.status_label.text()
    assert box.delete_button.isVisibleTo(box) and box.delete_button.isEnabled()
    with qtbot.waitSignal(box.status_shown):
        handle_modal(box.delete_button.click, click_message_box(QMessageBox.StandardButton.Yes))
    assert not paths.voice_profile_path().exists()
    assert box.status_label.text().startswith("Not made.") and not box.delete_button.isVisibleTo(box)
    assert box.outcome.text() == "Your voice profile was deleted."


def test_delete_asks_first_and_keeping_is_the_default(qtbot, settings):
    _saved_profile()
    box = settings().voice
    asked: list[tuple[str, str, str]] = []

    def keep(dialog):
        assert isinstance(dialog, QMessageBox)
        default = dialog.defaultButton()
        asked.append((dialog.text(), default.text(), dialog.button(QMessageBox.StandardButton.Yes).text()))
        default.click()

    handle_modal(box.delete_button.click, keep)
    question, default, delete = asked[0]
    assert question.startswith("Delete your voice profile from this computer?")
    assert (default, delete) == ("Keep it", "Delete")
    assert profile.load() is not None and box.status_label.text().startswith("Made on")

    def delete_after_it_went(dialog):  # already gone (deleted from the command line meanwhile): still fine
        paths.voice_profile_path().unlink()
        dialog.button(QMessageBox.StandardButton.Yes).click()

    with qtbot.waitSignal(box.status_shown):
        handle_modal(box.delete_button.click, delete_after_it_went)
    assert box.status_label.text().startswith("Not made.") and box.outcome.text() == "Your voice profile was deleted."


@pytest.mark.slow
def test_making_runs_in_the_background_with_progress(qtbot, settings, tmp_path):
    box = settings(practice_answers(tmp_path)).voice
    assert box.recordings_label.text() == "3 practice recordings made alone can be used."
    seen: list[float] = []
    box.maker.progressed.connect(seen.append)
    box.make_button.click()
    # The click returned at once: the work goes on off the UI thread, with a progress bar and nothing to click twice.
    assert box.maker.running and box.progress_bar.isVisibleTo(box) and not box.make_button.isEnabled()
    assert not box.delete_button.isVisibleTo(box)
    assert box.outcome.text() == "Making your voice profile from your practice recordings…"
    # Part-way progress is shown while the work goes on (a blocked UI thread would only ever show the end).
    qtbot.waitUntil(lambda: box.maker.running and 0 < box.progress_bar.value() < STEPS, timeout=120_000)
    qtbot.waitUntil(lambda: box.status_label.text().startswith("Made on"), timeout=120_000)
    made = profile.load()
    assert made is not None and made.recordings == 3
    assert seen and seen == sorted(seen) and seen[-1] == 1.0
    assert not box.progress_bar.isVisibleTo(box) and box.make_button.text() == "Make it again"
    assert box.outcome.text() == "Your voice profile was made. It stays on this computer."
    assert box.delete_button.isVisibleTo(box)


def test_a_profile_that_cannot_be_made_says_why_in_one_sentence(qtbot, settings, tmp_path):
    box = settings(_silent_answers(tmp_path, 2)).voice  # silence: no speech to make a profile from
    box.make_button.click()
    qtbot.waitUntil(lambda: not box.maker.running and box.outcome.text() != box._making(), timeout=60_000)
    text = box.outcome.text()
    assert text.startswith("Your voice profile could not be made: Your practice recordings hold 0 s of speech")
    assert "\n" not in text and "Traceback" not in text
    assert not paths.voice_profile_path().exists() and box.make_button.isEnabled()
    assert box.status_label.text().startswith("Not made.")


def test_in_japanese_everything_is_translated(settings, ui_language):
    ui_language("ja")
    _saved_profile()
    dialog = settings()
    box = dialog.voice
    assert box.title() == "あなたの声"
    assert "2026/12/03 (木)に" in box.status_label.text()
    texts = _visible_texts(box)
    assert texts and all(not _english_words(text, PROPER_NAMES) for text in texts), texts
    ui_language("en")  # switched live: the texts follow
    assert box.title() == "Your voice" and "Thu 3 Dec 2026" in box.status_label.text()


def test_tab_order_reaches_the_voice_buttons_after_the_other_settings(settings):
    _saved_profile()
    dialog = settings()
    chain, widget = [], dialog.language
    while widget not in chain:  # once round the focus chain
        chain.append(widget)
        widget = widget.nextInFocusChain()
    order = [dialog.language, dialog.name_ja, dialog.name_en, dialog.export_notice,  # page by page
             dialog.model, dialog.glossary, dialog.live_transcribe, dialog.auto_transcribe,
             dialog.voice.make_button, dialog.voice.delete_button]
    assert [w for w in chain if w in order] == order
    for button in (dialog.voice.make_button, dialog.voice.delete_button):
        assert button.accessibleDescription()
    assert dialog.voice.progress_bar.accessibleName() and dialog.voice.status_label.accessibleName()


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_dialog_fits_a_small_laptop_screen(settings, ui_language, language):
    ui_language(language)
    paths.voice_profile_path().write_text("{not json", "utf-8")  # the longest status: the path and the reason
    dialog = settings()
    dialog.voice.outcome.setText("x")
    dialog.voice.outcome.show()
    dialog.adjustSize()
    QApplication.processEvents()
    assert dialog.width() <= 1000 and dialog.height() <= 700, dialog.size()


def test_the_main_window_opens_settings_with_the_voice_profile(qtbot, no_sound_server, make_window):
    _saved_profile()
    window = make_window()
    shown: list[str] = []

    def look(dialog):
        assert isinstance(dialog, SettingsDialog)
        qtbot.waitUntil(lambda: dialog.voice.status is not None)
        shown.append(dialog.voice.status_label.text())
        dialog.reject()

    handle_modal(window.open_settings, look)
    assert shown[0].startswith("Made on Thu 3 Dec 2026")
