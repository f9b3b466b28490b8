"""Who said what in a two-track recording (an online interview: the microphone and the call's sound).

Each track is transcribed on its own, so every segment comes from one side:
:data:`ME` for the microphone, :data:`INTERVIEWER` for the call.  The
segments of both are merged in time order (:func:`merge`); a segment never
spans a change of speaker because no segment spans two tracks.

With laptop speakers instead of headphones the microphone also hears the
interviewer.  :mod:`core.transcription.bleed` takes most of that out of the
microphone's audio before recognition; what still comes through is found
here by its words (:func:`drop_echoes`): a microphone segment that says, at
the same time, what a call segment says is the interviewer heard twice, and
is left out rather than attributed to the candidate.

Names: the interviewer is named after the interview's interviewers when the
user wrote them down (the first one), otherwise "Interviewer"; the
microphone side is "Me".  The user can rename either in the transcript
window; that name is kept per recording (:func:`names`).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from core.recording.files import call_track_path, is_call_track
from core.transcription.model import Segment

ME = "me"
INTERVIEWER = "interviewer"
SPEAKERS = (ME, INTERVIEWER)

# Content, not UI: the names go into the user's files in the language they chose.
DEFAULT_NAMES = {
    "en": {ME: "Me", INTERVIEWER: "Interviewer"},
    "ja": {ME: "自分", INTERVIEWER: "面接官"},
}
# One microphone's voices before the user says which one is theirs: S1, S2, ... (core.diarization).
SEPARATED_NAMES = {"en": "Speaker {n}", "ja": "話者{n}"}
MAX_SEPARATED = 9
MAX_NAME_CHARS = 40  # a longer "interviewers" note is a description, not a name

ECHO_SIMILARITY = 0.6  # share of the text two overlapping segments have in common to be one utterance heard twice
ECHO_OVERLAP = 0.5  # ... and the share of the shorter one's time they overlap
_SEPARATORS = re.compile(r"[,，、;；/／\n]|\s+and\s+")


def tag(segments: Iterable[Segment], speaker: str | None) -> list[Segment]:
    return [segment.spoken_by(speaker) for segment in segments]


def merge(*tracks: Iterable[Segment]) -> list[Segment]:
    """The segments of all tracks in time order (the microphone first when two start together)."""
    order = {ME: 0, INTERVIEWER: 1}
    merged = [segment for track in tracks for segment in track]
    return sorted(merged, key=lambda s: (s.start_ms, order.get(s.speaker or "", 2), s.end_ms))


def _comparable(text: str) -> str:
    """Letters and digits only, case-folded and width-normalised: what two hearings of one sentence share."""
    normal = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in normal if ch.isalnum())


def _overlap_share(a: Segment, b: Segment) -> float:
    overlap = min(a.end_ms, b.end_ms) - max(a.start_ms, b.start_ms)
    shorter = max(1, min(a.end_ms - a.start_ms, b.end_ms - b.start_ms))
    return max(0, overlap) / shorter


def is_echo(mine: Segment, theirs: Segment) -> bool:
    """True when ``mine`` (a microphone segment) is ``theirs`` (a call segment) heard through the room."""
    if _overlap_share(mine, theirs) < ECHO_OVERLAP:
        return False
    a, b = _comparable(mine.text), _comparable(theirs.text)
    if not a or not b:
        return False
    if a in b:  # a fragment of what the interviewer said
        return True
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= ECHO_SIMILARITY


def drop_echoes(segments: Sequence[Segment]) -> list[Segment]:
    """``segments`` without the microphone segments that repeat a call segment said at the same time."""
    theirs = [s for s in segments if s.speaker == INTERVIEWER and s.text.strip()]
    return [s for s in segments
            if s.speaker != ME or not any(is_echo(s, other) for other in theirs
                                          if other.start_ms < s.end_ms and s.start_ms < other.end_ms)]


def separated(segments: Iterable[Segment]) -> list[str]:
    """The voice ids (S1, S2, ...) of a one-microphone transcript not yet told which one is the user."""
    return sorted({s.speaker for s in segments if s.speaker is not None and s.speaker not in SPEAKERS})


def has_speakers(segments: Iterable[Segment]) -> bool:
    return any(segment.speaker is not None for segment in segments)


def interviewer_name(interviewers: str) -> str:
    """The first name in the interview's free-text "interviewers" (e.g. "田中様（人事）、佐藤部長"), or ""."""
    for part in _SEPARATORS.split(interviewers or ""):
        name = part.strip()
        if name:
            return name if len(name) <= MAX_NAME_CHARS else ""
    return ""


def names(language: str, interviewers: str = "", chosen: Mapping[str, str] | None = None) -> dict[str, str]:
    """Every speaker's name: the user's ``chosen`` ones, else the interviewer from ``interviewers``, else the
    default in ``language`` ("ja" or "en")."""
    result = dict(DEFAULT_NAMES.get(language, DEFAULT_NAMES["en"]))
    pattern = SEPARATED_NAMES.get(language, SEPARATED_NAMES["en"])
    result.update({f"S{n}": pattern.format(n=n) for n in range(1, MAX_SEPARATED + 1)})
    if first := interviewer_name(interviewers):
        result[INTERVIEWER] = first
    result.update({speaker: name.strip() for speaker, name in (chosen or {}).items() if name.strip()})
    return result


def two_track_partner(path: Path) -> Path | None:
    """The call track recorded beside ``path`` (an online interview's microphone track), if there is one."""
    if is_call_track(path):
        return None
    call = call_track_path(path)
    return call if call.is_file() else None
