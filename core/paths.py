"""Every file location Furikaeri uses, in one place.

By default the platform's per-user directories are used (``~/.local/share``,
``~/.cache`` and ``~/.config`` on Linux).  Setting ``FURIKAERI_HOME`` puts
everything below that one folder instead; every test does so.

The library (data) folder can be moved (core.relocation): the config folder then holds a pointer file,
``library-location``, whose one line is the library's absolute path; :func:`data_dir` follows it.

The config folder is never the library's folder, nor inside it, nor around it: on macOS and Windows platformdirs
gives one folder for both (``~/Library/Application Support/Furikaeri``, ``%LOCALAPPDATA%\\Furikaeri``), and a move
of the library, which removes the old folder, would then remove the settings and the pointer it had just written.
There the settings go to a folder of their own beside the library's, ``Furikaeri Settings``; the settings files an
older version left in the shared folder are moved there at the first look-up (:func:`config_dir`).

Directories are created owner-only (0700) and files owner-only (0600): the
library holds recordings and notes about real people.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
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


SHARED_CONFIG_SUFFIX = " Settings"
# The files an older version kept in the config folder, which may be the library's own (macOS, Windows): moved out
# of it by config_dir(), never copied or removed with the library by core.relocation.
CONFIG_NAMES = ("settings.json", "settings.json.damaged", ".settings.json.before-restore", POINTER_NAME,
                "library-move-request")


def _overlap(one: Path, other: Path) -> bool:
    """The same folder, or one inside the other."""
    one, other = Path(os.path.abspath(one)), Path(os.path.abspath(other))
    return one == other or one in other.parents or other in one.parents


def config_dir() -> Path:
    """User settings: a folder the library is never in (see the module's description)."""
    root = _override()
    if root:
        return ensure_private_dir(root / "config")
    platform = Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    data = default_data_dir()
    if not _overlap(platform, data):
        return ensure_private_dir(platform)
    path = ensure_private_dir(data.parent / (data.name + SHARED_CONFIG_SUFFIX))
    _adopt_settings(platform, path)
    return path


def _adopt_settings(legacy: Path, folder: Path) -> None:
    """Move the settings files an older version wrote in ``legacy`` (the library's folder) into ``folder``.

    Each is renamed (atomic on one disk) or, failing that, copied and then removed: at any moment it is at one
    place or the other, never gone. One already in ``folder`` wins and the old one is left where it is."""
    for name in CONFIG_NAMES:
        old, new = legacy / name, folder / name
        if not old.is_file() or old.is_symlink() or os.path.lexists(new):
            continue
        try:
            os.replace(old, new)
        except FileNotFoundError:  # another Furikaeri moved it meanwhile
            continue
        except OSError:  # another disk: copied under a temporary name, renamed, and only then removed
            temporary = folder / f".{name}.adopting"
            try:
                shutil.copyfile(old, temporary)
                os.chmod(temporary, FILE_MODE)
                os.replace(temporary, new)
                old.unlink()
            except OSError as error:  # left where it was, and said: nothing is lost
                with contextlib.suppress(OSError):
                    temporary.unlink()
                logging.getLogger(__name__).warning("could not move %s to %s: %s", old, new, error)


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
