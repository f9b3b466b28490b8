"""Edit the note templates: change the built-in ones (and reset them), add your own."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.library import Library
from core.messages import FurikaeriError
from core.note_templates import BUILTIN_NAMES, PLACEHOLDERS, NoteTemplate
from core.ops import Changes
from core.ops import templates as template_ops
from gui.i18n import Retranslatable, render
from gui.tasks import ChangeHub, TaskRunner
from gui.theme import themed


class TemplatesDialog(Retranslatable, QDialog):
    """Edit the note templates; every change is a core operation announced on the app's change hub."""

    def __init__(self, library: Library, language: str, parent: QWidget | None = None,
                 hub: ChangeHub | None = None):
        super().__init__(parent)
        self.library = library
        self.tasks = TaskRunner(self, max_threads=1, hub=hub)
        self.tasks.hub.changed.connect(self._on_changes)
        self.templates: list[NoteTemplate] = []
        self._select_after: tuple | None = None
        self.language = QComboBox()
        self.language.addItem("日本語", "ja")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.language.currentIndexChanged.connect(lambda: self._load())
        self.list = QListWidget()
        self.list.currentRowChanged.connect(self._show)
        self.name = QLineEdit()
        self.body = QPlainTextEdit()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("templatesError")
        self.error.setWordWrap(True)
        self.new_button = QPushButton()
        self.save_button = QPushButton()
        self.reset_button = QPushButton()
        self.delete_button = QPushButton()
        self.new_button.clicked.connect(lambda: self.new_template())
        self.save_button.clicked.connect(lambda: self.save())
        self.reset_button.clicked.connect(lambda: self.reset())
        self.delete_button.clicked.connect(lambda: self.delete())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.name_label = QLabel()
        self.language_label = QLabel()

        form = QFormLayout()
        form.addRow(self.name_label, self.name)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.body, 1)
        right.addWidget(self.hint)
        right.addWidget(self.error)
        actions = QHBoxLayout()
        for button in (self.save_button, self.reset_button, self.delete_button):
            actions.addWidget(button)
        actions.addStretch()
        right.addLayout(actions)
        left = QVBoxLayout()
        top = QHBoxLayout()
        top.addWidget(self.language_label)
        top.addWidget(self.language, 1)
        left.addLayout(top)
        left.addWidget(self.list, 1)
        left.addWidget(self.new_button)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.buttons)
        self.setStyleSheet(themed("#templatesError { color: #b00020; }"))
        self.resize(820, 560)
        self.retranslate()
        self._load()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Note templates"))
        self.language_label.setText(self.tr("Language"))
        self.name_label.setText(self.tr("Name"))
        self.hint.setText(self.tr("These words in braces are filled in when the template is inserted: {names}").format(
            names=" ".join("{" + name + "}" for name in PLACEHOLDERS)))
        self.new_button.setText(self.tr("New template"))
        self.save_button.setText(self.tr("Save"))
        self.reset_button.setText(self.tr("Back to the original"))
        self.delete_button.setText(self.tr("Delete"))
        self._fill_list()

    def _name(self, template: NoteTemplate) -> str:
        if template.builtin is None:
            return template.name
        name = render(BUILTIN_NAMES[template.builtin])
        return self.tr("{name} (edited)").format(name=name) if template.edited else name

    def current_language(self) -> str:
        return self.language.currentData()

    def _on_changes(self, changes: Changes) -> None:
        if changes.templates:
            self._load()

    def _load(self) -> None:
        language = self.current_language()
        self.tasks.run(lambda: self.library.templates.all(language), done=self._loaded, failed=self._failed)

    def _loaded(self, templates: list[NoteTemplate]) -> None:
        self.templates = templates
        self._fill_list()

    def _fill_list(self) -> None:
        key = self._select_after or self._key(self.current())
        self._select_after = None
        self.list.blockSignals(True)
        self.list.clear()
        for template in self.templates:
            item = QListWidgetItem(self._name(template))
            self.list.addItem(item)
        self.list.blockSignals(False)
        keys = [self._key(t) for t in self.templates]
        self.list.setCurrentRow(keys.index(key) if key in keys else (0 if self.templates else -1))
        self._show(self.list.currentRow())

    @staticmethod
    def _key(template: NoteTemplate | None) -> tuple | None:
        if template is None:
            return None
        return ("builtin", template.builtin) if template.builtin else ("own", template.id)

    def current(self) -> NoteTemplate | None:
        row = self.list.currentRow()
        return self.templates[row] if 0 <= row < len(self.templates) else None

    def _show(self, row: int) -> None:
        template = self.templates[row] if 0 <= row < len(self.templates) else None
        self.error.clear()
        self.name.setText(self._name(template) if template else "")
        self.name.setReadOnly(template is None or template.builtin is not None)
        self.body.setPlainText(template.body if template else "")
        for button in (self.save_button,):
            button.setEnabled(template is not None)
        self.reset_button.setVisible(template is not None and template.builtin is not None)
        self.reset_button.setEnabled(template is not None and template.edited)
        self.delete_button.setVisible(template is None or template.builtin is None)
        self.delete_button.setEnabled(template is not None and template.builtin is None)

    def new_template(self) -> None:
        language = self.current_language()
        name = self.tr("My template")
        self._run(lambda: template_ops.add(self.library, language, name, "## \n- \n"),
                  lambda added: self._select(("own", added.id)))

    def save(self) -> None:
        template = self.current()
        if template is None:
            return
        name, body, language = self.name.text(), self.body.toPlainText(), self.current_language()
        if template.builtin is not None:
            self._run(lambda: template_ops.edit_builtin(self.library, template.builtin, language, body),
                      lambda _: self._select(("builtin", template.builtin)))
        else:
            self._run(lambda: template_ops.update(self.library, template.stored_id, name, body),
                      lambda _: self._select(("own", template.id)))

    def reset(self) -> None:
        template = self.current()
        if template is not None and template.builtin is not None:
            language = self.current_language()
            self._run(lambda: template_ops.reset_builtin(self.library, template.builtin, language),
                      lambda _: self._select(("builtin", template.builtin)))

    def delete(self) -> None:
        template = self.current()
        if template is not None and template.builtin is None:
            self._run(lambda: template_ops.delete(self.library, template.stored_id), lambda _: None)

    def _select(self, key: tuple) -> None:
        """Show ``key`` once the list shows the change (it follows the hub by itself)."""
        self._select_after = key

    def _run(self, op, then) -> None:
        self.tasks.run_op(op, done=then, failed=self._failed)

    def _failed(self, error: Exception) -> None:
        self.error.setText(render(error.message) if isinstance(error, FurikaeriError) else str(error))

    def done(self, result: int) -> None:
        self.tasks.wait_for_done()
        super().done(result)
