from __future__ import annotations

import threading

import pytest

from gui.tasks import TaskRunner


@pytest.fixture
def runner(qapp):
    runner = TaskRunner()
    yield runner
    runner.wait_for_done()


def test_result_arrives_on_the_ui_thread(qtbot, runner):
    worker_threads, callback_threads = [], []

    def work():
        worker_threads.append(threading.current_thread())
        return 42

    results = []
    with qtbot.waitSignal(runner.idle, timeout=5000):
        runner.run(work, done=lambda value: (results.append(value),
                                             callback_threads.append(threading.current_thread())))
    assert results == [42]
    assert worker_threads[0] is not threading.main_thread()
    assert callback_threads == [threading.main_thread()]
    assert runner.pending == 0


def test_errors_are_delivered_not_lost(qtbot, runner):
    errors = []

    def fail():
        raise ValueError("disk full")

    with qtbot.waitSignal(runner.idle, timeout=5000):
        runner.run(fail, done=lambda _: pytest.fail("no result expected"), failed=errors.append)
    assert isinstance(errors[0], ValueError) and str(errors[0]) == "disk full"


def test_progress_is_reported_in_order(qtbot, runner):
    seen = []

    def work(report):
        for step in range(1, 6):
            report(step, 5)
        return "done"

    with qtbot.waitSignal(runner.idle, timeout=5000):
        runner.run(work, done=seen.append, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 5), (2, 5), (3, 5), (4, 5), (5, 5), "done"]


def test_idle_only_after_the_last_task(qtbot, runner):
    gate = threading.Event()
    finished = []
    runner.run(lambda: gate.wait(5) and "slow", done=finished.append)
    runner.run(lambda: "fast", done=finished.append)
    qtbot.waitUntil(lambda: finished == ["fast"], timeout=5000)
    assert runner.pending == 1
    with qtbot.waitSignal(runner.idle, timeout=5000):
        gate.set()
    assert finished == ["fast", "slow"]


def test_an_operation_announces_its_changes_before_its_caller_hears_of_it(qtbot, runner):
    from core.ops import Changes, Result

    heard: list[tuple[str, object, object]] = []
    runner.hub.changed.connect(lambda changes: heard.append(("hub", changes, threading.current_thread())))
    changes = Changes(interviews=frozenset({7}))
    with qtbot.waitSignal(runner.idle, timeout=5000):
        runner.run_op(lambda: Result("saved", changes),
                      done=lambda value: heard.append(("done", value, threading.current_thread())))
    assert heard == [("hub", changes, threading.main_thread()), ("done", "saved", threading.main_thread())]

    with qtbot.waitSignal(runner.idle, timeout=5000):  # nothing changed: nothing announced
        runner.run_op(lambda: Result(None), done=lambda value: heard.append(("done", value, None)))
    assert heard[-1] == ("done", None, None) and len(heard) == 3


def test_a_failed_operation_announces_nothing(qtbot, runner):
    heard, errors = [], []
    runner.hub.changed.connect(heard.append)

    def fail():
        raise RuntimeError("database is locked")

    with qtbot.waitSignal(runner.idle, timeout=5000):
        runner.run_op(fail, done=lambda _: pytest.fail("no result expected"), failed=errors.append)
    assert heard == [] and [str(e) for e in errors] == ["database is locked"]


def test_a_ui_callback_called_from_another_thread_runs_on_the_ui_thread(qtbot, qapp):
    from PySide6.QtCore import QObject

    from gui.tasks import UiCallback

    owner = QObject()
    calls: list[tuple[tuple, object]] = []
    callback = UiCallback(lambda *args: calls.append((args, threading.current_thread())), owner)
    worker = threading.Thread(target=callback, args=("progress", 0.5))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=5000)
    assert calls == [(("progress", 0.5), threading.main_thread())]
