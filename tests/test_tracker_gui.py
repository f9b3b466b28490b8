"""Follow-ups in the GUI: interview details, upcoming view, notifications, message drafts, cancel / decline.

Real windows offscreen over a real library in the test's own home; the real
tracker core underneath.  Mail URLs are intercepted with a URL handler, so
nothing leaves the machine.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox

from core.interviews import Channel, Interview, InterviewKind, Stage, Status
from core.library import Library
from core.settings import USER_NAME, Settings
from core.tracker.events import EventKind
from core.tracker.followups import TaskKind, TaskState
from core.tracker import messages
from core.tracker.messages import MessageKind
from core.tracker.withdraw import Reason, withdrawal_plan
from gui.interview_dialog import InterviewDialog
from gui.message_dialog import MISSING_COLOUR, MessageDialog
from gui.upcoming_view import group_of
from gui.withdraw_dialog import WithdrawDialog
from tests.gui_helpers import handle_modal

JST = timezone(timedelta(hours=9))


def _agent_interview(**changes) -> Interview:
    fields = dict(company="株式会社サンプル", kind=InterviewKind.REAL, position="営業", stage=Stage.SECOND.value,
                  starts_at=datetime.now(JST).replace(microsecond=0) + timedelta(days=3),
                  channel=Channel.AGENT, agent_name="ミライエージェント 田中", agent_contact="tanaka@agent.example",
                  contact_name="佐藤", contact_email="saito@company.example")
    fields.update(changes)
    return Interview(**fields)


def _wait_idle(qtbot, window):
    qtbot.waitUntil(lambda: window.tasks.pending == 0, timeout=10000)


class _MailCatcher(QObject):
    """Receives mailto: URLs instead of the desktop's mail program."""

    def __init__(self):
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


# -- the interview dialog -------------------------------------------------------------------

def test_interview_dialog_saves_the_new_fields_through_the_tracker(qtbot, make_window):
    window = make_window()
    seen = {}

    def fill(dialog):
        assert isinstance(dialog, InterviewDialog)
        seen["agent_hidden_for_direct"] = not dialog.agent_name.isVisibleTo(dialog)
        dialog.company.setText("Acme KK")
        dialog.channel.setCurrentIndex(dialog.channel.findData(Channel.AGENT.value))
        seen["agent_shown"] = dialog.agent_name.isVisibleTo(dialog)
        dialog.agent_name.setText("Bright Careers, Ms Ito")
        dialog.agent_contact.setText("ito@bright.example")
        dialog.duration.setValue(45)
        dialog.place.setText("https://meet.example/abc")
        dialog.interviewers.setText("Mr Sato (sales manager)")
        dialog.contact_name.setText("Ms Kato")
        dialog.contact_email.setText("kato@acme.example")
        dialog.stage.setCurrentIndex(dialog.stage.findData(Stage.FIRST.value))
        dialog.status.setCurrentIndex(dialog.status.findData(Status.DONE.value))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    with qtbot.waitSignal(window.library_loaded, timeout=10000):
        handle_modal(window.new_action.trigger, fill)
    assert seen == {"agent_hidden_for_direct": True, "agent_shown": True}
    with Library.open() as check:
        saved = check.interviews.all()[0]
        tasks = check.followups.for_interview(saved.id)
    assert (saved.channel, saved.agent_name, saved.agent_contact) == (
        Channel.AGENT, "Bright Careers, Ms Ito", "ito@bright.example")
    assert (saved.duration_min, saved.place, saved.is_online) == (45, "https://meet.example/abc", True)
    assert (saved.interviewers, saved.contact_name, saved.contact_email) == (
        "Mr Sato (sales manager)", "Ms Kato", "kato@acme.example")
    assert saved.starts_at.utcoffset() == datetime.now().astimezone().utcoffset()  # entered in local time
    # Saved through the tracker: marking it done created the thank-you follow-up.
    assert TaskKind.THANK_YOU in {task.kind for task in tasks}

    # Editing shows the stored values again.
    dialog = InterviewDialog(window, saved)
    assert dialog.channel.currentData() == Channel.AGENT.value and dialog.agent_name.text() == "Bright Careers, Ms Ito"
    assert dialog.duration.value() == 45 and dialog.contact_email.text() == "kato@acme.example"
    dialog.contact_email.setText("not a mail address")
    dialog.accept()
    assert dialog.result() != InterviewDialog.DialogCode.Accepted and dialog.error.isVisibleTo(dialog)
    dialog.deleteLater()


