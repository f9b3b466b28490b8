"""Choosing what to practise, and looking after the question bank.

Questions by category (and tag), drawn at random, or from a saved list; the
list below shows what will be asked (for a random draw: the pool). Add, edit,
tag and delete your own questions here; built-in ones can be tagged.  Every
edit is a core operation (:mod:`core.ops.questions`); the page shows the bank
anew whenever the change hub says it changed, whoever changed it.
"""

from __future__ import annotations

import random

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.library import Library
from core.messages import FurikaeriError
from core.ops import Changes
from core.ops import questions as bank_ops
from core.practice.bank import Question, QuestionList, categories, category
from core.practice.run import DEFAULT_LIMIT_FACTOR, LIMIT_FACTORS
from core.practice.selection import MAX_QUESTIONS, Selection, SelectionMode, select_questions, shown_questions
from gui.i18n import Retranslatable, render
from gui.practice.microphone_check import MicrophoneCheck
from gui.practice.question_dialog import QuestionDialog
from gui.tasks import TaskRunner
from gui.theme import themed


class ChoosePage(Retranslatable, QWidget):
    start_requested = Signal(list, str)  # the questions to ask, their language
    bank_loaded = Signal()

    def __init__(self, library: Library, tasks: TaskRunner, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.library = library
        self.tasks = tasks
        self.bank: list[Question] = []
        self.saved_lists: list[QuestionList] = []
        self.companies: dict[int, str] = {}  # interview id -> company, for questions noted in an interview
        self.rng = random.Random()
        self._select_key: str | None = None  # a question to select once the bank is shown anew
        self._loads = 0  # only the newest load is shown

        self.heading = QLabel()
        self.heading.setObjectName("chooseHeading")
        self.heading.setWordWrap(True)
        self.language_label = QLabel()
        self.language = QComboBox()
        self.language.addItem("日本語", "ja")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(self.language.findData(language if language in ("ja", "en") else "en"))
        self.by_category = QRadioButton()
        self.at_random = QRadioButton()
        self.from_list = QRadioButton()
        self.mode = QButtonGroup(self)
        for button, mode in ((self.by_category, SelectionMode.CATEGORY), (self.at_random, SelectionMode.RANDOM),
                             (self.from_list, SelectionMode.LIST)):
            self.mode.addButton(button)
            button.setProperty("mode", mode.value)
        self.by_category.setChecked(True)
        self.categories = QListWidget()
        self.categories.setMaximumWidth(260)
        self.tag = QComboBox()
        self.count = QSpinBox()
        self.count.setRange(1, MAX_QUESTIONS)
        self.count.setValue(5)
        self.saved_list = QComboBox()
        self.questions = QListWidget()
        self.questions.setObjectName("practiceQuestions")
        self.questions.itemDoubleClicked.connect(lambda _item: self.edit_question())
        self.summary = QLabel()
        self.message = QLabel()
        self.message.setObjectName("chooseMessage")
        self.message.setWordWrap(True)
        self.add_button = QPushButton()
        self.edit_button = QPushButton()
        self.delete_button = QPushButton()
        self.save_list_button = QPushButton()
        self.limit_label = QLabel()
        self.limit = QComboBox()
        for factor in LIMIT_FACTORS:
            self.limit.addItem("", factor)
        self.limit.setCurrentIndex(LIMIT_FACTORS.index(DEFAULT_LIMIT_FACTOR))
        self.limit_label.setBuddy(self.limit)
        self.start_button = QPushButton()
        self.start_button.setObjectName("practiceStart")
        self.start_button.setDefault(True)
        self.add_button.clicked.connect(lambda: self.add_question())
        self.edit_button.clicked.connect(lambda: self.edit_question())
        self.delete_button.clicked.connect(lambda: self.delete_question())
        self.save_list_button.clicked.connect(lambda: self.save_list())
        self.start_button.clicked.connect(lambda: self.start())
        self.microphone = MicrophoneCheck(tasks)
        self.microphone.changed.connect(lambda _available: self._update_buttons())
        self.mode.buttonClicked.connect(lambda _b: self._apply_filter())
        self.language.currentIndexChanged.connect(lambda _i: self._fill_categories())
        self.categories.itemChanged.connect(lambda _item: self._apply_filter())
        self.tag.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.saved_list.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.questions.currentRowChanged.connect(lambda _r: self._update_buttons())
        self._picked: set[str] = set()  # ticked questions (kept while the choice changes)
        self.questions.itemChanged.connect(self._ticked)

        controls = QVBoxLayout()
        row = QHBoxLayout()
        row.addWidget(self.language_label)
        row.addWidget(self.language, 1)
        controls.addLayout(row)
        controls.addWidget(self.by_category)
        controls.addWidget(self.at_random)
        random_row = QHBoxLayout()
        random_row.addSpacing(20)
        random_row.addWidget(self.count)
        controls.addLayout(random_row)
        controls.addWidget(self.from_list)
        list_row = QHBoxLayout()
        list_row.addSpacing(20)
        list_row.addWidget(self.saved_list, 1)
        controls.addLayout(list_row)
        controls.addWidget(self.categories, 1)
        controls.addWidget(self.tag)
        right = QVBoxLayout()
        right.addWidget(self.summary)
        right.addWidget(self.questions, 1)
        bank_buttons = QHBoxLayout()
        for bank_button in (self.add_button, self.edit_button, self.delete_button, self.save_list_button):
            bank_buttons.addWidget(bank_button)
        bank_buttons.addStretch()
        right.addLayout(bank_buttons)
        body = QHBoxLayout()
        body.addLayout(controls)
        body.addLayout(right, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.limit_label)
        bottom.addWidget(self.limit)
        bottom.addWidget(self.start_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(body, 1)
        layout.addWidget(self.microphone)
        layout.addLayout(bottom)
        self.setStyleSheet(themed("#chooseHeading { font-size: 14pt; font-weight: 600; }"
                           "#chooseMessage { color: #b00020; }"))
        self._fill_categories()
        self.retranslate()
        tasks.hub.changed.connect(self._on_changes)
        self._load()

    # -- data ---------------------------------------------------------------------------
    def question_language(self) -> str:
        return self.language.currentData()

    def _on_changes(self, changes: Changes) -> None:
        """The bank changed, or an interview some question was noted in (its company is shown)."""
        sources = {q.source_interview_id for q in self.bank if q.source_interview_id is not None}
        if changes.questions or (changes.interviews | changes.deleted_interviews) & sources:
            self._load()

    def _load(self) -> None:
        library = self.library
        self._loads += 1
        load = self._loads

        def work() -> tuple[list[Question], list[QuestionList], list[str], dict[int, str]]:
            companies = {i.id: i.company for i in library.interviews.all() if i.id is not None}
            return library.questions.all(), library.questions.lists(), library.questions.all_tags(), companies

        def loaded(result: tuple[list[Question], list[QuestionList], list[str], dict[int, str]]) -> None:
            if load == self._loads:  # a newer load is on its way otherwise
                self._loaded(result)

        self.tasks.run(work, done=loaded, failed=self._failed)

    def _select_when_loaded(self, key: str) -> None:
        self._select_key = key

    def _loaded(self, result: tuple[list[Question], list[QuestionList], list[str], dict[int, str]]) -> None:
        select_key, self._select_key = self._select_key, None
        self.bank, self.saved_lists, tags, self.companies = result
        current_tag, current_list = self.tag.currentData(), self.saved_list.currentData()
        for combo in (self.tag, self.saved_list):
            combo.blockSignals(True)
            combo.clear()
        self.tag.addItem("", None)
        for tag in tags:
            self.tag.addItem(tag, tag)
        for saved in self.saved_lists:
            self.saved_list.addItem(saved.name, saved.id)
        self.tag.setCurrentIndex(max(0, self.tag.findData(current_tag)))
        self.saved_list.setCurrentIndex(max(0, self.saved_list.findData(current_list)))
        for combo in (self.tag, self.saved_list):
            combo.blockSignals(False)
        self.retranslate()
        self._apply_filter(select_key)
        self.bank_loaded.emit()

    def _fill_categories(self) -> None:
        checked = self.chosen_categories()
        self.categories.blockSignals(True)
        self.categories.clear()
        for item in categories():
            row = QListWidgetItem(item.name(self.question_language()))
            row.setData(Qt.ItemDataRole.UserRole, item.id)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Checked if item.id in checked else Qt.CheckState.Unchecked)
            self.categories.addItem(row)
        self.categories.blockSignals(False)
        self._apply_filter()

    def chosen_categories(self) -> tuple[str, ...]:
        return tuple(self.categories.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.categories.count())
                     if self.categories.item(i).checkState() == Qt.CheckState.Checked)

    def set_categories(self, chosen: tuple[str, ...] | list[str]) -> None:
        for i in range(self.categories.count()):
            item = self.categories.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in chosen
                               else Qt.CheckState.Unchecked)

    def selection(self) -> Selection:
        checked = self.mode.checkedButton()
        mode = SelectionMode(checked.property("mode")) if checked is not None else SelectionMode.CATEGORY
        saved = next((s for s in self.saved_lists if s.id == self.saved_list.currentData()), None)
        tags = (self.tag.currentData(),) if self.tag.currentData() else ()
        return Selection(mode, self.chosen_categories(), tags, self.count.value(), saved, self.question_language(),
                         self.picked())

    def picked(self) -> tuple[str, ...]:
        """The keys of the questions ticked in the list as shown (none: all of them are asked)."""
        return tuple(key for item in self._items() if item.checkState() == Qt.CheckState.Checked
                     and (key := item.data(Qt.ItemDataRole.UserRole)) is not None)

    def _items(self) -> list[QListWidgetItem]:
        return [self.questions.item(row) for row in range(self.questions.count())]

    def _ticked(self, item: QListWidgetItem) -> None:
        key = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.Checked:
            self._picked.add(key)
        else:
            self._picked.discard(key)
        self.retranslate_summary(self.questions.count())

    def shown_questions(self) -> list[Question]:
        """The questions the choice asks, or for a random draw the pool it draws from."""
        return shown_questions(self.bank, self.selection())

    def _apply_filter(self, select_key: str | None = None) -> None:
        """Show the questions the current choice gives (``select_key``: select that one)."""
        self.count.setEnabled(self.at_random.isChecked())
        self.saved_list.setEnabled(self.from_list.isChecked())
        language = self.question_language()
        shown = self.shown_questions()
        self.questions.blockSignals(True)
        self.questions.clear()
        for question in shown:
            extra = [category(question.category).name(language), self.tr("{seconds} s").format(
                seconds=question.target_s)]
            if question.tags:
                extra.append(", ".join(question.tags))
            if question.source_interview_id in self.companies:
                extra.append(self.tr("asked at {company}").format(company=self.companies[question.source_interview_id]))
            item = QListWidgetItem(f"{question.text(language)}  ({' · '.join(extra)})")
            item.setData(Qt.ItemDataRole.UserRole, question.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if question.key in self._picked else Qt.CheckState.Unchecked)
            self.questions.addItem(item)
            if question.key == select_key:
                self.questions.setCurrentItem(item)
        self.questions.blockSignals(False)
        self.message.clear()
        self.retranslate_summary(len(shown))
        self._update_buttons()

    def retranslate_summary(self, count: int) -> None:
        if picked := len(self.picked()):
            text = (self.tr("{count} ticked questions to draw from") if self.at_random.isChecked() else
                    self.tr("{count} ticked questions will be asked in this order"))
            self.summary.setText(text.format(count=picked))
        elif self.at_random.isChecked():
            self.summary.setText(self.tr("{count} questions to draw from").format(count=count))
        else:
            self.summary.setText(self.tr("{count} questions will be asked in this order").format(count=count))

    def limit_factor(self) -> float | None:
        """The chosen time limit, as a multiple of each question's target length (None: no limit)."""
        return self.limit.currentData()

    def current_question(self) -> Question | None:
        item = self.questions.currentItem()
        key = item.data(Qt.ItemDataRole.UserRole) if item else None
        return next((q for q in self.bank if q.key == key), None)

    def _update_buttons(self) -> None:
        question = self.current_question()
        self.edit_button.setEnabled(question is not None)
        self.delete_button.setEnabled(question is not None and not question.builtin)
        self.save_list_button.setEnabled(self.questions.count() > 0)
        self.start_button.setEnabled(self.questions.count() > 0 and self.microphone.available)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Practise answering interview questions out loud"))
        self.language_label.setText(self.tr("Questions in"))
        self.by_category.setText(self.tr("By category"))
        self.at_random.setText(self.tr("At random, this many:"))
        self.from_list.setText(self.tr("A saved list"))
        if self.tag.count():
            self.tag.setItemText(0, self.tr("Any tag"))
        self.add_button.setText(self.tr("Add question…"))
        self.edit_button.setText(self.tr("Edit or tag…"))
        self.delete_button.setText(self.tr("Delete"))
        self.save_list_button.setText(self.tr("Save as list…"))
        self.start_button.setText(self.tr("Start practice"))
        self.limit_label.setText(self.tr("Time limit per answer"))
        names = {1.0: self.tr("the target length"), 1.5: self.tr("1.5 × the target"), 2.0: self.tr("2 × the target"),
                 None: self.tr("none (Next only)")}
        for index in range(self.limit.count()):
            self.limit.setItemText(index, names[self.limit.itemData(index)])
        self.limit.setToolTip(self.tr("When the limit passes, the next question comes by itself."))
        self.categories.setToolTip(self.tr("No category ticked: all categories"))
        for widget, name in ((self.language, self.tr("Questions in")),
                             (self.count, self.tr("How many questions at random")),
                             (self.saved_list, self.tr("Saved list")), (self.categories, self.tr("Categories")),
                             (self.tag, self.tr("Tag")), (self.questions, self.tr("Questions"))):
            widget.setAccessibleName(name)
        self.questions.setAccessibleDescription(self.tr("Tick questions to practise only those"))
        self.retranslate_summary(self.questions.count())

    # -- actions -------------------------------------------------------------------------------
    def start(self) -> None:
        try:
            questions = select_questions(self.bank, self.selection(), self.rng)
        except FurikaeriError as error:
            self.message.setText(render(error.message))
            return
        self.start_requested.emit(questions, self.question_language())

    def add_question(self, text: str = "", source_interview_id: int | None = None) -> None:
        dialog = QuestionDialog(self.question_language(), self, text=text)
        accepted = dialog.exec() == QuestionDialog.DialogCode.Accepted
        texts, tags = dialog.texts(), dialog.tag_list()
        values = (dialog.category.currentData(), dialog.target.value(), dialog.tip.text(), dialog.star.isChecked())
        dialog.deleteLater()  # here, on the UI thread (not whenever Python's collector runs)
        if not accepted:
            return
        library = self.library
        self.tasks.run_op(lambda: bank_ops.add_question(library, texts, *values,
                                                        source_interview_id=source_interview_id, tags=tags),
                          done=lambda added: self._select_when_loaded(added.key), failed=self._failed)

    def edit_question(self) -> None:
        question = self.current_question()
        if question is None:
            return
        dialog = QuestionDialog(self.question_language(), self, question)
        accepted = dialog.exec() == QuestionDialog.DialogCode.Accepted
        tags = dialog.tag_list()
        edited = Question(key=question.key, texts=dialog.texts(), category=dialog.category.currentData(),
                          target_s=dialog.target.value(), tips={"ja": dialog.tip.text()}, star=dialog.star.isChecked())
        dialog.deleteLater()
        if not accepted:
            return
        library = self.library
        self.tasks.run_op(lambda: bank_ops.edit_question(library, edited, tags),
                          done=lambda saved: self._select_when_loaded(saved.key), failed=self._failed)

    def delete_question(self) -> None:
        question = self.current_question()
        if question is None or question.builtin:
            return
        answer = QMessageBox.question(self, self.tr("Delete question"), self.tr(
            "Delete this question from your bank? Past answers to it are kept.") + "\n\n" +
            question.text(self.question_language()))
        if answer == QMessageBox.StandardButton.Yes:
            library = self.library
            self.tasks.run_op(lambda: bank_ops.delete_question(library, question.key), failed=self._failed)

    def save_list(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save as list"), self.tr("Name of the list"))
        if not ok:
            return
        keys = list(self.picked()) or [item.data(Qt.ItemDataRole.UserRole) for item in self._items()]
        library = self.library
        self.tasks.run_op(lambda: bank_ops.save_list(library, name, keys), failed=self._failed)

    def _failed(self, error: Exception) -> None:
        self.message.setText(render(error.message) if isinstance(error, FurikaeriError) else str(error))
