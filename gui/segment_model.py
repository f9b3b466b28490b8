"""Transcript segments as a table: time and text; the text column is editable (a correction)."""

from __future__ import annotations

import bisect

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from core.transcription.guard import flag_reasons
from core.transcription.model import Segment
from gui.i18n import render

Index = QModelIndex | QPersistentModelIndex


def format_time(ms: int) -> str:
    seconds = ms // 1000
    if seconds >= 3600:
        return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


class SegmentModel(QAbstractTableModel):
    corrected = Signal(int, object)  # segment row, new text (None: back to the original)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._segments: list[Segment] = []
        self._starts: list[int] = []
        self.current_row: int | None = None

    def set_segments(self, segments: list[Segment] | tuple[Segment, ...]) -> None:
        self.beginResetModel()
        self._segments = list(segments)
        self._starts = [s.start_ms for s in self._segments]
        self.current_row = None
        self.endResetModel()

    def segment(self, row: int) -> Segment:
        return self._segments[row]

    def replace_segment(self, row: int, segment: Segment) -> None:
        self._segments[row] = segment
        self.dataChanged.emit(self.index(row, 0), self.index(row, 1))

    def row_at(self, position_ms: int) -> int | None:
        """The segment playing at ``position_ms`` (the last one started before it)."""
        row = bisect.bisect_right(self._starts, position_ms) - 1
        if row < 0:
            return None
        return row if position_ms < max(self._segments[row].end_ms, self._segments[row].start_ms + 1) else None

    def set_current(self, row: int | None) -> None:
        if row == self.current_row:
            return
        previous, self.current_row = self.current_row, row
        for changed in (previous, row):
            if changed is not None:
                self.dataChanged.emit(self.index(changed, 0), self.index(changed, 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._segments)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Time"), self.tr("Text"))[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == 1 else base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        segment = self._segments[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return format_time(segment.start_ms) if index.column() == 0 else segment.display_text.strip()
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 1:
            tips = []
            if segment.corrected_text is not None:
                tips.append(self.tr("Original: {text}").format(text=segment.text.strip()))
            tips += [render(reason) for reason in flag_reasons(segment.flags)]  # why it is greyed
            return "\n".join(tips) or None
        if role == Qt.ItemDataRole.BackgroundRole:
            if index.row() == self.current_row:
                return QBrush(QColor("#fff59d"))
            if segment.flags:
                return QBrush(QColor("#eeeeee"))
        if role == Qt.ItemDataRole.ForegroundRole and segment.flags:
            return QBrush(QColor("#757575"))
        if role == Qt.ItemDataRole.FontRole and segment.corrected_text is not None and index.column() == 1:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != 1:
            return False
        segment = self._segments[index.row()]
        text = str(value).strip()
        correction = None if text == segment.text.strip() or not text else text
        self.corrected.emit(index.row(), correction)
        return True
