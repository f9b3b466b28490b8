"""Flag segments Whisper may have invented rather than heard.

Whisper is a language model as much as a recogniser: over silence, noise or
music it writes what video subtitles usually say there.  Nothing is removed
here; suspicious segments get :class:`SegmentFlag` values so that the user sees
them marked, and metrics can leave them out.

* ``SILENCE``: text over (near) silence: a high no-speech probability together
  with a low average log-probability, or a very high no-speech probability.
* ``LOW_CONFIDENCE``: an average log-probability below what Whisper itself
  accepts after its fallback (a greedy retry).
* ``STOCK_PHRASE``: the whole segment is a phrase from video endings
  (「ご視聴ありがとうございました」, "Thanks for watching", "Subtitles by…");
  short polite phrases that people do say in interviews («お疲れ様でした»,
  "Thank you.") only when they stand alone, at least :data:`ISOLATION_MS` away
  from any other speech, and something else makes them doubtful.  A phrase
  inside an ordinary sentence is never flagged.
* ``REPETITION``: a loop: the same few characters repeated many times in one
  segment, text that compresses far better than speech does (Whisper's own
  test), the same text in several consecutive segments, or a segment that is
  nothing but one short word said three times or more (「はい。はい。はい。はい。」,
  "Yes. Yes. Yes.": what a filler-keeping prompt turns a breath into).
* ``QUIET``: a very short segment (at most :data:`QUIET_MAX_MS`) over audio far
  quieter than the recording's speech (:class:`Levels`, measured on the
  samples Whisper heard): nothing audible was said there.
* ``CROWDED``: far more text than anyone can say in the segment's time (more than :data:`CROWDED_CHARS_PER_S`
  characters, or :data:`CROWDED_WORDS_PER_S` words, a second, and at least :data:`CROWDED_MIN_UNITS` of them):
  Whisper ran on past the speech into a pause and wrote what it expected (measured: 「お客様の声をよく聞く
  ことです。」, 14 characters in 0.5 s after an answer, one run in three).
* ``LANGUAGE``: the language Whisper detected is neither Japanese nor English
  (e.g. ``nn`` on noise) although the app transcribes only those: every
  segment is flagged.

Segments with a flag in :data:`~core.transcription.model.INVENTED` are greyed
wherever a transcript is shown and left out of every count and measure;
:func:`flag_reasons` says why, in sentences for the user.

The thresholds Whisper's decoder uses (:data:`LOG_PROB_THRESHOLD`, ...) are
defined here, once: the worker decodes with them and the guard repeats them.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from core.messages import QT_TRANSLATE_NOOP, Message
from core.transcription.model import INVENTED, Segment, SegmentFlag

# Whisper's own thresholds, used by the decoder (core.transcription.worker) and repeated by the guard.
COMPRESSION_RATIO_THRESHOLD = 2.4  # above: the text loops (the decoder retries greedily; the guard flags a loop)
LOG_PROB_THRESHOLD = -1.0  # below: not confident (the decoder retries greedily; the guard flags LOW_CONFIDENCE)
NO_SPEECH_THRESHOLD = 0.6  # above, with a low log-probability: the decoder skips the window as silence

SUPPORTED_LANGUAGES = ("ja", "en")  # what the app transcribes; another detected language is flagged
ISOLATION_MS = 2000  # a weak stock phrase must be this far from other speech on both sides
NO_SPEECH_WITH_LOW_LOGPROB = NO_SPEECH_THRESHOLD  # SILENCE: no-speech probability at least this...
LOW_LOGPROB_OVER_SILENCE = -0.7  # ...and an average log-probability below this,
NO_SPEECH_ALONE = 0.9  # or a no-speech probability at least this whatever the log-probability
LOW_CONFIDENCE_LOGPROB = LOG_PROB_THRESHOLD  # LOW_CONFIDENCE below this
COMPRESSION_RATIO_LIMIT = COMPRESSION_RATIO_THRESHOLD
COMPRESSION_MIN_BYTES = 60  # too short a text says nothing through its compression ratio
REPEATED_TOKEN_TIMES = 3  # REPETITION: a segment that is one short word this many times or more...
REPEATED_TOKEN_CHARS = 4  # ...of at most this many letters (「はい」, "yes", "ok")
CROWDED_CHARS_PER_S = 20.0  # CROWDED: Japanese (characters, punctuation aside); fast speech is about 10
CROWDED_WORDS_PER_S = 8.0  # CROWDED: English words; fast speech is about 4
CROWDED_MIN_UNITS = 8  # CROWDED needs this many characters or words: a short word's times may be squeezed
QUIET_MAX_MS = 2000  # QUIET: a segment at most this long...
QUIET_BELOW_SPEECH_DB = 30.0  # ...whose level is this far below the recording's speech level,
QUIET_ABSOLUTE_DBFS = -65.0  # or below this level whatever the recording's (near digital silence)
QUIET_MARGIN_MS = 100  # the level is measured over the segment widened by this much (timestamps drift)
LEVEL_FRAME_MS = 20
SPEECH_LEVEL_PERCENTILE = 95  # the recording's speech level: this percentile of its frame levels
REPEATED_SEGMENTS = 3  # identical consecutive segments that make a loop
REPEATED_SHORT_SEGMENTS = 4  # ... when the text has fewer than 4 characters ("はい", "Yes")
_LOOP_SHORT_UNIT = re.compile(r"(.{1,7}?)\1{4,}")  # a short unit 5 or more times in a row
_LOOP_LONG_UNIT = re.compile(r"(.{8,40}?)\1{2,}")  # a phrase 3 or more times in a row
_REPEATED_TOKEN = re.compile(rf"(.{{1,{REPEATED_TOKEN_CHARS}}}?)\1{{{REPEATED_TOKEN_TIMES - 1},}}")

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
_WEAK_JA = re.compile(r"(お疲れ様|おつかれさま|お疲れさま)(でした|です)|(どうも)?ありがとうございま(した|す)"
                      r"|ご清聴ありがとうございました")
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


def is_repeated_token(text: str) -> bool:
    """True when the whole of ``text`` is one short word said again and again (「はい。はい。はい。」)."""
    squashed = normalize(text)
    match = _REPEATED_TOKEN.fullmatch(squashed)
    return match is not None and any(ch.isalpha() for ch in match.group(1))  # "111" is a number


@dataclass(frozen=True)
class Levels:
    """How loud the audio Whisper heard is: frame by frame, and the recording's speech level.

    Made once per job in the worker from the decoded 16-kHz samples
    (:meth:`measure`); the worker reports each segment's level with it.
    """

    power: np.ndarray  # mean square per LEVEL_FRAME_MS frame
    speech_dbfs: float

    @classmethod
    def measure(cls, samples: np.ndarray, rate: int = 16000) -> Levels:
        size = max(1, rate * LEVEL_FRAME_MS // 1000)
        whole = len(samples) // size * size
        frames = np.asarray(samples[:whole], dtype=np.float32).reshape(-1, size)
        power = np.einsum("ij,ij->i", frames, frames) / size if len(frames) else np.zeros(1)
        speech = float(np.percentile(_dbfs(power), SPEECH_LEVEL_PERCENTILE))
        return cls(power, speech)

    def span_dbfs(self, start_ms: float, end_ms: float) -> float:
        """The level (RMS, dBFS) of [start_ms, end_ms) widened by :data:`QUIET_MARGIN_MS` on both sides."""
        first = max(0, int((start_ms - QUIET_MARGIN_MS) // LEVEL_FRAME_MS))
        last = min(len(self.power), max(first + 1, int(-(-(end_ms + QUIET_MARGIN_MS) // LEVEL_FRAME_MS))))
        span = self.power[first:last]
        return float(_dbfs(np.array([span.mean()]))[0]) if len(span) else float(_dbfs(np.zeros(1))[0])


def _dbfs(power: np.ndarray) -> np.ndarray:
    levels: np.ndarray = 10 * np.log10(np.maximum(power, 1e-12))  # -120 dBFS for digital silence
    return levels


def is_quiet(segment: Segment, level_dbfs: float | None, speech_dbfs: float | None) -> bool:
    """QUIET: ``segment`` is very short and the audio under it far quieter than the recording's speech."""
    if level_dbfs is None or segment.end_ms - segment.start_ms > QUIET_MAX_MS:
        return False
    if level_dbfs < QUIET_ABSOLUTE_DBFS:
        return True
    return speech_dbfs is not None and level_dbfs <= speech_dbfs - QUIET_BELOW_SPEECH_DB


