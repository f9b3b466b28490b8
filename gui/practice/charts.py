"""Small painted widgets: one metric against its target band, and attempts at a question over time."""

from __future__ import annotations

import itertools
import math

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

BAND = QColor("#c8e6c9")
BAND_EDGE = QColor("#66bb6a")
INSIDE = QColor("#2e7d32")
OUTSIDE = QColor("#e65100")
AXIS = QColor("#9e9e9e")


def target_text(low: float | None, high: float | None) -> str:
    """A metric's target range in words ("target 110–160", "target: up to 4"), "" without one."""
    # translate() spelled out each time: lupdate files the texts under the context they are looked up in.
    if low is not None and high is not None:
        return QCoreApplication.translate("MetricsView", "target {low}–{high}").format(
            low=format_number(low), high=format_number(high))
    if high is not None:
        return QCoreApplication.translate("MetricsView", "target: up to {high}").format(high=format_number(high))
    if low is not None:
        return QCoreApplication.translate("MetricsView", "target: at least {low}").format(low=format_number(low))
    return ""


def format_number(value: float | None) -> str:
    if value is None or not math.isfinite(value):
        return "–"
    if float(value).is_integer():
        return f"{value:.0f}"
    return f"{value:.1f}" if abs(value) < 10 else f"{value:.0f}"


