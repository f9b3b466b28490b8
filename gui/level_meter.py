"""A labelled level meter: what one track hears, readable and named for screen readers."""

from __future__ import annotations

import math

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

LEVEL_FLOOR_DB = -60


class LevelMeter(QWidget):
    """A label ("Microphone", "The call") beside a bar from -60 dBFS to 0; the bar carries the label's name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setRange(LEVEL_FLOOR_DB, 0)
        self.bar.setValue(LEVEL_FLOOR_DB)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(10)
        self.label.setBuddy(self.bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar, 1)

    def set_label(self, text: str, accessible_name: str) -> None:
        """``text`` shown beside the bar; ``accessible_name`` read out for the bar (e.g. "Microphone level")."""
        self.label.setText(text)
        self.bar.setAccessibleName(accessible_name)
        self.setAccessibleName(accessible_name)

    def set_level(self, dbfs: float) -> None:
        self.bar.setValue(int(max(LEVEL_FLOOR_DB, dbfs)) if math.isfinite(dbfs) else LEVEL_FLOOR_DB)

    def reset(self) -> None:
        self.bar.setValue(LEVEL_FLOOR_DB)