def is_crowded(segment: Segment) -> bool:
    """CROWDED: more characters (or English words) than can be said in the segment's time."""
    text = _clean(segment.text)
    seconds = max(segment.end_ms - segment.start_ms, 1) / 1000
    words = text.split()
    if len(words) >= CROWDED_MIN_UNITS and all(w.isascii() for w in words):
        return len(words) / seconds > CROWDED_WORDS_PER_S
    characters = sum(1 for c in text if c.isalnum())
    return characters >= CROWDED_MIN_UNITS and characters / seconds > CROWDED_CHARS_PER_S


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


def _doubtful_weak_phrase(segments: Sequence[Segment], index: int) -> bool:
    """A weak stock phrase ("Thank you.") alone in silence, and doubtful: Whisper's rather than the speaker's."""
    segment = segments[index]
    return is_weak_stock_phrase(segment.text.strip()) and _isolated(segments, index) and (
        segment.no_speech_prob >= _DOUBTFUL_NO_SPEECH or segment.avg_logprob <= _DOUBTFUL_LOGPROB
        or all(not s.text.strip() or s is segment or is_weak_stock_phrase(s.text) for s in segments))


def flag_segments(segments: Sequence[Segment], *, levels: Sequence[float | None] | None = None,
                  speech_dbfs: float | None = None, detected_language: str | None = None) -> tuple[Segment, ...]:
    """``segments`` (in time order) with the flags the guard finds added to those they already have.

    ``levels`` (one per segment, dBFS, see :meth:`Levels.span_dbfs`) and the
    recording's ``speech_dbfs`` enable ``QUIET``; ``detected_language`` (the
    language Whisper detected, when it was not chosen) enables ``LANGUAGE``.
    """
    segments = tuple(segments)
    looped = _repeated_runs(segments)
    foreign = bool(detected_language) and detected_language not in SUPPORTED_LANGUAGES
    flagged: list[Segment] = []
    for index, segment in enumerate(segments):
        flags = set(segment.flags)
        text = segment.text.strip()
        if _over_silence(segment):
            flags.add(SegmentFlag.SILENCE)
        if segment.avg_logprob < LOW_CONFIDENCE_LOGPROB:
            flags.add(SegmentFlag.LOW_CONFIDENCE)
        if text and (is_stock_phrase(text) or _doubtful_weak_phrase(segments, index)):
            flags.add(SegmentFlag.STOCK_PHRASE)
        if index in looped or (text and (is_loop(text) or is_repeated_token(text))):
            flags.add(SegmentFlag.REPETITION)
        if text and is_crowded(segment):
            flags.add(SegmentFlag.CROWDED)
        if levels is not None and index < len(levels) and is_quiet(segment, levels[index], speech_dbfs):
            flags.add(SegmentFlag.QUIET)
        if foreign and text:
            flags.add(SegmentFlag.LANGUAGE)
        flagged.append(segment if flags == set(segment.flags) else replace(segment, flags=frozenset(flags)))
    return tuple(flagged)


