"""Speech turns onto transcript segments: each word gets the speaker whose turn covers it most, and a segment
is split where the speaker changes between its words.

A segment without word times, or with a user correction (which cannot be cut
by word), gets the speaker of most of its time.  Runs of words shorter than
:data:`MIN_RUN_MS` between two runs are given to the run before (a word
caught on a turn's edge is not a change of speaker).  Split parts lose the
segment's database id (they are new segments); the text of a part is its
words' text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from core.diarization.pipeline import Turn, speaker_id
from core.transcription.model import Segment, Word
from core.transcription.speakers import INTERVIEWER, ME

MIN_RUN_MS = 300
NEAREST_MS = 1000  # a segment outside every turn takes the nearest within this, else no speaker


def _speaker_at(start_ms: int, end_ms: int, turns: Sequence[Turn]) -> str | None:
    overlap: dict[int, int] = {}
    for turn in turns:
        shared = min(end_ms, turn.end_ms) - max(start_ms, turn.start_ms)
        if shared > 0:
            overlap[turn.cluster] = overlap.get(turn.cluster, 0) + shared
    if overlap:
        return speaker_id(max(overlap, key=lambda cluster: overlap[cluster]))
    distance, cluster = min(((max(turn.start_ms - end_ms, start_ms - turn.end_ms), turn.cluster) for turn in turns),
                            default=(NEAREST_MS + 1, -1))
    return speaker_id(cluster) if distance <= NEAREST_MS else None


def _runs(words: Sequence[Word], speakers: list[str | None]) -> list[tuple[str | None, list[Word]]]:
    runs: list[tuple[str | None, list[Word]]] = []
    for word, speaker in zip(words, speakers, strict=True):
        if runs and runs[-1][0] == speaker:
            runs[-1][1].append(word)
        else:
            runs.append((speaker, [word]))
    changed = True
    while changed and len(runs) > 1:
        changed = False
        for index, (_, run_words) in enumerate(runs):
            if run_words[-1].end_ms - run_words[0].start_ms < MIN_RUN_MS:
                into = index - 1 if index > 0 else index + 1
                merged = runs[into][1] + run_words if into < index else run_words + runs[into][1]
                runs[min(into, index)] = (runs[into][0], merged)
                del runs[max(into, index)]
                changed = True
                break
    return runs


def assign(segments: Sequence[Segment], turns: Sequence[Turn]) -> list[Segment]:
    """``segments`` with speakers "S1", "S2", ... from ``turns``, split at speaker changes between words."""
    out: list[Segment] = []
    for segment in segments:
        if not segment.words or segment.corrected_text is not None:
            out.append(segment.spoken_by(_speaker_at(segment.start_ms, segment.end_ms, turns)))
            continue
        runs = _runs(segment.words, [_speaker_at(w.start_ms, w.end_ms, turns) for w in segment.words])
        if len(runs) == 1:
            out.append(segment.spoken_by(runs[0][0]))
            continue
        for index, (speaker, words) in enumerate(runs):
            start = segment.start_ms if index == 0 else words[0].start_ms
            end = segment.end_ms if index == len(runs) - 1 else words[-1].end_ms
            part = replace(segment, start_ms=start, end_ms=end, text="".join(w.text for w in words).strip(),
                           words=tuple(words), id=None)
            out.append(part.spoken_by(speaker))
    return out


def with_turns(segments: Sequence[Segment], turns: Sequence[tuple[int, int, int]],
               me: int | None = None) -> tuple[tuple[Segment, ...], dict[str, object]]:
    """``segments`` split and labelled by ``turns`` (start_ms, end_ms, cluster); the voice ``me`` (recognised by
    the user's voice profile) becomes ``me`` and, with one other voice, that one the interviewer.  Also the
    facts for the transcript's ``extra``."""
    voices = {turn[2] for turn in turns}
    labelled = assign(segments, [Turn(*turn) for turn in turns])
    facts: dict[str, object] = {"speakers_found": len(voices)}
    if me is not None:
        roles = {speaker_id(me): ME} | ({speaker_id(other): INTERVIEWER for other in voices - {me}}
                                       if len(voices) == 2 else {})
        labelled = [s.spoken_by(roles.get(s.speaker, s.speaker)) if s.speaker else s for s in labelled]
        facts["recognised_by_voice_profile"] = True
    return tuple(labelled), facts
