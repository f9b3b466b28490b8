"""Message drafts in the GUI: missing fields, both languages, copy and mail, optional paragraphs.

Real windows offscreen over a real library in the test's own home; the real
tracker core underneath.  Mail URLs are intercepted with a URL handler, so
nothing leaves the machine.
"""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication

from core.interviews import Channel
from core.library import Library
from core.settings import USER_NAME, USER_NAME_EN, Settings
from core.tracker.events import EventKind
from core.tracker.kinds import MessageKind
from gui.message_dialog import MISSING_COLOUR, MessageDialog
from tests.gui_helpers import handle_modal
from tests.tracker_gui_helpers import MailCatcher, agent_interview, wait_idle

# -- message drafts --------------------------------------------------------------------------

def test_message_dialog_highlights_missing_fields_and_fills_both_languages(qtbot):
    settings = Settings()
    interview = agent_interview(channel=Channel.DIRECT, interviewers="", contact_name="")
    dialog = MessageDialog(interview, settings, "ja", MessageKind.THANK_YOU)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.name_row.isVisible() and dialog.set_name_button.text() == "Set my &name…"  # no name yet
    assert dialog.name_notice.property("missing") is True
    body = dialog.body.toPlainText()
    assert "株式会社サンプル" in body and "二次面接" in body and "採用ご担当者様" in body
    assert "user_name" in dialog.draft.missing and "topic" in dialog.draft.missing
    assert dialog.missing.isVisible() and "Your name" in dialog.missing.text()
    highlighted = dialog.highlighted_missing()
    assert "〔あなたの氏名〕" in highlighted and len(highlighted) == sum(
        not span.filled for span in dialog.draft.spans)
    assert all(sel.format.background().color() == MISSING_COLOUR or sel.cursor.selectedText() in body
               for sel in dialog.body.extraSelections())

    settings.set(USER_NAME, "山田 花子")
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    body = dialog.body.toPlainText()
    assert "Thank you" in body and "株式会社サンプル" in body and "山田 花子" in body
    assert "user_name" not in dialog.draft.missing and "[your name]" not in dialog.highlighted_missing()
    assert dialog.name_notice.text() == "Your name for English mails is not set yet: the other one is used."
    assert dialog.subject.text() and dialog.mail_button.isVisible()

    # Typing over a yellow placeholder fills it: it leaves the list above the text.
    assert dialog.still_missing() == ["topic"] and dialog.missing.isVisible()
    span = next(span for span in dialog.draft.spans if span.field == "topic")
    cursor = dialog.body.textCursor()
    cursor.setPosition(span.start)
    cursor.setPosition(span.end, cursor.MoveMode.KeepAnchor)
    dialog.body.setTextCursor(cursor)
    dialog.body.insertPlainText("your plans for the new payments team")
    assert dialog.still_missing() == [] and not dialog.missing.isVisible()
    assert dialog.highlighted_missing() == []
    assert "your plans for the new payments team" in dialog.edited_draft().body


def _type_name(name: str):
    """A handler typing ``name`` into the real name dialog and pressing OK."""
    from PySide6.QtWidgets import QInputDialog

    def handler(dialog) -> None:
        assert isinstance(dialog, QInputDialog), type(dialog)
        dialog.setTextValue(name)
        dialog.accept()

    return handler


def test_each_language_has_its_name_which_can_be_changed(qtbot):
    settings = Settings()
    dialog = MessageDialog(agent_interview(), settings, "en", MessageKind.THANK_YOU)
    qtbot.addWidget(dialog)
    dialog.show()
    handle_modal(dialog.set_name_button.click, _type_name("Hanako Yamada"))
    assert Settings().get(USER_NAME_EN) == "Hanako Yamada" and Settings().get(USER_NAME) == ""
    assert "Hanako Yamada" in dialog.body.toPlainText()
    assert dialog.name_notice.text() == "Signed as Hanako Yamada."
    assert dialog.name_notice.property("missing") is False  # not in a warning's colour
    assert dialog.set_name_button.text() == "Change my &name…"  # it stays: the name can be changed
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("ja"))  # a Japanese mail, in kanji
    assert dialog.name_notice.text() == "Your name for Japanese mails is not set yet: the other one is used."
    handle_modal(dialog.set_name_button.click, _type_name("山田 花子"))
    assert "山田 花子" in dialog.body.toPlainText() and "Hanako Yamada" not in dialog.body.toPlainText()
    assert Settings().get(USER_NAME) == "山田 花子" and Settings().get(USER_NAME_EN) == "Hanako Yamada"
    handle_modal(dialog.set_name_button.click, _type_name("山田 華子"))  # a typo mended
    assert "山田 華子" in dialog.body.toPlainText() and Settings().get(USER_NAME) == "山田 華子"