_REASONS = {  # in the order they are listed
    SegmentFlag.SILENCE: QT_TRANSLATE_NOOP(
        "Transcription", "The speech model wrote this over silence."),
    SegmentFlag.STOCK_PHRASE: QT_TRANSLATE_NOOP(
        "Transcription", "A phrase the speech model often invents (such as “Thanks for watching”)."),
    SegmentFlag.REPETITION: QT_TRANSLATE_NOOP(
        "Transcription", "The same words again and again, as the speech model writes when it is stuck."),
    SegmentFlag.QUIET: QT_TRANSLATE_NOOP(
        "Transcription", "A very short piece of text over audio far quieter than the speech."),
    SegmentFlag.CROWDED: QT_TRANSLATE_NOOP(
        "Transcription", "More words than anyone can say in so short a time: the speech model wrote them, "
        "it did not hear them."),
    SegmentFlag.LANGUAGE: QT_TRANSLATE_NOOP(
        "Transcription", "The detected language is neither Japanese nor English: probably noise, not speech."),
    SegmentFlag.LOW_CONFIDENCE: QT_TRANSLATE_NOOP(
        "Transcription", "The speech model was unsure of this text."),
}
NOT_COUNTED = QT_TRANSLATE_NOOP("Transcription", "Probably not said: greyed and left out of every measure.")


def flag_reasons(flags: frozenset[SegmentFlag] | set[SegmentFlag]) -> list[Message]:
    """Why a segment with ``flags`` is marked, one sentence per reason, then whether it counts."""
    reasons = [Message("Transcription", text) for flag, text in _REASONS.items() if flag in flags]
    if set(flags) & INVENTED:
        reasons.append(Message("Transcription", NOT_COUNTED))
    return reasons
