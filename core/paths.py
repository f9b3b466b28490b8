"""Every file location Furikaeri uses, in one place.

By default the platform's per-user directories are used (``~/.local/share``,
``~/.cache`` and ``~/.config`` on Linux).  Setting ``FURIKAERI_HOME`` puts
everything below that one folder instead; every test does so.

The library (data) folder can be moved (core.relocation): the config folder then holds a pointer file,
``library-location``, whose one line is the library's absolute path; :func:`data_dir` follows it.

Directories are created owner-only (0700) and files owner-only (0600): the
library holds recordings and notes about real people.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from core.messages import QT_TRANSLATE_NOOP, FurikaeriError, Message

APP_NAME = "Furikaeri"
HOME_ENV = "FURIKAERI_HOME"

DIR_MODE = 0o700
FILE_MODE = 0o600


def _override() -> Path | None:
    value = os.environ.get(HOME_ENV, "").strip()
    return Path(value).expanduser().resolve() if value else None


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` if needed and make it owner-only.

    Every missing parent is created owner-only too (``FURIKAERI_HOME`` itself,
    say): ``mkdir -p`` would leave them at the umask's 0755.  Folders that
    already existed, other than ``path``, are left as they are: they are the
    user's.
    """
    missing = []
    folder = path
    while not os.path.lexists(folder) and folder.parent != folder:
        missing.append(folder)
        folder = folder.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=DIR_MODE)
        except FileExistsError:  # made meanwhile by someone else: not ours to change
            continue
        os.chmod(folder, DIR_MODE)  # mkdir's mode passes through the umask
    path.mkdir(mode=DIR_MODE, exist_ok=True)  # FileExistsError when a file is in the way
    os.chmod(path, DIR_MODE)
    return path


POINTER_NAME = "library-location"


def default_data_dir() -> Path:
    """Where the library is unless it was moved."""
    root = _override()
    return root / "data" if root else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def library_pointer_path() -> Path:
    """The pointer file saying where a moved library is (absent: at :func:`default_data_dir`)."""
    return config_dir() / POINTER_NAME


def _pointed() -> Path | None:
    try:
        text = library_pointer_path().read_text("utf-8").strip()
    except (FileNotFoundError, UnicodeDecodeError):
        return None
    return Path(text) if text and Path(text).is_absolute() else None


def data_dir(create: bool = True) -> Path:
    """The library: database, recordings, exports-in-progress (``create=False``: only where it is).

    A moved library's folder (the pointer file) is never created here: when it is missing (a drive not
    connected), :class:`LibraryMissingError` says so rather than an empty library being started there."""
    pointed = _pointed()
    if pointed is not None:
        if create and not pointed.is_dir():
            raise LibraryMissingError(pointed)
        return pointed
    path = default_data_dir()
    return ensure_private_dir(path) if create else path


class LibraryMissingError(FurikaeriError):
    """The library was moved to a folder that cannot be found now."""

    def __init__(self, folder: Path) -> None:
        super().__init__(Message("Relocation", QT_TRANSLATE_NOOP(
            "Relocation", "The library was moved to {path}, which cannot be found now (a drive not connected?). "
                          "Connect it and start again."), {"path": str(folder)}))
        self.folder = folder


def cache_dir() -> Path:
    """Rebuildable files, such as speech models assembled from packages."""
    root = _override()
    path = root / "cache" if root else Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
    return ensure_private_dir(path)


def config_dir() -> Path:
    """User settings."""
    root = _override()
    path = root / "config" if root else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    return ensure_private_dir(path)


def database_path() -> Path:
    return data_dir() / "library.sqlite3"


def database_files(database: Path) -> tuple[Path, ...]:
    """The database and the files SQLite keeps beside it: none of them may be overwritten by an output."""
    return (database, *(database.with_name(database.name + suffix) for suffix in ("-wal", "-shm", "-journal")))


def recordings_dir() -> Path:
    return ensure_private_dir(data_dir() / "recordings")


def models_dir() -> Path:
    return ensure_private_dir(cache_dir() / "models")


def settings_path() -> Path:
    return config_dir() / "settings.json"


def voice_profile_path() -> Path:
    """The user's own voice profile (opt-in; core.diarization.profile), beside the library."""
    return data_dir() / "voice_profile.json"


def resources_dir() -> Path:
    """Read-only files shipped with the app (translations, question bank)."""
    return Path(__file__).resolve().parent.parent / "resources"


def create_private_file(path: Path) -> None:
    """Create ``path`` empty with mode 0600 if it does not exist yet."""
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, FILE_MODE)
    os.close(fd)
    os.chmod(path, FILE_MODE)
