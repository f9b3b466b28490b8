"""Question-bank operations: the user's questions, tags on any question, saved lists.

Each runs in one transaction and reports ``Changes(questions=True)``, so every
screen listing questions (the practice window's choose page) shows the bank
anew by itself.  Built-in questions are read-only data: editing one changes
only its tags.
"""

from __future__ import annotations

from collections.abc import Sequence

from core.library import Library
from core.ops.changes import Changes, Result
from core.practice.bank import DEFAULT_TARGET_S, Question, QuestionList

BANK = Changes(questions=True)


def add_question(library: Library, texts: dict[str, str], category: str = "other",
                 target_s: int = DEFAULT_TARGET_S, tip: str = "", star: bool = False, *,
                 source_interview_id: int | None = None, tags: Sequence[str] = ()) -> Result[Question]:
    """One of the user's own questions (``source_interview_id``: noted in that interview), with its tags."""
    with library.transaction():
        question = library.questions.add(texts, category, target_s, tip, star,
                                         source_interview_id=source_interview_id, tags=tuple(tags))
    return Result(question, BANK)


def edit_question(library: Library, question: Question, tags: Sequence[str]) -> Result[Question]:
    """Save an edited question and its tags; of a built-in question only the tags change."""
    with library.transaction():
        if not question.builtin:
            library.questions.update(question)
        library.questions.set_tags(question.key, tuple(tags))
        saved = library.questions.get(question.key)
    assert saved is not None  # just written, in this transaction
    return Result(saved, BANK)


def delete_question(library: Library, key: str) -> Result[None]:
    """Delete one of the user's questions (past answers keep the text they were asked with)."""
    with library.transaction():
        library.questions.delete(key)
    return Result(None, BANK)


def save_list(library: Library, name: str, keys: Sequence[str]) -> Result[QuestionList]:
    """Create or replace the saved list called ``name``."""
    with library.transaction():
        saved = library.questions.save_list(name, tuple(keys))
    return Result(saved, BANK)


def delete_list(library: Library, list_id: int) -> Result[None]:
    with library.transaction():
        library.questions.delete_list(list_id)
    return Result(None, BANK)