# -- cancelling an agent's interview --------------------------------------------------------

def test_cancelling_an_agents_interview_goes_through_the_agent(qtbot, make_window):
    window = make_window(lambda lib: lib.tracker.save(_agent_interview()))
    window.table.selectRow(0)
    assert window.pane.followups.isVisibleTo(window)
    window.pane.followups.withdraw_button.click()
    dialog = window.findChild(WithdrawDialog)
    assert dialog is not None and dialog.isVisible()
    assert not dialog.finish_button.isVisible()
    dialog.cancel_choice.setChecked(True)
    assert dialog.new_date.isChecked() and dialog.new_date.isEnabled()  # cancelling one date: ask for another
    dialog.next_button.click()

    assert "ミライエージェント 田中" in dialog.contact.text() and "not the company" in dialog.contact.text()
    kinds = dialog.offered_kinds()
    assert kinds == [MessageKind.CANCEL_VIA_AGENT_PHONE.value, MessageKind.CANCEL_VIA_AGENT_MAIL.value], kinds
    assert "ask whether another date is possible" in dialog.step_texts()[1]
    assert "not showing up ends this application" in dialog.no_show.text()

    # The first script is the agent phone script: no subject, no mail button, names the agent.
    with qtbot.waitSignal(window.tracker_ui.message_opened, timeout=5000) as opened:
        dialog.step_buttons[0].click()
    script: MessageDialog = opened.args[0]
    assert script.kind() is MessageKind.CANCEL_VIA_AGENT_PHONE
    assert not script.mail_button.isVisibleTo(script) and not script.subject.isVisibleTo(script)
    assert "田中" in script.body.toPlainText()
    # The choice made in the walkthrough arrives ticked; the paragraph goes when the user unticks it.
    ask = script.choice_boxes["new_date"]
    assert ask.isVisibleTo(script) and ask.isChecked() and not script.choice_boxes["withdraw"].isVisibleTo(script)
    assert "Could you ask them whether another date is possible?" in script.body.toPlainText()
    ask.setChecked(False)
    assert "another date" not in script.body.toPlainText() and script.draft.choices == frozenset()
    # Every mail the walkthrough offers goes to the agent, never to the company's recruiter.
    for button in dialog.step_buttons[1:]:
        with qtbot.waitSignal(window.tracker_ui.message_opened, timeout=5000) as opened:
            button.click()
        mail: MessageDialog = opened.args[0]
        assert mail.recipient.text() == "tanaka@agent.example"
        assert "saito@company.example" not in mail.mailto()
        mail.close()
    script.close()

    assert not dialog.finish_button.isEnabled()  # first confirm that they were told
    dialog.done_check.setChecked(True)
    with qtbot.waitSignal(window.library_loaded, timeout=10000):
        dialog.finish_button.click()
    _wait_idle(qtbot, window)
    with Library.open() as check:
        interview = check.interviews.all()[0]
        events = check.tracker.timeline(interview.company)
    assert interview.status is Status.CANCELLED
    assert any(e.kind is EventKind.STATUS and "cancelled" in str(e.message) for e in events)
    qtbot.waitUntil(lambda: any("Interview cancelled" in window.pane.timeline.list.item(i).text()
                                for i in range(window.pane.timeline.list.count())), timeout=5000)


def test_direct_application_contacts_the_company_by_phone_then_mail(qtbot):
    interview = _agent_interview(channel=Channel.DIRECT, agent_name="", agent_contact="")
    dialog = WithdrawDialog(interview)
    qtbot.addWidget(dialog)
    dialog.decline_choice.setChecked(True)
    dialog.already_missed.setChecked(True)
    dialog.show_plan()
    assert "株式会社サンプル" in dialog.contact.text() and "by phone first" in dialog.contact.text()
    assert dialog.offered_kinds() == [MessageKind.NO_SHOW_PHONE.value, MessageKind.NO_SHOW_APOLOGY.value]
    assert "say that you withdraw" in dialog.step_texts()[0]
    assert "Apologise as soon as possible" in dialog.warnings.text()
    assert dialog.status() is Status.DECLINED
    dialog.back_button.click()
    assert dialog.next_button.isVisibleTo(dialog) and not dialog.finish_button.isVisibleTo(dialog)


