"""Preferences: interface language, speech model, your own words for it, transcription and export choices, your
voice profile, and how long recordings are kept (Your data)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core import paths, relocation
from core.library import Library
from core.messages import Message
from core.retention import DAY_CHOICES, NOTICE_DAYS
from core.speech.models import BUILTIN_MODELS
from gui.i18n import Retranslatable, render, translate
from gui.model_manager import ModelChoice
from gui.tasks import TaskRunner
from gui.voice_profile_box import VoiceProfileBox
from gui.window_fit import WholeLabel, grow_to_text


class SettingsDialog(Retranslatable, QDialog):
    def __init__(self, language: str, parent: QWidget | None = None, auto_transcribe: bool = False,
                 model: str = "base", export_notice: bool = True, *, library: Library, tasks: TaskRunner,
                 glossary: str = "", live_transcribe: bool = True, names: tuple[str, str] = ("", ""),
                 retention_days: int = 0, practice_retention_days: int = 0):
        super().__init__(parent)
        # Your data: how long the recordings of real interviews are kept after their final result (core.retention).
        self.retention = QComboBox()
        for days in DAY_CHOICES:
            self.retention.addItem("", days)
        self.retention.setCurrentIndex(max(0, self.retention.findData(retention_days)))
        self.retention_label = QLabel()
        self.retention_label.setBuddy(self.retention)
        self.retention_hint = WholeLabel()  # never cut off (a form squeezes a wrapped QLabel to a line or two)
        self.practice_retention = QComboBox()  # practice: only the audio goes, the metrics stay
        for days in DAY_CHOICES:
            self.practice_retention.addItem("", days)
        self.practice_retention.setCurrentIndex(max(0, self.practice_retention.findData(practice_retention_days)))
        self.practice_retention_label = QLabel()
        self.practice_retention_label.setBuddy(self.practice_retention)
        self.practice_retention_hint = WholeLabel()  # never cut off (a form squeezes a wrapped QLabel to a line or two)
        self.name_ja, self.name_en = QLineEdit(names[0]), QLineEdit(names[1])  # how mails are signed
        for field in (self.name_ja, self.name_en):
            field.setClearButtonEnabled(True)
        self.name_ja_label, self.name_en_label = QLabel(), QLabel()
        self.name_ja_label.setBuddy(self.name_ja)
        self.name_en_label.setBuddy(self.name_en)
        self.glossary = QPlainTextEdit(glossary)  # core.transcription.context: one term a line
        self.glossary.setTabChangesFocus(True)  # Tab leaves the box: keyboard users are never trapped in it
        self.glossary.setFixedHeight(self.glossary.fontMetrics().lineSpacing() * 4 + 12)
        self.glossary_label = QLabel()
        self.glossary_label.setBuddy(self.glossary)
        self.glossary_hint = QLabel()
        self.glossary_hint.setWordWrap(True)
        self.live_transcribe = QCheckBox()
        self.live_transcribe.setChecked(live_transcribe)
        self.live_hint = QLabel()
        self.live_hint.setWordWrap(True)
        self.auto_transcribe = QCheckBox()
        self.auto_transcribe.setChecked(auto_transcribe)
        self.export_notice = QCheckBox()
        self.export_notice.setChecked(export_notice)
        self.model = QComboBox()
        for name in BUILTIN_MODELS:
            self.model.addItem("", name)
        self.models = ModelChoice(self.model)  # downloaded models too; "Speech models…" and the advice
        if self.model.findData(model) < 0:  # a folder chosen elsewhere stays selectable
            self.model.addItem(model, model)
        self.model.setCurrentIndex(self.model.findData(model))
        self.model_label = QLabel()
        self.language = QComboBox()
        # Language names are written in their own language, so they are never translated.
        self.language.addItem("", "system")
        self.language.addItem("日本語", "ja")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        # Three pages, so that the dialog fits a small screen (and 200% scale): you and the app, transcription, and
        # your voice (which acts at once, make or delete: not subject to OK/Cancel).
        self.general, self.transcription = QWidget(), QWidget()
        general = QFormLayout(self.general)
        general.addRow(self.language_label, self.language)
        general.addRow(self.name_ja_label, self.name_ja)
        general.addRow(self.name_en_label, self.name_en)
        general.addRow("", self.export_notice)
        speech = QFormLayout(self.transcription)
        speech.addRow(self.model_label, self.model)
        speech.addRow("", self.models)
        speech.addRow(self.glossary_label, self.glossary)
        speech.addRow("", self.glossary_hint)
        speech.addRow("", self.live_transcribe)
        speech.addRow("", self.live_hint)
        speech.addRow("", self.auto_transcribe)
        # Moving the library (core.relocation): asked here, done at the next start (acts at once, like the voice page).
        self._tasks = tasks
        self.library_place = WholeLabel()
        self.library_place.setWordWrap(True)
        self.library_place.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.move_button = QPushButton()
        self.move_button.clicked.connect(self.choose_library_folder)
        self.cancel_move_button = QPushButton()
        self.cancel_move_button.clicked.connect(self.cancel_library_move)
        self.move_note = WholeLabel()
        self.move_note.setWordWrap(True)
        self._move_problem: Message | None = None
        self.voice = VoiceProfileBox(library, tasks)
        self.voice.setFlat(True)  # the tab is its frame
        self.voice_page = QWidget()
        voice = QVBoxLayout(self.voice_page)
        voice.addWidget(self.voice)
        voice.addStretch(1)
        self.data_page = QWidget()
        data = QFormLayout(self.data_page)
        data.addRow(self.retention_label, self.retention)
        data.addRow("", self.retention_hint)
        data.addRow(self.practice_retention_label, self.practice_retention)
        data.addRow("", self.practice_retention_hint)
        data.addRow("", self.library_place)
        move_row = QHBoxLayout()
        move_row.addWidget(self.move_button)
        move_row.addWidget(self.cancel_move_button)
        move_row.addStretch(1)
        data.addRow("", move_row)
        data.addRow("", self.move_note)
        self.pages = QTabWidget()
        for page in (self.general, self.transcription, self.voice_page, self.data_page):
            self.pages.addTab(page, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.buttons)
        for before, after in ((self.language, self.name_ja), (self.name_ja, self.name_en),
                              (self.name_en, self.export_notice), (self.model, self.models.button),
                              (self.models.button, self.glossary), (self.glossary, self.live_transcribe),
                              (self.live_transcribe, self.auto_transcribe),
                              (self.voice.make_button, self.voice.delete_button)):
            self.setTabOrder(before, after)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        for index, text in enumerate((self.tr("&General"), self.tr("&Transcription"), self.tr("Your &voice"),
                                      self.tr("Your &data"))):
            self.pages.setTabText(index, text)
        self.pages.setAccessibleName(self.tr("Settings pages"))
        self.language_label.setText(self.tr("Language"))
        self.language.setItemText(0, self.tr("Follow the system"))
        self.name_ja_label.setText(self.tr("Your name in Japanese mails"))
        self.name_en_label.setText(self.tr("Your name in English mails"))
        self.name_ja.setPlaceholderText(self.tr("e.g. 山田 太郎"))
        self.name_en.setPlaceholderText(self.tr("e.g. Taro Yamada"))
        self.live_transcribe.setText(self.tr("Transcribe while recording"))
        self.live_hint.setText(self.tr(
            "The transcript is then ready a few seconds after you stop. On a slow computer, turn this off for a "
            "real interview: the recording is transcribed after it stops instead."))
        self.live_transcribe.setAccessibleDescription(self.live_hint.text())
        self.auto_transcribe.setText(self.tr("Open the transcript of each recording when it stops"))
        self.export_notice.setText(self.tr("Start every export with a line saying it is private"))
        self.model_label.setText(self.tr("Speech model"))
        self.glossary_label.setText(self.tr("Your own words"))
        self.glossary_hint.setText(self.tr(
            "Names the speech model should hear right, one a line: your university, club, products, skills. The "
            "company, position and interviewers of each interview are added by themselves."))
        self.glossary.setAccessibleName(self.tr("Your own words for the speech model"))
        self.glossary.setAccessibleDescription(self.glossary_hint.text())
        self.glossary.setPlaceholderText(self.tr("e.g. your university\nyour club\na product you worked on"))
        for index in range(self.model.count()):
            name = self.model.itemData(index)
            if name in BUILTIN_MODELS:
                self.model.setItemText(index, f"{name} — {translate('Models', BUILTIN_MODELS[name].description)}")
        self.models.retranslate()
        self.retention_label.setText(self.tr("Delete the recordings of real interviews"))
        for index, days in enumerate(DAY_CHOICES):
            self.retention.setItemText(index, self.tr("Never (keep it)") if days == 0 else self.tr(
                "{days} days after the final result").format(days=days))
        self.retention_hint.setText(self.tr(
            "The final result is an offer, a rejection, declining, a cancellation or not attending, counted from "
            "the day the status changed. Each recording is announced in Upcoming {days} days before it goes, and "
            "never deleted before that notice was shown. A recording marked \"Keep\" in the Recordings tab is "
            "never deleted automatically. Deleted as \"Delete recording\" does: its audio, call track and "
            "transcripts; the consent records keep that it was deleted, and when.").format(days=NOTICE_DAYS))
        self.retention.setAccessibleDescription(self.retention_hint.text())
        self.practice_retention_label.setText(self.tr("Delete the audio of practice recordings"))
        for index, days in enumerate(DAY_CHOICES):
            self.practice_retention.setItemText(index, self.tr("Never (keep it)") if days == 0 else self.tr(
                "{days} days after recording").format(days=days))
        self.practice_retention_hint.setText(self.tr(
            "Only the audio goes: the transcript, your answers, self-reviews and metrics stay, so your progress "
            "charts keep every session. Announced in Upcoming {days} days before, as above.").format(
            days=NOTICE_DAYS))
        self.practice_retention.setAccessibleDescription(self.practice_retention_hint.text())
        self.library_place.setText(self.tr("The library (database and recordings) is in {path}").format(
            path=paths.data_dir(create=False)))
        self.move_button.setText(self.tr("Move library…"))
        self.move_button.setToolTip(self.tr(
            "Choose an empty folder: at the next start the library is copied there, checked file by file, and "
            "only then is the old folder removed"))
        self.cancel_move_button.setText(self.tr("Do not move"))
        self._show_move()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        grow_to_text(self)  # its hints wrap: as tall as they need

    def chosen_language(self) -> str:
        return self.language.currentData()

    def chosen_names(self) -> tuple[str, str]:
        """The names mails are signed with: (Japanese, English)."""
        return self.name_ja.text().strip(), self.name_en.text().strip()

    def chosen_retention_days(self) -> int:
        """Days after the final result the recordings of real interviews are kept (0: never deleted automatically)."""
        return int(self.retention.currentData())

    # -- moving the library ------------------------------------------------------------------
    def choose_library_folder(self, folder: str | None = None) -> None:
        """Ask for an empty folder, check it in the background, and ask for the move at the next start."""
        if folder is None:
            folder = QFileDialog.getExistingDirectory(self, self.tr("An empty folder for the library"))
        if not folder:
            return
        target = Path(folder)
        self.move_button.setEnabled(False)
        self._tasks.run(lambda: relocation.check_target(target), done=lambda problem: self._checked(target, problem),
                        failed=lambda error: self._checked(target, Message("Relocation", str(error))))

    def _checked(self, target: Path, problem: Message | None) -> None:
        self.move_button.setEnabled(True)
        self._move_problem = problem
        if problem is None:
            relocation.request_move(target)
        self._show_move()

    def cancel_library_move(self) -> None:
        relocation.cancel_move()
        self._move_problem = None
        self._show_move()

    def _show_move(self) -> None:
        pending = relocation.pending_move()
        self.cancel_move_button.setVisible(pending is not None)
        if self._move_problem is not None:
            self.move_note.setText(render(self._move_problem))
        elif pending is not None:
            self.move_note.setText(self.tr(
                "The library moves to {path} the next time Furikaeri starts: quit Furikaeri and start it again.")
                .format(path=pending))
        else:
            self.move_note.setText("")
        self.move_note.setVisible(bool(self.move_note.text()))

    def chosen_practice_retention_days(self) -> int:
        """Days after recording the audio of practice recordings is kept (0: never deleted automatically)."""
        return int(self.practice_retention.currentData())

    def chosen_glossary(self) -> str:
        return self.glossary.toPlainText().strip()
