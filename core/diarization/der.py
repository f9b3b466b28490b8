"""Diarization error rate: (missed speech + false alarm + speaker confusion) / reference speech.

As NIST's md-eval scores it: time within ``collar`` seconds of any reference
turn's start or end is not scored, nor is time where the reference has two or
more speakers at once (overlap not scored).  Hypothesis speakers are mapped
one-to-one onto reference speakers so as to maximise the time they agree
(every mapping is tried for up to 7 speakers a side; greedily beyond).
Computed on a 10-ms grid: turn times are rounded to it.
"""

from __future__ import annotations

import itertools
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

STEP_S = 0.01
COLLAR_S = 0.25
Turn = tuple[float, float, Hashable]  # start_s, end_s, speaker


@dataclass(frozen=True)
class Score:
    scored_s: float  # reference speech scored
    missed_s: float
    false_alarm_s: float
    confusion_s: float

    @property
    def der(self) -> float:
        errors = self.missed_s + self.false_alarm_s + self.confusion_s
        return errors / self.scored_s if self.scored_s > 0 else (0.0 if errors == 0 else float("inf"))


def _grid(turns: Sequence[Turn], length: int) -> tuple[list[Hashable], npt.NDArray[np.bool_]]:
    speakers = sorted({speaker for _, _, speaker in turns}, key=str)
    active = np.zeros((len(speakers), length), dtype=bool)
    for start, end, speaker in turns:
        active[speakers.index(speaker), round(start / STEP_S):round(end / STEP_S)] = True
    return speakers, active


def _best_agreement(agree: npt.NDArray[np.int64]) -> int:
    """The largest total of ``agree[r, h]`` over one-to-one pairings of rows and columns."""
    rows, cols = agree.shape
    if rows == 0 or cols == 0:
        return 0
    if min(rows, cols) <= 7 and max(rows, cols) <= 8:
        if rows > cols:
            return _best_agreement(agree.T)
        return max(sum(int(agree[r, h]) for r, h in enumerate(p)) for p in itertools.permutations(range(cols), rows))
    total, used_r, used_h = 0, set[int](), set[int]()
    for flat in np.argsort(agree, axis=None)[::-1]:
        r, h = divmod(int(flat), cols)
        if r not in used_r and h not in used_h:
            total += int(agree[r, h])
            used_r.add(r)
            used_h.add(h)
    return total


def score(reference: Sequence[Turn], hypothesis: Sequence[Turn], collar: float = COLLAR_S) -> Score:
    end = max([e for _, e, _ in [*reference, *hypothesis]] + [0.0])
    length = round(end / STEP_S) + 1
    _, ref = _grid(reference, length)
    _, hyp = _grid(hypothesis, length)
    scored = np.ones(length, dtype=bool)
    margin = round(collar / STEP_S)
    for start, stop, _ in reference:
        for edge in (round(start / STEP_S), round(stop / STEP_S)):
            scored[max(0, edge - margin):edge + margin] = False
    n_ref = ref.sum(axis=0)
    scored &= n_ref <= 1
    n_hyp = hyp.sum(axis=0)
    ref_s, hyp_s = ref[:, scored], hyp[:, scored]
    agree = (ref_s.astype(np.int64) @ hyp_s.T.astype(np.int64)) if len(ref_s) and len(hyp_s) else np.zeros((0, 0))
    correct = _best_agreement(np.asarray(agree, dtype=np.int64))
    nr, nh = n_ref[scored], n_hyp[scored]
    missed = int(np.maximum(nr - nh, 0).sum())
    false_alarm = int(np.maximum(nh - nr, 0).sum())
    confusion = int(np.minimum(nr, nh).sum()) - correct
    return Score(float(nr.sum()) * STEP_S, missed * STEP_S, false_alarm * STEP_S, confusion * STEP_S)


def der(reference: Sequence[Turn], hypothesis: Sequence[Turn], collar: float = COLLAR_S) -> float:
    return score(reference, hypothesis, collar).der
