"""Speech models: what is installed, what a bigger model costs and gives, and downloading one on request.

:class:`ModelManagerDialog` lists the built-in and downloadable models (size,
languages, published accuracy, speed on this computer), says which model
transcribes Japanese and what a better one would cost, and downloads,
removes or measures a model through :mod:`core.ops.models`, off the UI
thread, with progress and Cancel.  Downloading asks first, naming the size
and that it is the only time Furikaeri goes online.

:class:`JapaneseModelHint` is the one-time line shown on the first use of
Japanese (a non-modal bar: the advice and a button to this dialog).
"""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.messages import FurikaeriError, Message
from core.ops import Changes
from core.ops import models as model_ops
from core.settings import JAPANESE_MODEL_ADVICE_SHOWN, SPEECH_MODEL, Settings
from core.speech.advice import (
    Advice,
    Languages,
    ModelRow,
    accuracy_text,
    advise,
    languages_text,
    overview,
    size_text,
    speed_text,
)
from core.speech.catalog import ACCURACY_SOURCES, CONTEXT, DOWNLOADABLE_MODELS
from core.speech.download import installed_downloads
from core.speech.models import ModelState
from gui.i18n import Retranslatable, current_language, render, translate
from gui.tasks import ChangeHub, TaskRunner
from gui.window_fit import grow_to_text

COLUMNS = 6  # model, state, size, languages, accuracy, speed here


def _sentences(texts: list[str]) -> str:
    """Sentences one after the other: Japanese puts no space between them."""
    return ("" if current_language() == "ja" else " ").join(texts)


def _advice_text(advice: Advice) -> str:
    return _sentences([render(message) for message in advice.messages()])


