"""Who speaks when, locally: pyannote segmentation-3.0 over sliding 10-s windows.

The model hears 10 s at a time and gives, every 16.875 ms, a "powerset" class:
nobody, one of three local speakers, or two of them at once.  Local speakers
are numbered per window, so the numbers mean nothing across windows.

Two things are taken from the windows (every :data:`STEP_S` seconds, so each
frame is heard by several):

* **speech**: the probability that anyone speaks, averaged over every window
  that heard the frame (local numbering does not matter there), then
  thresholded, with very short gaps filled and very short bursts dropped;
* **pieces**: stretches of speech in which one window's local speaker does not
  change.  Each frame takes its local speaker from the window whose centre it is
  nearest, so a piece is never longer than :data:`STEP_S` (plus the file's
  edges); a change of voice inside a window cuts a piece.  Pieces are what the
  speaker embeddings are computed on (:mod:`core.diarization.embedding`).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

RATE = 16000
WINDOW = 160000  # 10 s
FRAMES = 589  # per window
FRAME_STEP = 270  # samples (16.875 ms)
FRAME_SPAN = 991  # samples one frame hears
STEP_S = 2.5
BATCH = 8
SPEECH_THRESHOLD = 0.5
MIN_GAP_S = 0.1  # shorter silences inside speech are filled
MIN_SPEECH_S = 0.1  # shorter bursts are dropped

# Powerset classes of segmentation-3.0 (3 local speakers, at most 2 at once): which speakers each one means.
POWERSET = ((), (0,), (1,), (2,), (0, 1), (0, 2), (1, 2))
_ACTIVE = np.array([[k in cls for k in range(3)] for cls in POWERSET], dtype=bool)  # (7, 3)


@dataclass(frozen=True)
class Piece:
    """Frames [start, end) of one local speaker in one window."""

    start: int
    end: int
    window: int
    local: int

    def samples(self) -> tuple[int, int]:
        return frame_sample(self.start), frame_sample(self.end - 1) + FRAME_STEP


@dataclass
class Frames:
    """The whole recording on the model's frame grid."""

    speech: npt.NDArray[np.bool_]
    pieces: list[Piece]


def frame_sample(frame: int) -> int:
    """The sample at the start of global frame ``frame``'s own step (its centre minus half a step)."""
    return frame * FRAME_STEP + (FRAME_SPAN - FRAME_STEP) // 2


