"""How the user runs Furikaeri: ``main.py`` from a source checkout, ``furikaeri`` once installed.

Messages name commands the way the README does (``main.py models prepare
base``); an installed copy (a frozen bundle: the Debian package, the macOS
app, the Windows folder) has no ``main.py``, so what it shows names its own
program instead (:func:`as_run`, applied by the translate functions of the
CLI and the GUI).
"""

from __future__ import annotations

import sys

from core.messages import Translate

SOURCE_COMMAND = "main.py"
INSTALLED_COMMAND = "furikaeri"


def installed() -> bool:
    """True in the frozen bundle that the packages install (PyInstaller sets ``sys.frozen``)."""
    return bool(getattr(sys, "frozen", False))


def command() -> str:
    """The command the user types: ``main.py`` (run with ``uv run``) or ``furikaeri``."""
    return INSTALLED_COMMAND if installed() else SOURCE_COMMAND


def as_run(text: str) -> str:
    """``text`` with the source checkout's command written as the user runs this copy."""
    return text.replace(SOURCE_COMMAND, INSTALLED_COMMAND) if installed() else text


def for_this_copy(translate: Translate) -> Translate:
    """``translate`` whose sentences name the command as :func:`as_run` does."""
    if not installed():
        return translate
    return lambda context, text: as_run(translate(context, text))
