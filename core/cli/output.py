"""Printing translated text from CLI commands."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

from core.messages import Message, Translate, printable

CONTEXT = "CLI"


@dataclass
class Output:
    translate: Translate
    stdout: TextIO
    stderr: TextIO
    translator_for: Callable[[str], Translate] | None = None  # a language's translate function (main.py: Qt's)

    def translator(self, language: str) -> Translate:
        """A translate function for ``language`` ("ja" or "en"), for output asked in a language of its own;
        the interface's when no catalogue can be loaded."""
        if self.translator_for is None:
            return self.translate
        return self.translator_for(language)

    def t(self, text: str) -> str:
        """Translate one of the CLI's own sentences (marked with QT_TRANSLATE_NOOP("CLI", ...))."""
        return self.translate(CONTEXT, text)

    def text(self, value: Message | str) -> str:
        """A message rendered with its text parameters (file names, details) made printable."""
        if not isinstance(value, Message):
            return value
        params = {key: printable(item) if isinstance(item, str) else item for key, item in value.params.items()}
        return Message(value.context, value.text, params).render(self.translate)

    def print(self, value: Message | str = "") -> None:
        print(self.text(value), file=self.stdout, flush=True)

    def error(self, value: Message | str) -> None:
        """One sentence on standard error; control characters in it are printed escaped, never raw."""
        print(printable(self.text(value)), file=self.stderr, flush=True)
