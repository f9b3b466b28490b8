"""When does the first window appear, and when does the event loop first turn?

For ``benchmarks/bench_startup.py`` only: with ``FURIKAERI_STARTUP_PROBE=1``
in the environment, :func:`gui.app.build_application` installs this probe,
and the benchmark's bare PySide6 window installs the very same one. It prints
``startup-probe <mark> <time.monotonic()>`` lines on stdout (a clock shared by
every process on Linux, so the benchmark can subtract its own start time):

* ``mapped``: the first main window's first expose event (under X: the window
  is mapped and the server asks for its first paint);
* ``usable``: the first turn of the event loop after that window was shown
  (a zero-timer started from its show event);

with the process's CPU time and its number of modules at the second mark,
then ends the process at once (``os._exit``): the benchmark measures start-up,
nothing after it. Only PySide6 is imported here, nothing of Furikaeri.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QMainWindow

ENV = "FURIKAERI_STARTUP_PROBE"


class StartupProbe(QObject):
    def __init__(self, app: QCoreApplication):
        super().__init__(app)
        self.marks: dict[str, float] = {}
        self.window: QMainWindow | None = None
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Show and isinstance(watched, QMainWindow) and "shown" not in self.marks:
            self.marks["shown"] = time.monotonic()
            self.window = watched
            QTimer.singleShot(0, lambda: self._mark("usable"))
        elif (kind == QEvent.Type.Expose and self.window is not None and isinstance(watched, QWindow)
              and watched is self.window.windowHandle() and watched.isExposed()):
            self._mark("mapped")
        return False

    def _mark(self, name: str) -> None:
        if name in self.marks:
            return
        self.marks[name] = time.monotonic()
        if "mapped" in self.marks and "usable" in self.marks:
            for mark in ("mapped", "usable"):
                print(f"startup-probe {mark} {self.marks[mark]:.6f}")
            times = os.times()  # the process's CPU time so far, every thread: less swayed by other processes
            print(f"startup-probe cpu {times.user + times.system:.3f}")
            print(f"startup-probe modules {len(sys.modules)}")
            sys.stdout.flush()
            os._exit(0)


_probes: list[StartupProbe] = []


def install_if_asked(app: QCoreApplication) -> None:
    if os.environ.get(ENV) == "1" and not _probes:
        _probes.append(StartupProbe(app))
