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
        runner.run(work, done=lambda value: (results.append(value), callback_threads.append(threading.current_thread())))
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
