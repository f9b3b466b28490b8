"""Translated names for the core's enumerations."""

from __future__ import annotations

from core import labels
from core.consent import ConsentMethod
from core.interviews import InterviewKind, Status
from core.messages import QT_TRANSLATE_NOOP  # typed: returns the str it is given
from core.recording.store import RecordingState
from gui.i18n import current_language, translate

_CONTEXT = "Labels"

KIND = {
    InterviewKind.REAL: QT_TRANSLATE_NOOP("Labels", "Real interview"),
    InterviewKind.MOCK: QT_TRANSLATE_NOOP("Labels", "Mock practice"),
}

STATUS = {
    Status.SCHEDULED: QT_TRANSLATE_NOOP("Labels", "Scheduled"),
    Status.DONE: QT_TRANSLATE_NOOP("Labels", "Done"),
    Status.WAITING: QT_TRANSLATE_NOOP("Labels", "Waiting for result"),
    Status.PASSED: QT_TRANSLATE_NOOP("Labels", "Passed"),
    Status.REJECTED: QT_TRANSLATE_NOOP("Labels", "Not selected"),
    Status.OFFER: QT_TRANSLATE_NOOP("Labels", "Offer"),
    Status.DECLINED: QT_TRANSLATE_NOOP("Labels", "Declined by me"),
    Status.CANCELLED: QT_TRANSLATE_NOOP("Labels", "Cancelled"),
    Status.NO_SHOW: QT_TRANSLATE_NOOP("Labels", "Did not attend"),
}

PRACTICE = QT_TRANSLATE_NOOP("Labels", "Practice")


def company_label(company: str, kind: InterviewKind) -> str:
    """The company column's text: a practice session's mock interview named in the UI language."""
    from core.practice.session import PRACTICE_TITLE

    if kind is InterviewKind.MOCK and company == PRACTICE_TITLE:
        return translate(_CONTEXT, PRACTICE)
    return company


def kind_label(kind: InterviewKind) -> str:
    return translate(_CONTEXT, KIND[kind])


def status_label(status: Status) -> str:
    return translate(_CONTEXT, STATUS[status])


def stage_label(stage: str) -> str:
    """A standard stage in the UI language; the user's own stage names as typed."""
    return labels.stage_label(stage, current_language())


def consent_method_label(method: ConsentMethod) -> str:
    return translate(_CONTEXT, labels.CONSENT_METHODS[method])


def fill_interviewer_methods(combo) -> None:
    """(Re)fill ``combo`` with the ways an interviewer can give permission, keeping the choice."""
    current = combo.currentData()
    combo.clear()
    for method in ConsentMethod:
        if method is not ConsentMethod.SELF:
            combo.addItem(consent_method_label(method), method.value)
    if current:
        combo.setCurrentIndex(combo.findData(current))

RECORDING_STATE = {
    RecordingState.RECORDING: QT_TRANSLATE_NOOP("Labels", "recording"),
    RecordingState.COMPLETED: QT_TRANSLATE_NOOP("Labels", "saved"),
    RecordingState.INTERRUPTED: QT_TRANSLATE_NOOP("Labels", "interrupted (kept)"),
    RecordingState.RECOVERED: QT_TRANSLATE_NOOP("Labels", "recovered after a crash"),
}


def recording_state_label(state: RecordingState) -> str:
    return translate(_CONTEXT, RECORDING_STATE[state])
