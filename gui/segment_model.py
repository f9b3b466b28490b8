"""Transcript segments as a table: time, text and, for a two-track recording, who spoke.

The text column is editable (a correction); so is the speaker column (a new
name for that speaker, everywhere in the recording).  The speaker column is
the last one logically: the window shows it between time and text.
"""

from __future__ import annotations

import bisect

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from core.transcription.model import Segment
from core.transcription.speakers import INTERVIEWER, ME
from gui.i18n import render
from gui.theme import tone

Index = QModelIndex | QPersistentModelIndex
TIME, TEXT, SPEAKER = range(3)
# Each speaker's colour, readable on white and on the current row's yellow (contrast >= 4.5:1).
SPEAKER_COLOURS = {INTERVIEWER: QColor("#1a4f9c"), ME: QColor("#1b6b2a")}


def format_time(ms: int) -> str:
    seconds = ms // 1000
    if seconds >= 3600:
        return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


class SegmentModel(QAbstractTableModel):
    corrected = Signal(int, object)  # segment row, new text (None: back to the original)
    renamed = Signal(str, str)  # speaker id, the name the user typed ("": back to the default)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._segments: list[Segment] = []
        self._starts: list[int] = []
        self._names: dict[str, str] = {}
        self.current_row: int | None = None

    def set_names(self, names: dict[str, str]) -> None:
        """The speakers' names (speaker id -> name) shown in the speaker column."""
        self._names = dict(names)
        if self._segments:
            self.dataChanged.emit(self.index(0, SPEAKER), self.index(len(self._segments) - 1, SPEAKER))

    def speaker_name(self, speaker: str | None) -> str:
        return "" if speaker is None else self._names.get(speaker, speaker)

    @property
    def has_speakers(self) -> bool:
        return any(segment.speaker is not None for segment in self._segments)

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
        self.dataChanged.emit(self.index(row, 0), self.index(row, SPEAKER))

    def row_started(self, position_ms: int) -> int:
        """The last segment that starts at or before ``position_ms`` (-1: none)."""
        return bisect.bisect_right(self._starts, position_ms) - 1

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
                self.dataChanged.emit(self.index(changed, 0), self.index(changed, SPEAKER))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._segments)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Time"), self.tr("Text"), self.tr("Speaker"))[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.column() == TEXT or (index.column() == SPEAKER and self._segments[index.row()].speaker is not None):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def _speaker_data(self, segment: Segment, role: int, row: int):
        if segment.speaker is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.speaker_name(segment.speaker)
        if role == Qt.ItemDataRole.DecorationRole:
            return SPEAKER_COLOURS.get(segment.speaker)
        if role == Qt.ItemDataRole.ForegroundRole:
            if row == self.current_row:
                return QBrush(SPEAKER_COLOURS.get(segment.speaker, QColor("#000000")))  # on the light highlight
            colour = SPEAKER_COLOURS.get(segment.speaker)
            return QBrush(tone(colour.name())) if colour is not None else None
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Double-click or press F2 to rename {name} in this recording.").format(
                name=self.speaker_name(segment.speaker))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        segment = self._segments[index.row()]
        if index.column() == SPEAKER and role != Qt.ItemDataRole.BackgroundRole:
            return self._speaker_data(segment, role, index.row())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return format_time(segment.start_ms) if index.column() == TIME else segment.display_text.strip()
        if role == Qt.ItemDataRole.AccessibleTextRole and index.column() == TEXT and segment.speaker is not None:
            return f"{self.speaker_name(segment.speaker)}: {segment.display_text.strip()}"
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == TEXT:
            tips = []
            if segment.corrected_text is not None:
                tips.append(self.tr("Original: {text}").format(text=segment.text.strip()))
            from core.transcription.guard import flag_reasons  # with numpy: not for format_time's users at start

            tips += [render(reason) for reason in flag_reasons(segment.flags)]  # why it is greyed
            return "\n".join(tips) or None
        if role == Qt.ItemDataRole.BackgroundRole:
            if index.row() == self.current_row:
                return QBrush(QColor("#fff59d"))
            if segment.flags:
                return QBrush(QColor("#eeeeee"))
        if role == Qt.ItemDataRole.ForegroundRole and segment.flags:
            return QBrush(QColor("#757575"))
        if role == Qt.ItemDataRole.ForegroundRole and index.row() == self.current_row:
            return QBrush(QColor("#000000"))  # on the light highlight, whatever the palette
        if role == Qt.ItemDataRole.FontRole and segment.corrected_text is not None and index.column() == TEXT:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() not in (TEXT, SPEAKER):
            return False
        segment = self._segments[index.row()]
        if index.column() == SPEAKER:
            if segment.speaker is None:
                return False
            name = str(value).strip()
            if name != self.speaker_name(segment.speaker):
                self.renamed.emit(segment.speaker, name)
            return True
        text = str(value).strip()
        correction = None if text == segment.text.strip() or not text else text
        self.corrected.emit(index.row(), correction)
        return True
