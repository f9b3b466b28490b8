"""Adding or editing one of the user's own questions (built-in ones can only be tagged)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from core.practice.bank import DEFAULT_TARGET_S, MAX_TARGET_S, MIN_TARGET_S, Question, categories, looks_japanese
from gui.i18n import Retranslatable


def split_tags(text: str) -> list[str]:
    return [tag.strip() for tag in text.replace("、", ",").split(",") if tag.strip()]


class QuestionDialog(Retranslatable, QDialog):
    def __init__(self, language: str, parent: QWidget | None = None, question: Question | None = None,
                 text: str = ""):
        super().__init__(parent)
        self._language = language
        self.question = question
        builtin = question is not None and question.builtin
        self.text_ja = QPlainTextEdit()
        self.text_en = QPlainTextEdit()
        for edit in (self.text_ja, self.text_en):
            edit.setMaximumHeight(70)
            edit.setReadOnly(builtin)
        self.category = QComboBox()
        for item in categories():
            self.category.addItem(item.name(language), item.id)
        self.target = QSpinBox()
        self.target.setRange(MIN_TARGET_S, MAX_TARGET_S)
        self.target.setSingleStep(15)
        self.target.setValue(DEFAULT_TARGET_S)
        self.tip = QLineEdit()
        self.star = QCheckBox()
        self.tags = QLineEdit()
        self.builtin_note = QLabel()
        self.builtin_note.setWordWrap(True)
        self.builtin_note.setVisible(builtin)
        for widget in (self.category, self.target, self.tip, self.star):
            widget.setEnabled(not builtin)
        if question is not None:
            self.text_ja.setPlainText(question.texts.get("ja", ""))
            self.text_en.setPlainText(question.texts.get("en", ""))
            self.category.setCurrentIndex(max(0, self.category.findData(question.category)))
            self.target.setValue(question.target_s)
            self.tip.setText(question.tip(language))
            self.star.setChecked(question.star)
            self.tags.setText(", ".join(question.tags))
        elif text:
            (self.text_ja if looks_japanese(text) else self.text_en).setPlainText(text)
            self.category.setCurrentIndex(max(0, self.category.findData("other")))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout(self)
        self.labels = [QLabel(self) for _ in range(7)]
        for label, field in zip(self.labels, (self.text_ja, self.text_en, self.category, self.target, self.tip,
                                              self.star, self.tags), strict=True):
            self.form.addRow(label, field)
        self.form.addRow(self.builtin_note)
        self.form.addRow(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        if self.question is None:
            self.setWindowTitle(self.tr("Add a question"))
        else:
            self.setWindowTitle(self.tr("Question"))
        for label, text in zip(self.labels, (self.tr("Japanese"), self.tr("English"), self.tr("Category"),
                                             self.tr("Target length"), self.tr("Tip"), self.tr("Behavioural"),
                                             self.tr("Tags")), strict=True):
            label.setText(text)
        self.target.setSuffix(self.tr(" s"))
        self.star.setText(self.tr("Answer with STAR (situation, task, action, result)"))
        self.tags.setPlaceholderText(self.tr("Separate tags with commas"))
        self.text_ja.setPlaceholderText(self.tr("The question in Japanese (optional if English is given)"))
        self.text_en.setPlaceholderText(self.tr("The question in English (optional if Japanese is given)"))
        self.builtin_note.setText(self.tr("Built-in questions cannot be changed, but you can tag them."))

    def texts(self) -> dict[str, str]:
        return {"ja": self.text_ja.toPlainText(), "en": self.text_en.toPlainText()}

    def tag_list(self) -> list[str]:
        return split_tags(self.tags.text())
