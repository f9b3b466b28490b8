"""Speaker separation of one microphone: 16-kHz mono samples in, speech turns ``(start_ms, end_ms, cluster)`` out.

Three steps, all on the CPU with onnxruntime and numpy (no torch):

1. :mod:`~core.diarization.segmentation` finds speech and cuts it into pieces
   of one voice (pyannote segmentation-3.0, 10-s windows);
2. :mod:`~core.diarization.embedding` gives each piece of 0.5 s or more a CAM++
   voice embedding;
3. :mod:`~core.diarization.clustering` groups the embeddings into speakers (a
   number given, or estimated); shorter pieces take the speaker of the nearest
   piece the same window gave the same local voice, else the nearest in time.

Memory: the samples themselves, a few arrays over the model's frames (60 min
is 213,000 frames) and one embedding per piece; windows are read in batches
of 8 and features per piece, so nothing grows with the audio but those.

``progress(fraction)`` is called as the work goes on, ``cancelled()`` between
batches and pieces: when it returns True the work stops with
:class:`Cancelled` (the caller runs this in the transcription worker).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from core.diarization import clustering, embedding, segmentation
from core.diarization.models import Models, load
from core.diarization.segmentation import FRAME_STEP, Piece, frame_sample

RATE = 16000
SEGMENTATION_SHARE = 0.4
# Joining pieces across windows gives longer embeddings but also joins two voices whenever the windows miss a
# change with no pause; measured on the synthetic interviews it helped Japanese and hurt English: off.
JOIN_ACROSS_WINDOWS = False  # of the progress bar; the embeddings take most of the rest


class Turn(NamedTuple):
    start_ms: int
    end_ms: int
    cluster: int  # 0, 1, ... in order of first appearance


class Cancelled(Exception):  # noqa: N818 - a signal, not a failure
    """``cancelled()`` said stop."""


def speaker_id(cluster: int) -> str:
    """The speaker id a cluster gets on transcript segments: "S1", "S2", ..."""
    return f"S{cluster + 1}"


def _ms(sample: int) -> int:
    return round(sample * 1000 / RATE)


def _runs(pieces: list[Piece]) -> list[list[int]]:
    """Pieces joined where speech goes on across a change of owning window (the same voice, as far as the
    windows can tell: a change of voice inside a window cuts a piece, and so does any pause)."""
    if not JOIN_ACROSS_WINDOWS:
        return [[index] for index in range(len(pieces))]
    runs: list[list[int]] = []
    for index, piece in enumerate(pieces):
        before = pieces[index - 1] if index else None
        if before is not None and before.end == piece.start and before.window != piece.window:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


def _span(pieces: list[Piece], run: list[int]) -> tuple[int, int]:
    return pieces[run[0]].samples()[0], pieces[run[-1]].samples()[1]


def _run_samples(pieces: list[Piece], run: list[int]) -> int:
    start, end = _span(pieces, run)
    return end - start


def fill_short(pieces: list[Piece], labels: dict[int, int]) -> list[int]:
    """A label for every piece: embedded ones have theirs, short ones borrow (see module doc)."""
    if not labels:
        return [0] * len(pieces)
    embedded = sorted(labels)
    centres = np.array([(pieces[i].start + pieces[i].end) / 2 for i in embedded])
    out = []
    for index, piece in enumerate(pieces):
        if index in labels:
            out.append(labels[index])
            continue
        centre = (piece.start + piece.end) / 2
        same_voice = [i for i in embedded if pieces[i].window == piece.window and pieces[i].local == piece.local]
        if same_voice:
            nearest = min(same_voice, key=lambda i: abs((pieces[i].start + pieces[i].end) / 2 - centre))
        else:
            nearest = embedded[int(np.argmin(np.abs(centres - centre)))]
        out.append(labels[nearest])
    return out


def labelled_spans(pieces: list[Piece], labels: list[int]) -> list[tuple[int, int, int]]:
    """(start_ms, end_ms, label) of each run of touching pieces with one label."""
    raw: list[list[int]] = []  # [start_frame, end_frame, label]
    for piece, label in zip(pieces, labels, strict=True):
        if raw and raw[-1][2] == label and raw[-1][1] == piece.start:
            raw[-1][1] = piece.end
        else:
            raw.append([piece.start, piece.end, label])
    return [(_ms(frame_sample(start)), _ms(frame_sample(end - 1) + FRAME_STEP), label) for start, end, label in raw]


def turns_of(pieces: list[Piece], labels: list[int]) -> list[Turn]:
    spans = labelled_spans(pieces, labels)
    order: dict[int, int] = {}
    for _, _, label in spans:
        order.setdefault(label, len(order))
    return [Turn(start, end, order[label]) for start, end, label in spans]


def diarize(samples: npt.NDArray[np.float32], *, speakers: int | None = None, models: Models | None = None,
            progress: Callable[[float], None] | None = None,
            cancelled: Callable[[], bool] | None = None) -> list[Turn]:
    """Who spoke when in 16-kHz mono ``samples``; ``speakers`` forces their number (else it is estimated)."""
    if speakers is not None and speakers < 1:
        raise ValueError("speakers must be at least 1")
    audio = np.ascontiguousarray(samples, dtype=np.float32).reshape(-1)
    models = models or load()
    windows = len(segmentation.window_starts(len(audio), int(segmentation.STEP_S * RATE)))

    def check() -> None:
        if cancelled is not None and cancelled():
            raise Cancelled

    def report(fraction: float) -> None:
        if progress is not None:
            progress(min(1.0, fraction))

    def segmentation_tick(done: int) -> None:
        check()
        report(SEGMENTATION_SHARE * done / windows)

    check()
    frames = segmentation.segment(models.segmentation, audio, tick=segmentation_tick)
    pieces = frames.pieces
    runs = _runs(pieces)
    chosen = [index for index, run in enumerate(runs) if _run_samples(pieces, run) >= embedding.MIN_PIECE_S * RATE]

    def embedding_tick(done: int) -> None:
        check()
        report(SEGMENTATION_SHARE + (0.98 - SEGMENTATION_SHARE) * done / max(1, len(chosen)))

    vectors = embedding.embed_spans(models.embedding, audio, [_span(pieces, runs[i]) for i in chosen],
                                    tick=embedding_tick)
    found = clustering.cluster(vectors, np.array([_run_samples(pieces, runs[i]) for i in chosen], dtype=float),
                               speakers)
    run_labels = {index: int(label) for index, label in zip(chosen, found, strict=True)}
    piece_labels = {piece: label for run_index, label in run_labels.items() for piece in runs[run_index]}
    labels = fill_short(pieces, piece_labels)
    turns = turns_of(pieces, labels)
    report(1.0)
    return turns