# -- message drafts --------------------------------------------------------------------------

def test_message_dialog_highlights_missing_fields_and_fills_both_languages(qtbot):
    settings = Settings()
    interview = _agent_interview(channel=Channel.DIRECT, interviewers="", contact_name="")
    dialog = MessageDialog(interview, settings, "ja", MessageKind.THANK_YOU)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.name_row.isVisible()  # no name yet: offered to set it
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
    assert not dialog.name_row.isVisible()
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


def test_set_name_is_offered_and_kept(qtbot, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    settings = Settings()
    dialog = MessageDialog(_agent_interview(), settings, "en", MessageKind.THANK_YOU)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("Hanako Yamada", True))
    dialog.set_name_button.click()
    assert Settings().get(USER_NAME) == "Hanako Yamada"
    assert "Hanako Yamada" in dialog.body.toPlainText()


def test_copy_and_open_in_mail_app(qtbot, make_window):
    window = make_window(lambda lib: lib.tracker.save(_agent_interview(channel=Channel.DIRECT)))
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

    catcher = _MailCatcher()
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

    _wait_idle(qtbot, window)
    with Library.open() as check:
        kinds = [e.kind for e in check.tracker.timeline("株式会社サンプル")]
    assert EventKind.MESSAGE_PREPARED in kinds and EventKind.MESSAGE_SENT in kinds
    dialog.close()


# -- upcoming --------------------------------------------------------------------------------

def _with_tasks(now: datetime):
    def prepare(lib: Library) -> None:
        soon = lib.tracker.save(_agent_interview(starts_at=now + timedelta(days=2), company="Beta"))
        past = lib.tracker.save(_agent_interview(company="Alpha", starts_at=now - timedelta(days=1)))
        lib.followups.add(past.id, TaskKind.ASK_RESULT, now + timedelta(days=20))
        lib.followups.add(past.id, TaskKind.THANK_YOU, now - timedelta(hours=3))
        lib.followups.add(soon.id, TaskKind.CONFIRM_TERMS, now + timedelta(days=4))
    return prepare


def test_upcoming_lists_in_time_order_and_done_snooze_dismiss_change_tasks(qtbot, make_window):
    now = datetime.now(JST).replace(microsecond=0)
    window = make_window(_with_tasks(now))
    window.tracker_ui.upcoming_action.trigger()
    view = window.tracker_ui.upcoming
    with qtbot.waitSignal(view.loaded, timeout=10000):
        pass
    assert view.isVisible()
    rows = view.items()
    assert [r.at for r in rows] == sorted(r.at for r in rows)
    assert [(r.interview.company, r.task.kind if r.task else None) for r in rows] == [
        ("Alpha", TaskKind.THANK_YOU), ("Beta", None), ("Beta", TaskKind.CONFIRM_TERMS), ("Alpha", TaskKind.ASK_RESULT)]
    assert view.headings()[0] == "Overdue" and view.headings()[-1] == "Later"
    assert group_of(now + timedelta(days=4), now) in ("week", "later")

    thank_you, confirm, ask = rows[0].task, rows[2].task, rows[3].task
    view.select(("task", thank_you.id))
    assert view.message_button.isEnabled() and view.done_button.isEnabled()
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.done_button.click()
    assert ("task", thank_you.id) not in [r.key for r in view.items()]

    view.select(("task", ask.id))
    menu = view.snooze_button.menu()
    menu.fill()
    first_choice = menu.actions()[0]
    with qtbot.waitSignal(view.loaded, timeout=10000):
        first_choice.trigger()
    view.select(("task", confirm.id))
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.dismiss_button.click()
    rows = view.items()
    assert [r.key for r in rows] == [("interview", rows[1].interview.id), ("task", ask.id)] or [
        r.key for r in rows] == [("task", ask.id), ("interview", rows[1].interview.id)]
    assert [r.at for r in rows] == sorted(r.at for r in rows)
    moved = next(r for r in rows if r.key == ("task", ask.id))
    assert moved.at < now + timedelta(days=2)  # snoozed to a time sooner than its original 20 days
    with Library.open() as check:
        states = {t.kind: t for i in check.interviews.all() for t in check.followups.for_interview(i.id)}
    assert states[TaskKind.THANK_YOU].state is TaskState.DONE
    assert states[TaskKind.CONFIRM_TERMS].state is TaskState.DISMISSED
    assert states[TaskKind.ASK_RESULT].snoozed_until is not None and states[TaskKind.ASK_RESULT].is_open


