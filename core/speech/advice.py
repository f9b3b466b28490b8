"""What each speech model costs and gives on this computer, and which one to use for Japanese.

:func:`overview` lists the built-in and the downloadable models with their
state, size (exact once the hub's listing or the installed manifest gave
it, else the catalogue's estimate), languages, published accuracy and speed
here (measured, or estimated from a measured model scaled by size).

:func:`advise` says which installed model transcribes Japanese and what a
more accurate one would cost: its download size and the minutes of work per
hour of audio on this computer.  The advised model is the most accurate one
(by published error rate on Japanese) that transcribes an hour of audio in
at most :data:`BUDGET_MINUTES_PER_HOUR` here, else the next step up.
Kotoba-Whisper is never advised: it collapsed on spontaneous conversation.

No network, no model loading: file checks and the stored measurements only.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from core.messages import QT_TRANSLATE_NOOP, Message
from core.speech.assemble import MODEL_FILE
from core.speech.calibration import Speed, measured_speeds
from core.speech.catalog import (
    BUILTIN_MODELS,
    CONTEXT,
    DEFAULT_MODEL,
    DOWNLOADABLE_MODELS,
    PUBLISHED_ACCURACY,
    PublishedAccuracy,
)
from core.speech.download import PartialDownload, installed_size, partial_download
from core.speech.models import ModelInfo, ModelState, model_status

BUDGET_MINUTES_PER_HOUR = 60.0  # an hour-long interview transcribed within the hour
_RANK_BUILTIN = {"tiny.en": -1, "base": 0}
USABLE = (ModelState.READY, ModelState.NOT_BUILT)  # NOT_BUILT: base, assembled on first use


class Languages(enum.Enum):
    MANY = "many"  # Whisper's 99, Japanese and English among them
    JAPANESE = "ja"
    ENGLISH = "en"


@dataclass(frozen=True)
class ModelRow:
    name: str
    description: str  # English, marked for translation in CONTEXT
    builtin: bool
    info: ModelInfo
    size: int  # bytes
    size_exact: bool
    languages: Languages
    accuracy: PublishedAccuracy | None
    speed: Speed | None  # measured here
    estimate: float | None  # minutes per hour of audio, estimated from a measured model (when not measured)
    partial: PartialDownload | None  # what an interrupted download left

    @property
    def installed(self) -> bool:
        return self.info.state in USABLE

    @property
    def minutes_per_hour(self) -> float | None:
        return self.speed.seconds_per_minute if self.speed is not None else self.estimate


def _size(name: str) -> tuple[int, bool]:
    if name in BUILTIN_MODELS:
        return sum(pin.size for pin in BUILTIN_MODELS[name].files.values()), True
    exact = installed_size(name)
    if exact is not None:
        return exact, True
    partial = partial_download(name)
    if partial is not None and partial.total is not None:
        return partial.total, True
    return DOWNLOADABLE_MODELS[name].approx_bytes, False


def _work_bytes(name: str) -> int:
    """What the estimate scales by: model.bin's size (the catalogue's whole download when unknown)."""
    if name in BUILTIN_MODELS:
        return BUILTIN_MODELS[name].files[MODEL_FILE].size
    return _size(name)[0]


def _estimate(name: str, speeds: dict[str, Speed]) -> float | None:
    """Minutes per hour for ``name``, scaled by size from a measured multilingual model (base first)."""
    references = [n for n in (DEFAULT_MODEL, *DOWNLOADABLE_MODELS) if n in speeds and n != name]
    if not references:
        return None
    reference = references[0]
    return speeds[reference].seconds_per_minute * _work_bytes(name) / _work_bytes(reference)


def overview() -> list[ModelRow]:
    """The built-in models, then the downloadable ones, as they are on this computer."""
    speeds = measured_speeds()
    rows = []
    for name in (*BUILTIN_MODELS, *DOWNLOADABLE_MODELS):
        builtin = name in BUILTIN_MODELS
        if builtin:
            spec = BUILTIN_MODELS[name]
            description = spec.description
            languages = Languages.MANY if spec.multilingual else Languages.ENGLISH
        else:
            down = DOWNLOADABLE_MODELS[name]
            description = down.description
            languages = Languages.JAPANESE if down.japanese_only else Languages.MANY
        size, exact = _size(name)
        speed = speeds.get(name)
        estimate = None if speed is not None or languages is Languages.ENGLISH else _estimate(name, speeds)
        rows.append(ModelRow(name, description, builtin, model_status(name), size, exact, languages,
                             PUBLISHED_ACCURACY.get(name), speed, estimate,
                             None if builtin else partial_download(name)))
    return rows


@dataclass(frozen=True)
class Advice:
    chosen: str  # the model in the settings
    model: str | None  # the installed model that transcribes Japanese; None: the chosen one cannot
    better: ModelRow | None  # a more accurate model to download, if any
    current: ModelRow | None

    def messages(self) -> list[Message]:
        return advice_messages(self)


def _rank(name: str) -> int | None:
    if name in _RANK_BUILTIN:
        return _RANK_BUILTIN[name]
    spec = DOWNLOADABLE_MODELS.get(name)
    return spec.rank if spec is not None else None


def advise(chosen: str, rows: list[ModelRow] | None = None) -> Advice:
    """Which installed model transcribes Japanese with the setting ``chosen``, and a better one to download."""
    rows = overview() if rows is None else rows
    by_name = {row.name: row for row in rows}
    current = by_name.get(chosen)
    if current is None:  # a folder the user chose
        info = model_status(chosen)
        usable = info.state in USABLE and info.multilingual is not False
        return Advice(chosen, chosen if usable else None, None, None)
    if not current.installed or current.languages is Languages.ENGLISH:
        return Advice(chosen, None, _next_step(rows, _RANK_BUILTIN[DEFAULT_MODEL]), current)
    rank = _rank(chosen)
    return Advice(chosen, chosen, None if rank is None else _better(rows, rank), current)


def _candidates(rows: list[ModelRow], rank: int) -> list[ModelRow]:
    return sorted((row for row in rows if not row.installed and not row.builtin
                   and DOWNLOADABLE_MODELS[row.name].recommended and DOWNLOADABLE_MODELS[row.name].rank > rank),
                  key=lambda row: DOWNLOADABLE_MODELS[row.name].rank)


def _next_step(rows: list[ModelRow], rank: int) -> ModelRow | None:
    candidates = _candidates(rows, rank)
    return candidates[0] if candidates else None


def _better(rows: list[ModelRow], rank: int) -> ModelRow | None:
    candidates = _candidates(rows, rank)
    affordable = [row for row in candidates
                  if row.minutes_per_hour is not None and row.minutes_per_hour <= BUDGET_MINUTES_PER_HOUR]
    if affordable:
        return affordable[-1]
    return candidates[0] if candidates else None


def _msg(text: str, **params: Any) -> Message:
    return Message(CONTEXT, text, params)


def advice_messages(advice: Advice) -> list[Message]:
    """The advice in sentences, for the model manager, Settings and the first use of Japanese."""
    out: list[Message] = []
    current = advice.current
    if advice.model is None:
        out.append(_msg(QT_TRANSLATE_NOOP(
            "Models", "The chosen speech model “{name}” cannot transcribe Japanese on this computer: choose base or "
            "a bigger model in Settings."), name=advice.chosen))
    elif current is not None and current.accuracy is not None and current.accuracy.jsut is not None:
        out.append(_msg(QT_TRANSLATE_NOOP(
            "Models", "Japanese is transcribed with “{name}”, installed on this computer (published error rate on "
            "read Japanese: {cer}% of characters)."), name=advice.model, cer=current.accuracy.jsut))
    else:
        out.append(_msg(QT_TRANSLATE_NOOP(
            "Models", "Japanese is transcribed with “{name}”, installed on this computer."), name=advice.model))
    if advice.model is not None and current is not None and current.speed is not None:
        out.append(_msg(QT_TRANSLATE_NOOP(
            "Models", "It needs about {minutes} minutes of work per hour of audio here (measured)."),
            minutes=max(1, round(current.speed.seconds_per_minute))))
    better = advice.better
    if better is None:
        return out
    cost = _cost(better)
    if better.accuracy is not None and better.accuracy.jsut is not None:
        out.append(_msg(QT_TRANSLATE_NOOP(
            "Models", "“{name}” would be more accurate ({cer}% as published): {cost}"), name=better.name,
            cer=better.accuracy.jsut, cost=cost))
    else:
        out.append(_msg(QT_TRANSLATE_NOOP("Models", "“{name}” would be more accurate: {cost}"), name=better.name,
                        cost=cost))
    return out


def _cost(row: ModelRow) -> Message:
    size = max(1, round(row.size / 1_000_000))
    if row.minutes_per_hour is None:
        return _msg(QT_TRANSLATE_NOOP(
            "Models", "a {megabytes} MB download; its speed here can be estimated once the speed of an installed model "
            "is measured (Measure speed)."), megabytes=size)
    minutes = max(1, round(row.minutes_per_hour))
    if row.speed is not None:
        return _msg(QT_TRANSLATE_NOOP(
            "Models", "a {megabytes} MB download, about {minutes} minutes of work per hour of audio here "
            "(measured)."), megabytes=size, minutes=minutes)
    return _msg(QT_TRANSLATE_NOOP(
        "Models", "a {megabytes} MB download, about {minutes} minutes of work per hour of audio here (estimated)."),
        megabytes=size, minutes=minutes)


# --- the words for a row, shared by `models list` and the model manager -------------------------------------


def languages_text(languages: Languages) -> Message:
    if languages is Languages.JAPANESE:
        return _msg(QT_TRANSLATE_NOOP("Models", "Japanese"))
    if languages is Languages.ENGLISH:
        return _msg(QT_TRANSLATE_NOOP("Models", "English only"))
    return _msg(QT_TRANSLATE_NOOP("Models", "Japanese, English and 97 more"))


def accuracy_text(accuracy: PublishedAccuracy | None) -> Message:
    """The published character error rates, e.g. "JSUT 14.2%, CV8 15.1%"; "not published" without any."""
    parts = []
    if accuracy is not None and accuracy.jsut is not None:
        parts.append(_msg(QT_TRANSLATE_NOOP("Models", "JSUT {cer}%"), cer=accuracy.jsut))
    if accuracy is not None and accuracy.common_voice is not None:
        parts.append(_msg(QT_TRANSLATE_NOOP("Models", "CV8 {cer}%"), cer=accuracy.common_voice))
    if accuracy is not None and accuracy.conversation is not None:
        parts.append(_msg(QT_TRANSLATE_NOOP("Models", "conversation {cer}%"), cer=accuracy.conversation))
    if not parts:
        return _msg(QT_TRANSLATE_NOOP("Models", "not published"))
    return _msg(", ".join(f"{{p{i}}}" for i in range(len(parts))), **{f"p{i}": p for i, p in enumerate(parts)})


def speed_text(row: ModelRow) -> Message:
    """Minutes of work per hour of audio here: measured, estimated, or not measured."""
    if row.speed is not None:
        return _msg(QT_TRANSLATE_NOOP("Models", "{minutes} min per hour of audio (measured, {device})"),
                    minutes=_minutes(row.speed.seconds_per_minute), device=row.speed.device)
    if row.estimate is not None:
        return _msg(QT_TRANSLATE_NOOP("Models", "about {minutes} min per hour of audio (estimated)"),
                    minutes=_minutes(row.estimate))
    return _msg(QT_TRANSLATE_NOOP("Models", "not measured"))


def size_text(row: ModelRow) -> Message:
    megabytes = max(1, round(row.size / 1_000_000))
    if row.size_exact:
        return _msg(QT_TRANSLATE_NOOP("Models", "{megabytes} MB"), megabytes=megabytes)
    return _msg(QT_TRANSLATE_NOOP("Models", "about {megabytes} MB"), megabytes=megabytes)


def _minutes(value: float) -> str:
    return f"{value:.1f}" if value < 10 else f"{round(value)}"
