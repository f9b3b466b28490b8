"""Where practice meets the main window: the Practice… action, the empty state's button, the
review button beside a practice session, and “Add to question bank” on the notes.

Kept here so the main window needs only a few lines: ``self.practice = PracticeEntry(self)``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QPushButton

from core.interviews import InterviewKind
from gui.practice.notes_action import install_on
from gui.practice.window import PracticeWindow

PRACTICE_SHORTCUT = QKeySequence("Ctrl+Shift+P")


class PracticeEntry(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.main = window
        self.time_limit_s: float | None = None  # tests shorten the answers' time limit
        self.window: PracticeWindow | None = None
        self.review_session_id: int | None = None
        self.action = QAction(window)
        self.action.setShortcut(PRACTICE_SHORTCUT)
        self.action.triggered.connect(lambda: self.open())
        window.toolbar.addAction(self.action)
        window.file_menu.insertAction(window.edit_action, self.action)
        self.empty_button = QPushButton()
        self.empty_button.clicked.connect(lambda: self.open())
        window.empty.practice.layout().addWidget(self.empty_button)
        self.review_button = QPushButton()
        self.review_button.setObjectName("practiceReviewButton")
        self.review_button.hide()
        self.review_button.clicked.connect(lambda: self.open_review())
        window.pane.actions_row.addWidget(self.review_button)
        window.pane.actions_row.addStretch()
        window.table.selection_changed.connect(self._interview_changed)
        self.notes_action = install_on(window.pane, window.library, window.tasks, lambda: window.switcher.language)
        self.notes_action.added.connect(
            lambda _q: window.statusBar().showMessage(self.tr("Added to your question bank."), 8000))
        self.notes_action.failed.connect(window.show_error)

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
        main = self.main
        if self.window is None:
            window = PracticeWindow(main.library, main.settings, main.transcription_service,
                                    lambda: main.switcher.language, lambda: main.pane.recorder.device.currentData(),
                                    main, time_limit_s=self.time_limit_s)
            window.session_saved.connect(lambda interview_id: main.reload(select_id=interview_id))
            window.destroyed.connect(lambda _=None: setattr(self, "window", None))
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.window = window
        return self.window

    def open(self) -> PracticeWindow:
        if self.main.pane.recorder.is_recording():
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

    # -- the selected interview ------------------------------------------------------------
    def _interview_changed(self) -> None:
        interview = self.main.pane.interview
        self.review_session_id = None
        self.review_button.hide()
        if interview is None or interview.kind is not InterviewKind.MOCK:
            return
        library = self.main.library
        self.main.tasks.run(lambda: library.practice.session_for_interview(interview.id),
                            done=lambda info: self._show_review_button(interview.id, info))

    def _show_review_button(self, interview_id: int, info) -> None:
        current = self.main.pane.interview
        if info is not None and current is not None and current.id == interview_id:
            self.review_session_id = info.id
            self.review_button.show()
