"""Asking before deleting for real: each confirmation says what goes (core.deletion plans it, off the UI thread),
then the core operation runs in the background and the change hub refreshes the screens."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QCheckBox, QMessageBox, QWidget

from core import deletion
from core.deletion import Plan
from core.library import Library
from core.messages import FurikaeriError, Message
from core.ops import deletion as deletion_ops
from core.ops import interviews as interview_ops
from gui.i18n import render
from gui.tasks import TaskRunner


def _listed(lines: list[Message]) -> str:
    return "\n".join(f"• {render(line)}" for line in lines)


class Deleter(QObject):
    """The three deletions the user can ask for, each after a confirmation that lists what goes."""

    def __init__(self, library: Library, tasks: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self.library = library
        self.tasks = tasks
        self._parent = parent

    def _ask(self, title: str, text: str, details: str, check: str | None = None) -> tuple[bool, bool]:
        """Yes or No (No is the default), and whether the optional check box was ticked."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self._parent)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setInformativeText(details)
        checkbox = QCheckBox(check, box) if check is not None else None  # kept: the box does not own it for Python
        if checkbox is not None:
            box.setCheckBox(checkbox)
        try:
            answer = box.exec()
            ticked = checkbox is not None and checkbox.isChecked()
        finally:
            box.deleteLater()
        return answer == QMessageBox.StandardButton.Yes, ticked

    def show_error(self, error: Exception) -> None:
        text = render(error.message) if isinstance(error, FurikaeriError) else str(error)
        QMessageBox.warning(self._parent, self.tr("Furikaeri"), text)

    # -- a recording ---------------------------------------------------------------------
    def delete_recording(self, recording_id: int, done: Callable[[object], None] | None = None) -> None:
        self.tasks.run(lambda: deletion.plan_recording(self.library, recording_id),
                       done=lambda plan: self._confirm_recording(plan, done), failed=self.show_error)

    def _confirm_recording(self, plan: Plan, done: Callable[[object], None] | None) -> None:
        recording_id = plan.recordings[0].id
        yes, _ = self._ask(self.tr("Delete recording"),
                           self.tr("Delete this recording of the interview with {company} for good? "
                                   "This cannot be undone.").format(company=plan.company),
                           _listed(plan.lines()) + "\n\n" + " ".join(render(m) for m in plan.kept()))
        if yes:
            self.tasks.run_op(lambda: deletion_ops.delete_recording(self.library, recording_id),
                              done=done, failed=self.show_error)

    # -- permission withdrawn --------------------------------------------------------------
    def withdraw(self, interview_id: int, done: Callable[[object], None] | None = None) -> None:
        self.tasks.run(lambda: deletion.plan_withdrawal(self.library, interview_id, with_notes=True),
                       done=lambda plan: self._confirm_withdrawal(plan, done), failed=self.show_error)

    def _confirm_withdrawal(self, plan: Plan, done: Callable[[object], None] | None) -> None:
        interview_id = plan.interview_id
        details = _listed(plan.recording_lines()) + "\n\n" + render(plan.kept()[-1])
        check = None
        if plan.notes:
            check = self.tr("Also delete my notes and their {count} earlier version(s)").format(
                count=plan.revisions)
        yes, with_notes = self._ask(
            self.tr("Permission withdrawn"),
            self.tr("The interviewer withdrew permission to record the interview with {company}. Delete all its "
                    "recordings and transcripts now? This cannot be undone. Your notes are kept unless you "
                    "tick the box.").format(company=plan.company) if check else
            self.tr("The interviewer withdrew permission to record the interview with {company}. Delete all its "
                    "recordings and transcripts now? This cannot be undone.").format(company=plan.company),
            details, check)
        if yes:
            self.tasks.run_op(lambda: deletion_ops.withdraw_permission(self.library, interview_id, with_notes),
                              done=done, failed=self.show_error)

    # -- a whole interview -------------------------------------------------------------------
    def delete_interview(self, interview_id: int, done: Callable[[object], None] | None = None) -> None:
        self.tasks.run(lambda: deletion.plan_interview(self.library, interview_id),
                       done=lambda plan: self._confirm_interview(plan, done), failed=self.show_error)

    def _confirm_interview(self, plan: Plan, done: Callable[[object], None] | None) -> None:
        interview_id = plan.interview_id
        yes, _ = self._ask(self.tr("Delete interview"),
                           self.tr("Delete the interview with {company}? This cannot be undone.").format(
                               company=plan.company),
                           _listed(plan.lines()))
        if yes:
            self.tasks.run_op(lambda: interview_ops.delete_interview(self.library, interview_id),
                              done=done, failed=self.show_error)
