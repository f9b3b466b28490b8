"""Honest speech metrics for one answer: observable behaviour only.

::

    transcript = transcribe_file("answer.wav", practice_settings("ja", "base"))
    metrics = analyze_answer(transcript, Path("answer.wav"), target_s=60)
    for value in metrics.values():
        info = metric_info(value.key, metrics.language)
        print(info.name, value.value, info.unit, value.standing)

What is measured (there are no emotion, confidence or "hireability" scores):

* the answer's length (first word to last) against the question's target;
* the delay before the first word;
* words (English) or characters and morae (Japanese), see
  :mod:`core.analysis.timeline` and :mod:`core.analysis.morae` for the rules;
* pace over the whole speaking time, pauses included, and the articulation
  rate with every silence of :data:`ARTICULATION_GAP_MS` or more left out;
* fillers (:mod:`core.analysis.fillers`), their count, rate and positions;
* pauses longer than 2.5 s.

Timing comes from Whisper's word timestamps; when the audio is given, the
first word's onset, the last word's end and all silences are measured on the
signal instead (:mod:`core.analysis.signal`), which is more precise.  Rates
need at least :data:`MIN_SPEAKING_MS` of speech; below that they are None.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.analysis.fillers import FillerHit, find_fillers
from core.analysis.info import (
    CONTEXT,
    LANGUAGES,
    LONG_PAUSE_S,
    TARGET_TOLERANCE,
    MetricInfo,
    Standing,
    metric_info,
    metric_keys,
    standing,
)
from core.analysis.morae import count_morae
from core.analysis.signal import Activity, SignalUnavailableError, read_activity
from core.analysis.timeline import Token, answer_tokens, spoken_units
from core.messages import QT_TRANSLATE_NOOP, FurikaeriError, Message
from core.transcription.model import Transcript
from core.transcription.speakers import ME

__all__ = [
    "AnalysisError", "AnswerMetrics", "FillerHit", "MetricInfo", "MetricValue", "Pause", "Standing",
    "analyze_answer", "metric_info",
]

LONG_PAUSE_MS = round(LONG_PAUSE_S * 1000)
ARTICULATION_GAP_MS = 250  # silences this long or longer are not articulation time
MIN_SPEAKING_MS = 1000  # rates over less speech than this say nothing
ONSET_MIN_MS = 100  # a burst of sound must last this long to count as the first word
_END_SEARCH_MS = 1000  # the signal may place the first or last word up to this much away from Whisper


class AnalysisError(FurikaeriError):
    """The answer cannot be analysed (e.g. a language without metrics)."""


@dataclass(frozen=True)
class Pause:
    """A silence longer than the threshold inside the answer."""

    start_ms: int
    end_ms: int

    @property
    def duration_s(self) -> float:
        return (self.end_ms - self.start_ms) / 1000


@dataclass(frozen=True)
class MetricValue:
    key: str
    value: float | None
    unit: str  # a short unit key: "s", "words", "characters", "morae", "words/min", "characters/min", ...
    low: float | None  # the target range for this language; None where there is no bound
    high: float | None

    @property
    def standing(self) -> Standing | None:
        """Below, within or above the target range; None without a value or a range."""
        return standing(self.value, self.low, self.high)

    def info(self, language: str) -> MetricInfo:
        return metric_info(self.key, language)


_UNITS = {"duration": "s", "first_word_delay": "s", "longest_pause": "s", "words": "words",
          "characters": "characters", "morae": "morae", "morae_pace": "morae/min", "fillers": "count",
          "pauses": "count", "fillers_per_min": "per_min"}


@dataclass(frozen=True)
class AnswerMetrics:
    language: str
    start_ms: int  # the answer's span in the audio
    end_ms: int
    duration_s: float  # spoken length, first word to last (0 when nothing was said)
    target_s: float | None
    first_word_delay_s: float | None
    words: int  # English words (0 for Japanese)
    characters: int  # Japanese characters (0 for English)
    morae: int | None  # Japanese only
    pace: float | None  # en: words/min, ja: characters/min, over the speaking time
    morae_pace: float | None  # ja only
    articulation_rate: float | None  # as pace, silences of ARTICULATION_GAP_MS or more left out
    fillers: tuple[FillerHit, ...]
    fillers_per_min: float
    pauses: tuple[Pause, ...]  # longer than 2.5 s
    timing_from_audio: bool = False  # pauses and onsets measured on the signal (else from word timestamps)
    longest_gap_s: float | None = None  # the longest silence between two words, any length (None: no speech)

    def _raw(self, key: str) -> float | None:
        if key == "fillers":
            return float(len(self.fillers))
        if key == "pauses":
            return float(len(self.pauses))
        if key == "longest_pause":
            return self.longest_gap_s
        if key == "first_word_delay":
            return self.first_word_delay_s
        if key == "duration":
            return self.duration_s
        value = getattr(self, key)
        return None if value is None else float(value)

    def value(self, key: str) -> MetricValue:
        """One metric with its unit and target range."""
        info = metric_info(key, self.language)
        low, high = info.low, info.high
        if key == "duration" and self.target_s:
            low, high = self.target_s * (1 - TARGET_TOLERANCE), self.target_s * (1 + TARGET_TOLERANCE)
        unit = _UNITS.get(key) or ("words/min" if self.language == "en" else "characters/min")
        return MetricValue(key, self._raw(key), unit, low, high)

    def values(self) -> list[MetricValue]:
        """Every metric for this language, with unit and target range, in display order."""
        return [self.value(key) for key in metric_keys(self.language)]

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON: the fields, and each metric with its range and standing."""
        return {
            "language": self.language, "start_ms": self.start_ms, "end_ms": self.end_ms,
            "duration_s": round(self.duration_s, 3), "target_s": self.target_s,
            "first_word_delay_s": _round(self.first_word_delay_s), "words": self.words,
            "characters": self.characters, "morae": self.morae, "pace": _round(self.pace, 1),
            "morae_pace": _round(self.morae_pace, 1), "articulation_rate": _round(self.articulation_rate, 1),
            "fillers": [{"start_ms": f.start_ms, "end_ms": f.end_ms, "text": f.text} for f in self.fillers],
            "fillers_per_min": round(self.fillers_per_min, 2),
            "pauses": [{"start_ms": p.start_ms, "end_ms": p.end_ms} for p in self.pauses],
            "timing_from_audio": self.timing_from_audio, "longest_gap_s": _round(self.longest_gap_s),
            "metrics": [{"key": v.key, "value": _round(v.value), "unit": v.unit, "low": v.low, "high": v.high,
                         "standing": v.standing.value if v.standing else None} for v in self.values()],
        }


    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AnswerMetrics:
        """Metrics stored with :meth:`to_dict` (rates as rounded there); ``metrics`` is ignored."""
        return cls(
            language=data["language"], start_ms=int(data["start_ms"]), end_ms=int(data["end_ms"]),
            duration_s=float(data["duration_s"]), target_s=data.get("target_s"),
            first_word_delay_s=data.get("first_word_delay_s"), words=int(data.get("words", 0)),
            characters=int(data.get("characters", 0)), morae=data.get("morae"), pace=data.get("pace"),
            morae_pace=data.get("morae_pace"), articulation_rate=data.get("articulation_rate"),
            fillers=tuple(FillerHit(int(f["start_ms"]), int(f["end_ms"]), str(f["text"]))
                          for f in data.get("fillers", ())),
            fillers_per_min=float(data.get("fillers_per_min", 0.0)),
            pauses=tuple(Pause(int(p["start_ms"]), int(p["end_ms"])) for p in data.get("pauses", ())),
            timing_from_audio=bool(data.get("timing_from_audio", False)), longest_gap_s=data.get("longest_gap_s"))


