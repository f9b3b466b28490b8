"""The plain-text report of ``main.py analyze``: a table of metrics, fillers, pauses, and what they mean.

For a recording with speakers (a real interview), :func:`interview_report`
lists the questions they asked with their times, the metrics of each of my
answers, and the talk-time split.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from core.analysis.info import LANGUAGE_NAMES, STANDING_TEXT, metric_info, metric_keys
from core.analysis.metrics import AnswerMetrics, MetricValue
from core.cli.output import Output
from core.messages import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from core.analysis.answers import InterviewReview

_DECIMALS = {"s": 1, "per_min": 1}


def width(text: str) -> int:
    """Columns ``text`` takes on a terminal (East Asian wide characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, columns: int) -> str:
    return text + " " * max(0, columns - width(text))


def number(value: float, unit: str) -> str:
    return f"{value:.{_DECIMALS.get(unit, 0)}f}"


def clock(ms: int) -> str:
    """``m:ss.s`` for a position in the recording."""
    minutes, seconds = divmod(ms / 1000, 60)
    return f"{int(minutes)}:{seconds:04.1f}"


def _range(value: MetricValue, unit: str) -> str:
    if value.low is not None and value.high is not None:
        return f"{number(value.low, value.unit)}–{number(value.high, value.unit)} {unit}".strip()
    if value.high is not None:
        return f"≤ {number(value.high, value.unit)} {unit}".strip()
    if value.low is not None:
        return f"≥ {number(value.low, value.unit)} {unit}".strip()
    return ""


def _table(metrics: AnswerMetrics, out: Output, indent: str = "  ") -> list[str]:
    """The metrics as a table: name, value, target range and standing."""
    t, text = out.t, out.text
    rows = []
    for value in metrics.values():
        info = metric_info(value.key, metrics.language)
        unit = text(info.unit)
        shown = "–" if value.value is None else f"{number(value.value, value.unit)} {unit}"
        standing = text(STANDING_TEXT[value.standing]) if value.standing else ""
        rows.append((text(info.name), shown, _range(value, unit), standing))
    columns = [max(width(row[i]) for row in rows) + 2 for i in range(3)]
    header = (t(QT_TRANSLATE_NOOP("CLI", "metric")), t(QT_TRANSLATE_NOOP("CLI", "value")),
              t(QT_TRANSLATE_NOOP("CLI", "target")))
    columns = [max(c, width(h) + 2) for c, h in zip(columns, header, strict=True)]
    lines = [indent + "".join(pad(h, c) for h, c in zip(header, columns, strict=True)).rstrip()]
    for row in rows:
        lines.append(indent + "".join(pad(cell, c) for cell, c in zip(row[:3], columns, strict=True)) + row[3])
        lines[-1] = lines[-1].rstrip()
    return lines


def _moments(metrics: AnswerMetrics, out: Output, indent: str = "") -> list[str]:
    """Where the fillers and the long pauses are."""
    t, text = out.t, out.text
    lines = []
    if metrics.fillers:
        lines.append(indent + t(QT_TRANSLATE_NOOP("CLI", "Fillers: {list}")).format(
            list=", ".join(f"{hit.text.strip()} {clock(hit.start_ms)}" for hit in metrics.fillers)))
    if metrics.pauses:
        seconds = text(metric_info("longest_pause", metrics.language).unit)
        lines.append(indent + t(QT_TRANSLATE_NOOP("CLI", "Pauses longer than 2.5 s: {list}")).format(
            list=", ".join(f"{clock(p.start_ms)} ({p.duration_s:.1f} {seconds})" for p in metrics.pauses)))
    return lines


def meanings(language: str, out: Output) -> list[str]:
    """What each number means, with where its range comes from."""
    text = out.text
    lines = [out.t(QT_TRANSLATE_NOOP("CLI", "What the numbers mean:"))]
    for key in metric_keys(language):
        info = metric_info(key, language)
        source = f" ({text(info.source)})" if info.source is not None and (info.low or info.high) else ""
        lines.append(f"  {text(info.name)}: {text(info.meaning)}{source}")
    return lines


def report(metrics: AnswerMetrics, out: Output, transcript_text: str = "") -> str:
    t, text = out.t, out.text
    lines = []
    if transcript_text:
        lines += [t(QT_TRANSLATE_NOOP("CLI", "Transcript: {text}")).format(text=transcript_text), ""]
    lines.append(t(QT_TRANSLATE_NOOP("CLI", "Speech metrics ({language})")).format(
        language=text(LANGUAGE_NAMES[metrics.language])))
    lines += _table(metrics, out)
    lines.append("")
    lines += _moments(metrics, out)
    if not metrics.timing_from_audio:
        lines.append(t(QT_TRANSLATE_NOOP(
            "CLI", "Timing comes from the transcript's word times: the audio could not be read for finer timing.")))
    if lines[-1]:
        lines.append("")
    lines += meanings(metrics.language, out)
    return "\n".join(lines) + "\n"


def _share(share: float | None) -> str:
    return "–" if share is None else f"{share:.0%}"


def _length(ms: int) -> str:
    minutes, seconds = divmod(round(ms / 1000), 60)
    return f"{minutes}:{seconds:02d}"


def interview_report(review: InterviewReview, out: Output) -> str:
    """The questions they asked, my answer to each with its metrics, and who talked how much."""
    t, text = out.t, out.text
    talk = review.talk_time
    lines = [t(QT_TRANSLATE_NOOP("CLI", "Questions they asked, and your answers ({language})")).format(
        language=text(LANGUAGE_NAMES[review.language])),
        t(QT_TRANSLATE_NOOP("CLI", "Talk time: you {me} ({me_share}), the interviewer {them} ({them_share})")).format(
            me=_length(talk.me_ms), me_share=_share(talk.me_share), them=_length(talk.interviewer_ms),
            them_share=_share(talk.interviewer_share)), ""]
    if not review.answers:
        lines += [t(QT_TRANSLATE_NOOP("CLI", "No questions were found in the interviewer's words.")), ""]
    for number_, answer in enumerate(review.answers, 1):
        question = answer.question
        lines.append(f"{number_}. [{clock(question.start_ms)}] {question.text}")
        if answer.in_bank:
            lines.append("   " + t(QT_TRANSLATE_NOOP("CLI", "This question is in the question bank.")))
        if not answer.answered or question.answer_start_ms is None or question.answer_end_ms is None:
            lines += ["   " + t(QT_TRANSLATE_NOOP("CLI", "You did not answer before the next question.")), ""]
            continue
        lines.append("   " + t(QT_TRANSLATE_NOOP("CLI", "Your answer: {start}–{end}, target length {target} s")).format(
            start=clock(question.answer_start_ms), end=clock(question.answer_end_ms), target=answer.target_s))
        lines += _table(answer.metrics, out, "     ")
        lines += _moments(answer.metrics, out, "   ")
        lines.append("")
    lines.append(t(QT_TRANSLATE_NOOP(
        "CLI", "Only your own words are measured. Timing comes from the transcript's word times, because the "
               "microphone may also hear the interviewer.")))
    lines.append("")
    lines += meanings(review.language, out)
    return "\n".join(lines) + "\n"
