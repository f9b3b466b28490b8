"""What a new user sees: the three ways to use Furikaeri."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from gui.i18n import Retranslatable


class _Card(QFrame):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("useCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel()
        self.title.setObjectName("useCardTitle")
        self.title.setWordWrap(True)
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.column = QVBoxLayout(self)
        self.column.addWidget(self.title)
        self.column.addWidget(self.body, 1)

    def add_widget(self, widget: QWidget) -> None:
        """A button or other control at the foot of the card."""
        self.column.addWidget(widget)


class EmptyState(Retranslatable, QWidget):
    """Shown while the library is empty."""

    add_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.headline = QLabel()
        self.headline.setObjectName("emptyHeadline")
        self.headline.setWordWrap(True)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.practice, self.real, self.notes = _Card(), _Card(), _Card()
        cards = QHBoxLayout()
        for card in (self.practice, self.real, self.notes):
            cards.addWidget(card, 1)
        self.add_button = QPushButton()
        self.add_button.setDefault(True)
        self.add_button.clicked.connect(self.add_requested)
        self.privacy = QLabel()
        self.privacy.setWordWrap(True)
        self.privacy.setObjectName("privacyNote")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(self.headline)
        layout.addWidget(self.intro)
        layout.addSpacing(12)
        layout.addLayout(cards)
        layout.addSpacing(12)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        layout.addWidget(self.privacy)
        self.setStyleSheet(
            "#emptyHeadline { font-size: 20pt; font-weight: 600; }"
            "#useCardTitle { font-size: 12pt; font-weight: 600; }"
            "#privacyNote { font-style: italic; }"
        )
        self.retranslate()

    def retranslate(self) -> None:
        self.headline.setText(self.tr("Your interviews, looked back on"))
        self.intro.setText(self.tr("Your library is empty. Furikaeri helps at three moments:"))
        self.practice.title.setText(self.tr("1. Practise at home"))
        self.practice.body.setText(self.tr(
            "Record your answers to common questions, read the transcript, and see your pace, "
            "filler words, pauses and answer length improve from one attempt to the next."
        ))
        self.real.title.setText(self.tr("2. Record a real interview, with permission"))
        self.real.body.setText(self.tr(
            "Ask the interviewer first. Furikaeri records only after you confirm that they agreed, "
            "and keeps that consent with the recording. Recordings are for your own review: never publish them."
        ))
        self.notes.title.setText(self.tr("3. Notes right after the interview"))
        self.notes.body.setText(self.tr(
            "If recording is declined, write down what was asked and what you answered while your "
            "memory is fresh. A template guides you, and everything stays searchable."
        ))
        self.add_button.setText(self.tr("Add an interview"))
        self.privacy.setText(self.tr(
            "Everything stays on this computer: audio, transcripts and notes are never uploaded."
        ))
