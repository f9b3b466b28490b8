"""The user's actions on speech models: download one (the only time Furikaeri goes online), remove it, measure it.

They touch no library, only the model cache and the settings, so they take
no ``library``; the GUI runs them with ``TaskRunner.run_op`` like every
other operation (off the UI thread, with progress and cancel), the CLI calls
them directly.  Each reports ``Changes(models=True)``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from core.ops.changes import Changes, Result
from core.settings import SPEECH_MODEL, Settings
from core.speech import calibration
from core.speech import download as downloads
from core.speech.assemble import Progress
from core.speech.calibration import Speed
from core.speech.catalog import DEFAULT_MODEL
from core.speech.hub import Cancel

CHANGED = Changes(models=True)


def download(name: str, progress: Progress | None = None, cancel: Cancel | None = None) -> Result[Path]:
    """Download and install ``name``; see :func:`core.speech.download.download`."""
    return Result(downloads.download(name, progress, cancel), CHANGED)


def remove(name: str, settings: Settings | None = None) -> Result[int]:
    """Delete a downloaded model (and what an unfinished download left); returns the bytes freed.

    When it was the model chosen in ``settings``, the default model is chosen again.
    """
    freed = downloads.remove(name)
    calibration.forget(name)
    if settings is not None and settings.get(SPEECH_MODEL) == name:
        settings.set(SPEECH_MODEL, DEFAULT_MODEL)
    return Result(freed, CHANGED)


def calibrate(name: str, progress: Callable[[float], None] | None = None,
              cancel: Cancel | None = None) -> Result[Speed]:
    """Measure how fast ``name`` transcribes here; see :func:`core.speech.calibration.calibrate`."""
    return Result(calibration.calibrate(name, progress, cancel), CHANGED)
