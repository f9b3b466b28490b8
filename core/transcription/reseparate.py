"""Telling one microphone's voices apart again on a stored transcript, without recognising the words again.

A separation-only job of the speech worker gives new speech turns
(:class:`Separation`); :func:`apply` puts them on the recording's newest
transcript.  The words, their times and the text stay exactly as they are;
only where segments are cut and who said them change.  What the user made is
kept:

1. **Pieces are joined back first.**  The parts a change of speaker cut one
   recognised segment into share its ``origin``; consecutive parts of one
   origin become that segment again, so that the new turns decide anew where
   it is cut.  Transcripts stored before segments had an origin cannot say
   this: their segments stay as they are (and may be cut further).
2. **A correction is never cut.**  When the user corrected one of the parts,
   the parts of that segment are not joined (the correction belongs to the
   words the user saw), and a corrected segment is never split: it goes whole
   to the voice that speaks most of its time (:mod:`core.diarization.assign`).
3. **Voices keep their ids, so their names.**  Each new voice takes the old
   speaker id (``S1``..., ``me``, ``interviewer``) it shares the most time
   with, each old id at most once (the largest shares first); the names the
   user gave (kept per recording and id) and "this is me" thus carry over.
   A voice the old transcript did not have gets the lowest free ``Sn``.  The
   user's voice profile, when it recognises a voice, makes that one ``me``;
   with two voices, one of them ``me``, the other is the interviewer.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from core.transcription.model import Segment, Transcript
from core.transcription.speakers import INTERVIEWER, ME, SPEAKERS
from core.transcription.worker import SEPARATION_FAILED


@dataclass(frozen=True)
class Separation:
    """The result of telling one recording's voices apart again."""

    turns: tuple[tuple[int, int, int], ...]  # (start_ms, end_ms, cluster)
    me: int | None = None  # the cluster the user's voice profile recognised
    speakers: int | None = None  # the number asked for (None: estimated)

    @property
    def voices(self) -> int:
        return len({turn[2] for turn in self.turns})


def rejoin(segments: Sequence[Segment]) -> list[Segment]:
    """``segments`` with the uncorrected parts of each recognised segment joined back (rules 1 and 2), each
    segment's ``origin`` renumbered to its position among the result's recognised segments."""
    groups: list[list[Segment]] = []
    for segment in segments:
        if groups and segment.origin is not None and groups[-1][-1].origin == segment.origin:
            groups[-1].append(segment)
        else:
            groups.append([segment])
    out: list[Segment] = []
    for index, group in enumerate(groups):
        if len(group) == 1 or any(part.corrected_text is not None for part in group):
            out += [replace(part, origin=index) for part in group]
            continue
        words = tuple(word for part in group for word in part.words)
        out.append(replace(group[0], end_ms=group[-1].end_ms, text="".join(w.text for w in words).strip(),
                           words=words, id=None, origin=index))
    return out


def _shared_time(old: Sequence[Segment], new: Sequence[Segment]) -> Counter[tuple[str, str]]:
    """Milliseconds said by (new speaker, old speaker) at once."""
    shared: Counter[tuple[str, str]] = Counter()
    before = sorted((s for s in old if s.speaker is not None), key=lambda s: (s.start_ms, s.end_ms))
    first = 0
    for segment in sorted((s for s in new if s.speaker is not None), key=lambda s: (s.start_ms, s.end_ms)):
        while first < len(before) and before[first].end_ms <= segment.start_ms:
            first += 1
        for other in before[first:]:
            if other.start_ms >= segment.end_ms:
                break
            overlap = min(segment.end_ms, other.end_ms) - max(segment.start_ms, other.start_ms)
            if overlap > 0:
                shared[str(segment.speaker), str(other.speaker)] += overlap
    return shared


def carry_ids(old: Sequence[Segment], new: Sequence[Segment]) -> dict[str, str]:
    """New voice id -> the id it keeps (rule 3)."""
    fixed = {s.speaker for s in new if s.speaker in SPEAKERS}  # recognised by the voice profile
    voices = list(dict.fromkeys(s.speaker for s in new if s.speaker is not None and s.speaker not in SPEAKERS))
    mapping: dict[str, str] = {}
    taken = set(fixed)
    for (voice, was), _ms in sorted(_shared_time(old, new).items(), key=lambda item: -item[1]):
        if voice in voices and voice not in mapping and was not in taken:
            mapping[voice] = was
            taken.add(was)
    number = 1
    for voice in voices:
        if voice not in mapping:
            while f"S{number}" in taken:
                number += 1
            mapping[voice] = f"S{number}"
            taken.add(mapping[voice])
    labels = set(mapping.values()) | fixed
    if len(labels) == 2 and ME in labels and INTERVIEWER not in labels:
        mapping = {voice: INTERVIEWER if label != ME else ME for voice, label in mapping.items()}
    return mapping


def apply(transcript: Transcript, separation: Separation) -> Transcript:
    """``transcript`` with the voices of ``separation`` (see the module doc), as a new transcript to store."""
    from core.diarization.assign import with_turns

    segments, facts = with_turns(rejoin(transcript.segments), separation.turns, separation.me)
    ids = carry_ids(transcript.segments, segments)
    relabelled = tuple(s.spoken_by(ids.get(s.speaker, s.speaker)) if s.speaker is not None else s
                       for s in segments)
    settings = replace(transcript.settings, separate=True, speakers=separation.speakers)
    problem = transcript.problem
    if problem is not None and (problem.context == "Diarization" or problem.text == SEPARATION_FAILED):
        problem = None  # the first separation's failure: this one worked
    return replace(transcript, segments=relabelled, settings=settings, problem=problem, id=None, created_at=None,
                   extra=dict(transcript.extra, **facts, separated_again=True))