def frame_count(samples: int) -> int:
    return max(0, (samples - FRAME_SPAN) // FRAME_STEP + 1)


def window_starts(samples: int, step: int) -> list[int]:
    if samples <= WINDOW:
        return [0]
    starts = list(range(0, samples - WINDOW + 1, step))
    if starts[-1] + WINDOW < samples:
        starts.append(samples - WINDOW)
    return starts


def _batches(samples: npt.NDArray[np.float32], starts: list[int]
             ) -> Iterator[tuple[int, list[int], npt.NDArray[np.float32]]]:
    for first in range(0, len(starts), BATCH):
        chosen = starts[first:first + BATCH]
        batch = np.zeros((len(chosen), 1, WINDOW), dtype=np.float32)
        for row, start in enumerate(chosen):
            piece = samples[start:start + WINDOW]
            batch[row, 0, :len(piece)] = piece
        yield first, chosen, batch


def _runs(mask: npt.NDArray[np.bool_]) -> list[tuple[int, int]]:
    """[start, end) of each run of True."""
    padded = np.concatenate([[False], mask, [False]]).astype(np.int8)
    edges = np.flatnonzero(np.diff(padded))
    return list(zip(edges[0::2].tolist(), edges[1::2].tolist(), strict=True))


def smooth(speech: npt.NDArray[np.bool_]) -> npt.NDArray[np.bool_]:
    out = speech.copy()
    gap, burst = round(MIN_GAP_S * RATE / FRAME_STEP), round(MIN_SPEECH_S * RATE / FRAME_STEP)
    runs = _runs(out)
    for (_, end), (start, _) in itertools.pairwise(runs):
        if start - end < gap:
            out[end:start] = True
    for start, end in _runs(out):
        if end - start < burst:
            out[start:end] = False
    return out


def segment(session: Any, samples: npt.NDArray[np.float32], *, step_s: float = STEP_S,
            tick: Callable[[int], None] | None = None) -> Frames:
    """Speech and pieces of 16-kHz mono ``samples``; ``tick(windows_done)`` after each batch (it may raise to
    cancel)."""
    total = frame_count(len(samples))
    step = int(step_s * RATE)
    starts = window_starts(len(samples), step)
    score = np.zeros(total, dtype=np.float64)
    heard = np.zeros(total, dtype=np.int32)
    owner = np.full(total, -1, dtype=np.int32)  # the window whose centre is nearest
    owner_distance = np.full(total, np.inf)
    local = np.full(total, -1, dtype=np.int8)
    done = 0
    for first, chosen, batch in _batches(samples, starts):
        logprobs = session.run(None, {"input": batch})[0]  # (b, 589, 7)
        for row, start in enumerate(chosen):
            frames = np.rint((start + np.arange(FRAMES) * FRAME_STEP) / FRAME_STEP).astype(np.int64)
            keep = frames < total
            frames, lp = frames[keep], logprobs[row][keep]
            if start + WINDOW > len(samples):  # zero padding past the end: not heard
                inside = frames < frame_count(len(samples))
                frames, lp = frames[inside], lp[inside]
            score[frames] += 1.0 - np.exp(lp[:, 0])
            heard[frames] += 1
            centre = start + WINDOW // 2
            distance = np.abs(frames * FRAME_STEP + FRAME_SPAN // 2 - centre).astype(np.float64)
            nearer = distance < owner_distance[frames]
            owner[frames[nearer]] = first + row
            owner_distance[frames[nearer]] = distance[nearer]
            local[frames[nearer]] = _local_speakers(lp[nearer])
        done += len(chosen)
        if tick is not None:
            tick(done)
    speech = smooth(score / np.maximum(heard, 1) >= SPEECH_THRESHOLD) if total else np.zeros(0, dtype=bool)
    return Frames(speech, _pieces(speech, owner, local))


def _local_speakers(logprobs: npt.NDArray[np.float32]) -> npt.NDArray[np.int8]:
    """Per frame, the one local speaker talking (-1 for nobody); in overlap, the one who was already talking."""
    classes = np.argmax(logprobs, axis=1)
    out = np.full(len(classes), -1, dtype=np.int8)
    previous = -1
    for index, cls in enumerate(classes.tolist()):
        members = POWERSET[cls]
        if len(members) == 1 or (len(members) == 2 and previous not in members):
            previous = members[0]
        elif not members:
            continue  # nobody: -1 (the speaker before is remembered for an overlap that follows)
        out[index] = previous
    return out


def _pieces(speech: npt.NDArray[np.bool_], owner: npt.NDArray[np.int32], local: npt.NDArray[np.int8]) -> list[Piece]:
    pieces: list[Piece] = []
    for start, end in _runs(speech):
        labels = local[start:end].copy()
        # Speech the owning window calls silence: the neighbouring frame's speaker in the same window.
        for index in range(len(labels)):
            if labels[index] < 0 and index > 0 and owner[start + index] == owner[start + index - 1]:
                labels[index] = labels[index - 1]
        for index in range(len(labels) - 2, -1, -1):
            if labels[index] < 0 and owner[start + index] == owner[start + index + 1]:
                labels[index] = labels[index + 1]
        keys = list(zip(owner[start:end].tolist(), labels.tolist(), strict=True))
        first = 0
        for index in range(1, len(keys) + 1):
            if index == len(keys) or keys[index] != keys[first]:
                window, speaker = keys[first]
                pieces.append(Piece(start + first, start + index, window, speaker))
                first = index
    return pieces
