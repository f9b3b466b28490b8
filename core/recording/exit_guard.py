"""Keeping a stream that hangs while closing from wrecking the process's exit."""

from __future__ import annotations

import atexit
import ctypes
import threading
from collections.abc import Callable
from typing import Any


class ExitGuard:
    """Keeps a stream that hangs while closing from wrecking the process's exit.

    With PulseAudio hung, closing a stream blocks forever, and so would
    sounddevice's exit handler (it terminates PortAudio, closing every stream);
    skipping it is not enough either, as the teardown then unloads PortAudio
    under its still-running stream thread (a segfault).  So while any stream is
    closing, that handler is taken off ``atexit``, and the PortAudio library
    object is kept alive for good (it stays loaded anyway until exit).
    Callers hold :attr:`lock`.
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self._closing: dict[Callable[[], Any], int] = {}  # exit handler -> streams still closing
        self._pinned: set[int] = set()

    def hold(self, sd: Any) -> bool:
        handler = getattr(sd, "_exit_handler", None)
        if handler is None:
            return False
        self._closing[handler] = self._closing.get(handler, 0) + 1
        if self._closing[handler] == 1:
            atexit.unregister(handler)
        self._pin(getattr(sd, "_lib", None))
        return True

    def release(self, sd: Any) -> None:
        handler: Callable[[], Any] = sd._exit_handler  # hold() found it
        self._closing[handler] -= 1
        if not self._closing[handler]:
            del self._closing[handler]
            atexit.register(handler)

    def _pin(self, library: object) -> None:
        if library is None or id(library) in self._pinned:
            return
        try:
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(library))  # never released: never unloaded
        except (AttributeError, OSError):  # not CPython: nothing is unloaded under the thread there
            return
        self._pinned.add(id(library))


exit_guard = ExitGuard()
