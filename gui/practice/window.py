"""The practice page: choose questions, answer them on the recording, review the answers.

It takes the library's place in the main window (gui/practice/entry.py switches
the pages); the way back stops and saves a running session first.  Its pages run
core operations on the app's change hub: what they change reaches every screen,
and the pages follow the hub themselves.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QStackedWidget, QStyle, QVBoxLayout, QWidget

from core.library import Library
from core.practice.bank import Question
from core.practice.session import PRACTICE_TITLE
from core.practice.store import PracticeSessionInfo
from core.settings import Settings
from core.transcription.service import TranscriptionService
from gui import shortcuts
from gui.i18n import Retranslatable, render
from gui.live_transcript import LiveLine, LiveTranscription
from gui.practice.choose_page import ChoosePage
from gui.practice.review_page import ReviewPage
from gui.practice.session_page import Device, SessionPage
from gui.tasks import ChangeHub, TaskRunner


class PracticeWindow(Retranslatable, QWidget):
    """The practice page of the main window (a page, not a window of its own: notes and search stay one step
    away). ``close()`` leaves it as closing a window would: a running session is stopped and saved first."""

    session_saved = Signal(int)  # the new mock interview's id: the library shows it
    closed = Signal()  # left for good: the recording saved, the self-review stored

    def __init__(self, library: Library, hub: ChangeHub, settings: Settings,
                 service: Callable[[], TranscriptionService], language: Callable[[], str], device: Device,
                 parent: QWidget | None = None, time_limit_s: float | None = None,
                 show_message: Callable[[str, int], None] = lambda _text, _ms: None):
        """``hub``: the app's change hub; ``language``: the UI language now; ``device``: the microphone chosen;
        ``show_message(text, ms)``: the main window's status bar (empty text: clear it)."""
        super().__init__(parent)
        self.library = library
        self._show_message = show_message
        # The way back to the library comes first in the tab order, as on the screen.
        self.leave_button = QPushButton()
        self.leave_button.setObjectName("leavePracticeButton")
        self.leave_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowBack))
        self.leave_button.clicked.connect(lambda: self.close())
        self.leave_shortcut = QShortcut(shortcuts.LEAVE_PRACTICE.sequence(), self)  # while the page is shown
        self.leave_shortcut.activated.connect(lambda: self.close())
        self.time_limit_s = time_limit_s  # None: the time limit chosen on the choose page
        self.tasks = TaskRunner(self, hub=hub)
        self.choose = ChoosePage(library, self.tasks, language())
        self.session = SessionPage(library, self.tasks, device)
        self.review = ReviewPage(library, self.tasks, service, settings)
        self.settings = settings
        self.live = LiveTranscription(library, self.tasks, settings, self)  # each answer transcribed as it is given
        self.live.service = service
        session_layout = self.session.layout()
        assert session_layout is not None
        session_layout.addWidget(LiveLine(self.live))
        self.stack = QStackedWidget()
        for page in (self.choose, self.session, self.review):
            self.stack.addWidget(page)
        self.back_button = QPushButton()
        self.back_button.clicked.connect(lambda: self.show_choose())
        top = QHBoxLayout()
        top.addWidget(self.leave_button)
        top.addStretch()
        bottom = QHBoxLayout()
        bottom.addWidget(self.back_button)
        bottom.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        layout.addLayout(bottom)
        self.choose.start_requested.connect(self.start_session)
        self.session.finished.connect(self._session_finished)
        self.session.failed.connect(lambda _message: self.back_button.setEnabled(True))
        self.session.started.connect(lambda: self.back_button.setEnabled(False))
        self.session.started.connect(self._follow_session)
        self._closing = False
        self.retranslate()
        self.show_choose()

    def retranslate(self) -> None:
        self.leave_button.setText(self.tr("Back to interviews"))
        self.leave_button.setAccessibleName(self.tr("Back to interviews"))
        self.leave_button.setToolTip(self.tr("Back to the list of interviews; a practice recording is stopped "
                                             "and saved first ({key})").format(key=shortcuts.LEAVE_PRACTICE.text()))
        self.back_button.setText(self.tr("Choose other questions"))

    def focus_page(self) -> None:
        """The keyboard on the page's first control (the way back is one Shift+Tab away)."""
        self.leave_button.setFocus()
        self.focusNextChild()

    # -- pages -------------------------------------------------------------------------
    def show_choose(self) -> None:
        if self.session.busy:
            return
        self.session.cancel_get_ready()
        self.review.save_review()
        self.review.stop_playback()
        self.stack.setCurrentWidget(self.choose)
        self.back_button.setVisible(False)
        self.choose.microphone.check()  # plugged in or out since

    def start_session(self, questions: list[Question], language: str) -> None:
        self._show_message("", 0)
        title = PRACTICE_TITLE  # shown in the UI's language, whichever it is then (gui.labels.company_label)
        self.stack.setCurrentWidget(self.session)
        self.back_button.setVisible(True)
        self.session.begin(questions, language, title, self.time_limit_s, self.choose.limit_factor())
        self.back_button.setEnabled(self.session.get_ready.active)  # until the recording starts

    def _follow_session(self) -> None:
        from core.practice.review import practice_transcription_settings
        from core.settings import SPEECH_MODEL

        live = self.session.live
        if live is not None:
            self.live.begin(live.recording, practice_transcription_settings(live.info.language,
                                                                            self.settings.get(SPEECH_MODEL)))

    def _session_finished(self, info: PracticeSessionInfo | None) -> None:
        self.live.end()  # the recording is saved: its last answer is transcribed now
        self.back_button.setEnabled(True)
        problem = self.session.problem
        if problem is not None:  # e.g. the microphone went away: say so where the user will look
            self._show_message(render(problem), 0)
        if info is None:
            return
        self.session_saved.emit(info.interview_id)
        if not self._closing:  # left while recording: the page goes once the recording is saved
            self.open_review(info.id)

    def open_review(self, session_id: int) -> None:
        self.stack.setCurrentWidget(self.review)
        self.back_button.setVisible(True)
        self.back_button.setEnabled(True)
        self.review.load(session_id, live=self.live if self.live.running else None)

    # -- leaving -----------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.session.busy:
            # Stop and save first; the page closes once the recording is safe (or did not start).
            event.ignore()
            if not self._closing:
                self._closing = True
                self.session.finished.connect(lambda _info: self.close())
                self.session.failed.connect(lambda _message: self.close())
            self.session.stop()
            return
        self.review.save_review()
        self.review.cancel()
        self.review.stop_playback()
        self.tasks.wait_for_done()
        super().closeEvent(event)
        self.closed.emit()
