"""Importing an audio file recorded elsewhere, with the user's statement about permission.

The answer is kept as a consent record of kind "imported". Furikaeri keeps
only recordings made with permission: when the user says there was none, the
answer is recorded and the file is not imported.
"""

from __future__ import annotations

import shutil
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from core import paths
from core.consent import ConsentAnswer, ConsentPurpose, ConsentRecord, ConsentRequired
from core.fsutil import replace_atomically
from core.library import Library
from core.messages import QT_TRANSLATE_NOOP, FurikaeriError, Message
from core.recording.session import write_sidecar
from core.recording.store import Recording, RecordingState
from core.transcription.audio import probe

SUPPORTED_SUFFIXES = (".wav", ".flac", ".mp3", ".m4a", ".ogg", ".webm")


class AudioImportError(FurikaeriError):
    """The file cannot be imported (an unsupported kind) or could not be copied; the message says why."""


def _m(text: str, **params: object) -> Message:
    return Message("Import", text, params)


def importable(source: Path) -> Any:
    """What ``source`` holds (rate, channels, length) when it can be imported; else one sentence why not
    (:class:`AudioImportError`, or the decoder's for a missing, empty or damaged file).  Nothing is saved: the app
    checks the file before it asks about permission."""
    source = Path(source)
    if source.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise AudioImportError(_m(QT_TRANSLATE_NOOP(
            "Import", "{name} cannot be imported: Furikaeri imports WAV, FLAC, MP3, M4A, Ogg and WebM audio."),
            name=source.name))
    return probe(source)


@dataclass(frozen=True)
class Checked:
    """A file :func:`check` found importable, as it was then (its size and change time)."""

    path: Path
    size: int
    mtime_ns: int
    info: Any


def _stamp(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns


def check(source: Path) -> Checked:
    """:func:`importable`, remembered with the file's size and change time: the import that follows reads the
    file's description again only if the file changed meanwhile (a WebM without a length is decoded to measure
    it: once is enough)."""
    source = Path(source)
    info = importable(source)
    return Checked(source, *_stamp(source), info)


def import_audio(library: Library, source: Path, consent: ConsentRecord, checked: Checked | None = None) -> Recording:
    """Copy ``source`` into the library as a recording of ``consent.interview_id`` (``checked``: what
    :func:`check` found, used while the file is unchanged)."""
    source = Path(source)
    if consent.purpose is not ConsentPurpose.IMPORTED:
        raise ValueError("an import needs a consent record of kind 'imported'")
    unchanged = (checked is not None and checked.path == source and source.is_file()
                 and _stamp(source) == (checked.size, checked.mtime_ns))
    # A clear error for missing, empty or damaged files, before anything is saved.
    info = checked.info if unchanged and checked is not None else importable(source)
    saved = library.consent.add(consent)
    if saved.answer is not ConsentAnswer.AGREED:
        raise ConsentRequired(_m(QT_TRANSLATE_NOOP(
            "Import", "Furikaeri keeps only recordings made with permission, so {name} was not imported. "
                      "Your notes can still hold what you remember."), name=source.name))
    folder = paths.ensure_private_dir(paths.recordings_dir() / str(saved.interview_id))
    target = folder / f"{datetime.now():%Y%m%d-%H%M%S}-{uuid.uuid4().hex[:8]}{source.suffix.lower()}"
    _copy_atomically(source, target)
    relative = target.relative_to(paths.recordings_dir()).as_posix()
    try:
        with library.transaction():  # the row is complete or absent
            recording = library.recordings.begin(saved, relative, info.samplerate, info.channels,
                                                 source_name=source.name)
            recording = library.recordings.finish(recording.id, RecordingState.COMPLETED,
                                                  int(info.duration_s * 1000))
    except BaseException:
        target.unlink(missing_ok=True)  # no copy without its row (the library said why)
        raise
    write_sidecar(library, recording)
    return recording


def _copy_atomically(source: Path, target: Path) -> None:
    def copy(writer: BinaryIO) -> None:
        with open(source, "rb") as reader:
            shutil.copyfileobj(reader, writer, 1 << 20)

    try:
        replace_atomically(target, copy)
    except OSError as error:
        raise AudioImportError(_m(QT_TRANSLATE_NOOP("Import", "{name} could not be copied into the library: {detail}"),
                              name=source.name, detail=error.strerror or str(error))) from error
