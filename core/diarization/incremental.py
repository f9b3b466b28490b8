"""Speaker separation as a recording grows: each stretch analysed when it is cut, the voices grouped at the end.

:func:`core.diarization.pipeline.diarize` needs the whole recording.  While
recording, the live transcription (:mod:`core.transcription.live`) cuts the
audio into stretches at pauses; :meth:`Collector.add` runs the two costly
steps on each stretch as it comes (segmentation into pieces of one voice,
then one embedding per piece of 0.5 s or more) and keeps only the pieces and
their 192 numbers.  :meth:`Collector.conclude` then does what is left at
Stop, which takes a moment whatever the recording's length: it groups every
embedding into voices (:func:`core.diarization.clustering.cluster`, exactly
as for a whole file), gives short pieces the voice of their neighbours within
their stretch, and joins the turns.

Stretches end in pauses, so a voice is seldom cut in two at their edges; the
model hears each stretch alone (a window never spans two), which is the one
difference from the whole-file analysis.  Measured with stretches of at least
30 s (``tests/test_live_separation.py``, ``benchmarks/bench_live.py --room``):
DER 9.3% live against 6.6% whole on the scripted English interview twice,
8.9% and 8.9% in Japanese, 4.1% and 4.1% on a real call, 1.0% and 8.8% on 5.5
minutes of the English interview; 20-s stretches gave 15.5% against 6.6%.
:meth:`Collector.conclude` takes 0.6 s for an hour of stretches.

Memory: a few numbers per piece; no audio is kept.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from core.diarization import clustering, embedding, segmentation
from core.diarization.models import Models
from core.diarization.pipeline import RATE, Turn, fill_short, labelled_spans
from core.diarization.profile import SAMPLE_S


@dataclass(frozen=True)
class Stretch:
    """What one stretch of the recording gave: its pieces (frames from the stretch's start) and the embeddings of
    those long enough (``chosen``, with their length in samples as weights)."""

    offset_ms: int
    pieces: list[segmentation.Piece]
    chosen: list[int]
    vectors: npt.NDArray[np.float32]
    weights: npt.NDArray[np.float64]


class Collector:
    """Pieces and embeddings of a growing recording, stretch by stretch (see the module doc)."""

    def __init__(self, models: Models) -> None:
        self.models = models
        self.stretches: list[Stretch] = []

    def add(self, samples: npt.NDArray[np.float32], offset_ms: int) -> None:
        """Analyse 16-kHz mono ``samples`` that start ``offset_ms`` into the recording."""
        audio = np.ascontiguousarray(samples, dtype=np.float32).reshape(-1)
        if len(audio) < segmentation.FRAME_SPAN:
            return
        pieces = segmentation.segment(self.models.segmentation, audio).pieces
        chosen = [index for index, piece in enumerate(pieces) if embedding.long_enough(piece)]
        spans = [pieces[index].samples() for index in chosen]
        vectors = embedding.embed_spans(self.models.embedding, audio, spans)
        weights = np.array([end - start for start, end in spans], dtype=np.float64)
        self.stretches.append(Stretch(offset_ms, pieces, chosen, vectors, weights))

    def conclude(self, speakers: int | None = None) -> list[Turn]:
        """Who spoke when in everything added so far; ``speakers`` forces their number (else it is estimated)."""
        if speakers is not None and speakers < 1:
            raise ValueError("speakers must be at least 1")
        heard = [stretch for stretch in self.stretches if stretch.pieces]
        if not heard:
            return []
        vectors = np.concatenate([s.vectors for s in heard]) if heard else np.zeros((0, embedding.DIMENSION))
        weights = np.concatenate([s.weights for s in heard])
        labels = clustering.cluster(vectors.astype(np.float32), weights, speakers)
        raw: list[tuple[int, int, int]] = []
        first = 0
        previous: int | None = None
        for stretch in heard:
            mine = labels[first:first + len(stretch.chosen)]
            first += len(stretch.chosen)
            chosen = {index: int(label) for index, label in zip(stretch.chosen, mine, strict=True)}
            if not chosen:  # only short pieces: the voice heard just before (or the first one)
                chosen = {0: previous if previous is not None else int(labels[0]) if len(labels) else 0}
            for start_ms, end_ms, label in labelled_spans(stretch.pieces, fill_short(stretch.pieces, chosen)):
                raw.append((start_ms + stretch.offset_ms, end_ms + stretch.offset_ms, label))
            previous = raw[-1][2] if raw else previous
        return _joined(raw)

    def voices(self, turns: list[Turn]) -> dict[int, npt.NDArray[np.float32]]:
        """Each voice's embedding (for :func:`core.diarization.profile.match`): the mean of its longest pieces'
        embeddings, up to :data:`~core.diarization.profile.SAMPLE_S` of speech, as for a whole file."""
        by_voice: dict[int, list[tuple[float, npt.NDArray[np.float32]]]] = {}
        for stretch in self.stretches:
            for index, vector, weight in zip(stretch.chosen, stretch.vectors, stretch.weights, strict=True):
                piece = stretch.pieces[index]
                start_ms = stretch.offset_ms + round(piece.samples()[0] * 1000 / RATE)
                voice = _voice_at(turns, start_ms)
                if voice is not None:
                    by_voice.setdefault(voice, []).append((float(weight), vector))
        out: dict[int, npt.NDArray[np.float32]] = {}
        for voice, items in by_voice.items():
            items.sort(key=lambda item: -item[0])
            total, used = np.zeros(embedding.DIMENSION, dtype=np.float64), 0.0
            for weight, vector in items:
                if used >= SAMPLE_S * RATE:
                    break
                total += vector
                used += weight
            out[voice] = (total / max(float(np.linalg.norm(total)), 1e-9)).astype(np.float32)
        return out


def _voice_at(turns: list[Turn], start_ms: int) -> int | None:
    for turn in turns:
        if turn.start_ms <= start_ms + 20 and start_ms < turn.end_ms:
            return turn.cluster
    return None


def _joined(raw: list[tuple[int, int, int]]) -> list[Turn]:
    """Turns in time order, touching ones of one voice joined, voices numbered by first appearance."""
    raw.sort()
    joined: list[list[int]] = []
    for start, end, label in raw:
        if joined and joined[-1][2] == label and start <= joined[-1][1] + 1:
            joined[-1][1] = max(joined[-1][1], end)
        else:
            joined.append([start, end, label])
    order: dict[int, int] = {}
    for _start, _end, label in joined:
        order.setdefault(label, len(order))
    return [Turn(start, end, order[label]) for start, end, label in joined]
