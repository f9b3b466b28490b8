"""Printing translated text from CLI commands."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TextIO

from core.messages import Message, Translate

CONTEXT = "CLI"


@dataclass
class Output:
    translate: Translate
    stdout: TextIO
    stderr: TextIO

    def t(self, text: str) -> str:
        """Translate one of the CLI's own sentences (marked with QT_TRANSLATE_NOOP("CLI", ...))."""
        return self.translate(CONTEXT, text)

    def text(self, value: Message | str) -> str:
        return value.render(self.translate) if isinstance(value, Message) else value

    def print(self, value: Message | str = "") -> None:
        print(self.text(value), file=self.stdout, flush=True)

    def error(self, value: Message | str) -> None:
        print(self.text(value), file=self.stderr, flush=True)
