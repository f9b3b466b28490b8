"""Preferences: interface language, speech model, your own words for it, transcription and export choices, and your
voice profile."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from core.library import Library
from core.speech.models import BUILTIN_MODELS
from gui.i18n import Retranslatable, translate
from gui.model_manager import ModelChoice
from gui.tasks import TaskRunner
from gui.voice_profile_box import VoiceProfileBox
from gui.window_fit import grow_to_text


class SettingsDialog(Retranslatable, QDialog):
    def __init__(self, language: str, parent: QWidget | None = None, auto_transcribe: bool = False,
                 model: str = "base", export_notice: bool = True, *, library: Library, tasks: TaskRunner,
                 glossary: str = "", live_transcribe: bool = True):
        super().__init__(parent)
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
        form = QFormLayout()
        form.addRow(self.language_label, self.language)
        form.addRow(self.model_label, self.model)
        form.addRow("", self.models)
        form.addRow(self.glossary_label, self.glossary)
        form.addRow("", self.glossary_hint)
        form.addRow("", self.live_transcribe)
        form.addRow("", self.live_hint)
        form.addRow("", self.auto_transcribe)
        form.addRow("", self.export_notice)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.voice = VoiceProfileBox(library, tasks)  # acts at once (make, delete): not subject to OK/Cancel
        layout.addWidget(self.voice)
        layout.addWidget(self.buttons)
        for before, after in ((self.language, self.model), (self.model, self.models.button),
                              (self.models.button, self.glossary), (self.glossary, self.live_transcribe),
                              (self.live_transcribe, self.auto_transcribe),
                              (self.auto_transcribe, self.export_notice), (self.export_notice, self.voice.make_button),
                              (self.voice.make_button, self.voice.delete_button)):
            self.setTabOrder(before, after)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.language_label.setText(self.tr("Language"))
        self.language.setItemText(0, self.tr("Follow the system"))
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

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        grow_to_text(self)  # its hints wrap: as tall as they need

    def chosen_language(self) -> str:
        return self.language.currentData()

    def chosen_glossary(self) -> str:
        return self.glossary.toPlainText().strip()
