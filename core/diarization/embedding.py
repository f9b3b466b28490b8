"""A CAM++ speaker embedding (192 numbers) for each piece of speech long enough to tell a voice by."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from core.diarization.fbank import fbank
from core.diarization.segmentation import Piece

MAX_CHUNK_S = 3.0  # a longer stretch is embedded in chunks of about this length, averaged
MIN_PIECE_S = 0.5  # shorter pieces get the speaker of their neighbours instead
RATE = 16000
DIMENSION = 192


def long_enough(piece: Piece) -> bool:
    start, end = piece.samples()
    return end - start >= MIN_PIECE_S * RATE


def embed(session: Any, samples: npt.NDArray[np.float32], pieces: Sequence[Piece],
          tick: Callable[[int], None] | None = None) -> npt.NDArray[np.float32]:
    """(len(pieces), 192) unit-length embeddings, one per piece, in order; ``tick(done)`` after each one."""
    out = np.zeros((len(pieces), DIMENSION), dtype=np.float32)
    for index, piece in enumerate(pieces):
        start, end = piece.samples()
        features = fbank(samples[start:min(end, len(samples))])
        if len(features):
            vector = session.run(None, {"input": features[None]})[0][0]
            norm = float(np.linalg.norm(vector))
            out[index] = vector / norm if norm > 0 else vector
        if tick is not None:
            tick(index + 1)
    return out


def embed_spans(session: Any, samples: npt.NDArray[np.float32], spans: Sequence[tuple[int, int]],
                tick: Callable[[int], None] | None = None) -> npt.NDArray[np.float32]:
    """One unit-length embedding per (start, end) sample span: the mean of its chunks' embeddings (chunks of at
    most :data:`MAX_CHUNK_S`, so a long turn costs what its length costs and no more memory)."""
    out = np.zeros((len(spans), DIMENSION), dtype=np.float32)
    for index, (start, end) in enumerate(spans):
        end = min(end, len(samples))
        chunks = max(1, round((end - start) / (MAX_CHUNK_S * RATE)))
        edges = np.linspace(start, end, chunks + 1).astype(np.int64)
        total = np.zeros(DIMENSION, dtype=np.float64)
        for left, right in itertools.pairwise(edges):
            features = fbank(samples[left:right])
            if len(features):
                vector = session.run(None, {"input": features[None]})[0][0]
                total += vector / max(float(np.linalg.norm(vector)), 1e-9)
        norm = float(np.linalg.norm(total))
        out[index] = total / norm if norm > 0 else total
        if tick is not None:
            tick(index + 1)
    return out
