"""Translated names for the tracker: channels, follow-up tasks and message kinds."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from core.interviews import Channel
from core.tracker.kinds import MessageKind, kind_label
from gui.i18n import render, translate

_CONTEXT = "TrackerLabels"

CHANNEL = {
    Channel.DIRECT: QT_TRANSLATE_NOOP("TrackerLabels", "Direct application"),
    Channel.AGENT: QT_TRANSLATE_NOOP("TrackerLabels", "Through a recruiting agent"),
    Channel.REFERRAL: QT_TRANSLATE_NOOP("TrackerLabels", "Referral"),
    Channel.PART_TIME: QT_TRANSLATE_NOOP("TrackerLabels", "Part-time job"),
}


def channel_label(channel: Channel) -> str:
    return translate(_CONTEXT, CHANNEL[channel])


def message_kind_label(kind) -> str:
    """A message kind (or its value) in the UI language."""
    return render(kind_label(MessageKind(getattr(kind, "value", kind))))


def task_text(task) -> str:
    """A follow-up's title, e.g. "Send Acme a thank-you mail"."""
    return render(task.title())


def task_has_message(task) -> bool:
    return task.template is not None
