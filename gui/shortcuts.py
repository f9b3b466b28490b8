"""Every keyboard shortcut of the app in one list: the windows make theirs from it, Help → Keyboard shortcuts shows
it, and a test checks that each one listed exists where it says (tests/test_shortcuts.py)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence

from core.messages import QT_TRANSLATE_NOOP

MAIN, RECORDING, PRACTICE_PAGE, TRANSCRIPT = "main", "recording", "practice", "transcript"
WHERE = {MAIN: QT_TRANSLATE_NOOP("Shortcuts", "Main window"),
         RECORDING: QT_TRANSLATE_NOOP("Shortcuts", "While recording (main window)"),
         PRACTICE_PAGE: QT_TRANSLATE_NOOP("Shortcuts", "While practising (main window)"),
         TRANSCRIPT: QT_TRANSLATE_NOOP("Shortcuts", "Transcript window")}


@dataclass(frozen=True)
class Shortcut:
    keys: str | QKeySequence.StandardKey
    what: str  # marked with QT_TRANSLATE_NOOP("Shortcuts", …)
    where: str

    def sequence(self) -> QKeySequence:
        return QKeySequence(self.keys)

    def text(self) -> str:
        """The keys as this computer names them (Ctrl+R; ⌘R on a Mac)."""
        return self.sequence().toString(QKeySequence.SequenceFormat.NativeText)

    def description(self) -> str:
        return QCoreApplication.translate("Shortcuts", self.what)


NEW = Shortcut(QKeySequence.StandardKey.New, QT_TRANSLATE_NOOP("Shortcuts", "New interview"), MAIN)
EDIT = Shortcut("Return", QT_TRANSLATE_NOOP("Shortcuts", "Edit the selected interview (in the list)"), MAIN)
DELETE = Shortcut(QKeySequence.StandardKey.Delete, QT_TRANSLATE_NOOP("Shortcuts", "Delete the selected interview"),
                  MAIN)
FIND = Shortcut(QKeySequence.StandardKey.Find, QT_TRANSLATE_NOOP("Shortcuts", "Search everything"), MAIN)
PRACTICE = Shortcut("Ctrl+Shift+P", QT_TRANSLATE_NOOP("Shortcuts", "Practise answering questions"), MAIN)
UPCOMING = Shortcut("Ctrl+U", QT_TRANSLATE_NOOP("Shortcuts", "What is coming up"), MAIN)
TIME_NOTE = Shortcut("Ctrl+T", QT_TRANSLATE_NOOP("Shortcuts", "Insert the current time into the notes"), MAIN)
PREFERENCES = Shortcut("Ctrl+,", QT_TRANSLATE_NOOP("Shortcuts", "Settings"), MAIN)
HELP = Shortcut(QKeySequence.StandardKey.HelpContents, QT_TRANSLATE_NOOP("Shortcuts", "Help"), MAIN)
QUIT = Shortcut(QKeySequence.StandardKey.Quit, QT_TRANSLATE_NOOP("Shortcuts", "Quit"), MAIN)
RECORD = Shortcut("Ctrl+R", QT_TRANSLATE_NOOP(
    "Shortcuts", "Start recording (the interviewer's permission is asked first)"), RECORDING)
PAUSE = Shortcut("Ctrl+Shift+R", QT_TRANSLATE_NOOP("Shortcuts", "Pause or resume the recording"), RECORDING)
STOP = Shortcut("Ctrl+.", QT_TRANSLATE_NOOP("Shortcuts", "Stop and save the recording"), RECORDING)
MARKER = Shortcut("Ctrl+M", QT_TRANSLATE_NOOP("Shortcuts", "Mark this moment of the recording"), RECORDING)
LEAVE_PRACTICE = Shortcut("Esc", QT_TRANSLATE_NOOP(
    "Shortcuts", "Back to the interviews (a practice recording is stopped and saved first)"), PRACTICE_PAGE)
PLAY = Shortcut("F5", QT_TRANSLATE_NOOP("Shortcuts", "Play or pause"), TRANSCRIPT)
BACK = Shortcut("Alt+Left", QT_TRANSLATE_NOOP("Shortcuts", "Back 5 seconds"), TRANSCRIPT)
FORWARD = Shortcut("Alt+Right", QT_TRANSLATE_NOOP("Shortcuts", "Forward 5 seconds"), TRANSCRIPT)
PREVIOUS = Shortcut("Alt+Up", QT_TRANSLATE_NOOP("Shortcuts", "Previous segment"), TRANSCRIPT)
NEXT = Shortcut("Alt+Down", QT_TRANSLATE_NOOP("Shortcuts", "Next segment"), TRANSCRIPT)
FIND_IN_TRANSCRIPT = Shortcut(QKeySequence.StandardKey.Find, QT_TRANSLATE_NOOP("Shortcuts", "Find in the transcript"),
                              TRANSCRIPT)
TIME_LINK = Shortcut("Ctrl+T", QT_TRANSLATE_NOOP("Shortcuts", "Put a link to this moment into the notes"),
                     TRANSCRIPT)

SHORTCUTS = (NEW, EDIT, DELETE, FIND, PRACTICE, UPCOMING, TIME_NOTE, PREFERENCES, HELP, QUIT,
             RECORD, PAUSE, STOP, MARKER,
             LEAVE_PRACTICE,
             PLAY, BACK, FORWARD, PREVIOUS, NEXT, FIND_IN_TRANSCRIPT, TIME_LINK)