def _round(value: float | None, digits: int = 3) -> float | None:
    return None if value is None else round(value, digits)


def _per_min(count: float, ms: float) -> float | None:
    return count * 60000 / ms if ms >= MIN_SPEAKING_MS else None


def _gaps(tokens: list[Token], min_ms: int) -> list[tuple[int, int]]:
    gaps, reach = [], tokens[0].end_ms
    for token in tokens[1:]:
        if token.start_ms - reach >= min_ms:
            gaps.append((reach, token.start_ms))
        reach = max(reach, token.end_ms)
    return gaps


def _within(hit: FillerHit, first: int, last: int) -> FillerHit:
    """``hit`` moved inside the speech [first, last]: Whisper often starts the first word early."""
    if hit.start_ms >= first and hit.end_ms <= last:
        return hit
    start = min(max(hit.start_ms, first), last)
    end = min(start + (hit.end_ms - hit.start_ms), last)  # keeps its length where there is room
    return FillerHit(start, end, hit.text)


def _language(transcript: Transcript, language: str | None) -> str:
    language = language or transcript.language
    if language not in LANGUAGES:
        raise AnalysisError(Message(CONTEXT, QT_TRANSLATE_NOOP(
            "Metrics", "Speech metrics are available for Japanese and English only (this answer: {language})."),
            {"language": language or "?"}))
    return language


