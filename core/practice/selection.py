"""Choosing the questions for a practice session: by category, at random, or a saved list."""

from __future__ import annotations

import enum
import random
from collections.abc import Sequence
from dataclasses import dataclass, replace

from core.messages import QT_TRANSLATE_NOOP
from core.practice.bank import Question, QuestionError, QuestionList, _error

MAX_QUESTIONS = 30


class SelectionMode(enum.Enum):
    CATEGORY = "category"  # the questions of the chosen categories (and tags), in bank order
    RANDOM = "random"  # ``count`` questions drawn from those categories (or the whole bank)
    LIST = "list"  # a saved list, in its order


@dataclass(frozen=True)
class Selection:
    mode: SelectionMode
    categories: tuple[str, ...] = ()  # empty: every category
    tags: tuple[str, ...] = ()  # empty: any tag; otherwise questions carrying at least one
    count: int = 5
    saved_list: QuestionList | None = None
    language: str = "ja"  # only questions with text in this language (user questions may have one language)
    picked: tuple[str, ...] = ()  # the questions the user ticked among those the choice gives: only these


def _matches(question: Question, selection: Selection) -> bool:
    if selection.categories and question.category not in selection.categories:
        return False
    if selection.tags and not set(selection.tags) & set(question.tags):
        return False
    return bool(question.texts.get(selection.language))


def select_questions(bank: Sequence[Question], selection: Selection,
                     rng: random.Random | None = None) -> list[Question]:
    """The questions to ask, in order; raises :class:`QuestionError` when nothing matches."""
    if selection.mode is SelectionMode.LIST:
        if selection.saved_list is None:
            raise _error(QT_TRANSLATE_NOOP("Practice", "Choose a saved list."))
        by_key = {q.key: q for q in bank}
        chosen = [by_key[k] for k in selection.saved_list.keys if k in by_key]
    else:
        chosen = [q for q in bank if _matches(q, selection)]
    if selection.picked:
        chosen = [q for q in chosen if q.key in set(selection.picked)]
    if selection.mode is SelectionMode.RANDOM:
        count = max(1, min(selection.count, MAX_QUESTIONS))
        chosen = (rng or random.Random()).sample(chosen, min(count, len(chosen)))
    if not chosen:
        raise _error(QT_TRANSLATE_NOOP("Practice", "No question matches this choice. Choose other categories or tags."))
    return chosen


def shown_questions(bank: Sequence[Question], selection: Selection) -> list[Question]:
    """What a choice shows before it starts: the questions it asks, in order, or for a random draw the
    pool it draws from; none when nothing matches."""
    if selection.mode is SelectionMode.RANDOM:
        selection = Selection(SelectionMode.CATEGORY, selection.categories, selection.tags,
                              language=selection.language)
    selection = replace(selection, picked=())  # shown with the ticked ones among them
    try:
        return select_questions(bank, selection)
    except QuestionError:
        return []
