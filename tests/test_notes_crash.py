"""Notes survive a SIGKILL of the real app while the user is typing."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from core.interviews import Interview, InterviewKind
from core.library import Library
from core.settings import SPEECH_MODEL, Settings
from gui.notes_editor import PROMISE_MS

TYPE_FOR_S = 3.0
LOSS_BOUND_S = PROMISE_MS / 1000  # the promise: at most the last 2 s are lost

ROOT = Path(__file__).resolve().parent.parent


def test_sigkill_while_typing_loses_at_most_the_last_two_seconds(qtbot, make_window):
    with Library.open() as lib:
        interview = lib.interviews.add(Interview(company="クラッシュ株式会社", kind=InterviewKind.REAL))
    Settings().set(SPEECH_MODEL, "tiny.en")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONUNBUFFERED="1")
    child = subprocess.Popen([sys.executable, "-m", "tests.notes_typist"], cwd=ROOT, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    typed: list[tuple[int, float]] = []
    try:
        for line in child.stdout:  # blocks until the child prints: no sleeping
            if line.startswith("typed "):
                _, number, at = line.split()
                typed.append((int(number), float(at)))
                if typed[-1][1] - typed[0][1] >= TYPE_FOR_S:
                    break
        else:
            raise AssertionError(f"the app stopped before typing: {child.stderr.read()[-2000:]}")
        child.send_signal(signal.SIGKILL)
        killed_at = time.monotonic()
    finally:
        if child.poll() is None:
            child.kill()
        child.wait(10)
        child.stdout.close()
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL

    with Library.open() as lib:
        body = lib.notes.get(interview.id)
    numbers = [int(n) for n in re.findall(r"<(\d+)>", body)]
    assert numbers == list(range(len(numbers))), "what was saved is exactly what was typed, in order"
    must_have = [n for n, at in typed if at <= killed_at - LOSS_BOUND_S]
    assert must_have, "typing lasted long enough to check the bound"
    assert len(numbers) > must_have[-1], (
        f"keys typed {LOSS_BOUND_S} s before the kill were lost: saved up to {len(numbers) - 1}, "
        f"typed up to {typed[-1][0]}, needed {must_have[-1]}")

    # The next start shows the notes as they were saved.
    window = make_window()
    window.table.selectRow(0)
    notes = window.pane.notes
    qtbot.waitUntil(lambda: notes.editor.toPlainText() == body and not notes.editor.isReadOnly(), timeout=10000)
