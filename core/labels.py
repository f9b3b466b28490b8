"""The names of interview stages, application channels and ways of asking permission: defined once, used
by every screen and file.

Stage names are written into messages and calendars in the language of that
text (which need not be the UI's), so they are kept here for both languages;
:func:`stage_label` gives the form for lists and tables.  Channel names are
translatable labels (context ``"Labels"``) rendered by whoever shows them.
"""

from __future__ import annotations

from core.consent.records import ConsentMethod
from core.interviews import Channel, Stage
from core.messages import QT_TRANSLATE_NOOP, Message

LANGUAGES = ("ja", "en")

_STAGES: dict[Stage, dict[str, str]] = {
    Stage.DOCUMENT_SCREENING: {"ja": "書類選考", "en": "document screening"},
    Stage.FIRST: {"ja": "一次面接", "en": "first interview"},
    Stage.SECOND: {"ja": "二次面接", "en": "second interview"},
    Stage.FINAL: {"ja": "最終面接", "en": "final interview"},
    Stage.OFFER: {"ja": "内定後の面談", "en": "offer meeting"},
}

# The ways an interviewer's permission was asked (context "Labels"): the app's screens and the consent report.
CONSENT_METHODS = {
    ConsentMethod.IN_PERSON: QT_TRANSLATE_NOOP("Labels", "Asked aloud, in person"),
    ConsentMethod.ONLINE: QT_TRANSLATE_NOOP("Labels", "Asked aloud, online"),
    ConsentMethod.WRITTEN: QT_TRANSLATE_NOOP("Labels", "In writing"),
    ConsentMethod.EMAIL: QT_TRANSLATE_NOOP("Labels", "By e-mail"),
    ConsentMethod.PLATFORM: QT_TRANSLATE_NOOP("Labels", "The meeting platform's recording notice"),
    ConsentMethod.SELF: QT_TRANSLATE_NOOP("Labels", "Myself (practice)"),
}

_CHANNELS = {
    Channel.DIRECT: QT_TRANSLATE_NOOP("Labels", "Direct application"),
    Channel.AGENT: QT_TRANSLATE_NOOP("Labels", "Through a recruiting agent"),
    Channel.REFERRAL: QT_TRANSLATE_NOOP("Labels", "Referral"),
    Channel.PART_TIME: QT_TRANSLATE_NOOP("Labels", "Part-time job"),
}


def stage_text(stage: str, language: str) -> str:
    """A standard stage's name in a sentence in ``language`` (一次面接, first interview); the user's own as typed."""
    try:
        return _STAGES[Stage(stage)][language]
    except ValueError:
        return stage


def stage_label(stage: str, language: str) -> str:
    """A stage's name standing alone, as in a list or a table column (First interview, 一次面接)."""
    text = stage_text(stage, language)
    return text[:1].upper() + text[1:] if stage in {s.value for s in Stage} else text


def channel_label(channel: Channel) -> Message:
    return Message("Labels", _CHANNELS[channel])
