"""Note template operations: the user's own templates and their edits of the built-in ones."""

from __future__ import annotations

from core.library import Library
from core.note_templates import Builtin, NoteTemplate
from core.ops.changes import Changes, Result

CHANGED = Changes(templates=True)


def add(library: Library, language: str, name: str, body: str) -> Result[NoteTemplate]:
    return Result(library.templates.add(language, name, body), CHANGED)


def update(library: Library, template_id: int, name: str, body: str) -> Result[None]:
    library.templates.update(template_id, name, body)
    return Result(None, CHANGED)


def edit_builtin(library: Library, builtin: Builtin, language: str, body: str) -> Result[None]:
    """The user's wording of a built-in template (the original stays: see :func:`reset_builtin`)."""
    library.templates.edit_builtin(builtin, language, body)
    return Result(None, CHANGED)


def reset_builtin(library: Library, builtin: Builtin, language: str) -> Result[None]:
    library.templates.reset_builtin(builtin, language)
    return Result(None, CHANGED)


def delete(library: Library, template_id: int) -> Result[None]:
    library.templates.delete(template_id)
    return Result(None, CHANGED)
