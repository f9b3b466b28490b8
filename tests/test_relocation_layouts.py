"""Moving the library with the platform's own folders, as on Linux, macOS and Windows.

On macOS and Windows platformdirs gives one folder for the settings and the library
(``~/Library/Application Support/Furikaeri``, ``%LOCALAPPDATA%\\Furikaeri``), and on Windows the speech-model cache
is inside it (``…\\Furikaeri\\Cache``). A move once copied ``settings.json`` and the ``library-location`` pointer
along and then removed the old folder with them: the next start opened an empty library. Here the layouts are made
on Linux through platformdirs' own variables (``XDG_CONFIG_HOME`` the same as ``XDG_DATA_HOME``: one folder), the
move is ``main.py move-library`` in a process of its own and "the next start" is another fresh process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from core import paths
from core.settings import LANGUAGE, USER_NAME, Settings
from tests.test_relocation import _library_with_content

ROOT = Path(__file__).resolve().parent.parent
LAYOUTS = ["linux", "macos", "windows"]

# What a fresh Furikaeri finds at its start: where the library is, what is in it, the settings.
_START = """
import json
from core import paths
from core.library import Library
from core.settings import LANGUAGE, USER_NAME, Settings
settings = Settings()
with Library.open() as library:
    interviews = library.interviews.all()
    print(json.dumps({
        "library": str(library.path.parent),
        "companies": [i.company for i in interviews],
        "notes": [library.notes.get(i.stored_id) for i in interviews],
        "recordings": [str(r.path) for r in library.recordings.all() if r.path.is_file()],
        "settings": str(settings.path),
        "user_name": settings.get(USER_NAME),
        "language": settings.get(LANGUAGE),
    }))
"""


def _lay_out(name: str, tmp_path: Path, monkeypatch) -> str:
    """No FURIKAERI_HOME: the platform's folders, laid out as on ``name``."""
    monkeypatch.delenv(paths.HOME_ENV)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    if name == "linux":  # ~/.local/share, ~/.config, ~/.cache: three folders
        monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
        monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    elif name == "macos":  # ~/Library/Application Support for both, ~/Library/Caches apart
        monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "Application Support"))
        monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "Application Support"))
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "Caches"))
    else:  # %LOCALAPPDATA%\Furikaeri for both, the cache inside it
        monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "Local"))
        monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "Local"))
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "Local" / "Furikaeri"))
    return name


@pytest.fixture(params=LAYOUTS)
def layout(request, tmp_path, monkeypatch) -> str:
    return _lay_out(request.param, tmp_path, monkeypatch)


@pytest.fixture(params=[name for name in LAYOUTS if name != "linux"])
def shared_layout(request, tmp_path, monkeypatch) -> str:
    """The layouts where the settings and the library once shared a folder (macOS, Windows)."""
    return _lay_out(request.param, tmp_path, monkeypatch)


@pytest.fixture
def linux_layout(tmp_path, monkeypatch) -> str:
    return _lay_out("linux", tmp_path, monkeypatch)


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=dict(os.environ), capture_output=True,
                          text=True, timeout=300)


def _move(target: Path) -> None:
    done = _run("main.py", "move-library", str(target))
    assert done.returncode == 0, done.stdout + done.stderr


def _start() -> dict:
    """What a new Furikaeri process finds."""
    done = _run("-c", _START)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def _settings_and_model() -> Path:
    settings = Settings()
    settings.set(USER_NAME, "山田 太郎")
    settings.set(LANGUAGE, "en")
    model = paths.models_dir() / "small" / "model.bin"
    model.parent.mkdir()
    model.write_bytes(b"weights")
    return model


def _found_at(found: dict, folder: Path) -> None:
    assert Path(found["library"]) == folder.resolve()
    assert found["companies"] == ["Acme"] and "年収" in found["notes"][0]
    assert len(found["recordings"]) == 1 and Path(found["recordings"][0]).is_relative_to(folder.resolve())
    assert found["user_name"] == "山田 太郎" and found["language"] == "en"


