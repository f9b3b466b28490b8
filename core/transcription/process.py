"""The speech worker's process, seen from the parent, with its private temporary folder.

Every worker process gets a temporary folder of its own (mode 0700, in the
system's temporary folder, named ``furikaeri-speech-<parent pid>-…``): its
``TMPDIR``, so that whatever a library in it writes there stays there.  The
parent removes the folder whenever the process ends — a normal exit, a
cancel (terminate, then kill) or a crash — and, at the next start, folders
left behind by a parent that was itself killed.  The worker also switches
the libraries' telemetry off (:func:`core.transcription.worker.no_telemetry`),
so normally nothing is written there at all.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import tempfile
from multiprocessing.context import SpawnContext
from pathlib import Path

from core.transcription import worker as worker_module

STOP_GRACE_S = 2.0  # an idle worker asked to exit gets this long before it is terminated
KILL_AFTER_S = 0.5  # after terminate(), kill() follows this soon
TEMP_PREFIX = "furikaeri-speech-"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def remove_stale_temp_folders(root: Path | None = None) -> None:
    """Remove the private folders of workers whose parent is no longer running (it was killed)."""
    root = Path(root or tempfile.gettempdir())
    try:
        entries = list(root.glob(f"{TEMP_PREFIX}*"))
    except OSError:
        return
    for folder in entries:
        pid = folder.name[len(TEMP_PREFIX):].split("-", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)) and folder.is_dir():
            try:
                if folder.stat().st_uid == os.getuid():
                    shutil.rmtree(folder, ignore_errors=True)
            except OSError:
                pass


class WorkerProcess:
    """One worker process, the parent's end of its pipe, and its private temporary folder."""

    def __init__(self, context: SpawnContext) -> None:
        remove_stale_temp_folders()
        self.temp_dir = Path(tempfile.mkdtemp(prefix=f"{TEMP_PREFIX}{os.getpid()}-"))  # mode 0700
        self.conn, child = context.Pipe(duplex=True)
        self.process = context.Process(target=worker_module.serve, args=(child, str(self.temp_dir)),
                                       name="furikaeri-transcription", daemon=True)
        try:
            self.process.start()
        except BaseException:
            self._remove_temp()
            raise
        finally:
            child.close()

    @property
    def pid(self) -> int | None:
        return self.process.pid

    def alive(self) -> bool:
        return self.process.is_alive()

    def stop(self, graceful: bool) -> None:
        if graceful and self.process.is_alive():
            with contextlib.suppress(OSError):
                self.conn.send(None)
            self.process.join(STOP_GRACE_S)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(KILL_AFTER_S)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()
        self.process.close()
        self._remove_temp()

    def _remove_temp(self) -> None:
        shutil.rmtree(self.temp_dir, ignore_errors=True)

    def exit_reason(self) -> str:
        self.process.join(KILL_AFTER_S)
        code = self.process.exitcode
        if code is None:
            return "unknown"
        if code < 0:
            try:
                return signal.Signals(-code).name
            except ValueError:
                return f"signal {-code}"
        return f"exit code {code}"