# -- notifications ---------------------------------------------------------------------------

def test_a_task_falling_due_notifies_once_in_the_window(qtbot, make_window):
    window = make_window(lambda lib: lib.tracker.save(_agent_interview(company="Gamma")))
    controller = window.tracker_ui
    toast = controller.toast
    seen = []
    controller.notifier.due.connect(seen.append)
    _wait_idle(qtbot, window)
    assert controller.notifier.next_check is None and not toast.isVisible()  # nothing to wait for

    # "Now" is injected: the app believes it is a day later than the wall clock.
    controller.clock = lambda: datetime.now(JST) + timedelta(days=1)
    due_at = controller.now() + timedelta(seconds=2)
    with Library.open() as other:  # e.g. the command line, or another part of the app
        interview_id = other.interviews.all()[0].id
        other.followups.add(interview_id, TaskKind.THANK_YOU, due_at)
    with qtbot.waitSignal(controller.notifier.armed, timeout=5000) as armed:
        controller.changed.emit()
    if not seen:  # the usual case: one single-shot timer, set to the due moment
        assert armed.args[0] == due_at and controller.notifier.next_check == due_at
        assert 0 < controller.notifier._timer.remainingTime() <= 2100
        assert not toast.isVisible()
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=5000)
    assert seen[0].kind is TaskKind.THANK_YOU
    assert toast.isVisible() and "Gamma" in toast.title.text() and toast.shown_count == 1

    # A change elsewhere re-checks: the same task is not notified twice.
    with qtbot.waitSignal(controller.notifier.armed, timeout=5000):
        controller.changed.emit()
    assert toast.shown_count == 1

    with qtbot.waitSignal(controller.changed, timeout=5000):
        toast.done_button.click()
    assert not toast.isVisible()
    _wait_idle(qtbot, window)
    with Library.open() as check:
        task = check.followups.for_interview(check.interviews.all()[0].id)[0]
    assert task.state is TaskState.DONE and task.notified_at is not None


def test_a_snoozed_task_notifies_again(qtbot, make_window):
    now = datetime.now(JST)

    def prepare(lib: Library) -> None:
        saved = lib.tracker.save(_agent_interview(company="Delta"))
        lib.followups.add(saved.id, TaskKind.ASK_RESULT, now - timedelta(minutes=5))

    window = make_window(prepare)
    controller = window.tracker_ui
    qtbot.waitUntil(lambda: controller.toast.shown_count == 1, timeout=5000)
    task = controller.toast.queue[0]
    with qtbot.waitSignal(controller.notifier.due, timeout=10000):
        controller.snooze(task, datetime.now(JST) + timedelta(seconds=2))
    assert controller.toast.shown_count == 2 and controller.toast.isVisible()


# -- languages -------------------------------------------------------------------------------

def test_follow_up_screens_are_japanese(qtbot, make_window):
    from tests.test_i18n import JAPANESE, PROPER_NAMES, _english_words, _visible_texts

    now = datetime.now(JST).replace(microsecond=0)

    def prepare(lib: Library) -> None:
        _with_tasks(now)(lib)
        lib.tracker.save(_agent_interview(company="株式会社テスト", starts_at=now - timedelta(hours=2),
                                          status=Status.DONE))

    window = make_window(prepare, language="ja")
    window.settings.set(USER_NAME, "山田 花子")
    controller = window.tracker_ui
    qtbot.waitUntil(lambda: controller.toast.isVisible(), timeout=5000)
    view = controller.open_upcoming()
    with qtbot.waitSignal(view.loaded, timeout=10000):
        pass
    view.select(("task", view.items()[0].task.id))
    interview = next(r.interview for r in view.items() if r.interview.company == "Beta")
    message = controller.prepare_message(interview, MessageKind.THANK_YOU)
    withdraw = controller.withdraw(interview)
    withdraw.next_button.click()
    window.pane.timeline.show_company("Beta")
    screens = {"upcoming": _visible_texts(view), "message": _visible_texts(message),
               "withdraw plan": _visible_texts(withdraw), "toast": _visible_texts(controller.toast)}
    allowed = PROPER_NAMES | {"Alpha", "Beta", "tanaka", "agent", "example", "saito", "company"}
    untranslated = {name: [(t, w) for t in texts if (w := _english_words(t, allowed))]
                    for name, texts in screens.items()}
    assert not {k: v for k, v in untranslated.items() if v}
    assert all(any(JAPANESE.search(t) for t in texts) for texts in screens.values())
    assert view.headings()[0] == "期限切れ"
    message.close()
    withdraw.reject()


