"""The Debian package, made from the one-folder bundle with Debian's own ``dpkg-deb``.

    uv run packaging/build.py --deb      → dist/furikaeri_<version>_<arch>.deb

Layout:

* ``/opt/furikaeri/``: the bundle as PyInstaller made it (it finds its parts
  beside its executable);
* ``/usr/bin/furikaeri``: a link to it, for the menu and the terminal (the
  CLI is the same program: ``furikaeri doctor``, ``furikaeri transcribe``…);
* ``/usr/share/applications/``, ``/usr/share/metainfo/`` and the hicolor
  icons: the desktop entry, the AppStream description and the icon in every
  size (``packaging/linux/``, ``packaging/icons.py``); Debian's triggers
  refresh the menu and icon caches, so no maintainer scripts are needed;
* ``/usr/share/doc/furikaeri/copyright``.

The user's data (library, recordings, settings, models prepared on first
use) lives in the home folder and is never part of the package: removing or
purging the package leaves it where it is.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from build import APP, APP_ID, ROOT, __version__

LINUX = ROOT / "packaging" / "linux"
PREFIX = Path("opt") / APP
# What the bundle takes from the system: what its libraries link to (packages/test_debian_package.py checks this
# list against ldd) and what is loaded by name (PortAudio through ctypes, the Japanese font, the sound server).
DEPENDS = (
    "libc6 (>= 2.36)", "libportaudio2", "fonts-noto-cjk",
    # Qt: OpenGL/EGL, fonts, D-Bus (accessibility bridge), sound
    "libegl1", "libgl1", "libfontconfig1", "libfreetype6", "libdbus-1-3", "libpulse0", "libglib2.0-0",
    # Qt on X11 (xcb) and on Wayland
    "libx11-6", "libx11-xcb1", "libxcb1", "libxcb-cursor0", "libxcb-icccm4", "libxcb-image0", "libxcb-keysyms1",
    "libxcb-randr0", "libxcb-render-util0", "libxcb-shape0", "libxcb-xfixes0", "libxcb-xkb1", "libxkbcommon0",
    "libxkbcommon-x11-0", "libwayland-client0", "libwayland-cursor0", "libwayland-egl1",
)
# Online interviews record the call's sound through the sound server's monitor source, listed with pactl.
RECOMMENDS = ("pulseaudio-utils", "pipewire-pulse | pulseaudio")
SUMMARY = "Practise for and review job interviews, entirely on this computer"
DESCRIPTION = """\
Furikaeri (振り返り, "looking back") helps job seekers prepare for and review
interviews. It records only after you confirm the interviewer's permission and
keeps that consent as evidence, transcribes on this computer with Whisper
(Japanese and English), tells who said what, and keeps notes, questions and
follow-ups searchable. Mock interviews from a bilingual question bank give
speech metrics (pace, fillers, pauses) compared over time.
Nothing leaves the computer unless you export it."""


def architecture() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True).stdout.strip()


def deb_name() -> str:
    return f"{APP}_{__version__}_{architecture()}.deb"


def _control(installed_kib: int) -> str:
    body = "\n".join(f" {line}" if line.strip() else " ." for line in DESCRIPTION.splitlines())
    return (f"Package: {APP}\nVersion: {__version__}\nArchitecture: {architecture()}\n"
            f"Maintainer: Furikaeri developers <furikaeri@users.noreply.github.com>\n"
            f"Installed-Size: {installed_kib}\nSection: misc\nPriority: optional\n"
            f"Homepage: https://github.com/furikaeri/furikaeri\n"
            f"Depends: {', '.join(DEPENDS)}\nRecommends: {', '.join(RECOMMENDS)}\n"
            f"Description: {SUMMARY}\n{body}\n")


COPYRIGHT = """\
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: Furikaeri
Source: https://github.com/furikaeri/furikaeri

Files: *
Copyright: Furikaeri developers
License: MIT

Files: opt/furikaeri/_internal/*
Comment: Python, Qt (PySide6, LGPL-3.0), faster-whisper (MIT), CTranslate2 (MIT), ONNX Runtime (MIT), PyAV and
 FFmpeg (BSD-3-Clause, LGPL-2.1+), NumPy (BSD-3-Clause), libsndfile (LGPL-2.1+), cryptography (Apache-2.0 or
 BSD-3-Clause), the Whisper models (MIT) and the speaker models (see resources/models/diarization/LICENSE-*).
 Each component's licence is in its folder or its *.dist-info folder under /opt/furikaeri/_internal.
License: various

License: MIT
 Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated
 documentation files (the "Software"), to deal in the Software without restriction, including without limitation
 the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and
 to permit persons to whom the Software is furnished to do so, subject to the following conditions:
 .
 The above copyright notice and this permission notice shall be included in all copies or substantial portions
 of the Software.
 .
 THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED.
"""


def _tree_kib(root: Path) -> int:
    return sum((p.lstat().st_size + 1023) // 1024 for p in root.rglob("*") if not p.is_dir())


def _md5sums(root: Path) -> str:
    lines = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink() and "DEBIAN" not in path.relative_to(root).parts:
            digest = hashlib.md5(path.read_bytes(), usedforsecurity=False).hexdigest()
            lines.append(f"{digest}  {path.relative_to(root)}\n")
    return "".join(lines)


def stage(bundle: Path, root: Path) -> None:
    """Lay the package's files out under ``root`` (DEBIAN/ included)."""
    from icons import render_all  # packaging/icons.py

    shutil.copytree(bundle, root / PREFIX, symlinks=True)
    (root / "usr/bin").mkdir(parents=True)
    os.symlink(f"/{PREFIX}/{APP}", root / "usr/bin" / APP)
    for source, folder in ((f"{APP_ID}.desktop", "usr/share/applications"),
                           (f"{APP_ID}.metainfo.xml", "usr/share/metainfo")):
        (root / folder).mkdir(parents=True)
        shutil.copy2(LINUX / source, root / folder / source)
    with tempfile.TemporaryDirectory() as tmp:
        render_all(Path(tmp))
        shutil.copytree(Path(tmp) / "hicolor", root / "usr/share/icons/hicolor")
    doc = root / "usr/share/doc" / APP
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(COPYRIGHT)
    debian = root / "DEBIAN"
    debian.mkdir()
    (debian / "md5sums").write_text(_md5sums(root))
    (debian / "control").write_text(_control(_tree_kib(root)))
    for path in [root, *root.rglob("*")]:  # what dpkg-deb expects: no group/other write, directories 0755
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() or os.access(path, os.X_OK) else 0o644)


def build_deb(bundle: Path, out_dir: Path) -> Path:
    """``out_dir/furikaeri_<version>_<arch>.deb`` from ``bundle``, built with ``dpkg-deb``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / deb_name()
    with tempfile.TemporaryDirectory(prefix="furikaeri-deb-") as tmp:
        root = Path(tmp) / "root"
        stage(bundle, root)
        partial = target.with_suffix(".part")
        # zstd (dpkg 1.21.18+, Debian 12, Ubuntu 21.10): 4 s and 433 MB here, where xz -6 took 8.5 min for 376 MB
        # and zstd -19 6 min for 392 MB (the speech models barely compress).
        subprocess.run(["dpkg-deb", "--root-owner-group", "-Zzstd", "-z3", "--build", str(root), str(partial)],
                       check=True, stdout=subprocess.DEVNULL)
        partial.replace(target)
    return target
