"""Grouping speaker embeddings into speakers: agglomerative clustering on cosine similarity, average linkage.

With a known number of speakers the merging stops there.  Otherwise the
number is read from the merges themselves: each merge joins the two most
similar groups, and the similarity of successive merges falls slowly while
the same voice is being joined and drops sharply when two different voices
would be.  The number chosen is the one just before the largest drop among
the last merges between groups of some weight; one speaker when even the
last such merge is between groups more alike than :data:`SAME_VOICE`.  This
works on the similarity scale of the recording itself, so it needs no
threshold tuned to one kind of voice (synthetic voices are far more alike
than real ones).

A merge that only absorbs a handful of odd pieces (a cough, a laugh, a
door: less than :data:`MIN_SHARE` of the speech) says nothing about the
number of voices, yet it is often the least alike of all: counted, it hid
the second voice of every long recording (an hour of interview came out as
one speaker).  Such merges are left out of the estimate, and the history
goes back far enough (:data:`HISTORY`) to see the voices behind a few dozen
of them.

A very large number of pieces (a long recording) is clustered on an evenly
spread sample of :data:`MAX_CLUSTERED` and the rest join the nearest centre,
keeping time and memory bounded.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

MAX_SPEAKERS = 8
SAME_VOICE = 0.8  # the last merge above this: one voice
MAX_CLUSTERED = 1500
MIN_SHARE = 0.02  # an estimated speaker with less than this share of the pieces' weight joins the nearest one
HISTORY = 48  # groups: the labels are kept from this many down, the merges' similarities below it

Labels = npt.NDArray[np.int64]


def _merge_all(vectors: npt.NDArray[np.float32], weights: npt.NDArray[np.float64], stop_at: int
               ) -> tuple[list[Labels], list[tuple[float, float]]]:
    """Average-linkage merges down to ``stop_at`` groups: the labels at each count from :data:`HISTORY` down, and
    for every merge made below that count, its similarity and the share of the weight its smaller group had."""
    count = len(vectors)
    similarity = (vectors @ vectors.T).astype(np.float64)
    np.fill_diagonal(similarity, -np.inf)
    size = weights.astype(np.float64).copy()
    total = max(float(size.sum()), 1e-9)
    label = np.arange(count)
    history: list[Labels] = []
    merges: list[tuple[float, float]] = []
    groups = count
    while groups > stop_at:
        flat = int(np.argmax(similarity))
        a, b = divmod(flat, count)
        if groups <= HISTORY:
            history.append(_compact(label))
            merges.append((float(similarity[a, b]), min(size[a], size[b]) / total))
        merged = (size[a] * similarity[a] + size[b] * similarity[b]) / (size[a] + size[b])
        similarity[a, :] = merged
        similarity[:, a] = merged
        similarity[a, a] = -np.inf
        similarity[b, :] = -np.inf
        similarity[:, b] = -np.inf
        size[a] += size[b]
        label[label == b] = a
        groups -= 1
    history.append(_compact(label))
    return history, merges


def _compact(label: Labels) -> Labels:
    _, out = np.unique(label, return_inverse=True)
    return np.asarray(out, dtype=np.int64)


def _estimate(history: list[Labels], merges: list[tuple[float, float]]) -> Labels:
    """Pick from ``history`` (the labels before each of ``merges`` and after the last) by the largest drop between
    merges of groups that both hold at least :data:`MIN_SHARE` of the weight, with at most :data:`MAX_SPEAKERS`
    such groups left."""
    weighty = [j for j, (_, share) in enumerate(merges) if share >= MIN_SHARE]
    weighty = weighty[-MAX_SPEAKERS:]
    if not weighty or merges[weighty[-1]][0] >= SAME_VOICE:
        return history[-1]  # one voice
    if len(weighty) == 1:
        return history[weighty[0]]  # two groups of weight, not alike
    # history[j] stops before merge j: the fall from the weighty merge before (done) to merge j (refused).
    _, chosen = max((merges[weighty[i - 1]][0] - merges[weighty[i]][0], weighty[i]) for i in range(1, len(weighty)))
    return history[chosen]


def _absorb_small(labels: Labels, vectors: npt.NDArray[np.float32], weights: npt.NDArray[np.float64]) -> Labels:
    labels = labels.copy()
    while True:
        ids = np.unique(labels)
        if len(ids) <= 1:
            return labels
        share = np.array([weights[labels == i].sum() for i in ids]) / max(float(weights.sum()), 1e-9)
        smallest = int(np.argmin(share))
        if share[smallest] >= MIN_SHARE:
            return _compact(labels)
        small = ids[smallest]
        others = [i for i in ids if i != small]
        centres = np.stack([vectors[labels == i].mean(axis=0) for i in others])
        for index in np.flatnonzero(labels == small):
            labels[index] = others[int(np.argmax(centres @ vectors[index]))]


def _forced(history: list[Labels], speakers: int, vectors: npt.NDArray[np.float32],
            weights: npt.NDArray[np.float64]) -> Labels:
    """``speakers`` groups, none of them a handful of odd pieces: the finest cut that, once the tiny groups have
    joined their nearest, leaves exactly that many; else the plain cut at that many."""
    for labels in reversed(history):
        absorbed = _absorb_small(labels, vectors, weights)
        if int(absorbed.max()) + 1 == speakers:
            return absorbed
        if int(labels.max()) + 1 > speakers and int(absorbed.max()) + 1 > speakers:
            break
    return history[-1]


def _refine(labels: Labels, vectors: npt.NDArray[np.float32], rounds: int = 10) -> Labels:
    """Each piece to its nearest group centre, until nothing moves: undoes a merge the linkage chained wrongly."""
    k = int(labels.max()) + 1
    for _ in range(rounds):
        centres = np.stack([vectors[labels == i].mean(axis=0) if np.any(labels == i) else np.zeros(vectors.shape[1])
                            for i in range(k)])
        moved = np.asarray(np.argmax(vectors @ centres.T, axis=1), dtype=np.int64)
        if np.array_equal(moved, labels):
            break
        labels = moved
    return _compact(labels)


def cluster(vectors: npt.NDArray[np.float32], weights: npt.NDArray[np.float64] | None = None,
            speakers: int | None = None) -> Labels:
    """A speaker label 0..k-1 for each unit-length row of ``vectors``; ``speakers`` forces k."""
    count = len(vectors)
    if count == 0:
        return np.zeros(0, dtype=np.int64)
    weights = np.ones(count) if weights is None else np.asarray(weights, dtype=np.float64)
    if count == 1 or speakers == 1:
        return np.zeros(count, dtype=np.int64)
    sample = np.arange(count)
    if count > MAX_CLUSTERED:
        sample = np.unique(np.linspace(0, count - 1, MAX_CLUSTERED).round().astype(np.int64))
    target = min(speakers, len(sample)) if speakers else 1
    history, merges = _merge_all(vectors[sample], weights[sample], target)
    if speakers:
        labels = _forced(history, speakers, vectors[sample], weights[sample])
    else:
        labels = _absorb_small(_estimate(history, merges), vectors[sample], weights[sample])
    labels = _refine(labels, vectors[sample])
    if len(sample) == count:
        return labels
    centres = np.stack([vectors[sample][labels == i].mean(axis=0) for i in range(int(labels.max()) + 1)])
    return np.asarray(np.argmax(vectors @ centres.T, axis=1), dtype=np.int64)
