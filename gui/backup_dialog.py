"""Library → Back up…: the whole library into one encrypted archive (the same as ``main.py backup``), written in
the background with its progress in the status bar."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from gui.export_folder import export_folder, remember_folder

if TYPE_CHECKING:
    from core.backup import BackupResult
    from gui.main_window import MainWindow

SUFFIX = ".furikaeri-backup"


class PassphraseDialog(QDialog):
    """The passphrase, typed twice without being shown; or, ticked and clearly said, no encryption at all."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Back up the library"))
        self.setAccessibleName(self.tr("Back up the library"))
        explanation = QLabel(self.tr(
            "The backup holds your interviews, notes, recordings and settings. It is encrypted with this "
            "passphrase: without it, nobody (you included) can restore it."))
        explanation.setWordWrap(True)
        self.first = QLineEdit()
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.first.setAccessibleName(self.tr("Passphrase"))
        self.second = QLineEdit()
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.second.setAccessibleName(self.tr("The same passphrase again"))
        self.plain = QCheckBox(self.tr("Do not encrypt (anyone who gets the file can read it)"))
        self.plain.setAccessibleName(self.tr("Do not encrypt"))
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("Passphrase problem"))
        form = QFormLayout()
        form.addRow(self.tr("&Passphrase:"), self.first)
        form.addRow(self.tr("&Again:"), self.second)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Back up"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.plain)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        for field in (self.first, self.second):
            field.textChanged.connect(self._check)
        self.plain.toggled.connect(self._check)
        self._check()

    def _check(self) -> None:
        plain = self.plain.isChecked()
        for field in (self.first, self.second):
            field.setEnabled(not plain)
        if plain:
            problem = self.tr("Not encrypted: keep the file somewhere only you can reach.")
            ready = True
        elif not self.first.text():
            problem, ready = "", False
        elif self.first.text() != self.second.text():
            problem, ready = (self.tr("The two passphrases do not match yet.") if self.second.text() else ""), False
        else:
            problem, ready = "", True
        self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def passphrase(self) -> str | None:
        """The passphrase, or None for an unencrypted backup."""
        return None if self.plain.isChecked() else self.first.text()


class BackupAction(QObject):
    """The menu action and what it does."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.action = QAction(window)
        self.action.triggered.connect(lambda: self.choose())

    def retranslate(self) -> None:
        self.action.setText(self.tr("&Back up…"))
        self.action.setToolTip(self.tr("The whole library, recordings and settings in one encrypted file"))

    def choose(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        settings = self.window.settings
        suggested = Path(export_folder(settings)) / f"furikaeri-{date.today().isoformat()}{SUFFIX}"
        path, _chosen = QFileDialog.getSaveFileName(self.window, self.tr("Back up the library"), str(suggested),
                                                    self.tr("Furikaeri backup (*{suffix})").format(suffix=SUFFIX))
        if not path:
            return
        if not path.endswith(SUFFIX):
            path += SUFFIX
        dialog = PassphraseDialog(self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        remember_folder(settings, path)
        self.back_up_to(path, dialog.passphrase())

    def back_up_to(self, path: str, passphrase: str | None) -> None:
        """Write the archive in the background, its progress in the status bar."""
        from core import backup

        status = self.window.statusBar()
        self.action.setEnabled(False)

        def progress(done: int, total: int) -> None:
            status.showMessage(self.tr("Backing up… {percent}%").format(
                percent=done * 100 // total if total else 100))

        def written(result: BackupResult) -> None:
            self.action.setEnabled(True)
            status.showMessage(self.tr("Backed up {files} file(s), {size} MB, to {path}").format(
                files=result.files, size=f"{result.bytes / 1e6:.1f}", path=path), 15000)

        def failed(error: Exception) -> None:
            self.action.setEnabled(True)
            status.clearMessage()
            self.window.show_error(error)

        self.window.tasks.run(lambda report: backup.backup(path, passphrase, report=report),
                              done=written, failed=failed, progress=progress)
