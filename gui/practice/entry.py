"""Where practice meets the main window: the Practice… action, the empty state's button, the
review button beside a practice session, “Add to question bank” on the notes, and the practice page.

The main window hands over what practice needs and places :attr:`PracticeEntry.action`,
:attr:`~PracticeEntry.empty_button` and :attr:`~PracticeEntry.review_button` where it wants them.
Its central widget is a stack of pages, the library page in it: the practice page is shown there in the
library's place while the user practises (not a window of its own: leaving it is one click or Esc).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPlainTextEdit, QPushButton, QStackedWidget, QWidget

from core.interviews import Interview, InterviewKind
from core.library import Library
from core.ops import Changes
from core.practice.store import PracticeSessionInfo
from core.settings import Settings
from gui import shortcuts
from gui.practice.notes_action import AddToBank
from gui.tasks import TaskRunner

if TYPE_CHECKING:  # the practice page (recorder, player, speech) is imported when it is first opened
    from core.transcription.service import TranscriptionService
    from gui.practice.session_page import Device
    from gui.practice.window import PracticeWindow

PRACTICE_SHORTCUT = shortcuts.PRACTICE.sequence()


class PracticeEntry(QObject):
    page_changed = Signal(bool)  # True: the practice page took the library's place; False: the library is back

    def __init__(self, parent: QWidget, library: Library, tasks: TaskRunner, settings: Settings,
                 service: Callable[[], TranscriptionService], *, pages: QStackedWidget, language: Callable[[], str],
                 device: Device, recording: Callable[[], bool], interview: Callable[[], Interview | None],
                 select_interview: Callable[[int], object], notes: QPlainTextEdit,
                 show_message: Callable[[str, int], None], show_error: Callable[[Exception], None]):
        """``tasks``: the app's runner (its change hub is the practice page's too); ``pages``: the main window's
        central widget, showing the library page; ``language``: the UI language now; ``device``: the microphone
        chosen; ``recording``: whether the main window records; ``interview``: the interview shown;
        ``select_interview``: show that one in the library; ``notes``: the notes editor of the interview
        shown; ``show_message``: the main window's status bar."""
        super().__init__(parent)
        self._parent = parent
        self.pages = pages
        library_page = pages.currentWidget()
        assert library_page is not None
        self.library_page: QWidget = library_page
        self._show_message = show_message
        self._focus_before: QWidget | None = None  # given the keyboard back when the library returns
        self._after_leaving: list[Callable[[], object]] = []
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
        """Whether practice may open: not while the main window records."""
        self.action.setEnabled(enabled)
        self.empty_button.setEnabled(enabled)
        self.review_button.setEnabled(enabled)

    def title(self) -> str:
        """The main window's title while the practice page is shown; empty on the library page."""
        return self.tr("Practice") if self.practising else ""

    @property
    def practising(self) -> bool:
        """The practice page is shown in place of the library."""
        return self.window is not None and self.pages.currentWidget() is self.window

    # -- the practice page ------------------------------------------------------------------
    def _new_window(self) -> PracticeWindow:
        if self.window is None:
            from gui.practice.window import PracticeWindow

            window = PracticeWindow(self.library, self.tasks.hub, self.settings, self._service, self._language,
                                    self._device, time_limit_s=self.time_limit_s, show_message=self._show_message)
            window.session_saved.connect(self._select_interview)  # the library list follows the hub by itself
            window.closed.connect(lambda: self._left(window))
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.pages.addWidget(window)
            self.window = window
        return self.window

    def _show_page(self, window: PracticeWindow) -> None:
        if self.pages.currentWidget() is window:
            return
        focused = self.pages.window().focusWidget()
        self._focus_before = focused if focused is not None and self.library_page.isAncestorOf(focused) else None
        self.pages.setCurrentWidget(window)
        window.focus_page()
        self.page_changed.emit(True)

    def open(self) -> PracticeWindow | None:
        """The practice page, shown in place of the library (not while the main window records: then the
        one open, if any)."""
        if self._recording():
            return self.window
        window = self._new_window()
        self._show_page(window)
        return window

    def open_review(self, session_id: int | None = None) -> PracticeWindow | None:
        """A practice session's review on the practice page (not while the main window records)."""
        session_id = session_id if session_id is not None else self.review_session_id
        if session_id is None:
            return None
        if self._recording():
            return self.window
        window = self._new_window()
        self._show_page(window)
        window.open_review(session_id)
        return window

    def leave(self, then: Callable[[], object] | None = None) -> bool:
        """Back to the library, as the page's own way back does. True when the library is shown now; False
        while a practice recording is being stopped and saved: ``then`` runs once the library is back."""
        window = self.window
        if window is None or window.close():
            return True
        if then is not None and then not in self._after_leaving:
            self._after_leaving.append(then)
        return False

    def _left(self, window: PracticeWindow) -> None:
        """The practice page was closed: the library in its place, the keyboard where it was."""
        if self.window is window:
            self.window = None
        self.pages.setCurrentWidget(self.library_page)
        self.pages.removeWidget(window)  # deleted on close (WA_DeleteOnClose)
        focus = self._focus_before
        self._focus_before = None
        if focus is not None and shiboken6.isValid(focus) and focus.isVisible() and focus.isEnabled():
            focus.setFocus()
        self.page_changed.emit(False)
        waiting, self._after_leaving = self._after_leaving, []
        for then in waiting:
            then()

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
