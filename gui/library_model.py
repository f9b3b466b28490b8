"""The interview list as a Qt table model (display only; no rules here)."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelection,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from core.interviews import Interview, Status
from gui.dates import format_moment
from gui.labels import company_label, kind_label, stage_label, status_label
from gui.theme import tone

Index = QModelIndex | QPersistentModelIndex
# The status column's colours (light-palette tones; gui.theme gives their dark counterparts): what is still
# open in blue, good news in green, what has ended without an offer quieter.
STATUS_TONES = {
    Status.SCHEDULED: "#1a4f9c", Status.WAITING: "#8a5a00", Status.PASSED: "#1b6b2a", Status.OFFER: "#1b6b2a",
    Status.REJECTED: "#666", Status.DECLINED: "#666", Status.CANCELLED: "#666", Status.NO_SHOW: "#666",
}


class LibraryModel(QAbstractTableModel):
    # Compact (issue 17): who, how far, when, how it stands; the position and the kind are on the interview's page
    # and in each row's tooltip.
    COLUMNS = ("company", "stage", "date", "status")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[Interview] = []

    def set_interviews(self, interviews: list[Interview]) -> None:
        self.beginResetModel()
        self._rows = list(interviews)
        self.endResetModel()

    def interview_at(self, row: int) -> Interview:
        return self._rows[row]

    def row_of(self, interview_id: int) -> int | None:
        for row, item in enumerate(self._rows):
            if item.id == interview_id:
                return row
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.COLUMNS) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Company"), self.tr("Stage"), self.tr("Date"), self.tr("Status"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return " · ".join(part for part in (company_label(item.company, item.kind), item.position,
                                                kind_label(item.kind), format_moment(item.starts_at)) if part)
        if column == "status" and role == Qt.ItemDataRole.ForegroundRole:
            return tone(STATUS_TONES[item.status]) if item.status in STATUS_TONES else None
        if column == "status" and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)  # a badge: how it stands, at a glance
            return font
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        if column == "date":
            return format_moment(item.starts_at)
        if column == "company":
            return company_label(item.company, item.kind)
        if column == "stage":
            return stage_label(item.stage)
        return status_label(item.status)


class LibraryView(QTableView):
    """The interview table; reports selection changes through its own signal.

    Overriding the view's ``selectionChanged`` (rather than connecting the
    selection model to the window) means no Python slot is called while the
    window is being destroyed.
    """

    selection_changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        # The view owns its model: a model destroyed before its view (as siblings
        # would be) resets the selection into a window that is being torn down.
        self.library_model = LibraryModel(self)
        self.setModel(self.library_model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)  # Tab leaves the list (the arrows move in it): keyboard users are not trapped
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # set by _fit_columns
        header.setSectionResizeMode(LibraryModel.COLUMNS.index("company"), QHeaderView.ResizeMode.Stretch)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # a narrow column: texts elide
        for signal in (self.library_model.modelReset, self.library_model.headerDataChanged):
            signal.connect(self._fit_columns)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)

    def _fit_columns(self, *_args) -> None:
        """The date and the status as wide as their texts; the stage too while the company keeps at least 30% of
        the list, else narrowed (its text elides, whole in the tooltip and on the interview's page)."""
        header = self.horizontalHeader()
        wanted = {column: max(self.sizeHintForColumn(column), header.sectionSizeHint(column))
                  for column in range(self.library_model.columnCount())
                  if header.sectionResizeMode(column) is not QHeaderView.ResizeMode.Stretch}
        stage = LibraryModel.COLUMNS.index("stage")
        room = self.viewport().width() * 7 // 10 - sum(width for column, width in wanted.items() if column != stage)
        wanted[stage] = min(wanted[stage], max(room, header.fontMetrics().horizontalAdvance("M") * 5))
        for column, width in wanted.items():
            header.resizeSection(column, max(width, header.minimumSectionSize()))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def selectionChanged(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        super().selectionChanged(selected, deselected)
        self.selection_changed.emit()

    def selected_row(self) -> int | None:
        rows = self.selectionModel().selectedRows()
        return rows[0].row() if rows else None
