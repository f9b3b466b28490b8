"""Where practice meets the main window: the Practice… action, the empty state's button, the
review button beside a practice session, and “Add to question bank” on the notes.

The main window hands over what practice needs and places :attr:`PracticeEntry.action`,
:attr:`~PracticeEntry.empty_button` and :attr:`~PracticeEntry.review_button` where it wants them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPlainTextEdit, QPushButton, QWidget

from core.interviews import Interview, InterviewKind
from core.library import Library
from core.ops import Changes
from core.practice.store import PracticeSessionInfo
from core.settings import Settings
from gui import shortcuts
from gui.practice.notes_action import AddToBank
from gui.tasks import TaskRunner

if TYPE_CHECKING:  # the practice window (recorder, player, speech) is imported when it is first opened
    from core.transcription.service import TranscriptionService
    from gui.practice.session_page import Device
    from gui.practice.window import PracticeWindow

PRACTICE_SHORTCUT = shortcuts.PRACTICE.sequence()


class PracticeEntry(QObject):
    def __init__(self, parent: QWidget, library: Library, tasks: TaskRunner, settings: Settings,
                 service: Callable[[], TranscriptionService], *, language: Callable[[], str], device: Device,
                 recording: Callable[[], bool], interview: Callable[[], Interview | None],
                 select_interview: Callable[[int], object], notes: QPlainTextEdit,
                 show_message: Callable[[str, int], None], show_error: Callable[[Exception], None]):
        """``tasks``: the app's runner (its change hub is the practice window's too); ``language``: the UI
        language now; ``device``: the microphone chosen; ``recording``: whether the main window records;
        ``interview``: the interview shown; ``select_interview``: show that one in the library; ``notes``:
        the notes editor of the interview shown."""
        super().__init__(parent)
        self._parent = parent
        self.library = library
        self.tasks = tasks
        self.settings = settings
        self._service = service
        self._language = language
        self._device = device
        self._recording = recording
        self._interview = interview
        self._select_interview = select_interview
        self.time_limit_s: float | None = None  # tests shorten the answers' time limit
        self.window: PracticeWindow | None = None
        self.review_session_id: int | None = None
        self.action = QAction(parent)
        self.action.setShortcut(PRACTICE_SHORTCUT)
        self.action.triggered.connect(lambda: self.open())
        self.empty_button = QPushButton()
        self.empty_button.clicked.connect(lambda: self.open())
        self.review_button = QPushButton()
        self.review_button.setObjectName("practiceReviewButton")
        self.review_button.hide()
        self.review_button.clicked.connect(lambda: self.open_review())
        shown = self._interview
        self.notes_action = AddToBank(notes, lambda: (current.id if (current := shown()) else None), library, tasks,
                                      language)
        self.notes_action.added.connect(lambda _q: show_message(self.tr("Added to your question bank."), 8000))
        self.notes_action.failed.connect(show_error)
        tasks.hub.changed.connect(self._on_changes)

    def retranslate(self) -> None:
        self.action.setText(self.tr("&Practice…"))
        self.action.setToolTip(self.tr("Answer interview questions out loud and review your answers"))
        self.empty_button.setText(self.tr("Start practising"))
        self.review_button.setText(self.tr("Practice review…"))

    def set_enabled(self, enabled: bool) -> None:
        self.action.setEnabled(enabled)
        self.empty_button.setEnabled(enabled)

    # -- the practice window ------------------------------------------------------------
    def _new_window(self) -> PracticeWindow:
        if self.window is None:
            from gui.practice.window import PracticeWindow

            window = PracticeWindow(self.library, self.tasks.hub, self.settings, self._service, self._language,
                                    self._device, self._parent, time_limit_s=self.time_limit_s)
            window.session_saved.connect(self._select_interview)  # the library list follows the hub by itself
            window.destroyed.connect(lambda _=None: setattr(self, "window", None))
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.window = window
        return self.window

    def open(self) -> PracticeWindow | None:
        """The practice window, shown (not while the main window records: then the open one, if any)."""
        if self._recording():
            return self.window
        window = self._new_window()
        window.show()
        window.raise_()
        return window

    def open_review(self, session_id: int | None = None) -> PracticeWindow | None:
        session_id = session_id if session_id is not None else self.review_session_id
        if session_id is None:
            return None
        window = self._new_window()
        window.show()
        window.open_review(session_id)
        return window

    # -- the interview shown ------------------------------------------------------------------
    def interview_changed(self) -> None:
        """Another interview is shown: offer its practice review when it is a practice session."""
        interview = self._interview()
        self.review_session_id = None
        self.review_button.hide()
        if interview is None or interview.id is None or interview.kind is not InterviewKind.MOCK:
            return
        library, interview_id = self.library, interview.id
        self.tasks.run(lambda: library.practice.session_for_interview(interview_id),
                       done=lambda info: self._show_review_button(interview_id, info))

    def _on_changes(self, changes: Changes) -> None:
        interview = self._interview()
        if interview is not None and (changes.practice or interview.id in changes.interviews):
            self.interview_changed()

    def _show_review_button(self, interview_id: int, info: PracticeSessionInfo | None) -> None:
        current = self._interview()
        if info is not None and current is not None and current.id == interview_id:
            self.review_session_id = info.id
            self.review_button.show()
