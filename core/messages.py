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


def _unprintable(char: str) -> bool:
    """Control characters (C0, DEL, C1), the invisible ones that reorder or break lines on a terminal,
    and the stand-ins for bytes that are not UTF-8 (lone surrogates), which cannot be printed at all."""
    code = ord(char)
    return code < 0x20 or 0x7F <= code < 0xA0 or 0xD800 <= code < 0xE000 or char in _INVISIBLE


_INVISIBLE = frozenset("\u061c\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d\u202e"
                       "\u2066\u2067\u2068\u2069")


def printable(text: str) -> str:
    """``text`` with control characters written as escapes (``\\x1b``, ``\\n``): safe to print on a terminal.

    A file name may hold any byte but ``/`` and NUL, escape sequences and
    newlines included; printed raw they would recolour the terminal or forge
    lines of output.
    """
    if not any(_unprintable(char) for char in text):
        return text
    return "".join(char.encode("unicode_escape").decode("ascii") if _unprintable(char) else char for char in text)


@dataclass(frozen=True)
class Message:
    """A translatable sentence with named ``{placeholders}``."""

    context: str
    text: str
    params: dict[str, Any] = field(default_factory=dict)

    def render(self, translate: Translate = identity_translate) -> str:
        """The sentence in ``translate``'s language; a parameter that is itself a Message
        (or a list of them, joined by " / ") is rendered in the same language."""
        template = translate(self.context, self.text)
        if not self.params:
            return template
        return template.format(**{name: _rendered(value, translate) for name, value in self.params.items()})

    def __str__(self) -> str:
        return self.render()


def _rendered(value: Any, translate: Translate) -> Any:
    if isinstance(value, Message):
        return value.render(translate)
    if isinstance(value, (list, tuple)) and value and all(isinstance(item, Message) for item in value):
        return " / ".join(item.render(translate) for item in value)
    return value


class FurikaeriError(Exception):
    """An error whose explanation is meant for the user."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message

    def render(self, translate: Translate = identity_translate) -> str:
        return self.message.render(translate)
