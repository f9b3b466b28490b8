"""The question bank: built-in questions from ``resources/questions`` and the user's own.

Every question has a stable *key*: ``builtin:<id>`` for the shipped ones,
``user:<n>`` for the user's.  Built-in questions are read-only data in
Japanese and English; the user's questions may be in either language or both.
Tags apply to any question; saved lists keep an ordered choice of keys.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from dataclasses import dataclass, field, replace
from functools import lru_cache

from core import paths
from core.interviews import utc_now
from core.messages import QT_TRANSLATE_NOOP, FurikaeriError, Message
from core.storage.transaction import transaction

BUILTIN_PREFIX = "builtin:"
USER_PREFIX = "user:"
LANGUAGES = ("ja", "en")
DEFAULT_TARGET_S = 60
MIN_TARGET_S = 10
MAX_TARGET_S = 600


class QuestionError(FurikaeriError):
    """A question, tag or list the bank cannot accept; the message says why."""


def _error(text: str, **params: object) -> QuestionError:
    return QuestionError(Message("Practice", text, params))


@dataclass(frozen=True)
class Category:
    id: str
    names: dict[str, str]

    def name(self, language: str) -> str:
        return self.names.get(language) or self.names.get("en") or self.id


@dataclass(frozen=True)
class Question:
    key: str
    texts: dict[str, str]  # language -> text; at least one
    category: str = "other"
    target_s: int = DEFAULT_TARGET_S
    tips: dict[str, str] = field(default_factory=dict)
    star: bool = False  # a behavioural question best answered with STAR
    tags: tuple[str, ...] = ()
    source_interview_id: int | None = None  # the real interview it was noted in

    @property
    def builtin(self) -> bool:
        return self.key.startswith(BUILTIN_PREFIX)

    @property
    def user_id(self) -> int | None:
        return int(self.key[len(USER_PREFIX):]) if self.key.startswith(USER_PREFIX) else None

    def text(self, language: str) -> str:
        """The text in ``language``, or in the other language when the user wrote only that one."""
        return self.texts.get(language) or next((t for t in self.texts.values() if t), "")

    def tip(self, language: str) -> str:
        return self.tips.get(language) or next((t for t in self.tips.values() if t), "")


@dataclass(frozen=True)
class QuestionList:
    id: int
    name: str
    keys: tuple[str, ...]


@lru_cache(maxsize=1)
def _builtin_data() -> tuple[tuple[Category, ...], tuple[Question, ...]]:
    data = json.loads((paths.resources_dir() / "questions" / "questions.json").read_text("utf-8"))
    categories = tuple(Category(c["id"], dict(c["name"])) for c in data["categories"])
    questions = tuple(
        Question(key=BUILTIN_PREFIX + q["id"], texts=dict(q["text"]), category=q["category"],
                 target_s=int(q["target_s"]), tips=dict(q.get("tips", {})), star=bool(q.get("star", False)))
        for q in data["questions"])
    return categories, questions


def categories() -> tuple[Category, ...]:
    return _builtin_data()[0]


def category(category_id: str) -> Category:
    return next((c for c in categories() if c.id == category_id), Category(category_id, {}))


def builtin_questions() -> tuple[Question, ...]:
    return _builtin_data()[1]


def normalise_tag(tag: str) -> str:
    return " ".join(tag.split())


def _validated_texts(texts: dict[str, str]) -> dict[str, str]:
    cleaned = {lang: " ".join(texts.get(lang, "").split()) for lang in LANGUAGES}
    if not any(cleaned.values()):
        raise _error(QT_TRANSLATE_NOOP("Practice", "A question needs its text in Japanese or English."))
    return {lang: text for lang, text in cleaned.items() if text}


def _validated_target(target_s: int) -> int:
    if not MIN_TARGET_S <= int(target_s) <= MAX_TARGET_S:
        raise _error(QT_TRANSLATE_NOOP("Practice", "The target length must be between {low} and {high} seconds."),
                     low=MIN_TARGET_S, high=MAX_TARGET_S)
    return int(target_s)


class QuestionBank:
    """The built-in questions plus the user's own, with tags and saved lists (stored in the library)."""

    def __init__(self, conn: sqlite3.Connection, lock: threading.RLock) -> None:
        self._conn = conn
        self._lock = lock

    # -- reading ------------------------------------------------------------------
    def all(self) -> list[Question]:
        """Built-in questions in bank order, then the user's in the order they were added."""
        with self._lock:
            rows = self._conn.execute("SELECT * FROM practice_questions ORDER BY id").fetchall()
            tags = self._all_tags()
        questions = [*builtin_questions(), *(self._from_row(row) for row in rows)]
        return [replace(q, tags=tags.get(q.key, ())) for q in questions]

    def get(self, key: str) -> Question | None:
        if key.startswith(BUILTIN_PREFIX):
            found = next((q for q in builtin_questions() if q.key == key), None)
        elif key.startswith(USER_PREFIX) and key[len(USER_PREFIX):].isdigit():
            with self._lock:
                row = self._conn.execute("SELECT * FROM practice_questions WHERE id = ?",
                                         (int(key[len(USER_PREFIX):]),)).fetchone()
            found = self._from_row(row) if row else None
        else:
            found = None
        return replace(found, tags=self.tags_of(key)) if found else None

    def many(self, keys: list[str] | tuple[str, ...]) -> list[Question]:
        """The questions for ``keys`` in that order; keys of deleted questions are skipped."""
        by_key = {q.key: q for q in self.all()}
        return [by_key[k] for k in keys if k in by_key]

    def _from_row(self, row: sqlite3.Row) -> Question:
        texts = {lang: row[f"text_{lang}"] for lang in LANGUAGES if row[f"text_{lang}"]}
        return Question(key=f"{USER_PREFIX}{row['id']}", texts=texts, category=row["category"],
                        target_s=row["target_s"], tips={"ja": row["tips"], "en": row["tips"]} if row["tips"] else {},
                        star=bool(row["star"]), source_interview_id=row["source_interview_id"])

    # -- the user's questions --------------------------------------------------------
    def add(self, texts: dict[str, str], category: str = "other", target_s: int = DEFAULT_TARGET_S,
            tips: str = "", star: bool = False, source_interview_id: int | None = None,
            tags: tuple[str, ...] = ()) -> Question:
        texts = _validated_texts(texts)
        target_s = _validated_target(target_s)
        now = utc_now().isoformat()
        with self._lock:
            cursor = self._conn.execute(
                "INSERT INTO practice_questions (text_ja, text_en, category, target_s, tips, star,"
                " source_interview_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (texts.get("ja", ""), texts.get("en", ""), category or "other", target_s, tips.strip(),
                 int(star), source_interview_id, now, now))
            key = f"{USER_PREFIX}{cursor.lastrowid}"
            if tags:
                self.set_tags(key, tags)
            added = self.get(key)
        assert added is not None  # just inserted, under the lock
        return added

    def update(self, question: Question) -> Question:
        """Save an edited user question (text, category, target, tip, STAR); built-in ones are read-only."""
        if question.user_id is None:
            raise _error(QT_TRANSLATE_NOOP("Practice", "Built-in questions cannot be edited; add your own version."))
        texts = _validated_texts(question.texts)
        with self._lock:
            cursor = self._conn.execute(
                "UPDATE practice_questions SET text_ja = ?, text_en = ?, category = ?, target_s = ?, tips = ?,"
                " star = ?, updated_at = ? WHERE id = ?",
                (texts.get("ja", ""), texts.get("en", ""), question.category or "other",
                 _validated_target(question.target_s), question.tip("ja").strip(), int(question.star),
                 utc_now().isoformat(), question.user_id))
            if cursor.rowcount == 0:
                raise _error(QT_TRANSLATE_NOOP("Practice", "This question no longer exists."))
            updated = self.get(question.key)
        assert updated is not None  # its row was just updated, under the lock
        return updated

    def delete(self, key: str) -> None:
        """Delete a user question (its past answers keep the text they were asked with)."""
        question = self.get(key)
        if question is None or question.user_id is None:
            raise _error(QT_TRANSLATE_NOOP("Practice", "Built-in questions cannot be deleted."))
        with transaction(self._conn, self._lock):
            self._conn.execute("DELETE FROM practice_questions WHERE id = ?", (question.user_id,))
            self._conn.execute("DELETE FROM question_tags WHERE question_key = ?", (key,))
            self._conn.execute("DELETE FROM question_list_items WHERE question_key = ?", (key,))

    def add_from_notes(self, interview_id: int, text: str, language: str, category: str = "other",
                       target_s: int = DEFAULT_TARGET_S) -> Question:
        """A question noted during a real interview, remembered with that interview."""
        text = clean_noted_text(text)
        if not text:
            raise _error(QT_TRANSLATE_NOOP("Practice", "Select the question in your notes first."))
        language = language if language in LANGUAGES else ("ja" if looks_japanese(text) else "en")
        return self.add({language: text}, category, target_s, source_interview_id=interview_id)

    # -- tags ------------------------------------------------------------------------
    def _all_tags(self) -> dict[str, tuple[str, ...]]:
        found: dict[str, list[str]] = {}
        for row in self._conn.execute("SELECT question_key, tag FROM question_tags ORDER BY tag"):
            found.setdefault(row["question_key"], []).append(row["tag"])
        return {key: tuple(tags) for key, tags in found.items()}

    def tags_of(self, key: str) -> tuple[str, ...]:
        with self._lock:
            rows = self._conn.execute("SELECT tag FROM question_tags WHERE question_key = ? ORDER BY tag",
                                      (key,)).fetchall()
        return tuple(row["tag"] for row in rows)

    def set_tags(self, key: str, tags: tuple[str, ...] | list[str]) -> tuple[str, ...]:
        cleaned = sorted({normalise_tag(t) for t in tags if normalise_tag(t)})
        with transaction(self._conn, self._lock):
            self._conn.execute("DELETE FROM question_tags WHERE question_key = ?", (key,))
            self._conn.executemany("INSERT INTO question_tags (question_key, tag) VALUES (?, ?)",
                                   [(key, tag) for tag in cleaned])
        return tuple(cleaned)

    def all_tags(self) -> list[str]:
        with self._lock:
            return [row["tag"] for row in self._conn.execute("SELECT DISTINCT tag FROM question_tags ORDER BY tag")]

    # -- saved lists -------------------------------------------------------------------
    def save_list(self, name: str, keys: list[str] | tuple[str, ...]) -> QuestionList:
        """Create or replace the list called ``name``."""
        name = " ".join(name.split())
        if not name:
            raise _error(QT_TRANSLATE_NOOP("Practice", "Give the list a name."))
        if not keys:
            raise _error(QT_TRANSLATE_NOOP("Practice", "Choose at least one question for the list."))
        with transaction(self._conn, self._lock):
            self._conn.execute("INSERT INTO question_lists (name, created_at) VALUES (?, ?)"
                               " ON CONFLICT (name) DO NOTHING", (name, utc_now().isoformat()))
            list_id = self._conn.execute("SELECT id FROM question_lists WHERE name = ?", (name,)).fetchone()[0]
            self._conn.execute("DELETE FROM question_list_items WHERE list_id = ?", (list_id,))
            self._conn.executemany(
                "INSERT INTO question_list_items (list_id, position, question_key) VALUES (?, ?, ?)",
                [(list_id, i, key) for i, key in enumerate(keys)])
        return QuestionList(list_id, name, tuple(keys))

    def lists(self) -> list[QuestionList]:
        with self._lock:
            lists = self._conn.execute("SELECT id, name FROM question_lists ORDER BY name").fetchall()
            items = self._conn.execute(
                "SELECT list_id, question_key FROM question_list_items ORDER BY list_id, position").fetchall()
        keys: dict[int, list[str]] = {}
        for row in items:
            keys.setdefault(row["list_id"], []).append(row["question_key"])
        return [QuestionList(row["id"], row["name"], tuple(keys.get(row["id"], ()))) for row in lists]

    def delete_list(self, list_id: int) -> None:
        with self._lock:
            self._conn.execute("DELETE FROM question_lists WHERE id = ?", (list_id,))


def clean_noted_text(text: str) -> str:
    """A line from notes without its list bullet or number ("- ", "1. ", "・")."""
    return " ".join(text.strip().lstrip("-*#・●>0123456789.）) ").split())


def looks_japanese(text: str) -> bool:
    return any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in text)
