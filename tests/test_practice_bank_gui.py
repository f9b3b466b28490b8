"""The practice window without audio: managing the bank, questions from notes, failures, Japanese screens."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QInputDialog

from core.interviews import Interview, InterviewKind
from core.library import Library
from gui.practice.question_dialog import QuestionDialog
from tests.gui_helpers import handle_modal
from tests.test_i18n import PROPER_NAMES, _english_words, _visible_texts


@pytest.fixture
def no_microphone(no_sound_server):
    """The practice window without a microphone (PortAudio sees the real rig again afterwards)."""


def _open(qtbot, window):
    practice = window.practice.open()
    qtbot.waitUntil(lambda: bool(practice.choose.bank), timeout=10000)
    return practice


def test_add_edit_tag_and_save_a_list_from_the_practice_window(qtbot, no_microphone, make_window):
    window = make_window()
    assert window.practice.empty_button.isVisible()  # the empty library offers practice
    practice = _open(qtbot, window)
    choose = practice.choose
    choose.language.setCurrentIndex(choose.language.findData("en"))
    before = choose.questions.count()

    def add(dialog):
        assert isinstance(dialog, QuestionDialog)
        dialog.text_en.setPlainText("How would you explain our product to a child?")
        dialog.category.setCurrentIndex(dialog.category.findData("motivation"))
        dialog.target.setValue(45)
        dialog.tags.setText("final round, tricky")
        dialog.accept()

    with qtbot.waitSignal(choose.bank_loaded, timeout=10000):
        handle_modal(choose.add_button.click, add)
    assert choose.questions.count() == before + 1
    added = choose.current_question()
    assert added.text("en").startswith("How would you explain") and added.tags == ("final round", "tricky")
    assert added.target_s == 45 and added.category == "motivation"
    assert choose.tag.findData("tricky") >= 0

    choose.tag.setCurrentIndex(choose.tag.findData("tricky"))
    assert choose.questions.count() == 1
    choose.questions.setCurrentRow(0)

    def edit(dialog):
        dialog.text_ja.setPlainText("当社の製品を子どもに説明するとしたら？")
        dialog.tags.setText("tricky")
        dialog.accept()

    with qtbot.waitSignal(choose.bank_loaded, timeout=10000):
        handle_modal(choose.edit_button.click, edit)
    with Library.open() as check:
        stored = check.questions.get(added.key)
    assert stored.texts["ja"] == "当社の製品を子どもに説明するとしたら？" and stored.tags == ("tricky",)

    def name_list(dialog):
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue("Tricky ones")
        dialog.accept()

    with qtbot.waitSignal(choose.bank_loaded, timeout=10000):
        handle_modal(choose.save_list_button.click, name_list)
    with Library.open() as check:
        [saved] = check.questions.lists()
    assert saved.name == "Tricky ones" and saved.keys == (added.key,)
    choose.from_list.click()
    assert choose.questions.count() == 1

    choose.tag.setCurrentIndex(0)
    choose.by_category.click()
    choose.set_categories(["reverse"])
    shown = choose.shown_questions()
    assert shown and all(q.category == "reverse" for q in shown)
    choose.questions.setCurrentRow(0)
    assert not choose.delete_button.isEnabled()  # built-in questions stay
    practice.close()


def test_a_question_noted_in_a_real_interview_goes_into_the_bank(qtbot, no_microphone, make_window):
    def prepare(library):
        interview = library.interviews.add(Interview(company="株式会社サンプル", kind=InterviewKind.REAL))
        library.notes.save(interview.id, "## 聞かれた質問\n- 当社の弱みは何だと思いますか？\n- 入社時期")

    window = make_window(prepare)
    window.table.selectRow(0)
    notes = window.pane.notes
    qtbot.waitUntil(lambda: "弱み" in notes.editor.toPlainText(), timeout=10000)
    action = window.practice.notes_action
    cursor = notes.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    cursor.movePosition(QTextCursor.MoveOperation.Down)
    notes.editor.setTextCursor(cursor)
    menu = action.menu()
    [entry] = [a for a in menu.actions() if a.text() == "Add to question bank…"]
    assert entry.isEnabled()
    menu.deleteLater()

    def accept(dialog):
        assert dialog.texts() == {"ja": "当社の弱みは何だと思いますか？", "en": ""}  # bullet gone, language seen
        dialog.category.setCurrentIndex(dialog.category.findData("motivation"))
        return True

    with qtbot.waitSignal(action.added, timeout=10000) as added:
        action.add(edit=accept)
    question = added.args[0]
    assert question.source_interview_id == window.model.interview_at(0).id
    assert "当社の弱みは何だと思いますか？" in question.text("ja")
    assert "question bank" in window.statusBar().currentMessage()
    practice = _open(qtbot, window)
    practice.choose.language.setCurrentIndex(practice.choose.language.findData("ja"))
    practice.choose.set_categories(["motivation"])
    shown = [practice.choose.questions.item(i).text() for i in range(practice.choose.questions.count())]
    assert any("当社の弱み" in text and "asked at 株式会社サンプル" in text for text in shown)
    practice.close()


def test_without_a_microphone_practice_says_so_and_starts_nothing(qtbot, no_microphone, make_window):
    window = make_window()
    practice = _open(qtbot, window)
    check = practice.choose.microphone
    qtbot.waitUntil(lambda: check.status is not None, timeout=10000)
    assert not practice.choose.start_button.isEnabled()  # it used to be enabled, then hang
    assert check.isVisible() and check.label.text().startswith("Practice needs a microphone. No microphone")
    assert check.again.isVisible()
    # started all the same (the microphone went away after the check): it says so, and nothing is recorded
    with qtbot.waitSignal(practice.session.failed, timeout=20000) as failed:
        practice.start_session(practice.choose.bank[:1], "en")
    assert failed.args[0] is not None
    page = practice.session
    assert page.question.text() == "The practice could not start."  # not "Starting the microphone…" for ever
    assert page.message.isVisible() and page.message.text().startswith("No microphone")
    assert page.message.height() >= page.message.heightForWidth(page.message.width())  # not clipped
    assert practice.back_button.isEnabled() and not page.is_recording
    with Library.open() as library:
        assert library.interviews.all() == [] and library.practice.sessions() == []
    practice.back_button.click()
    assert practice.stack.currentWidget() is practice.choose
    qtbot.waitUntil(lambda: check.status is not None, timeout=10000)  # looked again
    assert not practice.choose.start_button.isEnabled()
    practice.close()


def test_practice_screens_are_japanese(qtbot, no_microphone, make_window):
    window = make_window(language="ja")
    practice = _open(qtbot, window)
    screens = {"choose": _visible_texts(practice)}
    practice.session.run = None
    practice.stack.setCurrentWidget(practice.review)
    screens["review"] = _visible_texts(practice)
    handle_modal(practice.choose.add_button.click,
                 lambda dialog: (screens.__setitem__("question dialog", _visible_texts(dialog)), dialog.reject()))
    allowed = PROPER_NAMES | {"STAR", "PR"}  # 自己PR is Japanese
    untranslated = {name: [t for t in texts if _english_words(t, allowed)] for name, texts in screens.items()}
    assert not any(untranslated.values()), untranslated
    assert "模擬面接の練習(&P)…" in [a.text() for a in window.file_menu.actions()]
    practice.close()


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_time_limit_is_chosen_before_starting(qtbot, no_microphone, make_window, language):
    window = make_window(language=language)
    choose = _open(qtbot, window).choose
    limit = choose.limit
    assert [limit.itemData(i) for i in range(limit.count())] == [1.0, 1.5, 2.0, None]
    assert choose.limit_factor() == 1.5
    texts = [limit.itemText(i) for i in range(limit.count())]
    assert len(set(texts)) == 4 and all(texts)
    if language == "ja":
        assert not any(_english_words(text, PROPER_NAMES) for text in [*texts, choose.limit_label.text()]), texts
    limit.setCurrentIndex(3)
    assert choose.limit_factor() is None


def test_a_question_noted_while_practising_reaches_the_open_practice_window(qtbot, no_microphone, make_window):
    def prepare(library):
        interview = library.interviews.add(Interview(company="Example Corp.", kind=InterviewKind.REAL))
        library.notes.save(interview.id, "- What would you change in our onboarding?")

    window = make_window(prepare)
    window.table.selectRow(0)
    notes = window.pane.notes
    qtbot.waitUntil(lambda: "onboarding" in notes.editor.toPlainText(), timeout=10000)
    practice = _open(qtbot, window)
    choose = practice.choose
    choose.language.setCurrentIndex(choose.language.findData("en"))
    choose.set_categories(["other"])
    assert not any("onboarding" in choose.questions.item(i).text() for i in range(choose.questions.count()))
    cursor = notes.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    notes.editor.setTextCursor(cursor)
    with qtbot.waitSignal(choose.bank_loaded, timeout=10000):  # through the app's change hub, nothing else
        window.practice.notes_action.add(edit=lambda dialog: True)
    shown = [choose.questions.item(i).text() for i in range(choose.questions.count())]
    assert any("What would you change in our onboarding?" in text and "asked at Example Corp." in text
               for text in shown), shown
    practice.close()


def test_ticked_questions_are_the_ones_asked(qtbot, no_microphone):
    from gui.practice.choose_page import ChoosePage
    from gui.tasks import TaskRunner

    with Library.open() as library:
        choose = ChoosePage(library, TaskRunner(), "en")
        qtbot.addWidget(choose)
        qtbot.waitUntil(lambda: choose.questions.count() > 5, timeout=10000)
        items = [choose.questions.item(row) for row in range(choose.questions.count())]
        assert all(item.flags() & Qt.ItemFlag.ItemIsUserCheckable for item in items)
        items[4].setCheckState(Qt.CheckState.Checked)
        items[2].setCheckState(Qt.CheckState.Checked)
        assert choose.summary.text() == "2 ticked questions will be asked in this order"
        wanted = [items[2].data(Qt.ItemDataRole.UserRole), items[4].data(Qt.ItemDataRole.UserRole)]
        with qtbot.waitSignal(choose.start_requested) as asked:
            choose.start()
        assert [q.key for q in asked.args[0]] == wanted
        choose.at_random.click()  # the ticks stay across another way of choosing
        assert choose.picked() == tuple(wanted) and choose.summary.text() == "2 ticked questions to draw from"
        items = [choose.questions.item(row) for row in range(choose.questions.count())]
        for item in items:
            item.setCheckState(Qt.CheckState.Unchecked)
        assert choose.picked() == () and "questions to draw from" in choose.summary.text()
