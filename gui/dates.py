"""Dates and times as the UI shows them: one format per language, everywhere.

Japanese: ``2026/12/03 (木) 14:00``; English: ``Thu 3 Dec 2026, 14:00``.  Days
alone drop the time; date editors show the same pattern.  Times are the local
time of the computer.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale
from PySide6.QtWidgets import QDateTimeEdit

_DAY = {"ja": "yyyy/MM/dd (ddd)", "en": "ddd d MMM yyyy"}
_MOMENT = {"ja": "yyyy/MM/dd (ddd) HH:mm", "en": "ddd d MMM yyyy, HH:mm"}


def _language() -> str:
    return "ja" if QLocale().language() == QLocale.Language.Japanese else "en"


def moment_pattern() -> str:
    """The Qt date-time pattern of the UI language (for a QDateTimeEdit)."""
    return _MOMENT[_language()]


def day_pattern() -> str:
    """The Qt date pattern of the UI language (for a QDateEdit)."""
    return _DAY[_language()]


def _local(moment: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))


def format_moment(moment: datetime | None) -> str:
    """A moment in local time, in the UI language's format; "Not fixed" for None."""
    if moment is None:
        return QCoreApplication.translate("LibraryModel", "Not fixed")
    return QLocale().toString(_local(moment), moment_pattern())


def format_day(moment: datetime) -> str:
    """The (local) day of a moment, in the UI language's format."""
    return QLocale().toString(_local(moment).date(), day_pattern())


def format_clock(moment: datetime) -> str:
    """The (local) time of day of a moment: ``14:05``."""
    return QLocale().toString(_local(moment).time(), "HH:mm")


def show_dates(*edits: QDateTimeEdit, with_time: bool = True) -> None:
    """Editors of dates (QDateEdit) or moments (QDateTimeEdit) in the UI language's format; again on a change of
    language."""
    for edit in edits:
        edit.setLocale(QLocale())
        edit.setDisplayFormat(moment_pattern() if with_time else day_pattern())


def format_elapsed(seconds: float) -> str:
    """A duration as a clock shows it, ``H:MM:SS`` (the recorder, the recordings list)."""
    total = int(seconds)
    return f"{total // 3600:d}:{total // 60 % 60:02d}:{total % 60:02d}"
