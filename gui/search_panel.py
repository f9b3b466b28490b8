"""Searching the whole library: a query field, filters, and hits with their matches highlighted.

The query runs in the background (:class:`TaskRunner`) 200 ms after the last
keystroke or filter change; a result that arrives after a newer one is
dropped.  The highlighted hit (the first one as the hits arrive, then the one
the arrows reach) is :attr:`SearchPanel.hit_current`: the main window shows its
interview beside the hits.  Enter or a double-click on a hit emits
:attr:`SearchPanel.hit_activated` with the :class:`core.search.SearchHit`; the
main window opens it (the notes at its line, the transcript at its segment).
"""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QDate,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeyEvent, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from core.interviews import InterviewKind, Status
from core.library import Library
from core.messages import FurikaeriError
from core.search import SearchFilters, SearchHit
from gui.dates import format_moment, show_dates
from gui.i18n import Retranslatable, current_language, render
from gui.labels import company_label, kind_label, status_label
from gui.segment_model import format_time
from gui.tasks import TaskRunner

DEBOUNCE_MS = 200
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
MATCH_STYLE = "background-color: #ffe58a; color: #000000; font-weight: 600;"

Index = QModelIndex | QPersistentModelIndex


def snippet_html(hit: SearchHit) -> str:
    """The snippet as rich text: the user's words escaped, the matches bold on a yellow background."""
    parts, at = [], 0
    for start, end in hit.spans:
        parts.append(html.escape(hit.snippet[at:start]))
        parts.append(f'<span style="{MATCH_STYLE}">{html.escape(hit.snippet[start:end])}</span>')
        at = end
    parts.append(html.escape(hit.snippet[at:]))
    return "".join(parts)


def place_text(hit: SearchHit) -> str:
    """Where the match is, in the UI language."""
    if hit.source == "transcript":
        time_text = format_time(hit.start_ms or 0)
        place = QCoreApplication.translate("SearchPanel", "Transcript {time}").format(time=time_text)
        return place if hit.speaker_name is None else f"{place} · {hit.speaker_name}"
    if hit.source == "note":
        return QCoreApplication.translate("SearchPanel", "Notes, line {line}").format(line=(hit.note_line or 0) + 1)
    return QCoreApplication.translate("SearchPanel", "Company and position")


def title_text(hit: SearchHit) -> str:
    name = company_label(hit.company, hit.kind) + (f" — {hit.position}" if hit.position else "")
    return f"{name} · {format_moment(hit.starts_at)} · {kind_label(hit.kind)}"


class HitModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def retranslate(self) -> None:
        if self.hits:
            self.dataChanged.emit(self.index(0), self.index(len(self.hits) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        hit = self.hits[index.row()]
        if role == HIT_ROLE:
            return hit
        if role == Qt.ItemDataRole.DisplayRole:  # plain text, for accessibility and keyboard search
            return f"{title_text(hit)} · {place_text(hit)}\n{hit.snippet}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{title_text(hit)} · {status_label(hit.status)}"
        return None


class HitDelegate(QStyledItemDelegate):
    """Two lines per hit: the interview and place (small, grey), then the snippet with its matches marked."""

    def _document(self, option: QStyleOptionViewItem, hit: SearchHit) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(4)
        muted = option.palette.color(QPalette.ColorRole.PlaceholderText).name()
        document.setHtml(f'<div style="color: {muted}; font-size: small;">'
                         f"{html.escape(title_text(hit))} · {html.escape(place_text(hit))}</div>"
                         f"<div>{snippet_html(hit)}</div>")
        document.setTextWidth(max(100, option.rect.width()))
        return document

    def paint(self, painter, option: QStyleOptionViewItem, index: Index) -> None:
        hit = index.data(HIT_ROLE)
        if hit is None:
            return super().paint(painter, option, index)
        options = QStyleOptionViewItem(option)
        self.initStyleOption(options, index)
        options.text = ""
        style = options.widget.style() if options.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, options, painter, options.widget)
        document = self._document(option, hit)
        context = QAbstractTextDocumentLayout.PaintContext()
        if option.state & QStyle.StateFlag.State_Selected:
            context.palette.setColor(QPalette.ColorRole.Text,
                                     option.palette.color(QPalette.ColorRole.HighlightedText))
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(option.rect.translated(-option.rect.topLeft()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        hit = index.data(HIT_ROLE)
        if hit is None:
            return super().sizeHint(option, index)
        document = self._document(option, hit)
        return QSize(int(document.idealWidth()), int(document.size().height()))


class HitList(QListView):
    """The hits; Enter on the current one activates it whatever the platform's convention."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.hit_model = HitModel(self)  # owned by its view
        self.setModel(self.hit_model)
        self.setItemDelegate(HitDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setUniformItemSizes(False)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)


class SearchPanel(Retranslatable, QWidget):
    hit_activated = Signal(object)  # the SearchHit
    hit_current = Signal(object)  # the SearchHit now highlighted (the first one as soon as the hits are shown)
    searched = Signal(str)  # the query whose results are now shown

    def __init__(self, library: Library, tasks: TaskRunner, parent: QWidget | None = None,
                 field: QLineEdit | None = None):
        super().__init__(parent)
        self.library = library
        self.tasks = tasks
        self._issued = 0  # queries sent to the background
        self._shown = 0  # the newest query whose results are shown
        self.shown_query = ""
        self.field = field if field is not None else QLineEdit()
        self.field.setClearButtonEnabled(True)
        self.field.setObjectName("searchField")
        self.kind = QComboBox()
        self.status = QComboBox()
        self.company = QLineEdit()
        self.company.setClearButtonEnabled(True)
        self.company.setMinimumWidth(90)
        for combo in (self.kind, self.status):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.from_check, self.to_check = QCheckBox(), QCheckBox()
        today = QDate.currentDate()
        self.from_date, self.to_date = QDateEdit(today.addMonths(-3)), QDateEdit(today)
        for check, edit in ((self.from_check, self.from_date), (self.to_check, self.to_date)):
            edit.setCalendarPopup(True)
            edit.setEnabled(False)
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(lambda _checked: self.schedule())
            edit.dateChanged.connect(lambda _date: self.schedule())
        self.results = HitList()
        self.message = QLabel()
        self.message.setObjectName("searchMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.search_now)

        self.field.textChanged.connect(lambda _text: self.schedule())
        self.field.returnPressed.connect(self._field_return)
        self.field.installEventFilter(self)
        self.kind.currentIndexChanged.connect(lambda _index: self.schedule())
        self.status.currentIndexChanged.connect(lambda _index: self.schedule())
        self.company.textChanged.connect(lambda _text: self.schedule())
        self.results.activated.connect(self._activate)
        self.results.selectionModel().currentChanged.connect(self._current_changed)

        filters = QHBoxLayout()  # two rows: the panel sits in the interview list's narrow column
        for widget in (self.kind, self.status, self.company):
            filters.addWidget(widget, 1 if widget is self.company else 0)
        dates = QHBoxLayout()
        for date_widget in (self.from_check, self.from_date, self.to_check, self.to_date):
            dates.addWidget(date_widget)
        dates.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if field is None:
            layout.addWidget(self.field)
        layout.addLayout(filters)
        layout.addLayout(dates)
        layout.addWidget(self.message)
        layout.addWidget(self.results, 1)
        self.setStyleSheet("#searchMessage { font-style: italic; padding: 12px; }")  # placeholder grey fails AA
        self._message_text = lambda: ""
        self.retranslate()

    # -- text ----------------------------------------------------------------------
    def retranslate(self) -> None:
        show_dates(self.from_date, self.to_date, with_time=False)
        self.field.setPlaceholderText(self.tr("Search notes, transcripts and companies (Ctrl+F)"))
        self.company.setPlaceholderText(self.tr("Company"))
        for widget, name in ((self.kind, self.tr("Type of interview")), (self.status, self.tr("Status")),
                             (self.company, self.tr("Company")), (self.from_date, self.tr("From date")),
                             (self.to_date, self.tr("To date")), (self.results, self.tr("Search results"))):
            widget.setAccessibleName(name)
        self.from_check.setText(self.tr("From"))
        self.to_check.setText(self.tr("To"))
        self._fill(self.kind, [(None, self.tr("Real and mock"))] + [(k, kind_label(k)) for k in InterviewKind])
        self._fill(self.status, [(None, self.tr("Any status"))] + [(s, status_label(s)) for s in Status])
        self.results.hit_model.retranslate()
        self._show_message(self._message_text)

    @staticmethod
    def _fill(combo: QComboBox, items: list) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for value, text in items:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)
        combo.blockSignals(False)

    def _show_message(self, text) -> None:
        """Show a line above the hits (hidden when empty); ``text`` is called again when the language changes."""
        self._message_text = text
        self.message.setText(text())
        self.message.setVisible(bool(self.message.text()))

    # -- searching -------------------------------------------------------------------
    def filters(self) -> SearchFilters:
        def day(check: QCheckBox, edit: QDateEdit) -> date | None:
            chosen = edit.date()
            return date(chosen.year(), chosen.month(), chosen.day()) if check.isChecked() else None

        return SearchFilters(kind=self.kind.currentData(), status=self.status.currentData(),
                             company=self.company.text().strip() or None,
                             date_from=day(self.from_check, self.from_date), date_to=day(self.to_check, self.to_date))

    def schedule(self) -> None:
        """Search shortly, once typing pauses."""
        self._timer.start()

    def search_now(self) -> None:
        self._timer.stop()
        query, filters = self.field.text().strip(), self.filters()
        self._issued += 1
        serial = self._issued
        if not query:
            self._display(serial, query, [])
            return
        search, language = self.library.search.search, current_language()
        self.tasks.run(lambda: search(query, filters, language=language),
                       done=lambda hits: self._display(serial, query, hits),
                       failed=lambda error: self._failed(serial, error))

    def _display(self, serial: int, query: str, hits: list[SearchHit]) -> None:
        if serial < self._shown:
            return  # a newer query finished first
        self._shown = serial
        self.shown_query = query
        self.results.hit_model.set_hits(hits)
        if hits:
            self.results.setCurrentIndex(self.results.hit_model.index(0))
        if not query:
            self._show_message(lambda: "")
        elif not hits:
            self._show_message(lambda: self.tr("No results for “{query}”.").format(query=query))
        else:
            self._show_message(lambda: "")
        self.searched.emit(query)

    def _failed(self, serial: int, error: Exception) -> None:
        if serial < self._shown:
            return
        self._shown = serial
        text = render(error.message) if isinstance(error, FurikaeriError) else str(error)
        self.results.hit_model.set_hits([])
        self._show_message(lambda: self.tr("The search failed: {detail}").format(detail=text))

    # -- opening a hit -------------------------------------------------------------------
    def hits(self) -> list[SearchHit]:
        return list(self.results.hit_model.hits)

    def _activate(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if hit is not None:
            self.hit_activated.emit(hit)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        hit = current.data(HIT_ROLE) if current.isValid() else None
        if hit is not None:
            self.hit_current.emit(hit)

    def _field_return(self) -> None:
        """Enter in the field: search at once, or open the current hit when the results are up to date."""
        if self._timer.isActive() or self.shown_query != self.field.text().strip():
            self.search_now()
        elif self.results.currentIndex().isValid():
            self._activate(self.results.currentIndex())

    def eventFilter(self, watched, event) -> bool:
        """Down from the field goes to the hits."""
        if (watched is self.field and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Down and self.results.hit_model.rowCount()):
            self.results.setFocus()
            return True
        return super().eventFilter(watched, event)
