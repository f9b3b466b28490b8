"""The interview page: the selected interview's details and follow-ups, the recorder as a compact bar that is
always in view, and below it, at the page's full height, its notes, its recordings and the company's timeline."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QSplitter, QTabWidget, QVBoxLayout, QWidget

from core.interviews import Interview
from core.library import Library
from gui.dates import format_moment
from gui.followup_bar import FollowUpBar
from gui.i18n import Retranslatable
from gui.interview_overview import InterviewOverview
from gui.labels import company_label, kind_label
from gui.notes_editor import NotesEditor
from gui.recording_panel import RecordingPanel
from gui.tasks import TaskRunner
from gui.timeline_view import TimelineView


class InterviewPane(Retranslatable, QWidget):
    def __init__(self, library: Library, tasks: TaskRunner, language: Callable[[], str],
                 parent: QWidget | None = None, *, notes: NotesEditor | None = None,
                 followups: FollowUpBar | None = None):
        """``notes``, ``followups``: made beforehand (the main window makes them before the pane), else here."""
        super().__init__(parent)
        self._language = language
        self.interview: Interview | None = None
        self.heading = QLabel()
        self.heading.setObjectName("paneHeading")
        self.heading.setWordWrap(True)
        self.details = QLabel()
        self.overview = InterviewOverview(library, tasks)  # permission to record, the next follow-up
        self.recorder = RecordingPanel(library, tasks, language)
        self.notes = notes or NotesEditor(library, tasks, language)
        self.notes.templates_requested.connect(self.manage_templates)
        self.recorder.notes_requested.connect(
            lambda interview_id, when: self.notes.open_with_template(interview_id, when, self._language()))
        self.recorder.notes_requested.connect(lambda *_: self.fit_recorder())
        self.recorder.history_shown.connect(self.fit_recorder)
        self._fitted = -1  # the recorder's height fit_recorder gave it last
        self.recorder.installEventFilter(self)  # what it shows changes its height (the consent clip's script)
        self.splitter = splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.recorder)
        self.followups = followups or FollowUpBar()
        self.timeline = TimelineView(library, tasks)
        self.tabs = QTabWidget()  # notes first, at the page's full height (the record when recording was declined)
        self.tabs.addTab(self.notes, "")
        self.tabs.addTab(self.recorder.recordings_page, "")
        self.tabs.addTab(self.timeline, "")
        self.recorder.history_shown.connect(self._name_tabs)
        splitter.addWidget(self.tabs)
        self.recorder.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        splitter.setStretchFactor(0, 0)  # the recorder as small as it can be: notes get the room
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.details)
        layout.addWidget(self.overview)
        self.actions_row = QHBoxLayout()  # buttons other features add for the selected interview
        layout.addLayout(self.actions_row)
        layout.addWidget(self.followups)
        layout.addWidget(splitter, 1)
        self.setStyleSheet("#paneHeading { font-size: 14pt; font-weight: 600; }")
        self.show_interview(None)

    def show_interview(self, interview: Interview | None) -> None:
        self.interview = interview
        self.recorder.set_interview(interview)
        self.notes.load(interview.id if interview else None, interview)
        self.followups.set_interview(interview)
        self.overview.show_interview(interview)
        self.timeline.show_company(interview.company if interview else None)
        self.retranslate()

    def _needed(self) -> int:
        """The recorder's height for all it shows at its width (at most half of the pane's splitter)."""
        layout = self.recorder.layout()
        if layout is None:
            return 0
        width = self.recorder.width()
        fits = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.totalSizeHint().height()
        return min(max(fits, self.recorder.minimumSizeHint().height()), sum(self.splitter.sizes()) // 2)

    def fit_recorder(self) -> None:
        """Give the recorder what it needs and the notes everything else."""
        total = sum(self.splitter.sizes())
        need = self._fitted = self._needed()
        if total > 0:
            self.splitter.setSizes([need, total - need])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The recorder fitted again when what it shows needs another height (a banner shown or hidden, its text
        wrapping onto more lines when narrower); a height the user dragged to stays while that need is unchanged."""
        if (watched is self.recorder and event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Resize)
                and self._needed() != self._fitted):
            self.fit_recorder()
        return super().eventFilter(watched, event)

    def manage_templates(self) -> None:
        from gui.templates_dialog import TemplatesDialog

        dialog = TemplatesDialog(self.notes.library, self._language(), self, hub=self.notes.tasks.hub)
        dialog.exec()  # the notes' template menu follows the hub

    def show_recordings(self) -> None:
        """The recordings tab, brought to the front."""
        self.tabs.setCurrentWidget(self.recorder.recordings_page)

    def _name_tabs(self) -> None:
        self.tabs.setTabText(self.tabs.indexOf(self.notes), self.tr("Notes"))
        count = self.recorder.history.count()
        self.tabs.setTabText(self.tabs.indexOf(self.recorder.recordings_page),
                             self.tr("Recordings ({count})").format(count=count) if count else self.tr("Recordings"))
        self.tabs.setTabText(self.tabs.indexOf(self.timeline), self.tr("Timeline"))

    def retranslate(self) -> None:
        interview = self.interview
        self._name_tabs()
        self.tabs.setAccessibleName(self.tr("Notes, recordings and timeline"))
        if interview is None:
            self.heading.setText(self.tr("Select an interview"))
            self.details.setText(self.tr("Its recordings and notes appear here."))
            return
        title = company_label(interview.company, interview.kind) + (
            f" — {interview.position}" if interview.position else "")
        self.heading.setText(title)
        self.details.setText(f"{kind_label(interview.kind)} · {format_moment(interview.starts_at)}")
