"""How fast each installed speech model is on this computer, measured on a short built-in clip.

:func:`calibrate` transcribes ``resources/calibration/answer_ja.flac`` (about
20 seconds of a Japanese interview answer, see the README beside it) with
a model, exactly as the app transcribes a recording (the speech worker
process, Japanese, the app's decoding options), and keeps the recognition
work per minute of audio in ``cache_dir()/model-speeds.json``.  Seconds of
work per minute of audio are also minutes per hour of audio.

The measurement excludes loading the model; it is this computer's, with the
device used (CUDA when present).  Nothing here goes online.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from core.fsutil import atomic_write_text
from core.messages import QT_TRANSLATE_NOOP, Message
from core.paths import cache_dir, resources_dir
from core.speech.catalog import CONTEXT
from core.speech.hub import Cancel
from core.speech.models import ModelError, ModelState, model_status

SPEEDS_NAME = "model-speeds.json"
CLIP_NAME = "answer_ja.flac"
WORK_CAP_FACTOR = 100.0  # a big model on a slow computer must be measured, not capped


@dataclass(frozen=True)
class Speed:
    seconds_per_minute: float  # seconds of recognition work per minute of audio (= minutes per hour)
    device: str  # "cpu" or "cuda"
    compute_type: str
    measured_at: str  # ISO 8601, UTC


def clip_path() -> Path:
    return resources_dir() / "calibration" / CLIP_NAME


def _speeds_path() -> Path:
    return cache_dir() / SPEEDS_NAME


def measured_speeds() -> dict[str, Speed]:
    """Every model's last measurement on this computer (an unreadable file counts as none)."""
    try:
        data = json.loads(_speeds_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    speeds = {}
    for name, entry in data.items() if isinstance(data, dict) else ():
        try:
            speeds[name] = Speed(float(entry["seconds_per_minute"]), str(entry["device"]),
                                 str(entry["compute_type"]), str(entry["measured_at"]))
        except (KeyError, TypeError, ValueError):
            continue
    return speeds


def forget(name: str) -> None:
    """Drop the measurement of a model that was removed."""
    speeds = measured_speeds()
    if speeds.pop(name, None) is not None:
        _save(speeds)


def _save(speeds: dict[str, Speed]) -> None:
    atomic_write_text(_speeds_path(), json.dumps({n: asdict(s) for n, s in speeds.items()}, indent=2,
                                                 sort_keys=True) + "\n")


def _msg(text: str, **params: Any) -> Message:
    return Message(CONTEXT, text, params)


def calibrate(name: str, progress: Callable[[float], None] | None = None, cancel: Cancel | None = None) -> Speed:
    """Measure ``name`` on the built-in clip and keep the result; raises a ``FurikaeriError`` with one sentence.

    ``progress(fraction)`` is called from the transcription service's thread;
    ``cancel`` is anything with ``is_set()``.
    """
    from core.transcription.model import TranscriptionSettings
    from core.transcription.service import TranscriptionService, transcribe_file

    info = model_status(name)
    if info.state not in (ModelState.READY, ModelState.NOT_BUILT):
        raise ModelError(info.problem or _msg(QT_TRANSLATE_NOOP("Models", "“{name}” is not installed."), name=name))
    if info.multilingual is False:
        raise ModelError(_msg(QT_TRANSLATE_NOOP(
            "Models", "“{name}” understands only English; the speed is measured on Japanese speech, with "
            "multilingual models only."), name=name))
    service = TranscriptionService(idle_timeout_s=0.0, work_cap_factor=WORK_CAP_FACTOR)
    try:
        transcript = transcribe_file(clip_path(), TranscriptionSettings(model=name, language="ja"), progress,
                                     cancel, service=service)
    finally:
        service.shutdown()
    work_s = transcript.extra.get("work_s")
    duration_s = transcript.duration_ms / 1000
    if not isinstance(work_s, int | float) or duration_s <= 0 or not transcript.segments:
        raise ModelError(_msg(QT_TRANSLATE_NOOP(
            "Models", "The speed of “{name}” could not be measured: the calibration clip gave no text."), name=name))
    speed = Speed(round(work_s / duration_s * 60, 1), str(transcript.extra.get("device", "cpu")),
                  str(transcript.extra.get("compute_type", "")), datetime.now(UTC).isoformat(timespec="seconds"))
    speeds = measured_speeds()
    speeds[name] = speed
    _save(speeds)
    return speed
