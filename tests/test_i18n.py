"""Every visible string exists in Japanese and English."""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QAbstractListModel, QLocale, QModelIndex, Qt
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QMessageBox,
    QWidget,
)

from core.interviews import Interview, InterviewKind, Stage, Status
from gui.i18n import cli_translate, resolve_language
from gui.interview_dialog import InterviewDialog
from gui.settings_dialog import SettingsDialog
from tests.gui_helpers import handle_modal

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))
import translations  # noqa: E402

JST = timezone(timedelta(hours=9))
# Words that stay as they are in Japanese text: proper names, key names, units,
# speech-model identifiers (base, tiny.en) and "OK", which Qt's own Japanese
# catalogue (like Japanese UIs generally) keeps.
PROPER_NAMES = {"Furikaeri", "English", "OK", "Ctrl", "Esc", "Whisper", "MB", "base", "tiny", "en",
                "Taro", "Yamada"}  # the example of a name in romaji (for English mails)
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]")


def test_catalogue_is_complete_and_current():
    """lupdate finds nothing new, every entry is translated, and the .qm is freshly compiled."""
    assert translations.check() == []


def test_catalogue_check_notices_an_untranslated_string(tmp_path):
    sample = tmp_path / "sample.ts"
    sample.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="ja">'
        "<context><name>X</name><message><source>Hello</source>"
        '<translation type="unfinished"></translation></message></context></TS>', "utf-8")
    assert translations.unfinished(sample) == [("X", "Hello")]


def test_translations_keep_placeholders():
    for context in ET.parse(translations.TS).getroot().iter("context"):
        for message in context.iter("message"):
            source, target = message.findtext("source"), message.findtext("translation")
            placeholder = r"\{\w+(?::[^}]*)?\}"
            assert sorted(re.findall(placeholder, source)) == sorted(re.findall(placeholder, target)), source
            assert ("&" in source) == ("&" in target), f"mnemonic lost in {source!r}"


def test_file_dialog_filters_keep_their_patterns():
    """Qt reads a file dialog's filter only between ASCII brackets: 「テキスト（*.txt）」 would show no files."""
    pattern = re.compile(r"\((\*\.[^)]*)\)$")
    for context in ET.parse(translations.TS).getroot().iter("context"):
        for message in context.iter("message"):
            source, target = message.findtext("source") or "", message.findtext("translation") or ""
            if found := pattern.search(source):
                assert target.endswith(f"({found.group(1)})"), target


def test_language_follows_the_system_unless_chosen():
    assert resolve_language("system", QLocale(QLocale.Language.Japanese, QLocale.Country.Japan)) == "ja"
    assert resolve_language("system", QLocale(QLocale.Language.French, QLocale.Country.France)) == "en"
    assert resolve_language("en", QLocale(QLocale.Language.Japanese, QLocale.Country.Japan)) == "en"
    assert resolve_language("ja", QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)) == "ja"


def test_cli_translation_without_an_application(monkeypatch):
    monkeypatch.setenv("LC_ALL", "ja_JP.UTF-8")
    assert cli_translate("system")("CLI", "Everything needed is in place.") == "必要なものはすべて揃っています。"
    assert cli_translate("en")("CLI", "Everything needed is in place.") == "Everything needed is in place."


def _visible_texts(root: QWidget) -> list[str]:
    texts = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        if not shiboken6.isValid(widget):  # e.g. a popup menu Qt deleted meanwhile
            continue
        if widget is not root and not widget.isVisibleTo(root):
            continue
        texts.append(widget.toolTip())
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QMenuBar):
            # Not QAction.menu(): PySide then owns the wrapper and deletes the real menu with it.
            texts += [action.text() for action in widget.actions()]
            for menu in widget.findChildren(QMenu):
                texts += [a.text() for a in menu.actions() if not a.isSeparator()]
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model, root_index = widget.model(), QModelIndex()
            columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(root_index)
            rows = model.rowCount(root_index)
            texts += [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(columns)]
            texts += [str(model.data(model.index(r, c)) or "") for r in range(rows) for c in range(columns)]
    return [t for t in texts if t and t.strip()]


