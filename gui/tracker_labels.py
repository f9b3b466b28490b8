"""Translated names for the tracker: channels, follow-up tasks and message kinds."""

from __future__ import annotations

from core import labels
from core.interviews import Channel
from core.tracker.kinds import MessageKind, kind_label
from gui.i18n import render


def channel_label(channel: Channel) -> str:
    return render(labels.channel_label(channel))


def message_kind_label(kind) -> str:
    """A message kind (or its value) in the UI language."""
    return render(kind_label(MessageKind(getattr(kind, "value", kind))))


def task_text(task) -> str:
    """A follow-up's title, e.g. "Send Acme a thank-you mail"."""
    return render(task.title())


def task_has_message(task) -> bool:
    return task.template is not None
