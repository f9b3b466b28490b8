"""Follow-ups in the GUI: interview details, the follow-up menu, missed calls, Japanese screens.

Real windows offscreen over a real library in the test's own home; the real
tracker core underneath.  Mail URLs are intercepted with a URL handler, so
nothing leaves the machine.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtWidgets import QDialogButtonBox

from core.interviews import Channel, Interview, InterviewKind, Stage, Status
from core.library import Library
from core.settings import USER_NAME
from core.tracker.events import EventKind
from core.tracker.kinds import MessageKind, TaskKind
from gui.interview_dialog import InterviewDialog
from gui.message_dialog import MessageDialog
from gui.withdraw_dialog import WithdrawDialog
from tests.gui_helpers import handle_modal
from tests.tracker_gui_helpers import JST, agent_interview, wait_idle, with_tasks

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


# -- languages -------------------------------------------------------------------------------

def test_follow_up_screens_are_japanese(qtbot, make_window):
    from tests.test_i18n import JAPANESE, PROPER_NAMES, _english_words, _visible_texts

    now = datetime.now(JST).replace(microsecond=0)

    def prepare(lib: Library) -> None:
        with_tasks(now)(lib)
        lib.tracker.save(agent_interview(company="株式会社テスト", starts_at=now - timedelta(hours=2),
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
    window = make_window(lambda lib: lib.tracker.save(agent_interview(channel=Channel.DIRECT)))
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
    assert (10, 15) <= (start.hour, start.minute) <= (16, 45)
    wait_idle(qtbot, window)
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


def test_follow_up_menu_acts_on_the_selected_real_interview(qtbot, make_window):
    def prepare(lib: Library) -> None:
        lib.tracker.save(agent_interview(company="Real Co"))
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
