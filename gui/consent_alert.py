"""A banner over the library when consent records were changed or deleted outside Furikaeri.

Shown after the start-up check (:func:`core.consent.verify.check_consent`):
which interview and recording, what changed. It stays until hidden; the
full list is one keypress away (Details…).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from core.messages import Message
from gui.i18n import Retranslatable, render
from gui.theme import themed

if TYPE_CHECKING:
    from core.consent.verify import ConsentCheck

SHOWN = 4  # findings listed in the banner itself; the rest under Details…


class ConsentAlert(Retranslatable, QFrame):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("consentAlert")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(themed(
            "#consentAlert { background: #fdecea; border: 1px solid #c5221f; border-radius: 4px; }"
            "#consentAlert QLabel { color: #3c0b0b; }"))
        self.report: ConsentCheck | None = None
        self.failure: Message | None = None
        self.text = QLabel()
        self.text.setObjectName("consentAlertText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.text.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.details_button = QPushButton()
        self.details_button.clicked.connect(self.show_details)
        self.hide_button = QPushButton()
        self.hide_button.clicked.connect(self.hide)
        buttons = QVBoxLayout()
        buttons.addWidget(self.details_button)
        buttons.addWidget(self.hide_button)
        buttons.addStretch()
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)
        self.setVisible(False)
        self.retranslate()

    def show_report(self, report: ConsentCheck) -> None:
        self.report, self.failure = report, None
        self._render()
        self.setVisible(not report.ok)

    def show_failure(self, message: Message) -> None:
        """The check itself could not run (the database is unreadable): say so rather than stay silent."""
        self.report, self.failure = None, message
        self._render()
        self.setVisible(True)

    def lines(self) -> list[str]:
        if self.failure is not None:
            return [render(self.failure)]
        return [render(problem.message) for problem in self.report.problems] if self.report else []

    def _headline(self) -> str:
        if self.failure is not None:
            return self.tr("The consent records could not be checked.")
        return render(self.report.summary()) if self.report else ""

    def _render(self) -> None:
        lines = self.lines()
        shown = [f"• {line}" for line in lines[:SHOWN]]
        if len(lines) > SHOWN:
            shown.append(self.tr("…and {count} more: see Details.").format(count=len(lines) - SHOWN))
        self.text.setText("\n".join([f"⚠ {self._headline()}", *shown]))
        self.text.setAccessibleDescription(self.text.text())
        self.details_button.setVisible(bool(lines))

    def show_details(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Consent records"), self._headline(),
                          QMessageBox.StandardButton.Close, self)
        box.setInformativeText(self.tr(
            "Recordings are kept. What the records said when they were saved is kept beside the database and "
            "with each recording, so the change stays visible."))
        box.setDetailedText("\n\n".join(self.lines()))
        box.exec()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Consent record problems"))
        self.text.setAccessibleName(self.tr("Consent record problems"))
        self.details_button.setText(self.tr("&Details…"))
        self.details_button.setAccessibleName(self.tr("Details of the consent record problems"))
        self.hide_button.setText(self.tr("Hide"))
        self.hide_button.setAccessibleName(self.tr("Hide the consent record warning"))
        if self.report is not None or self.failure is not None:
            self._render()
