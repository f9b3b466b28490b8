"""Settings' "Your own words" (issue 15, item 1): typed once, kept, and given to every transcription's context."""

from __future__ import annotations

from PySide6.QtCore import Qt

from core.interviews import Interview, InterviewKind
from core.ops import transcription as ops
from core.settings import GLOSSARY, Settings
from gui.settings_dialog import SettingsDialog
from tests.gui_helpers import handle_modal
from tests.test_context import _take
from tests.test_voice_profile_gui import settings  # noqa: F401 - the fixture: a real Settings dialog


def test_the_words_typed_in_settings_reach_the_next_transcription(qtbot, no_sound_server, make_window):
    window = make_window()

    def type_words(dialog):
        assert isinstance(dialog, SettingsDialog) and dialog.glossary.toPlainText() == ""
        dialog.glossary.setPlainText("東都大学\n軽音楽部, Python\n")
        dialog.accept()

    handle_modal(window.open_settings, type_words)
    assert Settings().get(GLOSSARY) == "東都大学\n軽音楽部, Python"
    interview = window.library.interviews.add(Interview(company="青葉精機", kind=InterviewKind.MOCK))
    context = ops.context_for(window.library, _take(window.library, interview))
    assert context.glossary == ("東都大学", "軽音楽部", "Python") and context.company == "青葉精機"

    shown: list[str] = []

    def look_and_cancel(dialog):
        shown.append(dialog.glossary.toPlainText())
        dialog.glossary.setPlainText("")
        dialog.reject()

    handle_modal(window.open_settings, look_and_cancel)
    assert shown == ["東都大学\n軽音楽部, Python"]
    assert Settings().get(GLOSSARY) == "東都大学\n軽音楽部, Python"  # Cancel keeps what was there


def test_tab_leaves_the_words_box_and_it_has_a_name_and_a_label(qtbot, settings):  # noqa: F811
    dialog = settings()
    dialog.pages.setCurrentWidget(dialog.transcription)
    dialog.glossary.setFocus()
    qtbot.waitUntil(dialog.glossary.hasFocus)
    qtbot.keyClick(dialog.glossary, Qt.Key.Key_Tab)
    assert dialog.live_transcribe.hasFocus()  # a keyboard user is not trapped typing tabs (the next setting)
    assert dialog.glossary_label.buddy() is dialog.glossary and dialog.glossary_label.text() == "Your own words"
    assert dialog.glossary.accessibleName() == "Your own words for the speech model"
    assert "one a line" in dialog.glossary.accessibleDescription()


def test_in_japanese_the_words_box_speaks_japanese(settings, ui_language):  # noqa: F811
    ui_language("ja")
    dialog = settings()
    assert dialog.glossary_label.text() == "自分の用語"
    assert "1行に1つ" in dialog.glossary_hint.text()
