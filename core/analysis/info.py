"""What each speech metric means, its unit and its target range, in words a candidate understands.

Ranges and their sources (see DOMAIN.md):

==================  ==========================  ===============================================
metric              English                     Japanese
==================  ==========================  ===============================================
pace                130-160 words/min           300-400 characters/min
morae_pace          -                           320-360 morae/min
fillers_per_min     at most 1 a minute          at most 1 a minute (the English norm, borrowed)
first_word_delay    at most 2.5 s               at most 2.5 s
duration            the question's target ±25%  the question's target ±25%
pauses              none longer than 2.5 s      none longer than 2.5 s
==================  ==========================  ===============================================

Articulation rate and the counts have no range: there is no agreed norm for
them, and they are shown to explain the others.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from core.messages import QT_TRANSLATE_NOOP, Message

CONTEXT = "Metrics"
LONG_PAUSE_S = 2.5  # silences longer than this are reported as pauses
TARGET_TOLERANCE = 0.25  # an answer within ±25% of the question's target length is on target


def _m(text: str) -> Message:
    return Message(CONTEXT, text)


class Standing(enum.Enum):
    BELOW = "below"
    WITHIN = "within"
    ABOVE = "above"


@dataclass(frozen=True)
class MetricInfo:
    key: str
    name: Message
    unit: Message
    meaning: Message  # what the number says, in plain words
    low: float | None  # the target range for this language; None where there is no bound
    high: float | None
    source: Message | None  # where the range comes from


_S = _m(QT_TRANSLATE_NOOP("Metrics", "s"))
_PER_MIN = _m(QT_TRANSLATE_NOOP("Metrics", "per minute"))
_TIMES = _m(QT_TRANSLATE_NOOP("Metrics", "times"))
_FILLER_SOURCE = _m(QT_TRANSLATE_NOOP(
    "Metrics", "Speech coaching: about 1 filler a minute sounds fluent, about 5 a minute sounds hesitant."))
_PAUSE_SOURCE = _m(QT_TRANSLATE_NOOP(
    "Metrics", "Interview coaching: a silence of more than about 2.5 s is noticed by the listener."))

_COMMON: dict[str, tuple[Message, Message, Message, float | None, float | None, Message | None]] = {
    "duration": (
        _m(QT_TRANSLATE_NOOP("Metrics", "Answer length")), _S,
        _m(QT_TRANSLATE_NOOP("Metrics", "How long you spoke, from your first word to your last. Compare it with "
                                        "the length the question calls for: a self-introduction about 1 minute, "
                                        "most other answers 1 to 2 minutes.")),
        None, None,
        _m(QT_TRANSLATE_NOOP("Metrics", "The question's target length, give or take 25%."))),
    "first_word_delay": (
        _m(QT_TRANSLATE_NOOP("Metrics", "Time to first word")), _S,
        _m(QT_TRANSLATE_NOOP("Metrics", "How long it took you to start answering. A short pause to think is "
                                        "natural; a long silence at the start is noticed.")),
        None, LONG_PAUSE_S, _PAUSE_SOURCE),
    "fillers": (
        _m(QT_TRANSLATE_NOOP("Metrics", "Fillers")), _TIMES,
        _m(QT_TRANSLATE_NOOP("Metrics", "Filler words such as um, uh or えーと, あの, and where they occur.")),
        None, None, None),
    "fillers_per_min": (
        _m(QT_TRANSLATE_NOOP("Metrics", "Fillers per minute")), _PER_MIN,
        _m(QT_TRANSLATE_NOOP("Metrics", "How often you used filler words. A few are normal; many make an answer "
                                        "sound unprepared.")),
        None, 1.0, _FILLER_SOURCE),
    "pauses": (
        _m(QT_TRANSLATE_NOOP("Metrics", "Long pauses")), _TIMES,
        _m(QT_TRANSLATE_NOOP("Metrics", "Silences longer than 2.5 s in the middle of your answer. One pause to "
                                        "collect your thoughts is fine; several make the answer hard to follow.")),
        None, None, _PAUSE_SOURCE),
    "longest_pause": (
        _m(QT_TRANSLATE_NOOP("Metrics", "Longest pause")), _S,
        _m(QT_TRANSLATE_NOOP("Metrics", "The longest silence between two words of your answer.")),
        None, LONG_PAUSE_S, _PAUSE_SOURCE),
}

_BY_LANGUAGE: dict[str, dict[str, tuple[Message, Message, Message, float | None, float | None, Message | None]]] = {
    "en": {
        "words": (
            _m(QT_TRANSLATE_NOOP("Metrics", "Words")), _m(QT_TRANSLATE_NOOP("Metrics", "words")),
            _m(QT_TRANSLATE_NOOP("Metrics", "How many words you said, fillers included.")), None, None, None),
        "pace": (
            _m(QT_TRANSLATE_NOOP("Metrics", "Pace")), _m(QT_TRANSLATE_NOOP("Metrics", "words/min")),
            _m(QT_TRANSLATE_NOOP("Metrics", "Words per minute from your first word to your last, pauses included. "
                                            "Faster is hard to follow; slower can sound hesitant.")),
            130.0, 160.0,
            _m(QT_TRANSLATE_NOOP("Metrics", "Speech coaching: conversation runs at about 150 words a minute; "
                                            "130-160 is clear and easy to follow."))),
        "articulation_rate": (
            _m(QT_TRANSLATE_NOOP("Metrics", "Articulation rate")), _m(QT_TRANSLATE_NOOP("Metrics", "words/min")),
            _m(QT_TRANSLATE_NOOP("Metrics", "Words per minute while actually speaking, silences of a quarter "
                                            "second or more left out. Far above your pace means many pauses; "
                                            "close to it means you speak in a steady flow.")),
            None, None, None),
    },
    "ja": {
        "characters": (
            _m(QT_TRANSLATE_NOOP("Metrics", "Characters")), _m(QT_TRANSLATE_NOOP("Metrics", "characters")),
            _m(QT_TRANSLATE_NOOP("Metrics", "How many characters your answer has when written down (kana, kanji, "
                                            "letters and digits; punctuation not counted). A one-minute "
                                            "self-PR is about 300.")),
            None, None, None),
        "morae": (
            _m(QT_TRANSLATE_NOOP("Metrics", "Morae")), _m(QT_TRANSLATE_NOOP("Metrics", "morae")),
            _m(QT_TRANSLATE_NOOP("Metrics", "How many sound beats (morae, 拍) you said: きゃ, っ, ん and ー count "
                                            "one each. Unlike characters, this does not depend on how many kanji "
                                            "the transcript uses.")),
            None, None, None),
        "pace": (
            _m(QT_TRANSLATE_NOOP("Metrics", "Pace")), _m(QT_TRANSLATE_NOOP("Metrics", "characters/min")),
            _m(QT_TRANSLATE_NOOP("Metrics", "Characters per minute from your first word to your last, pauses "
                                            "included. Faster is hard to follow; slower can sound hesitant.")),
            300.0, 400.0,
            _m(QT_TRANSLATE_NOOP("Metrics", "Broadcast Japanese is about 300 characters a minute; 300-400 is easy "
                                            "to follow, everyday talk runs at 360-420."))),
        "morae_pace": (
            _m(QT_TRANSLATE_NOOP("Metrics", "Pace in morae")), _m(QT_TRANSLATE_NOOP("Metrics", "morae/min")),
            _m(QT_TRANSLATE_NOOP("Metrics", "Sound beats per minute, pauses included: the steadiest measure of "
                                            "Japanese speaking speed.")),
            320.0, 360.0,
            _m(QT_TRANSLATE_NOOP("Metrics", "Studies of listening ease: about 320-360 morae a minute is "
                                            "preferred."))),
        "articulation_rate": (
            _m(QT_TRANSLATE_NOOP("Metrics", "Articulation rate")),
            _m(QT_TRANSLATE_NOOP("Metrics", "characters/min")),
            _m(QT_TRANSLATE_NOOP("Metrics", "Characters per minute while actually speaking, silences of a quarter "
                                            "second or more left out. Far above your pace means many pauses; "
                                            "close to it means you speak in a steady flow.")),
            None, None, None),
    },
}

LANGUAGES = tuple(_BY_LANGUAGE)

STANDING_TEXT = {
    Standing.BELOW: _m(QT_TRANSLATE_NOOP("Metrics", "below the range")),
    Standing.WITHIN: _m(QT_TRANSLATE_NOOP("Metrics", "in range")),
    Standing.ABOVE: _m(QT_TRANSLATE_NOOP("Metrics", "above the range")),
}
LANGUAGE_NAMES = {"ja": _m(QT_TRANSLATE_NOOP("Metrics", "Japanese")), "en": _m(QT_TRANSLATE_NOOP("Metrics", "English"))}


def metric_keys(language: str) -> tuple[str, ...]:
    """The metrics shown for ``language``, in display order."""
    if language == "ja":
        return ("duration", "first_word_delay", "characters", "morae", "pace", "morae_pace", "articulation_rate",
                "fillers", "fillers_per_min", "pauses", "longest_pause")
    return ("duration", "first_word_delay", "words", "pace", "articulation_rate", "fillers", "fillers_per_min",
            "pauses", "longest_pause")


def metric_info(key: str, language: str) -> MetricInfo:
    """Name, unit, plain-words meaning and target range of metric ``key`` for ``language`` ("ja" or "en").

    Raises ``KeyError`` for a metric that does not exist in that language.
    """
    if language not in _BY_LANGUAGE:
        raise KeyError(f"no speech metrics for language {language!r}")
    entry = _BY_LANGUAGE[language].get(key) or _COMMON[key]
    return MetricInfo(key, *entry)


def standing(value: float | None, low: float | None, high: float | None) -> Standing | None:
    """Where ``value`` lies against the range [low, high]; None without a value or a range."""
    if value is None or (low is None and high is None):
        return None
    if low is not None and value < low:
        return Standing.BELOW
    if high is not None and value > high:
        return Standing.ABOVE
    return Standing.WITHIN