# -- a missed call ---------------------------------------------------------------------------

def test_missed_call_plans_the_call_back_and_opens_the_script(qtbot, make_window):
    window = make_window(lambda lib: lib.tracker.save(_agent_interview(channel=Channel.DIRECT)))
    window.table.selectRow(0)

    def accept_now(dialog):
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    with qtbot.waitSignal(window.tracker_ui.message_opened, timeout=10000) as opened:
        handle_modal(window.pane.followups.missed_call_button.click, accept_now)
    script: MessageDialog = opened.args[0]
    assert script.kind() is MessageKind.MISSED_CALL_SCRIPT and script.task is not None
    assert not script.mail_button.isVisibleTo(script)  # a phone script: nothing to mail
    assert "株式会社サンプル" in script.body.toPlainText()
    assert "missed_time" not in script.draft.missing  # filled from the moment given
    task = script.task
    assert task.kind is TaskKind.MISSED_CALL and task.is_open
    start = task.due_at.astimezone(task.due_at.tzinfo)
    assert (10, 15) <= (start.hour, start.minute) and (start.hour, start.minute) <= (16, 45)
    _wait_idle(qtbot, window)
    with Library.open() as check:
        kinds = [e.kind for e in check.tracker.timeline("株式会社サンプル")]
        open_tasks = [t.kind for t in check.followups.open_tasks()]
    assert EventKind.MISSED_CALL in kinds and open_tasks == [TaskKind.MISSED_CALL]
    script.close()

    # Calling back, nobody answers: the upcoming view moves it to a later calling window.
    view = window.tracker_ui.open_upcoming()
    with qtbot.waitSignal(view.loaded, timeout=10000):
        pass
    view.select(("task", task.id))
    assert view.unanswered_button.isVisibleTo(view)
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.unanswered_button.click()
    with Library.open() as check:
        tried = check.followups.get(task.id)
    assert tried.attempts == 1 and tried.is_open and tried.snoozed_until is not None
    assert tried.effective_due >= task.due_at  # the next calling window, two hours after the try at the earliest
    view.select(next(r.key for r in view.items() if r.task is not None))
    assert not view.unanswered_button.isHidden()


def test_switching_the_draft_never_loses_edited_text_silently(qtbot):
    from PySide6.QtWidgets import QMessageBox

    from tests.gui_helpers import click_message_box

    dialog = MessageDialog(_agent_interview(), Settings(), "ja", MessageKind.THANK_YOU)
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


def test_answering_the_notification_keeps_the_next_one(qtbot, make_window):
    now = datetime.now(JST)

    def prepare(lib: Library) -> None:
        first = lib.tracker.save(_agent_interview(company="Epsilon"))
        second = lib.tracker.save(_agent_interview(company="Zeta"))
        lib.followups.add(first.id, TaskKind.THANK_YOU, now - timedelta(minutes=10))
        lib.followups.add(second.id, TaskKind.ASK_RESULT, now - timedelta(minutes=5))

    window = make_window(prepare)
    toast = window.tracker_ui.toast
    qtbot.waitUntil(lambda: len(toast.queue) == 2, timeout=5000)
    assert "Epsilon" in toast.title.text() and toast.more.isVisibleTo(toast)
    with qtbot.waitSignal(window.tracker_ui.changed, timeout=5000):
        toast.dismiss_button.click()
    assert len(toast.queue) == 1 and "Zeta" in toast.title.text() and toast.isVisible()
    toast.hide_button.click()  # hides the card; the task stays open
    assert not toast.isVisible()
    _wait_idle(qtbot, window)
    with Library.open() as check:
        states = {t.company: t.state for t in
                  (task for i in check.interviews.all() for task in check.followups.for_interview(i.id))}
    assert states == {"Epsilon": TaskState.DISMISSED, "Zeta": TaskState.OPEN}