class ModelManagerDialog(Retranslatable, QDialog):
    def __init__(self, settings: Settings, hub: ChangeHub, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        # Its own runner (the app's hub): closing the dialog drops late results instead of delivering them
        # to a deleted widget; a running download is cancelled on close and keeps what arrived.
        self.tasks = TaskRunner(self, max_threads=1, hub=hub)
        self.rows: list[ModelRow] = []
        self.advice: Advice | None = None
        self.busy: str | None = None  # "download", "remove" or "calibrate" while one runs
        self._cancel = threading.Event()
        self._status: Message | str | None = None
        self.advice_label = QLabel()
        self.advice_label.setWordWrap(True)
        self.advice_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.sources_label = QLabel()
        self.sources_label.setWordWrap(True)
        self.online_label = QLabel()
        self.online_label.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.download_button = QPushButton()
        self.remove_button = QPushButton()
        self.calibrate_button = QPushButton()
        self.cancel_button = QPushButton()
        self.cancel_button.hide()
        self.download_button.clicked.connect(lambda: self.download())
        self.remove_button.clicked.connect(lambda: self.remove())
        self.calibrate_button.clicked.connect(lambda: self.calibrate())
        self.cancel_button.clicked.connect(lambda: self.cancel())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        actions = QHBoxLayout()
        for button in (self.download_button, self.remove_button, self.calibrate_button, self.cancel_button):
            actions.addWidget(button)
        actions.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.advice_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.sources_label)
        layout.addWidget(self.online_label)
        layout.addLayout(actions)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.tasks.hub.changed.connect(self._on_changes)
        self.retranslate()
        self.resize(980, 520)
        self.load()

    # -- showing -------------------------------------------------------------------------------
    def load(self) -> None:
        """Look at the models on disk (in the background); the table and the advice follow."""
        chosen = self.settings.get(SPEECH_MODEL)

        def look() -> tuple[list[ModelRow], Advice]:
            rows = overview()
            return rows, advise(chosen, rows)

        self.tasks.run(look, done=self._loaded, failed=self._failed)

    def _on_changes(self, changes: Changes) -> None:
        if changes.models:
            self.load()

    def _loaded(self, loaded: tuple[list[ModelRow], Advice]) -> None:
        selected = self.selected_name()
        self.rows, self.advice = loaded
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            for column in range(COLUMNS):
                if self.table.item(index, column) is None:
                    self.table.setItem(index, column, QTableWidgetItem())
            if row.name == selected:
                self.table.selectRow(index)
        self.retranslate()

    def _state_text(self, row: ModelRow) -> str:
        state = row.info.state
        if state is ModelState.READY or state is ModelState.NOT_BUILT:
            return self.tr("Installed") if row.builtin is False else self.tr("Built in")
        if state is ModelState.NOT_DOWNLOADED:
            if row.partial is not None:
                return self.tr("{megabytes} MB downloaded; continues").format(megabytes=round(row.partial.done / 1e6))
            return self.tr("Not downloaded")
        return self.tr("Damaged")

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Speech models"))
        self.table.setHorizontalHeaderLabels([self.tr("Model"), self.tr("State"), self.tr("Download size"),
                                              self.tr("Languages"), self.tr("Error rate (published)"),
                                              self.tr("Speed on this computer")])
        for index, row in enumerate(self.rows):
            texts = [row.name, self._state_text(row),
                     render(size_text(row)), render(languages_text(row.languages)), render(accuracy_text(row.accuracy)),
                     render(speed_text(row))]
            for column, text in enumerate(texts):
                item = self.table.item(index, column)
                if item is not None:
                    item.setText(text)
            name, problem, state = self.table.item(index, 0), row.info.problem, self.table.item(index, 1)
            if name is not None:
                name.setToolTip(translate(CONTEXT, row.description))
            if state is not None:
                state.setToolTip(render(problem) if problem and not row.installed else "")
        self.advice_label.setText(_advice_text(self.advice) if self.advice else "")
        self.sources_label.setText(_sentences([self.tr("Error rate: the share of characters recognised wrongly in "
                                                       "real Japanese speech, as published."),
                                               *(translate(CONTEXT, source) for source in ACCURACY_SOURCES)]))
        self.online_label.setText(self.tr("Downloading is the only time Furikaeri goes online, and only when you "
                                          "ask. Everything else stays on this computer."))
        self.download_button.setText(self.tr("Download…"))
        self.remove_button.setText(self.tr("Remove"))
        self.calibrate_button.setText(self.tr("Measure speed"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.status.setText(render(self._status) if isinstance(self._status, Message) else (self._status or ""))
        self._update_buttons()

    def selected_name(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.rows):
            return None
        return self.rows[rows[0].row()].name

    def select(self, name: str) -> None:
        for index, row in enumerate(self.rows):
            if row.name == name:
                self.table.selectRow(index)

    def _row(self, name: str | None) -> ModelRow | None:
        return next((row for row in self.rows if row.name == name), None)

    def _update_buttons(self) -> None:
        row = self._row(self.selected_name())
        idle = self.busy is None
        self.download_button.setEnabled(idle and row is not None and not row.builtin and not row.installed)
        self.remove_button.setEnabled(idle and row is not None and not row.builtin
                                      and (row.info.state is not ModelState.NOT_DOWNLOADED or row.partial is not None))
        self.calibrate_button.setEnabled(idle and row is not None and row.installed
                                         and row.languages is not Languages.ENGLISH)
        self.cancel_button.setVisible(self.busy in ("download", "calibrate"))
        self.progress.setVisible(self.busy is not None)

    def _set_status(self, status: Message | str | None) -> None:
        self._status = status
        self.status.setText(render(status) if isinstance(status, Message) else (status or ""))

    # -- acting ----------------------------------------------------------------------------------
    def _start(self, what: str) -> threading.Event:
        self.busy = what
        self._cancel = threading.Event()
        self.progress.setValue(0)
        self._update_buttons()
        return self._cancel

    def _finished(self, status: Message | str | None) -> None:
        self.busy = None
        self._set_status(status)
        self._update_buttons()

    def _failed(self, error: Exception) -> None:
        self._finished(error.message if isinstance(error, FurikaeriError) else str(error))
        self.load()  # what an unfinished download left shows in its row

    def download(self, confirm: bool = True) -> None:
        row = self._row(self.selected_name())
        if row is None or self.busy is not None or row.builtin or row.installed:
            return
        if confirm:
            size = render(size_text(row))
            answer = QMessageBox.question(
                self, self.tr("Download a speech model"),
                self.tr("Download “{name}” ({size}) from the Hugging Face hub? Furikaeri goes online only for "
                        "this download; an interrupted download continues where it stopped.").format(
                    name=row.name, size=size),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        name = row.name
        cancel = self._start("download")
        self._set_status(self.tr("Downloading “{name}”…").format(name=name))
        self.tasks.run_op(lambda report: model_ops.download(name, report, cancel),
                          progress=self._progress,
                          done=lambda _path: self._finished(self.tr("“{name}” is installed. Choose it in Settings "
                                                                    "to use it.").format(name=name)),
                          failed=self._failed)

    def _progress(self, done: float, total: float) -> None:
        if total:
            self.progress.setValue(int(1000 * done / total))
        if self.busy == "download" and total:
            self.status.setText(self.tr("Downloading: {done} of {total} MB").format(
                done=round(done / 1e6), total=round(total / 1e6)))

    def remove(self) -> None:
        row = self._row(self.selected_name())
        if row is None or self.busy is not None or row.builtin:
            return
        answer = QMessageBox.question(
            self, self.tr("Remove a speech model"),
            self.tr("Delete the downloaded model “{name}” from this computer?").format(name=row.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        name = row.name
        self._start("remove")
        self.tasks.run_op(lambda: model_ops.remove(name, self.settings),
                          done=lambda freed: self._finished(self.tr("“{name}” was removed ({megabytes} MB freed).")
                                                            .format(name=name, megabytes=round(freed / 1e6))),
                          failed=self._failed)

    def calibrate(self) -> None:
        row = self._row(self.selected_name())
        if row is None or self.busy is not None or not row.installed:
            return
        name = row.name
        cancel = self._start("calibrate")
        self._set_status(self.tr("Measuring the speed of “{name}” on a short built-in clip…").format(name=name))
        self.tasks.run_op(lambda report: model_ops.calibrate(name, lambda fraction: report(fraction, 1.0), cancel),
                          progress=self._progress,
                          done=lambda speed: self._finished(self.tr(
                              "“{name}”: about {minutes} minutes of work per hour of audio on this computer.").format(
                              name=name, minutes=round(speed.seconds_per_minute, 1))),
                          failed=self._failed)

    def cancel(self) -> None:
        self._cancel.set()

    def reject(self) -> None:
        if self.busy is not None:  # a download keeps what arrived; a measurement stops
            self._cancel.set()
        super().reject()


class JapaneseModelHint(Retranslatable, QFrame):
    """A line shown once, on the first use of Japanese: the model used and what a better one would cost."""

    def __init__(self, settings: Settings, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.tasks = tasks
        self.advice: Advice | None = None
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(lambda: self.open_manager())
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.open_button)
        layout.addWidget(self.close_button)
        self.hide()
        self.retranslate()

    def first_use(self, language: str | None = "ja") -> None:
        """A transcription language was chosen: for Japanese, say it once (remembered in the settings)."""
        if language != "ja" or self.settings.get(JAPANESE_MODEL_ADVICE_SHOWN) or self.advice is not None:
            return
        chosen = self.settings.get(SPEECH_MODEL)
        self.tasks.run(lambda: advise(chosen), done=self._show)

    def _show(self, advice: Advice) -> None:
        self.advice = advice
        self.settings.set(JAPANESE_MODEL_ADVICE_SHOWN, True)
        self.retranslate()
        self.show()

    def open_manager(self) -> ModelManagerDialog:
        dialog = ModelManagerDialog(self.settings, self.tasks.hub, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.hide()
        return dialog

    def retranslate(self) -> None:
        self.text.setText(_advice_text(self.advice) if self.advice else "")
        self.open_button.setText(self.tr("Speech models…"))
        self.close_button.setText(self.tr("Close"))


class ModelChoice(QWidget):
    """Under the speech-model choice in Settings: the downloaded models in its list, the advice, "Speech models…".

    Usable once :meth:`attach` gave it the settings and the app's change hub
    (the main window does); the advice is worked out in the background, on
    its own runner, so that a late answer never reaches a closed dialog.
    """

    def __init__(self, combo: QComboBox, parent: QWidget | None = None):
        super().__init__(parent)
        self.combo = combo
        self.settings: Settings | None = None
        self.tasks: TaskRunner | None = None
        self.advice: Advice | None = None
        self.advice_label = QLabel()
        self.advice_label.setWordWrap(True)
        self.advice_label.setMinimumWidth(420)
        self.advice_label.hide()
        self.button = QPushButton()
        self.button.setEnabled(False)
        self.button.clicked.connect(lambda: self.open_manager())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.advice_label)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        self._add_downloads()
        combo.currentIndexChanged.connect(lambda: self._look())

    def _add_downloads(self) -> None:
        for name in installed_downloads():
            if self.combo.findData(name) < 0:
                self.combo.addItem(name, name)

    def attach(self, settings: Settings, hub: ChangeHub) -> None:
        self.settings, self.tasks = settings, TaskRunner(self, max_threads=1, hub=hub)
        self.button.setEnabled(True)
        self._look()

    def _look(self) -> None:
        if self.tasks is None:
            return
        chosen = self.combo.currentData()
        self.tasks.run(lambda: advise(chosen), done=self._advised)

    def _advised(self, advice: Advice) -> None:
        if advice.chosen == self.combo.currentData():  # not an answer for an earlier choice
            self.advice = advice
            self.retranslate()

    def open_manager(self) -> ModelManagerDialog | None:
        if self.settings is None or self.tasks is None:
            return None
        dialog = ModelManagerDialog(self.settings, self.tasks.hub, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._manager_closed())
        dialog.open()
        return dialog

    def _manager_closed(self) -> None:
        """After the manager closed: downloaded models appear in the list, removed ones go."""
        installed = set(installed_downloads())
        chosen = self.combo.currentData()
        for index in reversed(range(self.combo.count())):
            name = self.combo.itemData(index)
            if name in DOWNLOADABLE_MODELS and name not in installed:
                self.combo.removeItem(index)
        self._add_downloads()
        if self.settings is not None and self.combo.findData(chosen) < 0:  # the chosen model was removed
            self.combo.setCurrentIndex(max(0, self.combo.findData(self.settings.get(SPEECH_MODEL))))
        self.retranslate()
        self._look()

    def retranslate(self) -> None:
        for index in range(self.combo.count()):
            spec = DOWNLOADABLE_MODELS.get(self.combo.itemData(index))
            if spec is not None:
                self.combo.setItemText(index, f"{spec.name} — {translate(CONTEXT, spec.description)}")
        self.advice_label.setText(_advice_text(self.advice) if self.advice else "")
        self.advice_label.setVisible(self.advice is not None)
        self.button.setText(self.tr("Speech models…"))
        if self.advice is not None:  # a form row does not ask a wrapped label its height for its width: say it
            # at its narrowest: never fewer lines than it will take
            self.advice_label.setMinimumHeight(self.advice_label.heightForWidth(self.advice_label.minimumWidth()))
        grow_to_text(self.window())  # the dialog grows to the advice's lines instead of drawing them over its rows