def _activity(audio: Path | None, start_ms: int, end_ms: int | None) -> Activity | None:
    if audio is None:
        return None
    try:
        return read_activity(audio, start_ms, end_ms)
    except SignalUnavailableError:
        return None


def _speech_bounds(tokens: list[Token], activity: Activity | None, start_ms: int, end_ms: int) -> tuple[int, int]:
    """When the answer's speech begins and ends: Whisper's word times, refined on the signal."""
    first, last = tokens[0].start_ms, max(t.end_ms for t in tokens)
    if activity is not None:
        onset = activity.first_sound(start_ms, min(end_ms, tokens[:3][-1].end_ms + _END_SEARCH_MS), ONSET_MIN_MS)
        if onset is not None:
            first = onset
        ending = activity.last_sound(max(first, tokens[-1].start_ms), min(end_ms, last + _END_SEARCH_MS),
                                     ONSET_MIN_MS)
        if ending is not None:
            last = ending
    return first, max(first, last)


def analyze_answer(transcript: Transcript, audio: Path | None, *, language: str | None = None,
                   start_ms: int = 0, end_ms: int | None = None, target_s: float | None = None) -> AnswerMetrics:
    """The metrics of the answer spoken in [start_ms, end_ms) of ``transcript``'s recording.

    ``audio`` (the recording's file, optional) refines pauses and the first
    word's onset; it is read by span, block by block.  ``language`` defaults to
    the transcript's; ``end_ms`` to the end of the recording; ``target_s`` is
    the question's target length.  Raises :class:`AnalysisError` for a
    language other than Japanese or English.
    """
    language = _language(transcript, language)
    activity = _activity(Path(audio) if audio is not None else None, start_ms, end_ms)
    if end_ms is None:
        end_ms = max(transcript.duration_ms, activity.end_ms if activity else 0)
    mine = [s for s in transcript.segments if s.speaker in (None, ME)]  # an online interview: not the interviewer's
    tokens = answer_tokens(mine, language, start_ms, end_ms)
    if not tokens:
        return AnswerMetrics(language, start_ms, end_ms, 0.0, target_s, None, 0, 0, 0 if language == "ja" else None,
                             None, None, None, (), 0.0, (), activity is not None)
    first, last = _speech_bounds(tokens, activity, start_ms, end_ms)
    speaking_ms = last - first
    if activity is not None:
        long_gaps = activity.silences(first, last, LONG_PAUSE_MS + 1)
        short_gaps = activity.silences(first, last, ARTICULATION_GAP_MS)
    else:
        long_gaps = _gaps(tokens, LONG_PAUSE_MS + 1)
        short_gaps = _gaps(tokens, ARTICULATION_GAP_MS)
    articulating_ms = speaking_ms - sum(e - s for s, e in short_gaps)
    units = spoken_units(tokens, language)
    morae = count_morae("".join(t.text for t in tokens)) if language == "ja" else None
    fillers = tuple(_within(hit, first, last) for hit in find_fillers(tokens, language))
    return AnswerMetrics(
        language=language, start_ms=start_ms, end_ms=end_ms, duration_s=speaking_ms / 1000, target_s=target_s,
        first_word_delay_s=max(0, first - start_ms) / 1000,
        words=units if language == "en" else 0, characters=units if language == "ja" else 0, morae=morae,
        pace=_per_min(units, speaking_ms), morae_pace=_per_min(morae, speaking_ms) if morae is not None else None,
        articulation_rate=_per_min(units, articulating_ms) if speaking_ms >= MIN_SPEAKING_MS else None,
        fillers=fillers, fillers_per_min=_per_min(len(fillers), max(speaking_ms, MIN_SPEAKING_MS)) or 0.0,
        pauses=tuple(Pause(s, e) for s, e in long_gaps), timing_from_audio=activity is not None,
        longest_gap_s=max((e - s for s, e in short_gaps), default=0) / 1000)