def test_upcoming_says_when_nothing_is_coming_up(qtbot, make_window):
    window = make_window(lambda lib: lib.tracker.save(_agent_interview(
        starts_at=datetime.now(JST) - timedelta(days=3), status=Status.REJECTED)))
    view = window.tracker_ui.open_upcoming()
    with qtbot.waitSignal(view.loaded, timeout=10000):
        pass
    assert view.items() == [] and view.empty.isVisible() and "Nothing coming up" in view.empty.text()
    assert not view.done_button.isEnabled() and not view.message_button.isEnabled()


def test_follow_up_menu_acts_on_the_selected_real_interview(qtbot, make_window):
    def prepare(lib: Library) -> None:
        lib.tracker.save(_agent_interview(company="Real Co"))
        lib.tracker.save(Interview(company="Practice", kind=InterviewKind.MOCK,
                                   starts_at=datetime.now(JST) + timedelta(days=5)))

    window = make_window(prepare)
    controller = window.tracker_ui
    rows = {window.model.interview_at(r).company: r for r in range(window.model.rowCount())}
    window.table.selectRow(rows["Practice"])
    controller._update_actions()
    assert not controller.withdraw_action.isEnabled() and not window.pane.followups.isVisibleTo(window)
    window.table.selectRow(rows["Real Co"])
    controller._update_actions()
    assert controller.withdraw_action.isEnabled()
    controller.withdraw_action.trigger()
    dialog = window.findChild(WithdrawDialog)
    assert dialog is not None and dialog.isVisible() and dialog.interview.company == "Real Co"
    assert not dialog.isModal()  # its scripts stay usable while calling
    dialog.reject()


# -- the walkthrough and its messages, for every situation, in both languages ------------------

_DECLINING = ("declin", "withdraw", "辞退")


@pytest.fixture
def ui_language(qapp):
    """Switch the UI language for a test without a main window; English again afterwards."""
    from gui.i18n import LanguageSwitcher

    switcher = LanguageSwitcher()
    yield switcher.apply
    switcher.apply("en")