def test_settings_change_both_names(qtbot, make_window):
    from gui.settings_dialog import SettingsDialog

    window = make_window()
    window.settings.set(USER_NAME, "山田 花子")

    def fill(dialog) -> None:
        assert isinstance(dialog, SettingsDialog) and dialog.name_ja.text() == "山田 花子"
        dialog.name_ja.setText(" 山田 華子 ")
        dialog.name_en.setText("Hanako Yamada")
        dialog.accept()

    handle_modal(window.open_settings, fill)
    assert Settings().get(USER_NAME) == "山田 華子" and Settings().get(USER_NAME_EN) == "Hanako Yamada"


def test_copy_and_open_in_mail_app(qtbot, make_window):
    window = make_window(lambda lib: lib.tracker.save(agent_interview(channel=Channel.DIRECT)))
    window.settings.set(USER_NAME, "山田 花子")
    window.table.selectRow(0)
    with qtbot.waitSignal(window.tracker_ui.message_opened, timeout=5000) as opened:
        window.pane.followups.message_button.click()
    dialog: MessageDialog = opened.args[0]
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(MessageKind.CANCEL_MAIL.value))
    dialog.subject.setText(dialog.subject.text() + "（再送）")
    dialog.body.appendPlainText("追伸：よろしくお願いいたします。")

    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert copied == f"{dialog.subject.text()}\n\n{dialog.body.toPlainText()}"
    assert copied.startswith(dialog.subject.text()) and "追伸" in copied

    catcher = MailCatcher()
    QDesktopServices.setUrlHandler("mailto", catcher, "open")
    try:
        dialog.mail_button.click()
    finally:
        QDesktopServices.unsetUrlHandler("mailto")
    assert len(catcher.urls) == 1
    url = urlsplit(catcher.urls[0].toString(QUrl.ComponentFormattingOption.FullyEncoded))
    assert url.scheme == "mailto" and unquote(url.path) == "saito@company.example"
    query = parse_qs(url.query)
    assert query["subject"] == [dialog.subject.text()]
    assert query["body"][0].replace("\r\n", "\n") == dialog.body.toPlainText()

    wait_idle(qtbot, window)
    with Library.open() as check:
        kinds = [e.kind for e in check.tracker.timeline("株式会社サンプル")]
    assert EventKind.MESSAGE_PREPARED in kinds and EventKind.MESSAGE_SENT in kinds
    dialog.close()


def test_switching_the_draft_never_loses_edited_text_silently(qtbot):
    from PySide6.QtWidgets import QMessageBox

    from tests.gui_helpers import click_message_box

    dialog = MessageDialog(agent_interview(), Settings(), "ja", MessageKind.THANK_YOU)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.body.appendPlainText("自分で書き足した一文。")
    english = dialog.language_combo.findData("en")
    handle_modal(lambda: dialog.language_combo.setCurrentIndex(english),
                 click_message_box(QMessageBox.StandardButton.No))
    assert "自分で書き足した一文。" in dialog.body.toPlainText() and dialog.language() == "ja"
    handle_modal(lambda: dialog.language_combo.setCurrentIndex(english),
                 click_message_box(QMessageBox.StandardButton.Yes))
    assert dialog.language() == "en" and "Thank you" in dialog.body.toPlainText()
    assert "自分で書き足した一文。" not in dialog.body.toPlainText()


def test_optional_paragraphs_exclude_each_other_and_never_drop_edited_text(qtbot):
    from PySide6.QtWidgets import QMessageBox

    from tests.gui_helpers import click_message_box

    interview = agent_interview(channel=Channel.DIRECT, agent_name="", agent_contact="")
    dialog = MessageDialog(interview, Settings(), "ja", MessageKind.NO_SHOW_APOLOGY)
    qtbot.addWidget(dialog)
    dialog.show()
    ask, withdraw = dialog.choice_boxes["new_date"], dialog.choice_boxes["withdraw"]
    assert ask.isVisible() and withdraw.isVisible() and not ask.isChecked() and not withdraw.isChecked()
    assert "改めて面接の機会" not in dialog.body.toPlainText() and "辞退" not in dialog.body.toPlainText()
    ask.setChecked(True)
    assert "改めて面接の機会" in dialog.body.toPlainText()
    withdraw.setChecked(True)  # saying both would contradict: the other one goes
    assert not ask.isChecked() and dialog.chosen() == frozenset({"withdraw"})
    assert "選考は辞退させていただきたく" in dialog.body.toPlainText()
    assert "改めて面接の機会" not in dialog.body.toPlainText()

    dialog.body.appendPlainText("自分で書き足した一文。")
    handle_modal(lambda: ask.setChecked(True), click_message_box(QMessageBox.StandardButton.No))
    assert "自分で書き足した一文。" in dialog.body.toPlainText()
    assert withdraw.isChecked() and not ask.isChecked()  # the boxes show the text's choice again
    handle_modal(lambda: ask.setChecked(True), click_message_box(QMessageBox.StandardButton.Yes))
    assert dialog.draft.choices == frozenset({"new_date"}) and "自分で書き足した一文。" not in dialog.body.toPlainText()

    # A message without optional paragraphs shows no box.
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(MessageKind.THANK_YOU.value))
    assert not ask.isVisible() and not withdraw.isVisible() and dialog.draft.choices == frozenset()
