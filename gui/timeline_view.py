"""What happened with one company, in time order: the tracker's timeline."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from core.library import Library
from core.ops import Changes
from gui.dates import format_moment
from gui.i18n import Retranslatable, render
from gui.tasks import TaskRunner


class TimelineView(Retranslatable, QWidget):
    """Lists ``library.tracker.timeline(company)``, newest first; follows what the change hub announces."""

    def __init__(self, library: Library, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.library = library
        self.tasks = tasks
        self.company: str | None = None
        self.events: list = []
        self._generation = 0
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        tasks.hub.changed.connect(self._on_changes)
        self.retranslate()

    def show_company(self, company: str | None) -> None:
        self.company = company
        self._generation += 1
        generation = self._generation
        if company is None:
            self._show([], generation)
            return
        self.tasks.run(lambda: self.library.tracker.timeline(company),
                       done=lambda events: self._show(events, generation))

    def _on_changes(self, changes: Changes) -> None:
        if self.company is not None and (changes.events or changes.interviews or changes.deleted_interviews):
            self.show_company(self.company)  # the company's other interviews may have changed too

    def _show(self, events: list, generation: int) -> None:
        if generation != self._generation:  # a newer request superseded this one
            return
        self.events = sorted(events, key=lambda event: event.at, reverse=True)
        self.retranslate()

    def retranslate(self) -> None:
        self.empty.setText(self.tr("Nothing recorded for this company yet: saving interviews, status changes, "
                                   "finished follow-ups and prepared messages appear here."))
        self.empty.setVisible(not self.events)
        self.list.setVisible(bool(self.events))
        self.list.clear()
        for event in self.events:
            self.list.addItem(QListWidgetItem(f"{format_moment(event.at)}   {event_text(event)}"))


def event_text(event) -> str:
    """The event's sentence, with the follow-up or message it concerns."""
    text = render(event.message)
    if event.detail is None:
        return text
    return QCoreApplication.translate("TimelineView", "{event}: {detail}").format(event=text,
                                                                               detail=render(event.detail))
