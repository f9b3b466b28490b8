""""Also record the call's sound": the option for an online interview, and what it will record.

The choice of default is the core's (:func:`core.audio.call_sources.records_call_by_default`):
on when permission was given online, off face to face.  Once the user has
ticked or unticked the box themselves, their choice stands.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QVBoxLayout, QWidget

from core.audio.call_sources import CallSources, records_call_by_default
from core.consent import ConsentMethod
from gui.i18n import Retranslatable, render


class CallAudioRow(Retranslatable, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._found: CallSources | None = None
        self._wanted = False  # what the box would show if a source is there
        self._touched = False  # the user chose: defaults no longer change it
        self.check = QCheckBox()
        self.check.setObjectName("callAudioCheck")
        self.check.clicked.connect(self._clicked)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setObjectName("callAudioNote")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.check)
        layout.addWidget(self.note)
        self.setStyleSheet("#callAudioNote { font-style: italic; }")
        self.retranslate()

    def retranslate(self) -> None:
        self.check.setText(self.tr("Also record the call's sound"))
        self.check.setToolTip(self.tr("For an online interview (or a mock interview with a friend on a call): "
                                      "what the computer plays goes on a second track, with the same permission."))
        self._show()

    def _clicked(self, checked: bool) -> None:
        self._touched = True
        self._wanted = checked

    def set_sources(self, found: CallSources | None) -> None:
        """What this computer can record as the call (``None``: not known yet)."""
        self._found = found
        self._show()

    def set_default(self, on: bool, *, again: bool = False) -> None:
        """Tick or untick, unless the user already chose (``again``: for another interview, choose anew)."""
        if again:
            self._touched = False
        if not self._touched:
            self._wanted = on
            self._show()

    def follow(self, method: QComboBox, online_place: bool) -> None:
        """Default from the consent method chosen in ``method`` (its items' data: ConsentMethod values)."""
        def update() -> None:
            value = method.currentData()
            self.set_default(records_call_by_default(ConsentMethod(value) if value else None, online_place))

        method.currentIndexChanged.connect(lambda _index: update())
        update()

    def source(self) -> str | None:
        """The source to record the call from, or ``None`` (unticked, or nothing to record it from)."""
        found = self._found
        if not self.check.isChecked() or found is None or found.default is None:
            return None
        return found.default.name

    def _show(self) -> None:
        found = self._found
        available = found is not None and found.default is not None
        self.check.setEnabled(available)
        self.check.setChecked(available and self._wanted)
        if found is None:
            self.note.setText(self.tr("Looking for the computer's sound…"))
        elif found.default is None:
            self.note.setText(render(found.missing) if found.missing is not None else "")
        else:
            self.note.setText(self.tr("From: {source}").format(source=found.default.description))
