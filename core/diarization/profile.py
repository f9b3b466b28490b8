"""The user's own voice profile: which separated voice of a real interview is theirs, without asking.

Opt-in.  Built only from the user's own mock-practice recordings (they are
alone there, under their own consent), it is one CAM++ embedding: the mean
of their speech's embeddings (:func:`build`).  It is kept on this computer
only, in one owner-only file (:func:`core.paths.voice_profile_path`), and
:func:`delete` removes it.

When a one-microphone recording is separated (:mod:`core.transcription.worker`),
each voice found gets an embedding from its longest turns; the voice that
matches the profile clearly (:func:`match`) is the user.  Interviewers' voice
features are computed inside that one analysis and never written anywhere:
voice features identify a person (personal information under Japanese law).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import numpy as np
import numpy.typing as npt

from core import paths
from core.diarization import embedding, segmentation
from core.diarization.models import Models
from core.fsutil import atomic_write_text
from core.messages import QT_TRANSLATE_NOOP, FurikaeriError, Message

RATE = 16000
MIN_SPEECH_S = 20.0  # less of the user's speech gives too uncertain a profile
MATCH = 0.5  # cosine similarity a voice needs to be the user's ...
MARGIN = 0.1  # ... and by how much it must beat the next voice
SAMPLE_S = 30.0  # of each voice's longest turns, compared with the profile
FORMAT = 1


class VoiceProfileError(FurikaeriError):
    """The profile cannot be built or read; ``message`` says why."""


def _m(text: str, **params: object) -> Message:
    return Message("VoiceProfile", text, params)


@dataclass(frozen=True)
class VoiceProfile:
    vector: tuple[float, ...]  # unit length, 192 numbers
    speech_s: float  # of the user's speech it was made from
    recordings: int
    created_at: datetime

    @property
    def array(self) -> npt.NDArray[np.float32]:
        return np.asarray(self.vector, dtype=np.float32)


def _speech_spans(models: Models, samples: npt.NDArray[np.float32]) -> list[tuple[int, int]]:
    frames = segmentation.segment(models.segmentation, samples)
    return [piece.samples() for piece in frames.pieces if embedding.long_enough(piece)]


def build(recordings: Sequence[Callable[[], npt.NDArray[np.float32]]], models: Models, created_at: datetime,
          progress: Callable[[float], None] | None = None) -> VoiceProfile:
    """The profile of the one voice in ``recordings`` (each gives the 16-kHz mono samples of the user practising
    alone when called: one recording in memory at a time)."""
    total = np.zeros(embedding.DIMENSION, dtype=np.float64)
    speech = 0.0
    used = 0
    for index, read in enumerate(recordings):
        samples = read()
        spans = _speech_spans(models, samples)
        if spans:
            vectors = embedding.embed_spans(models.embedding, samples, spans)
            weights = np.array([(end - start) / RATE for start, end in spans])
            total += (vectors * weights[:, None]).sum(axis=0)
            speech += float(weights.sum())
            used += 1
        if progress is not None:
            progress((index + 1) / len(recordings))
    if speech < MIN_SPEECH_S:
        raise VoiceProfileError(_m(QT_TRANSLATE_NOOP(
            "VoiceProfile", "Your practice recordings hold {seconds} s of speech; a voice profile needs at least "
                            "{needed} s. Record a few more practice answers first."),
            seconds=round(speech), needed=round(MIN_SPEECH_S)))
    vector = total / max(float(np.linalg.norm(total)), 1e-9)
    return VoiceProfile(tuple(float(v) for v in vector), round(speech, 1), used, created_at)


def voice_vectors(models: Models, samples: npt.NDArray[np.float32],
                  turns: Sequence[tuple[int, int, int]]) -> dict[int, npt.NDArray[np.float32]]:
    """Each voice's embedding from its longest turns (up to :data:`SAMPLE_S`); ``turns``: (start_ms, end_ms,
    cluster).  Kept in memory for this analysis only."""
    by_voice: dict[int, list[tuple[int, int]]] = {}
    for start_ms, end_ms, cluster in sorted(turns, key=lambda t: t[0] - t[1]):  # longest first
        spans = by_voice.setdefault(cluster, [])
        if sum(end - start for start, end in spans) < SAMPLE_S * RATE:
            spans.append((start_ms * RATE // 1000, end_ms * RATE // 1000))
    return {cluster: embedding.embed_spans(models.embedding, samples, spans).mean(axis=0)
            for cluster, spans in by_voice.items()}


def match(profile: npt.NDArray[np.float32], voices: dict[int, npt.NDArray[np.float32]]) -> int | None:
    """The voice that is clearly the profile's, or ``None`` (no voice close enough, or two too alike)."""
    scores = sorted(((float(profile @ (v / max(float(np.linalg.norm(v)), 1e-9))), cluster)
                     for cluster, v in voices.items()), reverse=True)
    if not scores or scores[0][0] < MATCH:
        return None
    if len(scores) > 1 and scores[0][0] - scores[1][0] < MARGIN:
        return None
    return scores[0][1]


# -- the file --------------------------------------------------------------------------------------


def save(profile: VoiceProfile, path: Path | None = None) -> Path:
    path = path or paths.voice_profile_path()
    atomic_write_text(path, json.dumps({
        "format": FORMAT, "notice": "Your own voice profile (Furikaeri). Delete it in Settings or with "
                                    "`main.py voice-profile delete`.",
        "created_at": profile.created_at.isoformat(), "speech_s": profile.speech_s,
        "recordings": profile.recordings, "vector": list(profile.vector)}))
    os.chmod(path, paths.FILE_MODE)
    return path


def load(path: Path | None = None) -> VoiceProfile | None:
    """The saved profile, ``None`` when there is none; :class:`VoiceProfileError` when it is unreadable."""
    path = path or paths.voice_profile_path()
    try:
        data = json.loads(path.read_text("utf-8"))
        vector = tuple(float(v) for v in data["vector"])
        if data.get("format") != FORMAT or len(vector) != embedding.DIMENSION:
            raise ValueError("not a voice profile")
        return VoiceProfile(vector, float(data["speech_s"]), int(data["recordings"]),
                            datetime.fromisoformat(data["created_at"]))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise VoiceProfileError(_m(QT_TRANSLATE_NOOP(
            "VoiceProfile", "Your voice profile ({path}) cannot be read: {reason}. Delete it and create it again."),
            path=str(path), reason=str(error))) from error


def delete(path: Path | None = None) -> bool:
    """Remove the profile; True when there was one."""
    path = path or paths.voice_profile_path()
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    return True
