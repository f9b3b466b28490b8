"""Grouping speaker embeddings into speakers: agglomerative clustering on cosine similarity, average linkage.

With a known number of speakers the merging stops there.  Otherwise every
cut of the merge tree from :data:`HISTORY` groups down to two that leaves at
most :data:`MAX_SPEAKERS` speakers once its small groups are absorbed is a
candidate, and the one whose groups are most cleanly apart wins: the highest
mean silhouette (how much nearer each piece is to its own group than to the
next one, weighted by the piece's length).  One speaker when even the last
merge is between groups more alike than :data:`SAME_VOICE`.  This works on
the similarity scale of the recording itself, so it needs no threshold tuned
to one kind of voice (synthetic voices are far more alike than real ones, and
telephone-band speech is more alike than either).

In every cut, a group with less than :data:`MIN_SHARE` of the speech is not
counted as a speaker: its pieces join the nearest group.  On real recordings
a few pieces are unlike everything else (laughter, a cough, two voices at
once, a word cut short); average linkage merges them last, so without this
the "two speakers" of a real two-person call were one speaker and one
mumble (measured on the real conversations of docs/PERFORMANCE.md).

A very large number of pieces (a long recording) is clustered on an evenly
spread sample of :data:`MAX_CLUSTERED` and the rest join the nearest centre,
keeping time and memory bounded.  On 1500 pieces (an hour) it takes about a
second: the merging keeps each row's best partner instead of searching the
whole matrix at every merge, small groups are absorbed without working out
again the groups that did not change, and a cut whose absorbed groups equal
an earlier cut's is not settled again (it would give the same labels).  Labels
are identical to the plain version's (checked on 102 sets of real and
perturbed embeddings; 1500 pieces: 5-9 s before, 0.8-1.4 s after, with the
number of speakers estimated; 3 s and 0.4 s with it given).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

MAX_SPEAKERS = 8
SAME_VOICE = 0.8  # the last merge above this: one voice
MAX_CLUSTERED = 1500
MIN_SHARE = 0.05  # a group with less than this share of the pieces' weight joins the nearest one
# Cuts of the merge tree looked at, from this many groups down: odd pieces are merged last, so with a dozen of them
# (an hour of interview has coughs and laughs) the cut at MAX_SPEAKERS groups has already joined the two voices.
HISTORY = 48

Labels = npt.NDArray[np.int64]


def _merge_all(vectors: npt.NDArray[np.float32], weights: npt.NDArray[np.float64], stop_at: int
               ) -> tuple[list[Labels], list[float]]:
    """Average-linkage merges down to ``stop_at`` groups: the labels at each count from :data:`HISTORY` down, and
    the similarity of every merge made below that count.

    Each row's best partner is kept up to date (a merge changes two rows and one column), so a merge costs a few
    rows instead of a search of the whole matrix; the pair chosen is the same (the first of the largest, in row
    order, as ``argmax`` of the whole matrix would find it)."""
    count = len(vectors)
    similarity = (vectors @ vectors.T).astype(np.float64)
    np.fill_diagonal(similarity, -np.inf)
    size = weights.astype(np.float64).copy()
    label = np.arange(count)
    alive = np.ones(count, dtype=bool)
    best = np.argmax(similarity, axis=1)
    best_value = similarity[np.arange(count), best]
    history: list[Labels] = []
    merges: list[float] = []
    groups = count
    while groups > stop_at:
        if groups <= HISTORY:
            history.append(_compact(label))
        a = int(np.argmax(best_value))
        b = int(best[a])
        if groups <= HISTORY:
            merges.append(float(similarity[a, b]))
        merged = (size[a] * similarity[a] + size[b] * similarity[b]) / (size[a] + size[b])
        similarity[a, :] = merged
        similarity[:, a] = merged
        similarity[a, a] = -np.inf
        similarity[b, :] = -np.inf
        similarity[:, b] = -np.inf
        size[a] += size[b]
        label[label == b] = a
        groups -= 1
        alive[b] = False
        best_value[b] = -np.inf
        # Rows whose best partner was a or b may have lost it: searched again; the others only gained column a.
        stale = alive & ((best == a) | (best == b))
        stale[a] = True
        column = similarity[:, a]
        better = alive & ~stale & ((column > best_value) | ((column == best_value) & (a < best)))
        best[better] = a
        best_value[better] = column[better]
        for row in np.flatnonzero(stale):
            best[row] = int(np.argmax(similarity[row]))
            best_value[row] = similarity[row, best[row]]
    history.append(_compact(label))
    return history, merges


def _compact(label: Labels) -> Labels:
    _, out = np.unique(label, return_inverse=True)
    return np.asarray(out, dtype=np.int64)


def _silhouette(labels: Labels, similarity: npt.NDArray[np.float64], weights: npt.NDArray[np.float64]) -> float:
    """Weighted mean silhouette of ``labels`` with cosine distance (1 - similarity); -1 for fewer than 2 groups."""
    k = int(labels.max()) + 1
    if k < 2:
        return -1.0
    members = np.zeros((len(labels), k))
    members[np.arange(len(labels)), labels] = 1.0
    counts = members.sum(axis=0)
    totals = similarity @ members  # (n, k): summed similarity to each group
    own_count = counts[labels]
    own = (totals[np.arange(len(labels)), labels] - 1.0) / np.maximum(own_count - 1, 1)
    others = np.where(members > 0, -np.inf, totals / np.maximum(counts, 1))
    a, b = 1.0 - own, 1.0 - others.max(axis=1)
    values = np.where(own_count > 1, (b - a) / np.maximum(np.maximum(a, b), 1e-9), 0.0)
    return float(np.average(values, weights=weights))


def _estimate(history: list[Labels], merges: list[float], vectors: npt.NDArray[np.float32],
              weights: npt.NDArray[np.float64]) -> Labels:
    """The cut of ``history`` (small groups absorbed, pieces settled) whose groups are most cleanly apart."""
    if not merges or merges[-1] >= SAME_VOICE:
        return np.zeros(len(vectors), dtype=np.int64)  # one voice
    similarity = (vectors @ vectors.T).astype(np.float64)  # 18 MB at MAX_CLUSTERED pieces
    best: tuple[float, Labels] | None = None
    seen: set[bytes] = set()
    absorbed_seen: set[bytes] = set()
    for labels in history:
        absorbed = _absorb_small(labels, vectors, weights)
        if absorbed.tobytes() in absorbed_seen:
            continue  # the same groups as a cut already settled: the same result (most cuts differ by odd pieces)
        absorbed_seen.add(absorbed.tobytes())
        # Settling pieces can leave a small group alone again (its partner moved away): absorbed once more.
        settled = _absorb_small(_refine(absorbed, vectors), vectors, weights)
        if int(settled.max()) + 1 > MAX_SPEAKERS or settled.tobytes() in seen:
            continue
        seen.add(settled.tobytes())
        value = _silhouette(settled, similarity, weights)
        if best is None or value > best[0] + 1e-9:
            best = (value, settled)
    assert best is not None  # history always holds the final cut
    return best[1]


def _absorb_small(labels: Labels, vectors: npt.NDArray[np.float32], weights: npt.NDArray[np.float64]) -> Labels:
    """The smallest group, while under :data:`MIN_SHARE`, joins the nearest groups (each of its pieces the nearest
    centre).  A group's weight and centre are worked out again only when pieces joined it."""
    labels = labels.copy()
    total = max(float(weights.sum()), 1e-9)
    ids = [int(i) for i in np.unique(labels)]
    sums = {i: weights[labels == i].sum() for i in ids}
    centres: dict[int, npt.NDArray[np.float32]] = {}
    while len(ids) > 1:
        share = np.array([sums[i] for i in ids]) / total
        smallest = int(np.argmin(share))
        if share[smallest] >= MIN_SHARE:
            return _compact(labels)
        small = ids[smallest]
        others = [i for i in ids if i != small]
        for i in others:
            if i not in centres:
                centres[i] = vectors[labels == i].mean(axis=0)
        stacked = np.stack([centres[i] for i in others])
        members = np.flatnonzero(labels == small)
        targets = np.asarray(others)[np.argmax(vectors[members] @ stacked.T, axis=1)]
        labels[members] = targets
        for i in {int(t) for t in targets}:
            sums[i] = weights[labels == i].sum()
            centres.pop(i, None)
        ids = others
    return labels


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
        labels = _refine(labels, vectors[sample])
    else:
        labels = _estimate(history, merges, vectors[sample], weights[sample])
    if len(sample) == count:
        return labels
    centres = np.stack([vectors[sample][labels == i].mean(axis=0) for i in range(int(labels.max()) + 1)])
    return np.asarray(np.argmax(vectors @ centres.T, axis=1), dtype=np.int64)
