"""Question-bank operations: the user's questions, tags on any question, saved lists.

Each runs in one transaction and reports ``Changes(questions=True)``, so every
screen listing questions (the practice window's choose page) shows the bank
anew by itself.  Built-in questions are read-only data: editing one changes
only its tags.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from core.library import Library
from core.ops.changes import NOTHING, Changes, Result
from core.practice.bank import DEFAULT_TARGET_S, LANGUAGES, Question, QuestionList, looks_japanese

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


@dataclass(frozen=True)
class AskedQuestionSaved:
    """What :func:`add_asked_question` did: the bank's question, and whether it was new."""

    question: Question
    added: bool  # False: the bank already had it (recognised, not duplicated); only its tags may have grown


def add_asked_question(library: Library, interview_id: int, text: str, language: str | None = None, *,
                       target_s: int | None = None) -> Result[AskedQuestionSaved]:
    """A question asked in interview ``interview_id`` into the bank, tagged with its company and stage.

    When the bank already has the same question (:func:`core.practice.matching.same_question`:
    width, punctuation, 御社/貴社 and the like do not matter; built-in
    questions in both languages count), that question is returned and only
    gains the tags; otherwise a new question of the user's is added, noted as
    coming from that interview, with the category and target length its
    words suggest (``target_s`` overrides the target).  Raises
    :class:`core.interviews.NotFoundError` when the interview no longer
    exists and :class:`core.practice.bank.QuestionError` for an empty text.
    """
    from core.labels import stage_label
    from core.practice.matching import category_of, same_question, target_seconds

    text = " ".join(text.split())
    language = language if language in LANGUAGES else ("ja" if looks_japanese(text) else "en")
    with library.transaction():
        interview = library.interviews.get(interview_id)
        tags = [interview.company, stage_label(interview.stage, language) if interview.stage else ""]
        bank = library.questions.all()
        same = same_question(text, bank)
        if same is not None:
            wanted = tuple(dict.fromkeys([*same.tags, *(t for t in tags if t.strip())]))
            if set(library.questions.set_tags(same.key, wanted)) == set(same.tags):
                return Result(AskedQuestionSaved(same, False), NOTHING)
            saved = library.questions.get(same.key)
            assert saved is not None  # it was just found, in this transaction
            return Result(AskedQuestionSaved(saved, False), BANK)
        question = library.questions.add(
            {language: text}, category_of(text), target_s or target_seconds(text, bank),
            source_interview_id=interview_id, tags=tuple(t for t in tags if t.strip()))
    return Result(AskedQuestionSaved(question, True), BANK)