@pytest.mark.parametrize("language", ["ja", "en"])
@pytest.mark.parametrize("channel", list(Channel), ids=[c.value for c in Channel])
def test_walkthrough_offers_fitting_messages_to_the_right_person(qtbot, ui_language, language, channel):
    from tests.test_i18n import JAPANESE, PROPER_NAMES, _english_words, _visible_texts

    ui_language(language)
    settings = Settings()
    settings.set(USER_NAME, "山田 花子")
    now = datetime(2026, 11, 20, 18, 0, tzinfo=JST)
    agent = channel is Channel.AGENT
    interview = _agent_interview(channel=channel, id=7, starts_at=datetime(2026, 11, 26, 14, 0, tzinfo=JST),
                                 agent_name="ミライエージェント 田中" if agent else "",
                                 agent_contact="tanaka@agent.example" if agent else "")
    names = PROPER_NAMES | {"tanaka", "agent", "example", "saito", "company"}
    situations = [(Reason.CANCEL, missed, new_date) for missed in (False, True) for new_date in (False, True)]
    situations += [(Reason.DECLINE, missed, False) for missed in (False, True)]
    for reason, missed, new_date in situations:
        case = (reason, missed, new_date)
        dialog = WithdrawDialog(interview, now=lambda: now)
        qtbot.addWidget(dialog)
        (dialog.cancel_choice if reason is Reason.CANCEL else dialog.decline_choice).setChecked(True)
        assert dialog.new_date.isEnabled() is (reason is Reason.CANCEL)
        dialog.new_date.setChecked(new_date)
        dialog.already_missed.setChecked(missed)
        dialog.show_plan()
        plan = withdrawal_plan(interview, reason, missed, now, new_date)
        assert dialog.offered_kinds() == [kind.value for kind in plan.message_kinds], case
        # Whom to contact, said at the top and in the confirmation.
        who = "ミライエージェント 田中" if agent else "佐藤"  # the agent, or the company's recruiter
        assert who in dialog.contact.text() and who in dialog.done_check.text(), case
        assert ("株式会社サンプル" in dialog.contact.text()) is not agent, case
        shown = dialog.step_texts() + [b.text() for b in dialog.step_buttons] + [dialog.warnings.text()]
        if reason is Reason.CANCEL and not missed:  # cancelling one date is not declining
            assert not [t for t in shown if any(w in t.lower() for w in _DECLINING)], (case, shown)
        if language == "ja":
            texts = _visible_texts(dialog)
            assert not [(t, w) for t in texts if (w := _english_words(t, names))], case
            assert all(JAPANESE.search(t) for t in shown if t), case

        for button, kind in zip(dialog.step_buttons, plan.message_kinds):
            with qtbot.waitSignal(dialog.message_requested, timeout=2000) as requested:
                button.click()
            assert requested.args[0] is kind, case
            chosen = requested.args[1]
            message = MessageDialog(interview, settings, language, kind, chosen=chosen)
            qtbot.addWidget(message)
            where = (case, kind)
            draft = message.draft
            assert message.kind() is kind and draft.language == language, where
            # Only the reason is left to the user (and, writing to a referrer, their name: no field holds it);
            # no template braces anywhere.
            to_referrer = kind is MessageKind.TELL_REFERRER
            assert to_referrer is (channel is Channel.REFERRAL and kind is plan.message_kinds[-1]), where
            assert draft.missing == (("referrer", "reason") if to_referrer else ("reason",)), where
            assert "{" not in draft.body + draft.subject and "}" not in draft.body + draft.subject, where
            assert len(message.highlighted_missing()) == draft.body.count("〔" if language == "ja" else "["), where
            # The choice made in the walkthrough is ticked; only the template's own choices are offered.
            offered = {name for name, box in message.choice_boxes.items() if box.isVisibleTo(message)}
            assert offered == set(messages.choices(kind)), where
            assert message.chosen() == chosen == draft.choices, where
            if to_referrer:  # no address is recorded for the referrer: never the recruiter's
                assert draft.is_mail and message.recipient.text() == "", where
                assert message.choice_boxes["told_company"].isChecked(), where
                gap = "〔紹介してくださった方のお名前〕" if language == "ja" else "[name of the person who referred you]"
                assert message.highlighted_missing()[0] == gap, where
            elif draft.is_mail:  # addressed to the person the plan names
                assert message.recipient.text() == ("tanaka@agent.example" if agent else "saito@company.example"), where
            else:
                assert not message.mail_button.isVisibleTo(message), where
            note = message.note.text()
            assert ("田中" in note) is agent, where  # the agent's scripts say to contact the agent
            words = (draft.subject + draft.body).lower()
            if reason is Reason.CANCEL and not missed:
                assert not any(w in words for w in _DECLINING), where
                assert not any(w in message.kind_combo.currentText().lower() for w in _DECLINING), where
            if reason is Reason.DECLINE:
                assert any(w in words for w in _DECLINING), where
            if language == "ja":
                assert not [(t, w) for t in _visible_texts(message) if (w := _english_words(t, names))], where
                assert not _english_words(draft.subject + draft.body, names), where
            else:
                assert not JAPANESE.search(note.replace(interview.agent_name, "")), where
            message.close()
        dialog.reject()


