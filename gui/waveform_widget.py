"""A waveform overview with markers and a playhead; click to seek, or focus it and use the keys (←/→ 5 s,
Page Up/Down 30 s, Home/End); a screen reader hears its name and where the playhead is.

An online interview's recording has two tracks: then the microphone (me) is
drawn in the upper lane and the call (the interviewer) in the lower one, each
in its speaker's colour.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QStyle, QStyleOptionFocusRect, QWidget

from gui.i18n import Retranslatable
from gui.segment_model import format_time

STEP_MS, PAGE_MS = 5000, 30000  # the arrow keys' step, Page Up/Down's


class WaveformWidget(Retranslatable, QWidget):
    seek_requested = Signal(int)  # milliseconds

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMinimumHeight(64)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._peaks = np.zeros((0, 2), dtype=np.float32)
        self._call_peaks: np.ndarray | None = None
        self._colours: tuple[QColor, QColor] | None = None  # (microphone, call) for two tracks
        self._duration_ms = 0
        self._markers: list[int] = []
        self._position_ms = 0
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # seekable by keyboard too
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Waveform"))
        self._describe()

    def _describe(self) -> None:
        """Where the playhead is, for a screen reader (said in whole seconds)."""
        self.setAccessibleDescription(self.tr(
            "Playhead at {position} of {length}. Left and Right move 5 seconds, Page Up and Page Down 30, Home and "
            "End to the start and the end.").format(position=format_time(self._position_ms),
                                                     length=format_time(self._duration_ms)))

    def set_overview(self, peaks: np.ndarray, duration_s: float) -> None:
        self._peaks = np.asarray(peaks, dtype=np.float32).reshape(-1, 2)
        self._duration_ms = int(duration_s * 1000)
        self._describe()
        self.update()

    def set_call_overview(self, peaks: np.ndarray | None, colours: tuple[QColor, QColor] | None = None) -> None:
        """The call track's peaks (over the same duration) and the two lanes' colours; ``None``: one track."""
        self._call_peaks = None if peaks is None else np.asarray(peaks, dtype=np.float32).reshape(-1, 2)
        self._colours = colours
        self.setMinimumHeight(64 * self.lanes * 3 // 4 if self.lanes > 1 else 64)  # two lanes: 96 px
        self.update()

    @property
    def lanes(self) -> int:
        return 1 if self._call_peaks is None else 2

    def _draw_lane(self, painter: QPainter, peaks: np.ndarray, top: float, height: float, colour: QColor) -> None:
        if not len(peaks):
            return
        middle, half = top + height / 2, height / 2 - 2
        width = max(self.width(), 1)
        # One column of pixels per bucket group: min of mins, max of maxes.
        edges = np.linspace(0, len(peaks), width + 1).astype(int)
        painter.setPen(QPen(colour, 1))
        for column in range(width):
            chunk = peaks[edges[column]:max(edges[column + 1], edges[column] + 1)]
            if not len(chunk):
                continue
            low, high = float(chunk[:, 0].min()), float(chunk[:, 1].max())
            painter.drawLine(QPointF(column, middle - high * half), QPointF(column, middle - low * half))

    def set_markers(self, positions_ms: list[int]) -> None:
        self._markers = list(positions_ms)
        self.update()

    def set_position(self, position_ms: int) -> None:
        if position_ms != self._position_ms:
            second = position_ms // 1000 != self._position_ms // 1000
            self._position_ms = position_ms
            if second:
                self._describe()
            self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        steps = {Qt.Key.Key_Left: -STEP_MS, Qt.Key.Key_Right: STEP_MS, Qt.Key.Key_PageUp: -PAGE_MS,
                 Qt.Key.Key_PageDown: PAGE_MS}
        key = event.key()
        if self._duration_ms <= 0 or event.modifiers() not in (Qt.KeyboardModifier.NoModifier,
                                                               Qt.KeyboardModifier.KeypadModifier):
            super().keyPressEvent(event)
        elif key in steps:
            self.seek_requested.emit(min(max(self._position_ms + steps[Qt.Key(key)], 0), self._duration_ms))
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            self.seek_requested.emit(0 if key == Qt.Key.Key_Home else self._duration_ms)
        else:
            super().keyPressEvent(event)

    def _x(self, ms: int) -> float:
        return 0.0 if self._duration_ms <= 0 else self.width() * ms / self._duration_ms

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self._duration_ms > 0 and event.button() == Qt.MouseButton.LeftButton:
            fraction = min(max(event.position().x() / max(self.width(), 1), 0.0), 1.0)
            self.seek_requested.emit(int(fraction * self._duration_ms))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        if self._call_peaks is None:
            self._draw_lane(painter, self._peaks, 0, self.height(), self.palette().text().color())
        else:
            mine, theirs = self._colours or (self.palette().text().color(), self.palette().text().color())
            lane = self.height() / 2
            self._draw_lane(painter, self._peaks, 0, lane, mine)
            self._draw_lane(painter, self._call_peaks, lane, lane, theirs)
            painter.setPen(QPen(self.palette().mid().color(), 1, Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(0, lane), QPointF(self.width(), lane))
        painter.setPen(QPen(QColor("#ef6c00"), 2))
        for marker in self._markers:
            x = self._x(marker)
            painter.drawLine(QPointF(x, 0), QPointF(x, self.height()))
        painter.setPen(QPen(QColor("#c62828"), 2))
        x = self._x(self._position_ms)
        painter.drawLine(QPointF(x, 0), QPointF(x, self.height()))
        painter.setPen(self.palette().mid().color())
        painter.drawRect(QRectF(0, 0, self.width() - 1, self.height() - 1))
        if self.hasFocus():  # a visible focus, as the style draws it
            option = QStyleOptionFocusRect()
            option.initFrom(self)
            option.rect = self.rect().adjusted(1, 1, -1, -1)
            self.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, option, painter, self)
