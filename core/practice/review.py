"""Reviewing a practice session: one transcript for the whole recording, metrics per answer.

The recording is transcribed once with settings that keep filler words
(:func:`core.analysis.prompting.practice_settings`); each answer's metrics
come from :func:`core.analysis.metrics.analyze_answer` over its span and are
cached per (answer, transcript), so charts of past attempts never re-analyse.
Everything here is plain Python: the GUI runs it in background tasks.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.practice.store import Answer, Attempt
from core.transcription.model import INVENTED, SegmentFlag, Transcript, TranscriptionSettings, Word

if TYPE_CHECKING:
    from core.analysis.metrics import AnswerMetrics
    from core.library import Library

METRICS_FORMAT = 1
CHART_KEYS = ("pace", "fillers_per_min", "duration")  # the attempts chart: one small chart each


def practice_transcription_settings(language: str, model: str) -> TranscriptionSettings:
    from core.analysis.prompting import practice_settings

    return practice_settings(language, model)


def reusable_transcript(library: Library, recording_id: int, settings: TranscriptionSettings) -> Transcript | None:
    """The newest transcript of the recording made with ``settings`` (so fillers were kept), the interview's own
    words put before its prompts or not (:mod:`core.transcription.context`)."""
    for transcript in reversed(library.transcripts.for_recording(recording_id)):
        if _made_with(transcript.settings, settings):
            return transcript
    return None


def _made_with(made: TranscriptionSettings, wanted: TranscriptionSettings) -> bool:
    """``made`` is ``wanted`` where only the context was added: each prompt ends with the one wanted."""
    if made == wanted:
        return True
    prompts, wanted_prompts = dict(made.prompts_by_language), dict(wanted.prompts_by_language)
    if set(prompts) != set(wanted_prompts) or not all(prompts[k].endswith(v) for k, v in wanted_prompts.items()):
        return False
    if not (made.initial_prompt or "").endswith(wanted.initial_prompt or ""):
        return False
    return replace(made, initial_prompt=wanted.initial_prompt, prompts_by_language=wanted.prompts_by_language,
                   hotwords=wanted.hotwords, hotwords_by_language=wanted.hotwords_by_language) == wanted


def metrics_to_dict(metrics: AnswerMetrics) -> dict[str, Any]:
    """A JSON-ready copy of an ``AnswerMetrics`` (what the cache and the charts keep)."""
    return {
        "format": METRICS_FORMAT,
        "language": metrics.language,
        "start_ms": metrics.start_ms,
        "end_ms": metrics.end_ms,
        "duration_s": metrics.duration_s,
        "target_s": metrics.target_s,
        "first_word_delay_s": metrics.first_word_delay_s,
        "values": [{"key": v.key, "value": v.value, "unit": v.unit, "low": v.low, "high": v.high}
                   for v in metrics.values()],
        "fillers": [[f.start_ms, f.end_ms, f.text] for f in metrics.fillers],
        "pauses": [[p.start_ms, p.end_ms] for p in metrics.pauses],
    }


def metric_value(metrics: dict[str, Any], key: str) -> float | None:
    """One number from cached metrics; ``pace`` means morae per minute for Japanese when known."""
    if key == "pace" and metrics.get("language") == "ja":
        found = metric_value(metrics, "morae_pace")
        if found is not None:
            return found
    for value in metrics.get("values", ()):
        if value["key"] == key and value["value"] is not None:
            return float(value["value"])
    found = metrics.get(key)
    return float(found) if isinstance(found, int | float) else None


def chart_key(key: str, language: str) -> str:
    """The metric a chart of ``key`` shows for answers in ``language`` (pace: morae per minute in Japanese)."""
    return "morae_pace" if key == "pace" and language == "ja" else key


def metric_band(attempts: Sequence[Attempt], key: str) -> tuple[float, float] | None:
    """The target band (low, high) of ``key`` as the newest attempt measured it; ``None`` when none did."""
    for attempt in reversed(attempts):
        metrics = attempt.metrics or {}
        wanted = chart_key(key, str(metrics.get("language", "")))
        for value in metrics.get("values", ()):
            if value["key"] == wanted:
                return value["low"], value["high"]
    return None


def answer_metrics(library: Library, answer: Answer, transcript: Transcript, audio_path: Path | None,
                   language: str) -> dict[str, Any]:
    """The metrics of one answer under one transcript, from the cache or computed (and cached) now."""
    return measure_answer(library, answer, transcript, audio_path, language)[0]


def measure_answer(library: Library, answer: Answer, transcript: Transcript, audio_path: Path | None,
                   language: str) -> tuple[dict[str, Any], bool]:
    """As :func:`answer_metrics`, and whether they were computed (and cached) now rather than read."""
    if transcript.id is None:
        raise ValueError("metrics are cached per stored transcript: save the transcript first")
    cached = library.practice.cached_metrics(answer.id, transcript.id)
    if cached is not None and cached.get("format") == METRICS_FORMAT:
        return cached, False
    from core.analysis.metrics import analyze_answer

    metrics = analyze_answer(transcript, audio_path, language=language, start_ms=answer.start_ms,
                             end_ms=answer.end_ms, target_s=float(answer.target_s))
    result = metrics_to_dict(metrics)
    library.practice.save_metrics(answer.id, transcript.id, result)
    return result, True


def session_metrics(library: Library, session_id: int, transcript: Transcript, audio_path: Path | None,
                    report: Callable[[int, int], None] | None = None) -> dict[int, dict[str, Any]]:
    """Metrics for every answer of a session (answer id -> metrics); ``report(done, total)`` as it goes."""
    session = library.practice.session(session_id)
    if session is None:  # deleted meanwhile, and its answers with it
        return {}
    answers = library.practice.answers(session_id)
    results: dict[int, dict[str, Any]] = {}
    for done, answer in enumerate(answers, 1):
        results[answer.id] = answer_metrics(library, answer, transcript, audio_path, session.language)
        if report is not None:
            report(done, len(answers))
    return results


# -- the transcript of one answer, with fillers and long pauses marked -----------------------------
class PieceKind(enum.Enum):
    WORD = "word"
    FILLER = "filler"
    PAUSE = "pause"
    INVENTED = "invented"  # from a segment the guard flagged as probably not said: shown greyed, not counted


@dataclass(frozen=True)
class Piece:
    kind: PieceKind
    text: str
    start_ms: int
    end_ms: int
    flags: frozenset[SegmentFlag] = frozenset()  # an INVENTED piece's segment flags (why it is greyed)


@dataclass(frozen=True)
class CorrectedText(Word):
    """A segment as the user corrected it: shown as one piece in place of Whisper's words, never a filler."""


