"""An answer's metrics, each against its target range with a plain-words meaning, and its transcript."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from core.messages import Message
from core.practice.review import Piece, PieceKind
from gui.i18n import Retranslatable, render
from gui.practice.charts import MetricBar, format_number, target_text


def _text(value: Any) -> str:
    if value is None:
        return ""
    return render(value) if isinstance(value, Message) else str(value)


def describe(key: str, language: str) -> tuple[str, str, str]:
    """(name, unit, meaning) of a metric in the UI language, from the metrics core."""
    from core.analysis.metrics import metric_info

    info = metric_info(key, language)
    if isinstance(info, tuple):
        name, unit, meaning = ([*list(info), None, None, None])[:3]
    else:
        name, unit, meaning = (getattr(info, attr, None) for attr in ("name", "unit", "meaning"))
    return _text(name) or key, _text(unit), _text(meaning)


class MetricsView(Retranslatable, QWidget):
    """One row per metric: name, value with unit, a bar with the target band, and what it means."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setColumnStretch(2, 1)
        self.metrics: dict | None = None
        self.language = "en"
        self.rows: list[tuple[str, QLabel, QLabel, MetricBar, QLabel]] = []
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.grid.addWidget(self.empty, 0, 0, 1, 3)

    def set_metrics(self, metrics: dict | None, language: str) -> None:
        self.metrics, self.language = metrics, language
        for _key, *widgets in self.rows:
            for widget in widgets:
                self.grid.removeWidget(widget)
                widget.deleteLater()
        self.rows = []
        for row, value in enumerate((metrics or {}).get("values", ()), start=1):
            # Parented at once: Qt owns them, so Python's collector never deletes a widget from another thread.
            name, value_label, meaning = QLabel(self), QLabel(self), QLabel(self)
            meaning.setWordWrap(True)
            meaning.setObjectName("metricMeaning")
            bar = MetricBar(value["value"], value["low"], value["high"], self)
            bar.setVisible(value["low"] is not None or value["high"] is not None)  # a scale needs a target
            self.grid.addWidget(name, 2 * row - 1, 0)
            self.grid.addWidget(value_label, 2 * row - 1, 1)
            self.grid.addWidget(bar, 2 * row - 1, 2)
            self.grid.addWidget(meaning, 2 * row, 0, 1, 3)
            self.rows.append((value["key"], name, value_label, bar, meaning))
        self.setStyleSheet("#metricMeaning { margin-bottom: 4px; }")
        self.retranslate()

    def retranslate(self) -> None:
        self.empty.setText(self.tr("The measures appear here once the recording is transcribed."))
        self.empty.setVisible(not self.rows)
        values = {v["key"]: v for v in (self.metrics or {}).get("values", ())}
        for key, name_label, value_label, bar, meaning_label in self.rows:
            name, unit, meaning = describe(key, self.language)
            value = values[key]
            low, high = value["low"], value["high"]
            name_label.setText(name)
            value_label.setText(f"{format_number(value['value'])} {unit}".strip())
            target = target_text(low, high)
            # The bar as words, for a screen reader: the value, the target, and whether it is met.
            met = ("" if bar.in_range is None
                   else self.tr("within the target") if bar.in_range else self.tr("outside the target"))
            bar.setAccessibleName(name)
            bar.setAccessibleDescription(", ".join(filter(None, (value_label.text(), target, met))))
            if target:
                meaning = f"{meaning} ({target})" if meaning else target
            meaning_label.setText(meaning)
            bar.setToolTip(meaning)
        self._fit_heights()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_heights()

    def _fit_heights(self) -> None:
        """Wrapped labels in a grid get squeezed: give each the height its text needs at this width."""
        width = max(100, self.width())
        for *_widgets, meaning in self.rows:
            height = meaning.heightForWidth(width)
            if height > 0:  # -1 until the label can wrap
                meaning.setMinimumHeight(height)


def pieces_html(pieces: list[Piece], language: str, pause_text: str) -> str:
    """The answer's words as HTML: fillers highlighted, long pauses shown where they happened,
    text the speech model probably invented greyed."""
    separator = "" if language == "ja" else " "
    parts = []
    for piece in pieces:
        text = html.escape(piece.text.strip())
        if piece.kind is PieceKind.FILLER:
            parts.append(f'<span style="background:#ffe082; color:#000000;">{text}</span>')  # any palette
        elif piece.kind is PieceKind.INVENTED:  # probably not said: greyed, struck through, not counted
            parts.append(f'<span style="color:#9e9e9e; text-decoration:line-through;">{text}</span>')
        elif piece.kind is PieceKind.PAUSE:
            label = html.escape(pause_text.format(seconds=piece.text))
            parts.append(f' <span style="background:#bbdefb; color:#0d47a1;">⏸ {label}</span> ')
        else:
            parts.append(text)
    return separator.join(parts)
