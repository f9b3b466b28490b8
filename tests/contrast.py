"""WCAG 2 contrast of text as it is drawn: the label's pixels in a grab of its window (a frame's style-sheet
background included), the commonest colour taken as the background and the one farthest from it as the text."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QFont, QImage
from PySide6.QtWidgets import QLabel, QWidget

AA_NORMAL, AA_LARGE = 4.5, 3.0  # WCAG 2.1 level AA, 1.4.3


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(rgb: int) -> float:
    r, g, b = (rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def ratio(first: int, second: int) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def drawn_contrast(image: QImage) -> float:
    """The contrast between the commonest colour of ``image`` (the background) and the colour farthest from it."""
    pixels = Counter(image.pixel(x, y) & 0xFFFFFF for x in range(image.width()) for y in range(image.height()))
    background = pixels.most_common(1)[0][0]
    return max(ratio(background, colour) for colour in pixels)


def is_large(font: QFont) -> bool:
    """WCAG's large text: 18 pt, or 14 pt bold."""
    return font.pointSizeF() >= 18 or (font.pointSizeF() >= 14 and font.bold())


def low_contrast_labels(window: QWidget) -> list[str]:
    """Every visible, enabled label with text in ``window`` whose drawn text falls short of level AA."""
    shot = window.grab().toImage()
    failing = []
    for label in window.findChildren(QLabel):
        if not (label.isVisible() and label.isEnabled() and label.text().strip()) or not label.pixmap().isNull():
            continue
        area = QRect(label.mapTo(window, QPoint(0, 0)), label.size()).intersected(shot.rect())
        if area.width() < 2 or area.height() < 2:
            continue
        measured = drawn_contrast(shot.copy(area))
        needed = AA_LARGE if is_large(label.font()) else AA_NORMAL
        if measured < needed:
            failing.append(f"{label.objectName() or type(label.parentWidget()).__name__}: "
                           f"{label.text()[:40]!r} {measured:.2f} < {needed}")
    return failing
