"""The notes text itself: Markdown as plain text, with time links you can click."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QMouseEvent, QSyntaxHighlighter, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit

from core.timecodes import find_time_links, time_link_at
from gui.theme import follower, tone

_HEADING = re.compile(r"^#{1,6}\s")


class NotesHighlighter(QSyntaxHighlighter):
    """Headings in bold, time links as links."""

    def __init__(self, document: QTextDocument):
        super().__init__(document)
        self.heading = QTextCharFormat()
        self.heading.setFontWeight(QFont.Weight.Bold)
        self.link = QTextCharFormat()
        self.link.setFontUnderline(True)
        self._colour_links()
        if (palette := follower()) is not None:
            palette.changed.connect(self._recolour)

    def _colour_links(self) -> None:
        self.link.setForeground(tone("#1a5fb4"))

    def _recolour(self) -> None:
        self._colour_links()
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        if _HEADING.match(text):
            self.setFormat(0, len(text), self.heading)
        for link in find_time_links(text):
            self.setFormat(link.start, link.end - link.start, self.link)


class NotesTextEdit(QPlainTextEdit):
    """A plain-text editor in which a click on ``[12:34]`` asks to play from there."""

    time_link_clicked = Signal(int)  # milliseconds into the recording

    def __init__(self, parent=None):
        super().__init__(parent)
        self.highlighter = NotesHighlighter(self.document())
        self.setMouseTracking(True)
        self._pressed_on: int | None = None

    def link_at(self, position) -> int | None:
        """The time (ms) of the time link under a viewport position, if any."""
        cursor = self.cursorForPosition(position)
        block = cursor.block()
        offset = cursor.positionInBlock()
        link = time_link_at(block.text(), offset)
        if link is None and offset > 0:  # the cursor lands after the character under the pointer
            link = time_link_at(block.text(), offset - 1)
        if link is None:
            return None
        # The pointer must really be over the link's characters, not past the end of the line.
        start = QTextCursor(block)
        start.setPosition(block.position() + link.start)
        end = QTextCursor(block)
        end.setPosition(block.position() + link.end)
        left, right = self.cursorRect(start).left(), self.cursorRect(end).left()
        return link.ms if left <= position.x() <= right else None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        over = self.link_at(event.position().toPoint()) is not None
        self.viewport().setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.IBeamCursor)
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._pressed_on = (self.link_at(event.position().toPoint())
                            if event.button() == Qt.MouseButton.LeftButton else None)
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        pressed, self._pressed_on = self._pressed_on, None
        if pressed is None or self.textCursor().hasSelection():
            return  # a drag selects text as usual
        if self.link_at(event.position().toPoint()) == pressed:
            self.time_link_clicked.emit(pressed)

    def reveal_line(self, line: int) -> None:
        """Put the cursor at the start of ``line`` (0-based) and scroll it into view."""
        block = self.document().findBlockByNumber(max(0, min(line, self.document().blockCount() - 1)))
        cursor = QTextCursor(block)
        self.setTextCursor(cursor)
        self.centerCursor()

    def insert_at_cursor(self, text: str) -> None:
        """Insert as one undoable step."""
        cursor = self.textCursor()
        cursor.beginEditBlock()
        cursor.insertText(text)
        cursor.endEditBlock()
        self.setTextCursor(cursor)

    def insert_at_top(self, text: str) -> None:
        """Put ``text`` above everything (one undoable step) and start writing under its first heading."""
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        cursor.movePosition(QTextCursor.MoveOperation.Start)
        rest = self.document().characterCount() > 1
        cursor.insertText(text + ("\n" if rest and not text.endswith("\n\n") else ""))
        cursor.endEditBlock()
        self.setTextCursor(_first_bullet(self.document(), len(text)) or cursor)
        self.ensureCursorVisible()


def _first_bullet(document: QTextDocument, limit: int) -> QTextCursor | None:
    """The end of the first "- " line after a "## " heading, within the first ``limit`` characters."""
    block, seen_heading = document.begin(), False
    while block.isValid() and block.position() < limit:
        text = block.text()
        if text.startswith("## "):
            seen_heading = True
        elif seen_heading and text.startswith("-"):
            cursor = QTextCursor(block)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
            return cursor
        block = block.next()
    return None
