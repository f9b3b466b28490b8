"""Preferences: for now, the interface language."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget


class SettingsDialog(QDialog):
    def __init__(self, language: str, parent: QWidget | None = None, auto_transcribe: bool = False):
        super().__init__(parent)
        self.auto_transcribe = QCheckBox()
        self.auto_transcribe.setChecked(auto_transcribe)
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
        form.addRow("", self.auto_transcribe)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.language_label.setText(self.tr("Language"))
        self.language.setItemText(0, self.tr("Follow the system"))
        self.auto_transcribe.setText(self.tr("Transcribe each recording as soon as it stops"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def chosen_language(self) -> str:
        return self.language.currentData()