def test_the_referrer_step_opens_a_mail_whose_only_gap_is_their_name(qtbot, make_window):
    referral = _agent_interview(channel=Channel.REFERRAL, agent_name="", agent_contact="")
    Settings().set(USER_NAME, "Hanako Yamada")
    window = make_window(lambda lib: lib.tracker.save(referral))
    window.table.selectRow(0)
    window.pane.followups.withdraw_button.click()
    dialog = window.findChild(WithdrawDialog)
    dialog.decline_choice.setChecked(True)
    dialog.next_button.click()
    assert dialog.offered_kinds() == [MessageKind.DECLINE_PHONE.value, MessageKind.DECLINE_MAIL.value,
                                      MessageKind.TELL_REFERRER.value]
    assert "Telling the person who referred you" in dialog.step_buttons[-1].text()
    assert "person who referred you" in dialog.step_texts()[3]
    with qtbot.waitSignal(window.tracker_ui.message_opened, timeout=5000) as opened:
        dialog.step_buttons[-1].click()
    message: MessageDialog = opened.args[0]
    assert message.kind() is MessageKind.TELL_REFERRER and message.mail_button.isVisibleTo(message)
    assert message.recipient.text() == "" and "saito@" not in message.mailto()  # not the recruiter's address
    assert "person who referred you" in message.note.text()
    gap = "[name of the person who referred you]"
    assert message.highlighted_missing()[0] == gap and message.still_missing() == ["referrer", "reason"]
    message.extra["reason"] = "I have accepted another offer"
    message.refresh()
    assert message.highlighted_missing() == [gap] and message.still_missing() == ["referrer"]
    assert "Who referred you" in message.missing.text() and message.missing.isVisibleTo(message)
    # The user types the name over the yellow gap: nothing is left to fill in.
    cursor = message.body.document().find(gap)
    cursor.insertText("Ken")
    assert message.still_missing() == [] and not message.missing.isVisibleTo(message)
    assert message.body.toPlainText().startswith("Hi Ken,\n")
    # Saying that the company already knows is optional, and independent of the exclusive choices.
    told, withdraw = message.choice_boxes["told_company"], message.choice_boxes["withdraw"]
    assert told.isChecked() and withdraw.isChecked() and not message.choice_boxes["new_date"].isChecked()
    handle_modal(lambda: told.setChecked(False), click_message_box_yes())
    assert withdraw.isChecked() and message.chosen() == frozenset({"withdraw"})
    assert "already told" not in message.body.toPlainText() and "withdraw from their" in message.body.toPlainText()
    told.setChecked(True)
    assert message.chosen() == frozenset({"withdraw", "told_company"})
    message.close()
    dialog.reject()


def click_message_box_yes():
    from PySide6.QtWidgets import QMessageBox

    from tests.gui_helpers import click_message_box

    return click_message_box(QMessageBox.StandardButton.Yes)  # the typed name is replaced: the user agrees


def test_optional_paragraphs_exclude_each_other_and_never_drop_edited_text(qtbot):
    from PySide6.QtWidgets import QMessageBox

    from tests.gui_helpers import click_message_box

    interview = _agent_interview(channel=Channel.DIRECT, agent_name="", agent_contact="")
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


def _assert_steps_whole(dialog):
    """The steps with a hint wrap over several lines: the dialog is tall enough for all of its wrapped text
    (a window's adjustSize stops at two thirds of the screen), and no step is squeezed under the next widget."""
    assert dialog.height() >= dialog.layout().totalHeightForWidth(dialog.width())
    widgets = [w for row in dialog._step_rows for w in row if w is not None]
    for upper, lower in zip(widgets, widgets[1:]):
        assert upper.geometry().bottom() < lower.geometry().top(), (upper.text(), lower.text())


def test_walkthrough_knows_a_passed_interview_and_shows_every_step_whole(qtbot, ui_language):
    ui_language("ja")  # the longest lines
    long_name = "キャリアブリッジ株式会社 第二事業部 シニアキャリアアドバイザー 田中"  # many wrapped lines
    upcoming = WithdrawDialog(_agent_interview(agent_name=long_name, agent_contact="03-1234-5678 / tanaka@agent.example"))
    qtbot.addWidget(upcoming)
    assert not upcoming.already_missed.isChecked()
    upcoming.show()
    upcoming.next_button.click()
    _assert_steps_whole(upcoming)
    passed = _agent_interview(starts_at=datetime.now(JST).replace(microsecond=0) - timedelta(hours=3))
    dialog = WithdrawDialog(passed)
    qtbot.addWidget(dialog)
    assert dialog.already_missed.isChecked()  # its time has passed and it is still marked as scheduled
    dialog.show()
    dialog.next_button.click()
    assert dialog.plan.missed
    assert dialog.offered_kinds() == [MessageKind.NO_SHOW_VIA_AGENT_PHONE.value, MessageKind.NO_SHOW_APOLOGY.value]
    _assert_steps_whole(dialog)
    dialog.back_button.click()
    assert dialog.already_missed.isChecked()
