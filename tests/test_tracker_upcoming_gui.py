"""The upcoming view and notifications of follow-ups that fall due.

Real windows offscreen over a real library in the test's own home; the real
tracker core underneath.  Mail URLs are intercepted with a URL handler, so
nothing leaves the machine.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from core.interviews import Status
from core.library import Library
from core.ops import Changes
from core.tracker.followups import TaskState
from core.tracker.kinds import TaskKind
from core.tracker.upcoming import group_of
from tests.tracker_gui_helpers import JST, agent_interview, wait_idle, with_tasks

# -- upcoming --------------------------------------------------------------------------------

def test_upcoming_lists_in_time_order_and_done_snooze_dismiss_change_tasks(qtbot, make_window):
    now = datetime.now(JST).replace(microsecond=0)
    window = make_window(with_tasks(now))
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
    window = make_window(lambda lib: lib.tracker.save(agent_interview(company="Gamma")))
    controller = window.tracker_ui
    toast = controller.toast
    seen = []
    controller.notifier.due.connect(seen.append)
    wait_idle(qtbot, window)
    assert controller.notifier.next_check is None and not toast.isVisible()  # nothing to wait for

    # "Now" is injected: the app believes it is a day later than the wall clock.
    controller.clock = lambda: datetime.now(JST) + timedelta(days=1)
    due_at = controller.now() + timedelta(seconds=2)
    with Library.open() as other:  # e.g. the command line, or another part of the app
        interview_id = other.interviews.all()[0].id
        other.followups.add(interview_id, TaskKind.THANK_YOU, due_at)
    with qtbot.waitSignal(controller.notifier.armed, timeout=5000) as armed:  # told through the hub
        controller.tasks.hub.publish(Changes(followups=frozenset({interview_id})))
    if not seen:  # the usual case: one single-shot timer, set to the due moment
        assert armed.args[0] == due_at and controller.notifier.next_check == due_at
        assert 0 < controller.notifier._timer.remainingTime() <= 2100
        assert not toast.isVisible()
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=5000)
    assert seen[0].kind is TaskKind.THANK_YOU
    assert toast.isVisible() and "Gamma" in toast.title.text() and toast.shown_count == 1

    # A change elsewhere re-checks: the same task is not notified twice.
    with qtbot.waitSignal(controller.notifier.armed, timeout=5000):
        controller.tasks.hub.publish(Changes(followups=frozenset({interview_id})))
    assert toast.shown_count == 1

    with qtbot.waitSignal(controller.tasks.hub.changed, timeout=5000):
        toast.done_button.click()
    assert not toast.isVisible()
    wait_idle(qtbot, window)
    with Library.open() as check:
        task = check.followups.for_interview(check.interviews.all()[0].id)[0]
    assert task.state is TaskState.DONE and task.notified_at is not None


def test_a_snoozed_task_notifies_again(qtbot, make_window):
    now = datetime.now(JST)

    def prepare(lib: Library) -> None:
        saved = lib.tracker.save(agent_interview(company="Delta"))
        lib.followups.add(saved.id, TaskKind.ASK_RESULT, now - timedelta(minutes=5))

    window = make_window(prepare)
    controller = window.tracker_ui
    qtbot.waitUntil(lambda: controller.toast.shown_count == 1, timeout=5000)
    task = controller.toast.queue[0]
    with qtbot.waitSignal(controller.notifier.due, timeout=10000):
        controller.snooze(task, datetime.now(JST) + timedelta(seconds=2))
    assert controller.toast.shown_count == 2 and controller.toast.isVisible()


def test_answering_the_notification_keeps_the_next_one(qtbot, make_window):
    now = datetime.now(JST)

    def prepare(lib: Library) -> None:
        first = lib.tracker.save(agent_interview(company="Epsilon"))
        second = lib.tracker.save(agent_interview(company="Zeta"))
        lib.followups.add(first.id, TaskKind.THANK_YOU, now - timedelta(minutes=10))
        lib.followups.add(second.id, TaskKind.ASK_RESULT, now - timedelta(minutes=5))

    window = make_window(prepare)
    toast = window.tracker_ui.toast
    qtbot.waitUntil(lambda: len(toast.queue) == 2, timeout=5000)
    assert "Epsilon" in toast.title.text() and toast.more.isVisibleTo(toast)
    with qtbot.waitSignal(window.tasks.hub.changed, timeout=5000):
        toast.dismiss_button.click()
    assert len(toast.queue) == 1 and "Zeta" in toast.title.text() and toast.isVisible()
    toast.hide_button.click()  # hides the card; the task stays open
    assert not toast.isVisible()
    wait_idle(qtbot, window)
    with Library.open() as check:
        states = {t.company: t.state for t in
                  (task for i in check.interviews.all() for task in check.followups.for_interview(i.id))}
    assert states == {"Epsilon": TaskState.DISMISSED, "Zeta": TaskState.OPEN}


def test_upcoming_says_when_nothing_is_coming_up(qtbot, make_window):
    window = make_window(lambda lib: lib.tracker.save(agent_interview(
        starts_at=datetime.now(JST) - timedelta(days=3), status=Status.REJECTED)))
    view = window.tracker_ui.open_upcoming()
    with qtbot.waitSignal(view.loaded, timeout=10000):
        pass
    assert view.items() == [] and view.empty.isVisible() and "Nothing coming up" in view.empty.text()
    assert not view.done_button.isEnabled() and not view.message_button.isEnabled()
