"""Note templates: the built-in ones in Japanese and English, and the user's own.

Built-ins ship as Markdown in ``resources/note_templates/<key>.<language>.md``:

* ``recall``: everything worth writing down right after an interview;
* ``declined``: a short capture for when recording was refused, to fill in
  the first five minutes;
* ``mock_review``: a self-review after practising at home.

The user may edit a built-in (their version is stored and can be reset) and
add templates of their own.  Placeholders in braces (``{company}``,
``{position}``, ``{date}``, ``{time}``, ``{declined_at}``) are filled when a
template is inserted; unknown ones are left as written.
"""

from __future__ import annotations

import enum
import re
import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from core import paths
from core.consent.records import ConsentAnswer, ConsentRecord
from core.interviews import Interview, utc_now
from core.messages import QT_TRANSLATE_NOOP, FurikaeriError, Message

LANGUAGES = ("ja", "en")
PLACEHOLDERS = ("company", "position", "date", "time", "declined_at")
_PLACEHOLDER = re.compile(r"\{(" + "|".join(PLACEHOLDERS) + r")\}")


class Builtin(enum.Enum):
    RECALL = "recall"
    DECLINED = "declined"
    MOCK_REVIEW = "mock_review"


BUILTIN_NAMES = {
    Builtin.RECALL: Message("Templates", QT_TRANSLATE_NOOP("Templates", "Right after the interview"), {}),
    Builtin.DECLINED: Message("Templates", QT_TRANSLATE_NOOP("Templates", "Recording declined: quick capture"), {}),
    Builtin.MOCK_REVIEW: Message("Templates", QT_TRANSLATE_NOOP("Templates", "Mock interview self-review"), {}),
}


class TemplateError(FurikaeriError):
    """A template the user has to correct (or that no longer exists)."""


@dataclass(frozen=True)
class NoteTemplate:
    language: str
    body: str
    builtin: Builtin | None = None  # set for a built-in, edited or not
    name: str = ""  # the user's name for their own template ('' for built-ins: see BUILTIN_NAMES)
    id: int | None = None  # the stored row: the user's template, or their edit of a built-in
    edited: bool = False  # a built-in the user has changed

    @property
    def stored_id(self) -> int:
        """The id of a template read from or saved to the library (``ValueError`` for one not saved yet)."""
        if self.id is None:
            raise ValueError("this template has not been saved yet")
        return self.id


def builtin_text(builtin: Builtin, language: str) -> str:
    """The shipped text of a built-in template."""
    language = language if language in LANGUAGES else "en"
    return (paths.resources_dir() / "note_templates" / f"{builtin.value}.{language}.md").read_text("utf-8")


def fill(body: str, values: dict[str, str]) -> str:
    """Replace known placeholders present in ``values``; everything else stays as written."""
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), body)


def values_for(interview: Interview | None, now: datetime | None = None,
               declined_at: datetime | None = None) -> dict[str, str]:
    """Placeholder values for an interview, in local time; ``declined_at``: when recording was declined (its
    consent record's time), else now (the quick capture is written right after)."""
    local = (now or utc_now()).astimezone()
    values = {"date": local.strftime("%Y-%m-%d"), "time": local.strftime("%H:%M")}
    if interview is not None:
        values["company"] = interview.company
        values["position"] = interview.position
        if interview.starts_at is not None:
            values["date"] = interview.starts_at.astimezone().strftime("%Y-%m-%d")
    values["declined_at"] = (declined_at or local).astimezone().strftime("%Y-%m-%d %H:%M")
    return values


def last_declined(records: Iterable[ConsentRecord]) -> datetime | None:
    """When recording was last declined, among an interview's consent records (None: never)."""
    return max((r.asked_at for r in records if r.answer is ConsentAnswer.DECLINED), default=None)