def answer_words(transcript: Transcript, start_ms: int, end_ms: int) -> list[Word]:
    """The words whose middle lies inside the answer's span, in order.

    A segment the user corrected counts as one word holding the correction
    (when its middle lies inside the span): what is shown is what they wrote.
    """
    return [word for word, _flags in answer_words_flagged(transcript, start_ms, end_ms)]


def answer_words_flagged(transcript: Transcript, start_ms: int,
                         end_ms: int) -> list[tuple[Word, frozenset[SegmentFlag]]]:
    """As :func:`answer_words`, each word with the flags of its segment."""
    words: list[tuple[Word, frozenset[SegmentFlag]]] = []
    for segment in transcript.segments:
        if segment.end_ms < start_ms or segment.start_ms > end_ms:
            continue
        middle = start_ms <= (segment.start_ms + segment.end_ms) // 2 < end_ms
        if segment.corrected_text is not None:
            if middle:
                words.append((CorrectedText(segment.start_ms, segment.end_ms, segment.corrected_text, 1.0),
                              segment.flags))
        elif segment.words:
            words.extend((w, segment.flags) for w in segment.words
                         if start_ms <= (w.start_ms + w.end_ms) // 2 < end_ms)
        elif middle:
            words.append((Word(segment.start_ms, segment.end_ms, segment.display_text, 1.0), segment.flags))
    return words


def answer_pieces(words: list[Word], metrics: dict[str, Any] | None,
                  flags: list[frozenset[SegmentFlag]] | None = None) -> list[Piece]:
    """Words in order, those inside a filler hit marked, and each long pause placed where it happened.

    ``flags`` (one per word, its segment's) marks the words of segments the
    guard found invented as :attr:`PieceKind.INVENTED`; they never count as fillers.
    """
    fillers = [tuple(f) for f in (metrics or {}).get("fillers", ())]
    pauses = sorted(tuple(p) for p in (metrics or {}).get("pauses", ()))
    word_flags = flags or [frozenset()] * len(words)
    counted = [i for i, found in enumerate(word_flags) if not found & INVENTED]
    filler_words = {counted[i] for i in _filler_words([words[i] for i in counted], fillers)}
    pieces: list[Piece] = []
    pending = list(pauses)
    for index, word in enumerate(words):
        while pending and pending[0][0] <= word.start_ms:
            start, end = pending.pop(0)
            pieces.append(Piece(PieceKind.PAUSE, f"{(end - start) / 1000:.1f}", start, end))
        if word_flags[index] & INVENTED:
            pieces.append(Piece(PieceKind.INVENTED, word.text, word.start_ms, word.end_ms, word_flags[index]))
            continue
        kind = PieceKind.FILLER if index in filler_words else PieceKind.WORD
        pieces.append(Piece(kind, word.text, word.start_ms, word.end_ms))
    for start, end in pending:
        pieces.append(Piece(PieceKind.PAUSE, f"{(end - start) / 1000:.1f}", start, end))
    return pieces


FILLER_SEARCH_MS = 1500  # a hit's times may be refined from the signal; its words lie near it


def _compact(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum() or ch in "ー'")


def _filler_words(words: list[Word], fillers: list[tuple[Any, ...]]) -> set[int]:
    """Indexes of the words that make up each filler hit.

    A hit says its text and times, but Whisper may split one filler over two
    words (えー + と) and the analysis may move a hit's start to the real onset
    of the voice, so words are matched by text near the hit, by time otherwise.
    """
    marked: set[int] = set()
    corrected = {i for i, w in enumerate(words) if isinstance(w, CorrectedText)}
    for start, end, *rest in fillers:  # from the metrics' JSON: [start_ms, end_ms, text]
        wanted = _compact(rest[0]) if rest else ""
        near = [i for i, w in enumerate(words)
                if w.end_ms > start - FILLER_SEARCH_MS and w.start_ms < end + FILLER_SEARCH_MS
                and i not in marked and i not in corrected]
        found: Iterable[int] | None = None
        for first in near if wanted else ():
            joined, last = "", first
            while last < len(words) and len(joined) < len(wanted):
                joined += _compact(words[last].text)
                last += 1
            if joined.startswith(wanted) and last - first <= 4:
                found = range(first, last)
                break
        if found is None:
            found = [i for i, w in enumerate(words) if w.start_ms < end and w.end_ms > start]
        marked.update(found)
    return marked - corrected
