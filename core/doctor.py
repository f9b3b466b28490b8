"""Checks of everything Furikaeri needs, for ``main.py doctor`` and bug reports."""

from __future__ import annotations

import enum
import os
import platform
import sqlite3
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import metadata

from core import paths, program
from core.audio.devices import audio_status
from core.consent.verify import check_consent
from core.library import Library
from core.messages import QT_TRANSLATE_NOOP, FurikaeriError, Message
from core.speech.models import BUILTIN_MODELS, DEFAULT_MODEL, ModelState, model_status
from core.storage.db import check_summary


class Level(enum.Enum):
    OK = "ok"
    WARN = "warn"
    FAIL = "fail"


@dataclass(frozen=True)
class Check:
    label: Message | str  # a plain str for proper names (they need no translation)
    level: Level
    detail: Message | str


def _m(text: str, **params: object) -> Message:
    return Message("Doctor", text, params)


def _version(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def _package(label: str, distribution: str) -> Check:
    version = _version(distribution)
    if version is None:
        if program.installed():  # a part missing from the installed bundle: nothing the user can sync
            return Check(label, Level.FAIL, _m(QT_TRANSLATE_NOOP("Doctor", "missing: reinstall Furikaeri")))
        return Check(label, Level.FAIL, _m(QT_TRANSLATE_NOOP("Doctor", "not installed (run: uv sync)")))
    return Check(label, Level.OK, version)


def _python() -> Check:
    ok = sys.version_info >= (3, 11)
    return Check("Python", Level.OK if ok else Level.FAIL,
                 f"{platform.python_version()} ({sys.executable})")


def _audio() -> Iterator[Check]:
    status = audio_status(rescan=True)
    portaudio = "PortAudio"
    devices = _m(QT_TRANSLATE_NOOP("Doctor", "Input devices"))
    if status.portaudio_version is None:
        yield Check(portaudio, Level.FAIL, status.problem or "")
        return
    yield Check(portaudio, Level.OK, status.portaudio_version)
    if status.devices:
        names = ", ".join(f"{d.name}{' *' if d.is_default else ''}" for d in status.devices)
        yield Check(devices, Level.OK, names)
    else:
        yield Check(devices, Level.WARN, status.problem or _m(QT_TRANSLATE_NOOP("Doctor", "none found")))
    yield _call_audio()


def _call_audio() -> Check:
    """The sources that can carry an online interview's call sound (this system's route: core.audio.call_sources)."""
    from core.audio.call_sources import find_call_sources

    label = _m(QT_TRANSLATE_NOOP("Doctor", "Call audio (online interviews)"))
    found = find_call_sources()
    if found.missing is not None:
        return Check(label, Level.WARN, found.missing)
    return Check(label, Level.OK, ", ".join(f"{s.name}{' *' if s.is_default else ''}" for s in found.sources))


def _models() -> Iterator[Check]:
    from core.speech.download import installed_downloads

    for name in [*BUILTIN_MODELS, *installed_downloads()]:  # the models that came with the app, then downloaded ones
        info = model_status(name, verify=True)
        label = _m(QT_TRANSLATE_NOOP("Doctor", "Speech model {name}"), name=name)
        if info.state is ModelState.READY:
            yield Check(label, Level.OK, _m(QT_TRANSLATE_NOOP("Doctor", "ready ({path})"), path=str(info.path)))
        elif info.state is ModelState.NOT_BUILT:
            yield Check(label, Level.OK, _m(QT_TRANSLATE_NOOP(
                "Doctor", "installed; prepared on first use (or now: main.py models prepare {name})"), name=name))
        else:
            level = Level.FAIL if name == DEFAULT_MODEL and info.state is ModelState.MISSING_PACKAGE else Level.WARN
            yield Check(label, level, info.problem or info.state.value)


def _storage() -> Iterator[Check]:
    label = _m(QT_TRANSLATE_NOOP("Doctor", "Data folder"))
    try:
        folder = paths.data_dir()
        writable = os.access(folder, os.W_OK)
    except OSError as error:
        yield Check(label, Level.FAIL, str(error))
        return
    yield Check(label, Level.OK if writable else Level.FAIL,
                str(folder) if writable
                else _m(QT_TRANSLATE_NOOP("Doctor", "{path} is not writable"), path=str(folder)))
    label = _m(QT_TRANSLATE_NOOP("Doctor", "Library database"))
    try:
        # Opening checks the file read-only first (type, version, PRAGMA quick_check): a damaged
        # or newer library fails here, unchanged.
        with Library.open() as library:
            detail = _m(QT_TRANSLATE_NOOP("Doctor", "schema {version}, {count} interviews"),
                        version=library.schema_version(), count=library.interviews.count())
            yield Check(label, Level.OK, detail)
            yield _integrity(library)
            yield from _recovery(library)
    except FurikaeriError as error:
        yield Check(label, Level.FAIL, error.message)


def _consent() -> Iterator[Check]:
    """Every consent record against the ledger and the recordings' sidecars; triggers put back if removed."""
    label = _m(QT_TRANSLATE_NOOP("Doctor", "Consent records"))
    try:
        with Library.open() as library:
            report = check_consent(library)
    except FurikaeriError:
        return  # the library line above already says why it cannot be opened
    except sqlite3.Error as error:
        yield Check(label, Level.FAIL, _m(QT_TRANSLATE_NOOP("Doctor", "cannot be checked ({detail})"),
                                          detail=str(error)))
        return
    if report.ok:
        yield Check(label, Level.OK, report.summary())
    for problem in report.problems:
        yield Check(label, Level.FAIL, problem.message)


def _integrity(library: Library) -> Check:
    label = _m(QT_TRANSLATE_NOOP("Doctor", "Library integrity"))
    result = check_summary(library.quick_check())
    detail = _m(QT_TRANSLATE_NOOP("Doctor", "PRAGMA quick_check: {result}"), result=result)
    return Check(label, Level.OK if result == "ok" else Level.FAIL, detail)


def _recovery(library: Library) -> Iterator[Check]:
    """Unfinished recordings are repaired here too, as at every start (the app, record)."""
    from core.recording.recovery import recover_library, recovery_messages

    label = _m(QT_TRANSLATE_NOOP("Doctor", "Recordings"))
    report = recover_library(library)
    messages = recovery_messages(report)
    if not messages:
        yield Check(label, Level.OK, _m(QT_TRANSLATE_NOOP("Doctor", "nothing unfinished")))
    if report.recovered:
        yield Check(label, Level.OK, messages.pop(0))
    for message in messages:  # audio kept outside the library
        yield Check(label, Level.WARN, message)


def run_checks() -> Iterator[Check]:
    """Yield each check as soon as it is known (the model hash takes a moment)."""
    producers: list[Callable[[], Iterator[Check]]] = [
        lambda: iter([_python()]),
        lambda: iter([
            _package("Qt (PySide6)", "PySide6"),
            _package("faster-whisper", "faster-whisper"),
            _package("CTranslate2", "ctranslate2"),
            _package("sounddevice", "sounddevice"),
            _package("soundfile", "soundfile"),
        ]),
        _audio,
        _models,
        _storage,
        _consent,
    ]
    for produce in producers:
        yield from produce()
