"""Operations on whole interviews and the recordings brought into them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from core import deletion
from core.consent import ConsentRecord
from core.library import Library
from core.ops.changes import Changes, Result
from core.recording.store import Recording

if TYPE_CHECKING:  # the importer loads with the recorder's modules, when an import is made
    from core.recording.importer import Checked


def delete_interview(library: Library, interview_id: int) -> Result[deletion.Deleted]:
    """The interview with everything that belongs to it: notes, follow-ups, consent records, recordings, files
    (:func:`core.deletion.delete_interview`: no trace left in the database's files)."""
    done = deletion.delete_interview(library, interview_id)
    return Result(done, Changes(deleted_interviews=frozenset({interview_id})))


def import_recording(library: Library, source: Path, consent: ConsentRecord,
                     checked: Checked | None = None) -> Result[Recording]:
    """An audio file copied into the interview, with the permission the user states for it (``checked``: the
    file as :func:`core.recording.importer.check` found it before asking)."""
    from core.recording.importer import import_audio  # with the recorder's modules: not at start-up

    recording = import_audio(library, source, consent, checked)
    ids = frozenset({recording.interview_id})
    return Result(recording, Changes(recordings=ids, consent=ids))
