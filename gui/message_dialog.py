"""Prepare a message: a draft filled from the interview, its gaps highlighted, copied or opened in the mail app.

Templates with optional paragraphs (asking for another date, saying that you
withdraw, telling a referrer that the company knows) show a check box for each;
asking for another date and withdrawing exclude each other.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QGuiApplication, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from core.interviews import Interview
from core.settings import USER_NAME, USER_NAME_EN, Setting, Settings
from core.settings import user_name as settings_user_name
from core.tracker import messages
from core.tracker.kinds import MessageKind
from gui.i18n import Retranslatable, render
from gui.theme import themed
from gui.tracker_labels import message_kind_label

MISSING_COLOUR = QColor("#ffe66d")  # a gap the user still has to fill
FILLED_COLOUR = QColor("#e3f2fd")  # filled in from the interview: worth a glance
FIELD_PROPERTY = QTextFormat.Property.UserProperty  # the template field a highlighted span stands for


class MessageDialog(Retranslatable, QDialog):
    """Non-modal; emits :attr:`used` with ``(draft, how)`` when the text is copied (``"copy"``) or mailed
    (``"mail"``)."""

    used = Signal(object, str)

    def __init__(self, interview: Interview, settings: Settings, language: str, kind=None,
                 extra: dict | None = None, parent: QWidget | None = None, task=None,
                 chosen: frozenset[str] = frozenset()):
        super().__init__(parent)
        self.interview = interview
        self.task = task  # the follow-up this message helps with, if any
        self.settings = settings
        self.extra = dict(extra or {})
        self.draft: messages.Draft | None = None
        self.kind_combo = QComboBox()
        for item in MessageKind:
            self.kind_combo.addItem("", item.value)
        kind = kind or MessageKind.THANK_YOU  # the message most often needed
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind.value))
        self.language_combo = QComboBox()
        # Language names are written in their own language, so they are never translated.
        self.language_combo.addItem("日本語", "ja")
        self.language_combo.addItem("English", "en")
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(language)))
        self.choice_boxes: dict[str, QCheckBox] = {}
        for name in messages.CHOICES:
            box = QCheckBox()
            box.setObjectName(f"choice_{name}")
            box.setChecked(name in chosen and not (name in messages.EXCLUSIVE and any(
                b.isChecked() for other, b in self.choice_boxes.items() if other in messages.EXCLUSIVE)))
            box.toggled.connect(lambda on, name=name: self._choice_toggled(name, on))
            self.choice_boxes[name] = box
        self.name_notice = QLabel()
        self.name_notice.setObjectName("nameNotice")
        self.name_notice.setWordWrap(True)
        self.set_name_button = QPushButton()
        self.set_name_button.clicked.connect(lambda: self.ask_user_name())
        self.name_row = QWidget()
        name_layout = QHBoxLayout(self.name_row)
        name_layout.setContentsMargins(0, 0, 0, 0)
        name_layout.addWidget(self.name_notice, 1)
        name_layout.addWidget(self.set_name_button)
        self.note = QLabel()
        self.note.setObjectName("channelNote")
        self.note.setWordWrap(True)
        self.missing = QLabel()
        self.missing.setObjectName("missingFields")
        self.missing.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setStyleSheet(themed("color: #b00020;"))
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.recipient = QLineEdit()
        self.subject = QLineEdit()
        self.subject.textChanged.connect(lambda _: self._update_missing())
        self.body = QPlainTextEdit()
        self.body.setMinimumHeight(260)
        self.body.textChanged.connect(self._update_missing)
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(lambda: self.copy())
        self.mail_button = QPushButton()
        self.mail_button.clicked.connect(lambda: self.open_in_mail_app())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.mail_button, QDialogButtonBox.ButtonRole.ActionRole)

        choose = QFormLayout()
        self.kind_label, self.language_label = QLabel(), QLabel()
        self.kind_label.setBuddy(self.kind_combo)
        self.language_label.setBuddy(self.language_combo)
        choose.addRow(self.kind_label, self.kind_combo)
        choose.addRow(self.language_label, self.language_combo)
        self.mail_form = QFormLayout()
        self.recipient_label, self.subject_label = QLabel(), QLabel()
        self.recipient_label.setBuddy(self.recipient)
        self.subject_label.setBuddy(self.subject)
        self.mail_form.addRow(self.recipient_label, self.recipient)
        self.mail_form.addRow(self.subject_label, self.subject)
        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        for box in self.choice_boxes.values():
            layout.addWidget(box)
        layout.addWidget(self.name_row)
        layout.addWidget(self.note)
        layout.addWidget(self.missing)
        layout.addLayout(self.mail_form)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setStyleSheet(themed("#missingFields { background: #fff8d6; border: 1px solid #f0c36d; padding: 4px; }"
                           "#nameNotice[missing=\"true\"] { color: #8a5a00; }"
                           "#channelNote { font-weight: 600; }"))
        self._shown = self._state()
        self.kind_combo.currentIndexChanged.connect(lambda _: self._choice_changed())
        self.language_combo.currentIndexChanged.connect(lambda _: self._choice_changed())
        self.resize(640, 620)
        self.retranslate()

    # -- text ----------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Prepare a message — {company}").format(company=self.interview.company))
        self.kind_label.setText(self.tr("&Message"))
        self.language_label.setText(self.tr("&Language"))
        for index in range(self.kind_combo.count()):
            self.kind_combo.setItemText(index, message_kind_label(self.kind_combo.itemData(index)))
        for name, box in self.choice_boxes.items():
            box.setText(render(messages.CHOICE_LABELS[name]))
        self._show_name()
        self.recipient_label.setText(self.tr("&To"))
        self.subject_label.setText(self.tr("&Subject"))
        self.recipient.setPlaceholderText(self.tr("Mail address (not recorded for this interview)"))
        self.copy_button.setText(self.tr("&Copy"))
        self.copy_button.setToolTip(self.tr("Copy the subject and the text to the clipboard"))
        self.mail_button.setText(self.tr("Open in mail &app"))
        self.mail_button.setToolTip(self.tr("Opens a new mail in your mail program; nothing is sent by Furikaeri"))
        if self.draft is None:
            self.render_draft()
        else:  # the user's text stays; only the explanations follow the language
            self._explain(self.draft)

    # -- the draft -----------------------------------------------------------------
    def kind(self) -> MessageKind:
        return MessageKind(self.kind_combo.currentData())

    def language(self) -> str:
        return self.language_combo.currentData()

    def chosen(self) -> frozenset[str]:
        """The optional paragraphs chosen that the current template has."""
        offered = messages.choices(self.kind())
        return frozenset(name for name, box in self.choice_boxes.items() if name in offered and box.isChecked())

    def _state(self) -> tuple:
        return (self.kind_combo.currentIndex(), self.language_combo.currentIndex(),
                frozenset(name for name, box in self.choice_boxes.items() if box.isChecked()))

    def _choice_toggled(self, name: str, on: bool) -> None:
        """Asking for another date and withdrawing contradict each other: ticking one unticks the other (telling
        a referrer that the company already knows goes with either)."""
        if on and name in messages.EXCLUSIVE:
            for other, box in self.choice_boxes.items():
                if other != name and other in messages.EXCLUSIVE and box.isChecked():
                    box.blockSignals(True)
                    box.setChecked(False)
                    box.blockSignals(False)
        self._choice_changed()

    def is_edited(self) -> bool:
        """True when the user changed the subject or the text of the current draft."""
        return self.draft is not None and (self.body.toPlainText() != self.draft.body
                                           or self.subject.text() != self.draft.subject)

    def _choice_changed(self) -> None:
        """Another kind or language: a new draft, but edited text is only replaced when the user agrees."""
        if self._may_replace():
            self.render_draft()
        else:
            kind_index, language_index, checked = self._shown
            for combo, index in ((self.kind_combo, kind_index), (self.language_combo, language_index)):
                combo.blockSignals(True)
                combo.setCurrentIndex(index)
                combo.blockSignals(False)
            for name, box in self.choice_boxes.items():
                box.blockSignals(True)
                box.setChecked(name in checked)
                box.blockSignals(False)

    def _may_replace(self) -> bool:
        if self.is_edited():
            answer = QMessageBox.question(
                self, self.tr("Replace your text?"),
                self.tr("You have edited this draft. Replace it with the new one? (Copy it first to keep it.)"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            return answer == QMessageBox.StandardButton.Yes
        return True

    def render_draft(self) -> None:
        """Render the chosen kind in the chosen language (the user's edits to the previous draft are replaced)."""
        user_name = settings_user_name(self.settings, self.language())
        self._show_name()
        offered = messages.choices(self.kind())
        for name, box in self.choice_boxes.items():
            box.setVisible(name in offered)
        self.draft = messages.render(self.kind(), self.language(), self.interview, user_name, self.extra,
                                     self.chosen())
        draft = self.draft
        phone = not draft.is_mail
        self.mail_form.setRowVisible(0, not phone)
        self.mail_form.setRowVisible(1, not phone)
        self.mail_button.setVisible(not phone)
        self.recipient.setText(draft.recipient)
        self.subject.setText(draft.subject)
        self.body.setPlainText(draft.body)
        self._highlight(draft)
        self._explain(draft)
        self._shown = self._state()

    def _explain(self, draft: messages.Draft) -> None:
        """The note on whom to send it to, and the list of fields still to fill in."""
        note = draft.channel_note
        self.note.setText(render(note) if note else "")
        self.note.setVisible(bool(note))
        self._update_missing()
        self.body.setToolTip("" if draft.is_mail else self.tr("A script to keep in front of you while you call"))

    def still_missing(self) -> list[str]:
        """The draft's missing fields the user has not filled in yet (a yellow placeholder typed over is done)."""
        if self.draft is None:
            return []
        in_body = {s.format.property(FIELD_PROPERTY) for s in self.body.extraSelections()
                   if s.format.background().color() == MISSING_COLOUR}
        left = {s.format.property(FIELD_PROPERTY) for s in self.body.extraSelections()
                if s.format.background().color() == MISSING_COLOUR and s.cursor.hasSelection()}
        subject_unchanged = self.subject.text() == self.draft.subject
        return [name for name in self.draft.missing
                if name in left or (name not in in_body and subject_unchanged)]

    def _update_missing(self) -> None:
        missing = self.still_missing()
        if missing:
            labels = self.tr(", ").join(self.field_label(name) for name in missing)
            self.missing.setText(self.tr("Still to fill in (highlighted in yellow): {fields}").format(fields=labels))
        self.missing.setVisible(bool(missing))

    @staticmethod
    def field_label(name: str) -> str:
        label = messages.FIELD_LABELS.get(name)
        return render(label) if label is not None else name

    def _highlight(self, draft: messages.Draft) -> None:
        selections = []
        for span in draft.spans:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.body.document())
            cursor.setPosition(span.start)
            cursor.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
            char_format = QTextCharFormat()
            char_format.setBackground(FILLED_COLOUR if span.filled else MISSING_COLOUR)
            char_format.setForeground(QColor("#000000"))  # dark on the light marks, whatever the palette
            char_format.setToolTip(self.field_label(span.field))
            char_format.setProperty(FIELD_PROPERTY, span.field)
            selection.cursor = cursor
            selection.format = char_format
            selections.append(selection)
        self.body.setExtraSelections(selections)

    def highlighted_missing(self) -> list[str]:
        """The texts currently highlighted as missing (what the user sees in yellow)."""
        return [s.cursor.selectedText() for s in self.body.extraSelections()
                if s.format.background().color() == MISSING_COLOUR and s.cursor.hasSelection()]

    def edited_draft(self) -> messages.Draft:
        """The draft as the user edited it."""
        if self.draft is None:
            raise RuntimeError("no draft is shown yet")
        return replace(self.draft, subject=self.subject.text(), body=self.body.toPlainText())

    def full_text(self) -> str:
        draft = self.edited_draft()
        return f"{draft.subject}\n\n{draft.body}" if draft.subject and draft.is_mail else draft.body

    # -- actions -------------------------------------------------------------------
    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.full_text())
        self.used.emit(self.edited_draft(), "copy")

    def mailto(self) -> str:
        return messages.mailto_url(self.edited_draft(), self.recipient.text().strip())

    def open_in_mail_app(self) -> None:
        if not QDesktopServices.openUrl(QUrl(self.mailto(), QUrl.ParsingMode.StrictMode)):
            self.problem.setText(self.tr("No mail program answered. Use Copy and paste the text into your mail."))
            self.problem.show()
            return
        self.problem.hide()
        self.used.emit(self.edited_draft(), "mail")

    def _name_setting(self) -> Setting:
        return USER_NAME_EN if self.language() == "en" else USER_NAME

    def _show_name(self) -> None:
        """Who the draft is signed by (the name for its language), or that the name is missing; either can be
        changed here (and in Settings)."""
        own = self.settings.get(self._name_setting()).strip()
        self.name_notice.setProperty("missing", not own)  # a warning's colour only for a missing name
        self.name_notice.style().unpolish(self.name_notice)
        self.name_notice.style().polish(self.name_notice)
        if own:
            self.name_notice.setText(self.tr("Signed as {name}.").format(name=own))
            self.set_name_button.setText(self.tr("Change my &name…"))
        else:
            english, other = self.language() == "en", bool(settings_user_name(self.settings, self.language()))
            if english:
                text = (self.tr("Your name for English mails is not set yet: the other one is used.") if other else
                        self.tr("Your name for English mails is not set yet, so it is left as a gap in the text."))
            else:
                text = (self.tr("Your name for Japanese mails is not set yet: the other one is used.") if other else
                        self.tr("Your name for Japanese mails is not set yet, so it is left as a gap in the text."))
            self.name_notice.setText(text)
            self.set_name_button.setText(self.tr("Set my &name…"))

    def ask_user_name(self) -> bool:
        """Ask for the name the draft's language is signed with (kept in the settings)."""
        setting = self._name_setting()
        prompt = (self.tr("Your full name as you sign English mails (e.g. Taro Yamada):") if setting is USER_NAME_EN
                  else self.tr("Your full name as you sign Japanese mails (e.g. 山田 太郎):"))
        name, ok = QInputDialog.getText(self, self.tr("Your name"), prompt, text=self.settings.get(setting))
        if not ok or not name.strip():
            return False
        self.settings.set(setting, name.strip())
        if self._may_replace():
            self.render_draft()
        else:
            self._show_name()  # used from the next draft on
        return True