def _validated(name: str, body: str) -> tuple[str, str]:
    if not name.strip():
        raise TemplateError(Message("Templates", QT_TRANSLATE_NOOP(
            "Templates", "Please give the template a name."), {}))
    if not body.strip():
        raise TemplateError(Message("Templates", QT_TRANSLATE_NOOP("Templates", "The template is empty."), {}))
    return name.strip(), body


class TemplateStore:
    def __init__(self, conn: sqlite3.Connection, lock: threading.RLock) -> None:
        self._conn = conn
        self._lock = lock

    def all(self, language: str) -> list[NoteTemplate]:
        """The built-ins (the user's version where edited) then the user's own, by name."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT * FROM note_templates WHERE language = ? ORDER BY builtin IS NULL, name COLLATE NOCASE, id",
                (language,)).fetchall()
        edited = {row["builtin"]: row for row in rows if row["builtin"] is not None}
        result = []
        for builtin in Builtin:
            row = edited.get(builtin.value)
            if row is not None:
                result.append(NoteTemplate(language, row["body"], builtin, id=row["id"], edited=True))
            else:
                result.append(NoteTemplate(language, builtin_text(builtin, language), builtin))
        result += [NoteTemplate(language, row["body"], None, row["name"], row["id"])
                   for row in rows if row["builtin"] is None]
        return result

    def builtin(self, builtin: Builtin, language: str) -> NoteTemplate:
        language = language if language in LANGUAGES else "en"
        return next(t for t in self.all(language) if t.builtin is builtin)

    def get(self, template_id: int) -> NoteTemplate:
        with self._lock:
            row = self._conn.execute("SELECT * FROM note_templates WHERE id = ?", (template_id,)).fetchone()
        if row is None:
            raise self._gone()
        builtin = Builtin(row["builtin"]) if row["builtin"] else None
        return NoteTemplate(row["language"], row["body"], builtin, row["name"], row["id"], edited=builtin is not None)

    def add(self, language: str, name: str, body: str) -> NoteTemplate:
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}")
        name, body = _validated(name, body)
        with self._lock:
            cursor = self._conn.execute(
                "INSERT INTO note_templates (builtin, language, name, body, updated_at) VALUES (NULL, ?, ?, ?, ?)",
                (language, name, body, utc_now().isoformat()))
        return NoteTemplate(language, body, None, name, cursor.lastrowid)

    def update(self, template_id: int, name: str, body: str) -> None:
        """Change the user's own template."""
        name, body = _validated(name, body)
        with self._lock:
            cursor = self._conn.execute(
                "UPDATE note_templates SET name = ?, body = ?, updated_at = ? WHERE id = ? AND builtin IS NULL",
                (name, body, utc_now().isoformat(), template_id))
        if cursor.rowcount == 0:
            raise self._gone()

    def edit_builtin(self, builtin: Builtin, language: str, body: str) -> None:
        """Keep the user's version of a built-in (the shipped text stays available through reset)."""
        if not body.strip():
            raise TemplateError(Message("Templates", QT_TRANSLATE_NOOP("Templates", "The template is empty."), {}))
        with self._lock:
            self._conn.execute(
                "INSERT INTO note_templates (builtin, language, name, body, updated_at) VALUES (?, ?, '', ?, ?)"
                " ON CONFLICT (builtin, language) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
                (builtin.value, language, body, utc_now().isoformat()))

    def reset_builtin(self, builtin: Builtin, language: str) -> None:
        with self._lock:
            self._conn.execute("DELETE FROM note_templates WHERE builtin = ? AND language = ?",
                               (builtin.value, language))

    def delete(self, template_id: int) -> None:
        """Delete the user's own template (built-ins can only be reset)."""
        with self._lock:
            cursor = self._conn.execute("DELETE FROM note_templates WHERE id = ? AND builtin IS NULL", (template_id,))
        if cursor.rowcount == 0:
            raise self._gone()

    @staticmethod
    def _gone() -> TemplateError:
        return TemplateError(Message("Templates", QT_TRANSLATE_NOOP(
            "Templates", "That template no longer exists."), {}))
