"""Japanese and English for every visible string, through Qt Linguist.

English is the source language.  Japanese comes from
``resources/i18n/furikaeri_ja.qm`` (compiled from ``furikaeri_ja.ts`` by
``packaging/translations.py``) plus Qt's own catalogue for standard buttons.
Switching language at run time sends ``LanguageChange`` to every widget; each
screen re-applies its texts in ``retranslate()``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from core import paths
from core.messages import Message
from core.program import as_run

SUPPORTED = ("ja", "en")

if TYPE_CHECKING:  # what the mixin is always mixed into, so that super().changeEvent is known; plain object at run time
    from PySide6.QtWidgets import QWidget as _MixedInto
else:
    _MixedInto = object


def catalogue_path(language: str) -> Path:
    return paths.resources_dir() / "i18n" / f"furikaeri_{language}.qm"


def resolve_language(setting: str, system: QLocale | None = None) -> str:
    """``"ja"`` or ``"en"`` for a setting of ``"system"``, ``"ja"`` or ``"en"``."""
    if setting in SUPPORTED:
        return setting
    system = system or QLocale.system()
    return "ja" if system.language() == QLocale.Language.Japanese else "en"


def current_language() -> str:
    """The UI language now in use: ``"ja"`` or ``"en"`` (set by :class:`LanguageSwitcher`)."""
    return "ja" if QLocale().language() == QLocale.Language.Japanese else "en"


def translate(context: str, text: str) -> str:
    return as_run(QCoreApplication.translate(context, text))


def render(message: Message) -> str:
    """A core message in the current UI language."""
    return message.render(translate)


class Retranslatable(_MixedInto):
    """Mixin for widgets with a ``retranslate()`` method: it runs whenever the UI language changes.

    Put it before the Qt class: ``class SettingsDialog(Retranslatable, QDialog)``.
    """

    if TYPE_CHECKING:
        def retranslate(self) -> None:
            """Set every text again in the current language (each widget has its own)."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class LanguageSwitcher:
    """Installs the translators for one language at a time."""

    def __init__(self) -> None:
        self.language = "en"
        self._installed: list[QTranslator] = []

    def apply(self, language: str) -> None:
        if language not in SUPPORTED:
            raise ValueError(f"unsupported language {language!r}")
        # Dates and numbers first: widgets re-read the locale when they retranslate.
        QLocale.setDefault(QLocale(QLocale.Language.Japanese if language == "ja" else QLocale.Language.English,
                                   QLocale.Country.Japan if language == "ja" else QLocale.Country.UnitedStates))
        for translator in self._installed:
            QCoreApplication.removeTranslator(translator)
        self._installed = []
        if language != "en":
            own = QTranslator()
            if not own.load(str(catalogue_path(language))):
                raise FileNotFoundError(f"translation catalogue missing: {catalogue_path(language)}")
            self._installed.append(own)
            qt = QTranslator()
            if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                self._installed.append(qt)
        for translator in self._installed:
            QCoreApplication.installTranslator(translator)
        self.language = language
        if QCoreApplication.instance() is not None:
            # Qt posts LanguageChange to every widget; deliver them now so the
            # whole interface has switched when apply() returns.
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)


def cli_translate(setting: str):
    """A ``translate(context, text)`` for the command line (no QApplication needed)."""
    language = resolve_language(setting, _environment_locale())
    if language == "en":
        return lambda context, text: text
    translator = QTranslator()
    if not translator.load(str(catalogue_path(language))):
        return lambda context, text: text
    return lambda context, text: translator.translate(context, text) or text


def _environment_locale() -> QLocale:
    import os

    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return QLocale(value.split(".")[0])
    return QLocale.system()