def test_the_next_start_finds_the_moved_library_and_the_settings(layout, tmp_path):
    _library_with_content(tmp_path)
    model = _settings_and_model()
    old = paths.data_dir()
    settings_file = paths.settings_path()
    target = tmp_path / "USB drive" / "Furikaeri library"

    _move(target)
    found = _start()
    _found_at(found, target)
    assert Path(found["settings"]) == settings_file and settings_file.is_file()
    assert not (old / "library.sqlite3").exists() and not (old / "recordings").exists()
    assert {p.name for p in target.iterdir()} >= {"library.sqlite3", "recordings"}
    assert not (target / "settings.json").exists() and not (target / paths.POINTER_NAME).exists()
    assert not any(p.name == "model.bin" for p in target.rglob("*"))  # the cache stays where it is, whole
    assert model.read_bytes() == b"weights"
    if layout != "windows":  # there the cache is still in the old folder: it stays
        assert not old.exists()

    config = paths.config_dir()
    assert config != old and old not in config.parents and config not in old.parents  # never the library's folder

    _move(old)  # and back to the usual place
    found = _start()
    _found_at(found, old)
    assert not paths.library_pointer_path().exists() and not target.exists()
    assert model.read_bytes() == b"weights"


def test_settings_an_older_version_left_in_the_shared_folder_are_kept(shared_layout, tmp_path):
    """Upgrading: settings.json and the pointer where an older version wrote them, in the platform's config folder
    (on macOS and Windows the library's folder) are found, and survive moves from then on."""
    legacy = Path(os.environ["XDG_CONFIG_HOME"]) / paths.APP_NAME
    moved_before = tmp_path / "moved by an older version"
    legacy.mkdir(parents=True)
    (legacy / "settings.json").write_text(json.dumps({"user_name": "山田 太郎", "language": "en"}), "utf-8")
    (legacy / paths.POINTER_NAME).write_text(str(moved_before) + "\n", "utf-8")
    moved_before.mkdir()
    assert paths.data_dir() == moved_before  # the pointer is followed (and moved out of the shared folder)
    _library_with_content(tmp_path)
    assert Settings().get(USER_NAME) == "山田 太郎"
    assert not (legacy / "settings.json").exists() and not (legacy / paths.POINTER_NAME).exists()

    target = tmp_path / "elsewhere"
    _move(target)
    found = _start()
    _found_at(found, target)
    assert not moved_before.exists()


def test_settings_files_in_the_library_folder_are_neither_copied_nor_removed(linux_layout, tmp_path):
    """Belt and braces: settings files in the library's folder (an older version's that could not be moved out) are
    not the library's: a move leaves them where they are.  (Where the settings shared the library's folder, they
    are moved out to the settings folder at the first start: the test above.)"""
    _library_with_content(tmp_path)
    old = paths.data_dir()
    (old / "settings.json").write_text('{"user_name": "kept"}', "utf-8")
    (old / paths.POINTER_NAME).write_text(str(tmp_path / "nowhere") + "\n", "utf-8")
    target = tmp_path / "new"
    _move(target)
    assert (old / "settings.json").read_text("utf-8") == '{"user_name": "kept"}'
    assert (old / paths.POINTER_NAME).exists()
    assert not (target / "settings.json").exists() and not (target / paths.POINTER_NAME).exists()
    assert not (old / "library.sqlite3").exists()


def test_the_settings_and_cache_folders_are_refused_as_the_new_place(layout, tmp_path):
    from core import relocation

    _library_with_content(tmp_path)
    Settings().set(USER_NAME, "山田 太郎")
    config, cache = paths.config_dir(), paths.cache_dir()
    for target in (config, config / "library", cache, cache / "library", config.parent):
        problem = relocation.check_target(target)
        assert problem is not None, target
        if target in (config, config / "library"):  # (the others may be refused first for other reasons: the
            assert "settings or speech-model folder" in problem.text  # cache in the library, a folder not empty)
    assert Settings().get(USER_NAME) == "山田 太郎"


def test_settings_on_another_disk_are_copied_then_removed(shared_layout, tmp_path, monkeypatch):
    """Where the settings cannot be renamed into their folder (another disk: EXDEV), they are copied there under a
    temporary name, renamed, and only then removed from the shared folder."""
    import errno

    legacy = Path(os.environ["XDG_CONFIG_HOME"]) / paths.APP_NAME
    legacy.mkdir(parents=True)
    (legacy / "settings.json").write_text('{"user_name": "山田 太郎"}', "utf-8")
    real = os.replace

    def across_disks(source, target):
        if Path(source).parent == legacy:
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        real(source, target)

    monkeypatch.setattr(paths.os, "replace", across_disks)
    assert Settings().get(USER_NAME) == "山田 太郎"
    assert not (legacy / "settings.json").exists()
    assert [p.name for p in paths.config_dir().iterdir()] == ["settings.json"]
