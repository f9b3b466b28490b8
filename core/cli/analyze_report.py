"""The plain-text report of ``main.py analyze``: a table of metrics, fillers, pauses, and what they mean."""

from __future__ import annotations

import unicodedata

from core.analysis.info import LANGUAGE_NAMES, STANDING_TEXT, metric_info
from core.analysis.metrics import AnswerMetrics, MetricValue
from core.cli.output import Output
from core.messages import QT_TRANSLATE_NOOP

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


def report(metrics: AnswerMetrics, out: Output, transcript_text: str = "") -> str:
    t, text = out.t, out.text
    lines = []
    if transcript_text:
        lines += [t(QT_TRANSLATE_NOOP("CLI", "Transcript: {text}")).format(text=transcript_text), ""]
    lines.append(t(QT_TRANSLATE_NOOP("CLI", "Speech metrics ({language})")).format(
        language=text(LANGUAGE_NAMES[metrics.language])))
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
    lines.append("  " + "".join(pad(h, c) for h, c in zip(header, columns, strict=True)).rstrip())
    for row in rows:
        lines.append("  " + "".join(pad(cell, c) for cell, c in zip(row[:3], columns, strict=True)) + row[3])
        lines[-1] = lines[-1].rstrip()
    lines.append("")
    if metrics.fillers:
        lines.append(t(QT_TRANSLATE_NOOP("CLI", "Fillers: {list}")).format(
            list=", ".join(f"{hit.text.strip()} {clock(hit.start_ms)}" for hit in metrics.fillers)))
    if metrics.pauses:
        seconds = text(metric_info("longest_pause", metrics.language).unit)
        lines.append(t(QT_TRANSLATE_NOOP("CLI", "Pauses longer than 2.5 s: {list}")).format(
            list=", ".join(f"{clock(p.start_ms)} ({p.duration_s:.1f} {seconds})" for p in metrics.pauses)))
    if not metrics.timing_from_audio:
        lines.append(t(QT_TRANSLATE_NOOP(
            "CLI", "Timing comes from the transcript's word times: the audio could not be read for finer timing.")))
    if lines[-1]:
        lines.append("")
    lines.append(t(QT_TRANSLATE_NOOP("CLI", "What the numbers mean:")))
    for value in metrics.values():
        info = metric_info(value.key, metrics.language)
        source = f" ({text(info.source)})" if info.source is not None and (info.low or info.high) else ""
        lines.append(f"  {text(info.name)}: {text(info.meaning)}{source}")
    return "\n".join(lines) + "\n"
