"""Upcoming: interviews, open follow-ups and recordings about to be deleted under the retention settings, in time
order, grouped as overdue, today, this week and later."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.interviews import Interview
from core.messages import QT_TRANSLATE_NOOP  # typed: returns the str it is given
from core.ops import Changes
from core.ops import retention as retention_ops
from core.retention import Policy
from core.tracker.followups import FollowUp
from core.tracker.kinds import TaskKind
from core.tracker.upcoming import Entry, group_of, upcoming
from gui.dates import format_moment
from gui.i18n import Retranslatable, render
from gui.labels import stage_label
from gui.snooze import SnoozeMenu
from gui.theme import themed, tone
from gui.tracker_labels import task_has_message, task_text

GROUPS = (
    ("overdue", QT_TRANSLATE_NOOP("Upcoming", "Overdue")),
    ("today", QT_TRANSLATE_NOOP("Upcoming", "Today")),
    ("week", QT_TRANSLATE_NOOP("Upcoming", "This week")),
    ("later", QT_TRANSLATE_NOOP("Upcoming", "Later")),
)
OVERDUE_COLOUR = QColor("#b00020")


class UpcomingView(Retranslatable, QWidget):
    """A window of its own. Asks its ``controller`` (:class:`gui.tracker_controller.TrackerController`) to act."""

    loaded = Signal()

    def __init__(self, controller, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.controller = controller
        self.rows: list[Entry] = []
        self._generation = 0
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setRootIsDecorated(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.tree.itemDoubleClicked.connect(lambda *_: self.prepare_message())
        self.empty = QLabel()
        self.empty.setObjectName("upcomingEmpty")
        self.empty.setWordWrap(True)
        self.empty.hide()
        self.hint = QLabel()
        self.hint.setObjectName("taskHint")
        self.hint.setWordWrap(True)
        self.message_button = QPushButton()
        self.done_button = QPushButton()
        self.snooze_button = QPushButton()
        self.dismiss_button = QPushButton()
        self.unanswered_button = QPushButton()
        self.missed_call_button = QPushButton()
        self.withdraw_button = QPushButton()
        self.keep_button = QPushButton()  # a recording announced for deletion: keep it
        self.keep_button.clicked.connect(self.keep_recording)
        self.snooze_button.setMenu(SnoozeMenu(
            self, controller.now, self._snooze_choices,
            lambda until: self._on_task(lambda task: controller.snooze(task, until))))
        self.message_button.clicked.connect(lambda: self.prepare_message())
        self.done_button.clicked.connect(lambda: self._on_task(controller.complete))
        self.dismiss_button.clicked.connect(lambda: self._on_task(controller.dismiss))
        self.unanswered_button.clicked.connect(lambda: self._on_task(controller.call_unanswered))
        self.missed_call_button.clicked.connect(lambda: self._on_interview(controller.missed_call))
        self.withdraw_button.clicked.connect(lambda: self._on_interview(controller.withdraw))
        task_buttons = QHBoxLayout()
        for button in (self.message_button, self.done_button, self.unanswered_button, self.snooze_button,
                       self.dismiss_button):
            task_buttons.addWidget(button)
        task_buttons.addWidget(self.keep_button)
        task_buttons.addStretch()
        task_buttons.addWidget(self.missed_call_button)
        task_buttons.addWidget(self.withdraw_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.hint)
        layout.addLayout(task_buttons)
        self.setStyleSheet(themed("#taskHint { color: #444; } #upcomingEmpty { color: #555; padding: 8px; }"))
        self.resize(900, 520)
        controller.tasks.hub.changed.connect(self._on_changes)
        self.retranslate()

    # -- data ------------------------------------------------------------------------
    def _on_changes(self, changes: Changes) -> None:
        if self.isVisible() and (changes.followups or changes.interviews or changes.deleted_interviews
                                 or changes.recordings or changes.deleted_recordings):
            self.load()

    def task_fell_due(self) -> None:
        """A follow-up has just fallen due: it moves under "Overdue"."""
        if self.isVisible():
            self.load()

    def load(self) -> None:
        library = self.controller.library
        now = self.controller.now()
        self._generation += 1
        generation = self._generation
        policy = Policy.of(self.controller.settings)

        def entries() -> list[Entry]:
            if policy.active:  # shown right after: the notices count as given (core.retention)
                retention_ops.announce(library, policy, now)
            return upcoming(library, now, policy if policy.active else None)

        self.controller.tasks.run(
            entries,
            done=lambda rows: self._show(rows, generation), failed=self.controller.show_error)

    def _show(self, rows: list[Entry], generation: int) -> None:
        if generation != self._generation:  # a newer load is on its way
            return
        selected = self._current_key()
        self.rows = rows
        self._fill(selected)
        self.loaded.emit()

    def _fill(self, selected: tuple | None = None) -> None:
        self.tree.clear()
        now = self.controller.now()
        groups: dict[str, QTreeWidgetItem] = {}
        bold = QFont()
        bold.setBold(True)
        for entry in self.rows:
            group = group_of(entry.at, now)
            if group not in groups:
                heading = QTreeWidgetItem([QCoreApplication.translate("Upcoming", dict(GROUPS)[group])])
                heading.setFont(0, bold)
                heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
                if group == "overdue":
                    heading.setForeground(0, QBrush(tone(OVERDUE_COLOUR.name())))
                self.tree.addTopLevelItem(heading)
                heading.setFirstColumnSpanned(True)  # only once it is in the tree
                groups[group] = heading
            item = QTreeWidgetItem([format_moment(entry.at), self._what(entry), self._company(entry)])
            item.setData(0, Qt.ItemDataRole.UserRole, entry)
            if entry.task is not None:
                item.setToolTip(1, render(entry.task.hint()))
            elif entry.retention is not None:
                item.setToolTip(1, self._what(entry))
            self.tree.addTopLevelItem(item)
            if entry.key == selected:
                self.tree.setCurrentItem(item)
        self.empty.setVisible(not self.rows)
        self._update_buttons()

    def _what(self, entry: Entry) -> str:
        if entry.retention is not None and entry.retention.audio_only:
            return self.tr("The audio of the practice recording of {started} will be deleted on {date} under your "
                           "retention settings; its transcript and metrics stay. Keep it?").format(
                started=format_moment(entry.retention.recording.started_at), date=format_moment(entry.at))
        if entry.retention is not None:
            return self.tr("The recording of {started} will be deleted on {date} under your retention settings. "
                           "Keep it?").format(started=format_moment(entry.retention.recording.started_at),
                                              date=format_moment(entry.at))
        if entry.task is not None:
            return task_text(entry.task)
        stage = stage_label(entry.interview.stage)
        return self.tr("Interview ({stage})").format(stage=stage) if stage else self.tr("Interview")

    @staticmethod
    def _company(entry: Entry) -> str:
        return entry.interview.company

    def _top_items(self) -> list[QTreeWidgetItem]:
        """The tree's rows, headings included (every index below the count has its item)."""
        rows = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [item for item in rows if item is not None]

    def items(self) -> list[Entry]:
        """The entries in display order (headings left out)."""
        return [item.data(0, Qt.ItemDataRole.UserRole) for item in self._top_items()
                if item.data(0, Qt.ItemDataRole.UserRole) is not None]

    def headings(self) -> list[str]:
        return [item.text(0) for item in self._top_items() if item.data(0, Qt.ItemDataRole.UserRole) is None]

    def select(self, key: tuple[str, int]) -> None:
        for item in self._top_items():
            entry = item.data(0, Qt.ItemDataRole.UserRole)
            if entry is not None and entry.key == key:
                self.tree.setCurrentItem(item)
                return
        raise KeyError(key)

    # -- actions ---------------------------------------------------------------------
    def current(self) -> Entry | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def _current_key(self) -> tuple[str, int | None] | None:
        entry = self.current()
        return entry.key if entry is not None else None

    def _current_task(self) -> FollowUp | None:
        entry = self.current()
        return entry.task if entry is not None else None

    def _snooze_choices(self) -> list[datetime]:
        task = self._current_task()
        return self.controller.snooze_choices(task) if task is not None else []

    def _on_task(self, action: Callable[[FollowUp], object]) -> None:
        task = self._current_task()
        if task is not None:
            action(task)

    def _on_interview(self, action: Callable[[Interview], object]) -> None:
        entry = self.current()
        if entry is not None:
            action(entry.interview)

    def keep_recording(self) -> None:
        """The selected announced recording is kept: never deleted automatically."""
        entry = self.current()
        if entry is None or entry.retention is None:
            return
        recording_id = entry.retention.recording.id
        library = self.controller.library
        self.controller.tasks.run_op(lambda: retention_ops.set_keep(library, recording_id, True),
                                     failed=self.controller.show_error)

    def prepare_message(self) -> None:
        entry = self.current()
        if entry is None or entry.retention is not None:
            return
        self.controller.prepare_message(entry.interview, task=entry.task)

    def _update_buttons(self) -> None:
        entry = self.current()
        task = entry.task if entry is not None else None
        for button in (self.done_button, self.snooze_button, self.dismiss_button):
            button.setEnabled(task is not None)
        deletion = entry is not None and entry.retention is not None
        about_interview = entry is not None and not deletion
        self.message_button.setEnabled(about_interview and (task is None or task_has_message(task)))
        self.unanswered_button.setVisible(task is not None and task.kind is TaskKind.MISSED_CALL)
        self.missed_call_button.setEnabled(about_interview)
        self.withdraw_button.setEnabled(about_interview)
        self.keep_button.setVisible(deletion)
        self.hint.setText(render(task.hint()) if task is not None else "")
        self.hint.setVisible(task is not None)

    # -- text ------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Upcoming — Furikaeri"))
        self.intro.setText(self.tr("Interviews and follow-ups in time order. Nothing here is sent by itself: "
                                   "you decide, the app reminds you."))
        self.tree.setHeaderLabels([self.tr("When"), self.tr("What"), self.tr("Company")])
        self.empty.setText(self.tr("Nothing coming up. Scheduled interviews appear here, and so do follow-ups: "
                                   "mark an interview as done and its thank-you mail is planned for you."))
        self.message_button.setText(self.tr("Prepare message…"))
        self.done_button.setText(self.tr("Done"))
        self.snooze_button.setText(self.tr("Snooze"))
        self.dismiss_button.setText(self.tr("Dismiss"))
        self.dismiss_button.setToolTip(self.tr("Not needed: close the task without doing it"))
        self.unanswered_button.setText(self.tr("No answer"))
        self.unanswered_button.setToolTip(self.tr("Nobody answered: remind me to try once more later "
                                                  "(after two tries, a mail is suggested)"))
        self.missed_call_button.setText(self.tr("I missed their call…"))
        self.withdraw_button.setText(self.tr("Cancel or decline…"))
        self.keep_button.setText(self.tr("Keep recording"))
        self.keep_button.setToolTip(self.tr("Never delete this recording automatically"))
        self._fill(self._current_key())
