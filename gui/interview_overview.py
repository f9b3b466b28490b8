"""The interview page's overview (issue 17): where the interviewer's permission to record stands and the next
open follow-up, one line each, kept up to date from the change hub."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from core.consent import ConsentAnswer
from core.interviews import Interview
from core.library import Library
from core.ops import Changes
from core.ops.overview import Overview, overview
from gui.dates import format_moment
from gui.i18n import Retranslatable, render
from gui.labels import consent_method_label
from gui.tasks import TaskRunner
from gui.window_fit import WholeLabel

QUESTIONS_SHOWN = 3  # the rest are in the transcript window's review


class InterviewOverview(Retranslatable, QWidget):
    def __init__(self, library: Library, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.library, self.tasks = library, tasks
        self.interview: Interview | None = None
        self.shown: Overview | None = None
        self.permission = WholeLabel()
        self.permission.setObjectName("overviewPermission")
        self.next_step = WholeLabel()
        self.next_step.setObjectName("overviewNext")
        self.questions = WholeLabel()
        self.questions.setObjectName("overviewQuestions")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.permission)
        layout.addWidget(self.next_step)
        layout.addWidget(self.questions)
        tasks.hub.changed.connect(self._on_changes)
        self.show_interview(None)

    def show_interview(self, interview: Interview | None) -> None:
        self.interview, self.shown = interview, None
        self._show()
        if interview is not None and interview.id is not None:
            library, wanted = self.library, interview
            self.tasks.run(lambda: overview(library, wanted), done=self._arrived)

    def _arrived(self, found: Overview) -> None:
        if self.interview is not None and self.interview.id == found.interview_id:
            self.shown = found
            self._show()

    def _on_changes(self, changes: Changes) -> None:
        interview = self.interview
        if interview is None or interview.id is None:
            return
        mine = changes.consent | changes.followups | changes.interviews | changes.recordings
        if interview.id in mine or changes.transcripts:  # (transcripts by recording: any may be this one's)
            self.show_interview(interview)

    def _show(self) -> None:
        shown = self.shown
        permission = self._permission_text(shown) if shown is not None else ""
        self.permission.setText(permission)
        self.permission.setVisible(bool(permission))
        task = shown.next_followup if shown is not None else None
        self.next_step.setText(self.tr("Next: {task} — {due}").format(
            task=render(task.title()), due=format_moment(task.effective_due)) if task is not None else "")
        self.next_step.setVisible(task is not None)
        asked = shown.questions if shown is not None else ()
        self.questions.setText(self._questions_text(asked))
        self.questions.setVisible(bool(asked))

    def _questions_text(self, asked: tuple[str, ...]) -> str:
        if not asked:
            return ""
        listed = " / ".join(asked[:QUESTIONS_SHOWN])
        if len(asked) > QUESTIONS_SHOWN:
            listed += " " + self.tr("(and {count} more: see the transcript)").format(count=len(asked) - QUESTIONS_SHOWN)
        return self.tr("Questions they asked ({count}): {questions}").format(count=len(asked), questions=listed)

    def _permission_text(self, shown: Overview) -> str:
        if not shown.asks_permission:
            return ""
        record = shown.consent
        if record is None:
            return self.tr("Permission to record: not asked yet. Record… asks the interviewer first.")
        method = consent_method_label(record.method)
        values = {"who": record.who, "method": method[:1].lower() + method[1:] if method.isascii() else method,
                  "when": format_moment(record.asked_at)}
        if record.answer is ConsentAnswer.AGREED:
            return self.tr("Permission to record: {who} agreed ({method}, {when}).").format(**values)
        return self.tr("Permission to record: {who} declined ({when}). Your notes are the record.").format(**values)

    def retranslate(self) -> None:
        self._show()