class MetricBar(QWidget):
    """A horizontal scale with the target range shaded and the measured value marked."""

    def __init__(self, value: float | None, low: float | None, high: float | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.value, self.low, self.high = value, low, high
        self.setMinimumHeight(18)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    @property
    def in_range(self) -> bool | None:
        if self.value is None:
            return None
        if self.low is not None and self.value < self.low:
            return False
        return not (self.high is not None and self.value > self.high)

    def sizeHint(self) -> QSize:
        return QSize(200, 18)

    def _scale(self) -> tuple[float, float]:
        points = [p for p in (self.value, self.low, self.high) if p is not None and math.isfinite(p)]
        if not points:
            return 0.0, 1.0
        top = max(points) * 1.25 or 1.0
        bottom = 0.0 if min(points) >= 0 else min(points) * 1.25
        return bottom, top

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bottom, top = self._scale()
        width = self.width() - 8

        def x(v: float) -> float:
            return 4 + (v - bottom) / (top - bottom) * width

        middle = self.height() / 2
        painter.setPen(QPen(AXIS, 1))
        painter.drawLine(QPointF(4, middle), QPointF(4 + width, middle))
        if self.low is not None or self.high is not None:
            left = x(self.low if self.low is not None else bottom)
            right = x(self.high if self.high is not None else top)
            painter.fillRect(QRectF(left, 3, max(2.0, right - left), self.height() - 6), BAND)
            painter.setPen(QPen(BAND_EDGE, 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(left, 3, max(2.0, right - left), self.height() - 6))
        if self.value is not None and math.isfinite(self.value):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(INSIDE if self.in_range else OUTSIDE)
            painter.drawEllipse(QPointF(x(self.value), middle), 5, 5)
        painter.end()


class AttemptsChart(QWidget):
    """One small line chart per measure (e.g. pace, fillers per minute, length), attempts left to right.

    ``set_series([(title, values, (low, high) or None), ...])``: ``values`` holds one number (or
    ``None`` when not measured) per attempt, oldest first; ``title`` names the measure with its unit.  Each chart
    has its scale on the left (0 and its top), the attempts' numbers below, and the target band shaded; a screen
    reader gets the same as text (its accessible description).
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.series: list[tuple[str, list[float | None], tuple[float | None, float | None] | None]] = []
        self.setMinimumHeight(140)

    def set_series(self, series) -> None:
        self.series = list(series)
        self.setAccessibleName(QCoreApplication.translate("AttemptsChart", "Your attempts at this question"))
        self.setAccessibleDescription(self.text_alternative())
        self.update()

    def text_alternative(self) -> str:
        """Every measure's values, oldest first, with its target: what the chart shows, as words."""
        lines = []
        for title, values, band in self.series:
            shown = ", ".join(format_number(v) for v in values) or "–"
            target = target_text(*(band if band else (None, None)))
            lines.append(f"{title}: {shown}" + (f" ({target})" if target else ""))
        return "\n".join(lines)

    def attempts(self) -> int:
        return max((len(values) for _t, values, _b in self.series), default=0)

    def paintEvent(self, _event) -> None:
        if not self.series:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        line = metrics.height()
        cell = self.width() / len(self.series)
        text = self.palette().text().color()
        for i, (title, values, band) in enumerate(self.series):
            left = i * cell + 6
            painter.setPen(text)
            painter.drawText(QRectF(left, 0, cell - 12, line + 2), Qt.AlignmentFlag.AlignLeft, title)
            top = self._top(values, band)
            scale = metrics.horizontalAdvance(format_number(top)) + 4  # the y axis's numbers, left of the plot
            area = QRectF(left + scale, line + 4, cell - 12 - scale, self.height() - 2 * line - 10)
            painter.drawText(QRectF(left, area.top(), scale - 3, line),  # inside the plot's height: clear of the title
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, format_number(top))
            painter.drawText(QRectF(left, area.bottom() - line, scale - 3, line),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, "0")
            count = len(values)  # the x axis: attempts 1 … n
            painter.drawText(QRectF(area.left(), area.bottom() + 2, area.width(), line),
                             Qt.AlignmentFlag.AlignLeft if count > 1 else Qt.AlignmentFlag.AlignHCenter, "1")
            if count > 1:
                painter.drawText(QRectF(area.left(), area.bottom() + 2, area.width(), line),
                                 Qt.AlignmentFlag.AlignRight, str(count))
                painter.drawText(QRectF(area.left(), area.bottom() + 2, area.width(), line),
                                 Qt.AlignmentFlag.AlignHCenter, QCoreApplication.translate("AttemptsChart", "attempts"))
            self._plot(painter, area, values, band, top)
        painter.end()

    @staticmethod
    def _top(values, band) -> float:
        """The top of a chart's scale: above its highest value and its target."""
        low, high = band if band else (None, None)
        limits = [*(v for v in values if v is not None), *(b for b in (low, high) if b is not None)]
        return (max(limits) * 1.15 if limits else 1.0) or 1.0

    @staticmethod
    def _plot(painter: QPainter, area: QRectF, values, band, top: float) -> None:
        low, high = band if band else (None, None)
        painter.setPen(QPen(AXIS, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(area)

        def y(v: float) -> float:
            return area.bottom() - v / top * area.height()

        if low is not None or high is not None:
            upper = y(high) if high is not None else area.top()
            lower = y(low) if low is not None else area.bottom()
            painter.fillRect(QRectF(area.left(), upper, area.width(), lower - upper), BAND)
        count = len(values)
        step = area.width() / max(1, count - 1) if count > 1 else 0
        points = [(QPointF(area.left() + (step * k if count > 1 else area.width() / 2), y(v)), v)
                  for k, v in enumerate(values) if v is not None]
        painter.setPen(QPen(QColor("#1565c0"), 2))
        for (a, _), (b, _) in itertools.pairwise(points):
            painter.drawLine(a, b)
        painter.setPen(Qt.PenStyle.NoPen)
        for point, value in points:
            outside = (low is not None and value < low) or (high is not None and value > high)
            painter.setBrush(OUTSIDE if outside else INSIDE)
            painter.drawEllipse(point, 3.5, 3.5)
        if points:
            painter.setPen(QPen(QColor("#424242")))
            value = points[-1][1]
            painter.drawText(QRectF(area.left(), area.top(), area.width() - 4, 14),
                             Qt.AlignmentFlag.AlignRight, format_number(value))
