"""User-visible text produced by the core, without depending on Qt.

The core never shows text itself; it returns :class:`Message` objects.  Their
English source text is marked with :func:`QT_TRANSLATE_NOOP`, which Qt
Linguist's ``lupdate`` recognises, so the strings land in the same ``.ts``
catalogue as the GUI's.  The GUI and the CLI render a message through their
translator; scripts get the English text from ``str(message)``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

Translate = Callable[[str, str], str]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - name lupdate looks for
    """Mark ``text`` for translation in ``context``; returns it unchanged."""
    return text


def identity_translate(context: str, text: str) -> str:
    return text


@dataclass(frozen=True)
class Message:
    """A translatable sentence with named ``{placeholders}``."""

    context: str
    text: str
    params: dict[str, Any] = field(default_factory=dict)

    def render(self, translate: Translate = identity_translate) -> str:
        """The sentence in ``translate``'s language; a parameter that is itself a message is rendered too."""
        template = translate(self.context, self.text)
        if not self.params:
            return template
        params = {key: value.render(translate) if isinstance(value, Message) else value
                  for key, value in self.params.items()}
        return template.format(**params)

    def __str__(self) -> str:
        return self.render()


class FurikaeriError(Exception):
    """An error whose explanation is meant for the user."""

    def __init__(self, message: Message):
        super().__init__(str(message))
        self.message = message

    def render(self, translate: Translate = identity_translate) -> str:
        return self.message.render(translate)
