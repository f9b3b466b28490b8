"""Flag segments Whisper may have invented rather than heard.

Whisper is a language model as much as a recogniser: over silence, noise or
music it writes what video subtitles usually say there.  Nothing is removed
here; suspicious segments get :class:`SegmentFlag` values so that the user sees
them marked, and metrics can leave them out.

* ``SILENCE``: text over (near) silence: a high no-speech probability together
  with a low average log-probability, or a very high no-speech probability.
* ``LOW_CONFIDENCE``: an average log-probability below what Whisper itself
  accepts after its temperature fallback.
* ``STOCK_PHRASE``: the whole segment is a phrase from video endings
  (「ご視聴ありがとうございました」, "Thanks for watching", "Subtitles by…");
  short polite phrases that people do say in interviews («お疲れ様でした»,
  "Thank you.") only when they stand alone, at least :data:`ISOLATION_MS` away
  from any other speech, and something else makes them doubtful.  A phrase
  inside an ordinary sentence is never flagged.
* ``REPETITION``: a loop: the same few characters repeated many times in one
  segment, text that compresses far better than speech does (Whisper's own
  test), or the same text in several consecutive segments.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Sequence
from dataclasses import replace

from core.transcription.model import Segment, SegmentFlag

ISOLATION_MS = 2000  # a weak stock phrase must be this far from other speech on both sides
NO_SPEECH_WITH_LOW_LOGPROB = 0.6  # SILENCE: no-speech probability at least this...
LOW_LOGPROB_OVER_SILENCE = -0.7  # ...and an average log-probability below this,
NO_SPEECH_ALONE = 0.9  # or a no-speech probability at least this whatever the log-probability
LOW_CONFIDENCE_LOGPROB = -1.0  # LOW_CONFIDENCE below this (Whisper's own log_prob_threshold)
COMPRESSION_RATIO_LIMIT = 2.4  # Whisper's compression_ratio_threshold
COMPRESSION_MIN_BYTES = 60  # too short a text says nothing through its compression ratio
REPEATED_SEGMENTS = 3  # identical consecutive segments that make a loop
REPEATED_SHORT_SEGMENTS = 4  # ... when the text has fewer than 4 characters ("はい", "Yes")
_LOOP_SHORT_UNIT = re.compile(r"(.{1,7}?)\1{4,}")  # a short unit 5 or more times in a row
_LOOP_LONG_UNIT = re.compile(r"(.{8,40}?)\1{2,}")  # a phrase 3 or more times in a row

# The whole segment (normalised, see _words) is one of these: flagged wherever it appears.
_STRONG_EN = re.compile(
    r"(thanks|thank you)( (so|very) much)? for (watching|viewing)( (this|the|my|our) (video|channel))?"
    r"( and (please )?(like and )?subscribe)?( see you (in the )?next (time|video|one))?"
    r"|(please |don't forget to |remember to )?(like (and|&) )?subscribe( to (my|our|the) channel)?"
    r"( for more (videos)?)?"
    r"|(subtitles|subtitle|captions|captioning|subtitling|transcription) (by|provided by|made by|from) [\w .']+"
    r"|see you (in the )?next (video|episode)"
)
_STRONG_JA = re.compile(
    r"(最後まで)?(ご視聴|ご覧(いただき|頂き))(いただき|頂き)?(本当に|誠に)?ありがとうございました.*"
    r"|.*チャンネル登録.*(お願い|よろしく|してね|してください|して下さい).*"
    r"|(日本語)?字幕(作成|制作|提供|協力)(者)?.*"
    r"|次の動画でお会いしましょう.*"
)
# Things people do say in interviews: flagged only alone in silence, and only when doubtful.
_WEAK_EN = re.compile(r"(thank you|thanks)( (so|very) much)?( everyone)?|you|bye( bye)?|okay|so")
_WEAK_JA = re.compile(r"(お疲れ様|おつかれさま|お疲れさま)(でした|です)|(どうも)?ありがとうございま(した|す)|ご清聴ありがとうございました")
_DOUBTFUL_NO_SPEECH = 0.3
_DOUBTFUL_LOGPROB = -0.5


def _clean(text: str) -> str:
    """NFKC, lower case, punctuation and symbols turned into spaces, spaces collapsed."""
    text = unicodedata.normalize("NFKC", text).lower().replace("\u2019", "'")
    kept = [ch if ch == "'" or not unicodedata.category(ch).startswith(("P", "S")) else " " for ch in text]
    return " ".join("".join(kept).split())


def _words(text: str) -> str:
    return _clean(text)


def _squashed(text: str) -> str:
    return _clean(text).replace(" ", "")


def normalize(text: str) -> str:
    """Text as compared by the guard: no punctuation, no spaces, lower case, NFKC."""
    return _squashed(text)


def is_stock_phrase(text: str) -> bool:
    """True when the whole of ``text`` is a phrase Whisper invents at video endings."""
    return bool(_STRONG_EN.fullmatch(_words(text)) or _STRONG_JA.fullmatch(_squashed(text)))


def is_weak_stock_phrase(text: str) -> bool:
    """True for short polite phrases Whisper also invents, which people do say too ("Thank you.")."""
    return bool(_WEAK_EN.fullmatch(_words(text)) or _WEAK_JA.fullmatch(_squashed(text)))


def compression_ratio(text: str) -> float:
    data = text.encode("utf-8")
    return len(data) / len(zlib.compress(data)) if data else 0.0


def is_loop(text: str) -> bool:
    """True when ``text`` repeats itself the way Whisper does when it is stuck."""
    squashed = "".join(text.split())
    if any(len(match.group(0)) >= 10 for match in _LOOP_SHORT_UNIT.finditer(squashed)):
        return True
    if _LOOP_LONG_UNIT.search(squashed):
        return True
    data = text.strip().encode("utf-8")
    return len(data) >= COMPRESSION_MIN_BYTES and compression_ratio(text.strip()) > COMPRESSION_RATIO_LIMIT


def _over_silence(segment: Segment) -> bool:
    return (segment.no_speech_prob >= NO_SPEECH_ALONE
            or (segment.no_speech_prob >= NO_SPEECH_WITH_LOW_LOGPROB
                and segment.avg_logprob < LOW_LOGPROB_OVER_SILENCE))


def _isolated(segments: Sequence[Segment], index: int) -> bool:
    segment = segments[index]
    before = segments[index - 1].end_ms if index > 0 else None
    after = segments[index + 1].start_ms if index + 1 < len(segments) else None
    return ((before is None or segment.start_ms - before >= ISOLATION_MS)
            and (after is None or after - segment.end_ms >= ISOLATION_MS))


def _repeated_runs(segments: Sequence[Segment]) -> set[int]:
    """Indexes of segments that belong to a run of identical consecutive texts."""
    found: set[int] = set()
    start = 0
    keys = [normalize(s.text) for s in segments]
    for index in range(1, len(segments) + 1):
        if index < len(segments) and keys[index] and keys[index] == keys[start]:
            continue
        length = index - start
        needed = REPEATED_SEGMENTS if len(keys[start]) >= 4 else REPEATED_SHORT_SEGMENTS
        if keys[start] and length >= needed:
            found.update(range(start, index))
        start = index
    return found


def flag_segments(segments: Sequence[Segment]) -> tuple[Segment, ...]:
    """``segments`` (in time order) with the flags the guard finds added to those they already have."""
    segments = tuple(segments)
    looped = _repeated_runs(segments)
    flagged: list[Segment] = []
    for index, segment in enumerate(segments):
        flags = set(segment.flags)
        text = segment.text.strip()
        if _over_silence(segment):
            flags.add(SegmentFlag.SILENCE)
        if segment.avg_logprob < LOW_CONFIDENCE_LOGPROB:
            flags.add(SegmentFlag.LOW_CONFIDENCE)
        if text and is_stock_phrase(text):
            flags.add(SegmentFlag.STOCK_PHRASE)
        elif text and is_weak_stock_phrase(text) and _isolated(segments, index) and (
                segment.no_speech_prob >= _DOUBTFUL_NO_SPEECH or segment.avg_logprob <= _DOUBTFUL_LOGPROB
                or all(not s.text.strip() or s is segment or is_weak_stock_phrase(s.text) for s in segments)):
            flags.add(SegmentFlag.STOCK_PHRASE)
        if index in looped or (text and is_loop(text)):
            flags.add(SegmentFlag.REPETITION)
        flagged.append(segment if flags == set(segment.flags) else replace(segment, flags=frozenset(flags)))
    return tuple(flagged)
