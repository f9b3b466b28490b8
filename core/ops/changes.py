"""What an operation changed, so that each screen can tell whether to show it anew."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Generic, TypeVar

T = TypeVar("T")

_EMPTY: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Changes:
    """Ids of what changed, by kind of thing.  Combine with ``|``; empty is false."""

    interviews: frozenset[int] = _EMPTY  # interviews added or changed
    deleted_interviews: frozenset[int] = _EMPTY  # interviews deleted with all that belonged to them
    recordings: frozenset[int] = _EMPTY  # interviews whose recordings (rows, markers, states) changed
    transcripts: frozenset[int] = _EMPTY  # recordings whose transcripts changed
    deleted_recordings: frozenset[int] = _EMPTY  # recordings deleted with their files and transcripts
    notes: frozenset[int] = _EMPTY  # interviews whose notes changed
    followups: frozenset[int] = _EMPTY  # interviews whose follow-ups changed
    events: frozenset[int] = _EMPTY  # interviews whose timeline changed
    consent: frozenset[int] = _EMPTY  # interviews with a new consent record
    practice: frozenset[int] = _EMPTY  # practice sessions changed (answers, reviews)
    questions: bool = False  # the question bank, its tags or saved lists
    templates: bool = False  # the note templates
    models: bool = False  # speech models downloaded, removed or measured

    def __or__(self, other: Changes) -> Changes:
        values: dict[str, Any] = {}  # field name -> frozenset[int] or bool, as the field says
        for field in fields(self):
            mine, theirs = getattr(self, field.name), getattr(other, field.name)
            values[field.name] = mine or theirs if isinstance(mine, bool) else mine | theirs
        return Changes(**values)

    def __bool__(self) -> bool:
        return any(getattr(self, field.name) for field in fields(self))

    @property
    def interview_list(self) -> bool:
        """Whether a list of interviews (company, status, date, recordings) may show something else now."""
        return bool(self.interviews or self.deleted_interviews or self.recordings)

    def concerns(self, interview_id: int | None) -> bool:
        """Whether anything about this interview changed."""
        if interview_id is None:
            return False
        return any(interview_id in getattr(self, name) for name in (
            "interviews", "deleted_interviews", "recordings", "notes", "followups", "events", "consent"))

    @classmethod
    def of_interview(cls, interview_id: int, *, followups: bool = True, events: bool = True) -> Changes:
        """An interview saved through the tracker: itself, and the follow-ups and timeline the rules keep."""
        ids = frozenset({interview_id})
        return cls(interviews=ids, followups=ids if followups else _EMPTY, events=ids if events else _EMPTY)


NOTHING = Changes()


@dataclass(frozen=True)
class Result(Generic[T]):
    """An operation's outcome: its value and what it changed."""

    value: T
    changes: Changes = NOTHING
