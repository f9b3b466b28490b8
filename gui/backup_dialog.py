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


class UnlockDialog(QDialog):
    """The passphrase of the backup to restore, typed once without being shown, under a sentence saying which."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore a backup"))
        self.setAccessibleName(self.tr("Restore a backup"))
        self.explanation = QLabel(self.tr(
            "Type the passphrase this backup was made with. Nothing is changed until the backup has been checked."))
        self.explanation.setWordWrap(True)
        self.explanation.setMinimumWidth(self.explanation.fontMetrics().horizontalAdvance("x") * 48)  # 2–3 lines
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setAccessibleName(self.tr("Passphrase"))
        # The field is what a screen reader lands on: it reads the sentence after the field's name.
        self.field.setAccessibleDescription(self.explanation.text())
        form = QFormLayout()
        form.addRow(self.tr("&Passphrase:"), self.field)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Restore"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.field.textChanged.connect(
            lambda text: self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(text)))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)


class BackupAction(QObject):
    """The menu action and what it does."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.action = QAction(window)
        self.action.triggered.connect(lambda: self.choose())
        self.restore_action = QAction(window)
        self.restore_action.triggered.connect(lambda: self.choose_restore())

    def retranslate(self) -> None:
        self.action.setText(self.tr("&Back up…"))
        self.action.setToolTip(self.tr("The whole library, recordings and settings in one encrypted file"))
        self.restore_action.setText(self.tr("&Restore…"))
        self.restore_action.setToolTip(self.tr("Replace this library with a backup (this one is kept aside)"))

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

    def choose_restore(self) -> None:
        """Ask for the backup, say what happens, ask for its passphrase, then restore in the background."""
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from core import backup

        recorder = self.window._pane.recorder if self.window._pane is not None else None
        if recorder is not None and recorder.is_recording():
            QMessageBox.information(self.window, self.tr("Restore a backup"),
                                    self.tr("A recording is running: stop it before restoring a backup."))
            return
        path, _chosen = QFileDialog.getOpenFileName(
            self.window, self.tr("Restore a backup"), export_folder(self.window.settings),
            self.tr("Furikaeri backup (*{suffix});;All files (*)").format(suffix=SUFFIX))
        if not path:
            return
        answer = QMessageBox.question(
            self.window, self.tr("Restore a backup"),
            self.tr("The library shown now will be replaced by the backup. It is not deleted: it is moved to a "
                    "folder beside it. Every file and consent record of the backup is checked first. Furikaeri "
                    "closes when done; open it again to see the restored library. Restore?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            encrypted = backup.is_encrypted(path)
        except backup.BackupError as error:
            self.window.show_error(error)
            return
        passphrase = None
        if encrypted:
            dialog = UnlockDialog(self.window)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            passphrase = dialog.field.text()
        self.restore_from(path, passphrase)

    def restore_from(self, path: str, passphrase: str | None) -> None:
        """Restore in the background behind a modal progress dialog; on success, say what came back and close."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox, QProgressDialog

        from core import backup
        from core.backup import RestoreResult

        window = self.window
        window._notes.flush()  # typed notes belong to the library being set aside
        progress = QProgressDialog(self.tr("Checking and restoring the backup…"), "", 0, 1000, window)
        progress.setWindowTitle(self.tr("Restore a backup"))
        progress.setAccessibleName(self.tr("Restoring a backup"))
        progress.setCancelButton(None)  # type: ignore[arg-type]  # no way to stop half-way: Qt accepts None
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.show()

        def advanced(done: int, total: int) -> None:
            progress.setValue(done * 1000 // total if total else 1000)

        def restored(result: RestoreResult) -> None:
            progress.close()
            window.settings.reload()
            QMessageBox.information(window, self.tr("Restore a backup"), self.tr(
                "Restored {interviews} interview(s) and {recordings} recording(s) ({size} MB); every file and "
                "consent record was checked. The previous library is in {aside}. Furikaeri closes now: open it "
                "again to see the restored library.").format(
                interviews=result.interviews, recordings=result.recordings, size=f"{result.bytes / 1e6:.1f}",
                aside=str(result.set_aside)))
            window.close()

        def failed(error: Exception) -> None:
            progress.close()
            window.show_error(error)

        window.tasks.run(lambda report: backup.restore(path, passphrase, replace=True, report=report),
                         done=restored, failed=failed, progress=advanced)