def _english_words(text: str, allowed: set[str]) -> list[str]:
    words = re.findall(r"[A-Za-z]{2,}", text.replace("&", ""))
    return [w for w in words if w not in allowed]


@pytest.fixture
def japanese_window(no_sound_server, make_window):

    def sample(library):
        library.interviews.add(Interview(company="株式会社サンプル", position="営業", kind=InterviewKind.REAL,
                                         stage=Stage.FINAL.value, status=Status.WAITING,
                                         starts_at=datetime(2026, 12, 3, 14, 0, tzinfo=JST)))
        library.interviews.add(Interview(company="模擬", kind=InterviewKind.MOCK))

    return make_window(sample, language="ja")


def test_every_visible_string_is_japanese(qtbot, japanese_window):
    window = japanese_window
    window.table.selectRow(0)
    screens = {"main window": _visible_texts(window)}
    # Dialogs are children of the window (deleted with it), so they are not registered with qtbot.
    dialog = InterviewDialog(window, window.model.interview_at(0))
    dialog.show()
    screens["interview dialog"] = _visible_texts(dialog)
    new_dialog = InterviewDialog(window)
    new_dialog.show()
    screens["new interview dialog"] = _visible_texts(new_dialog)
    settings = SettingsDialog("system", window, library=window.library, tasks=window.tasks)
    settings.show()
    screens["settings"] = _visible_texts(settings)

    def capture(name):
        def handler(box):
            screens[name] = _visible_texts(box)
            box.reject()
        return handler

    handle_modal(window.show_about, capture("about"))
    handle_modal(window.delete_action.trigger, capture("delete question"))

    untranslated = {
        name: [(t, words) for t in texts if (words := _english_words(t, PROPER_NAMES))]
        for name, texts in screens.items()
    }
    untranslated = {k: v for k, v in untranslated.items() if v}
    assert not untranslated, f"English left on Japanese screens: {untranslated}"
    assert all(any(JAPANESE.search(t) for t in texts) for texts in screens.values())


def test_english_screens_have_no_japanese_left(qtbot, japanese_window):
    window = japanese_window
    window.switcher.apply("en")
    user_data = {"株式会社サンプル", "営業", "模擬", "日本語"}
    leftovers = [t for t in _visible_texts(window) if JAPANESE.search(t) and t not in user_data]
    assert leftovers == []
    # The window system appends the application's display name (gui/app.py): the title itself must not say it
    # again (issue 17: "Furikaeri — … — Furikaeri").
    assert window.windowTitle() == "Interview practice and review"


def test_japanese_glyphs_are_available(qapp):
    families = QFontDatabase.families(QFontDatabase.WritingSystem.Japanese)
    assert families, "no font with Japanese glyphs is installed (install fonts-noto-cjk)"
    metrics = QFontMetrics(QFont(families[0]))
    missing = set()
    for message in ET.parse(translations.TS).getroot().iter("message"):
        for char in message.findtext("translation") or "":
            if ord(char) > 0x7F and not metrics.inFontUcs4(ord(char)):
                missing.add(char)
    assert not missing, f"{families[0]} lacks glyphs for {sorted(missing)}"


def test_delete_question_is_translated(qtbot, japanese_window):
    window = japanese_window
    window.table.selectRow(0)
    seen = []

    def handler(box):
        seen.append((box.windowTitle(), box.text(), [b.text() for b in box.buttons()]))
        box.button(QMessageBox.StandardButton.No).click()

    handle_modal(window.delete_action.trigger, handler)
    title, text, buttons = seen[0]
    assert title == "面接の削除" and "株式会社サンプル" in text and "元に戻せません" in text
    assert all(JAPANESE.search(b) for b in buttons), buttons  # Qt's own catalogue: はい / いいえ


def test_qt_file_dialogs_say_folder_in_japanese(qapp, ui_language, tmp_path):
    """Qt's Japanese catalogue leaves the file dialog's kinds in English; the app's own catalogue fills them."""
    from PySide6.QtCore import QFileInfo
    from PySide6.QtWidgets import QFileIconProvider

    ui_language("ja")
    assert QFileIconProvider().type(QFileInfo(str(tmp_path))) == "フォルダ"
    ui_language("en")
    assert QFileIconProvider().type(QFileInfo(str(tmp_path))) == "Folder"
