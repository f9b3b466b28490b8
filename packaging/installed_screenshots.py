#!/usr/bin/env python3
"""Screenshots of the *installed* app (the Debian package's ``/usr/bin/furikaeri``) in Japanese and English.

    sudo apt install ./dist/furikaeri_0.1.0_amd64.deb
    xvfb-run -a -s "-screen 0 1280x860x24" uv run packaging/installed_screenshots.py [--program /usr/bin/furikaeri]

A sample library (six interviews, notes, two transcribed recordings, written
through the core as the start-up benchmark's) is made in a throw-away home;
the installed program is started on the X display with ``LANG`` set to each
language, its main window is found by its title (``xwininfo``), and grabbed
with ``xwd`` into ``docs/screenshots/installed_main_window_<ja|en>.png``.
What is shown is the frozen bundle's own window, fonts and translations.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]


def window_id(title_part: str, deadline: float) -> str:
    """The id of the first top-level window whose title holds ``title_part`` and that is a real window (Qt also
    makes a 1x1 client-leader window with the application's name)."""
    pattern = re.compile(r'^\s*(0x[0-9a-f]+) "([^"]*)".*?\s(\d+)x(\d+)[+-]')
    while time.monotonic() < deadline:
        tree = subprocess.run(["xwininfo", "-root", "-tree"], capture_output=True, text=True).stdout
        for line in tree.splitlines():
            found = pattern.match(line)
            if found and title_part in found.group(2) and int(found.group(3)) > 200 and int(found.group(4)) > 200:
                return found.group(1)
        time.sleep(0.2)
    raise SystemExit(f"no window titled {title_part!r} appeared")


def xwd_to_png(data: bytes, out: Path) -> None:
    """Write an X window dump (ZPixmap, 24-bit colour in 32-bit pixels, as ``xwd`` gives on a TrueColor screen)
    as a PNG, through Qt (no ImageMagick needed)."""
    from PySide6.QtGui import QImage

    fields = struct.unpack(">25I", data[:100])
    header_size, width, height, byte_order, bits_per_pixel, bytes_per_line = (
        fields[0], fields[4], fields[5], fields[7], fields[11], fields[12])
    ncolors = fields[19]
    if bits_per_pixel != 32 or fields[2] != 2:
        raise SystemExit(f"unexpected window dump: {bits_per_pixel} bits per pixel, format {fields[2]}")
    pixels = data[header_size + 12 * ncolors:][:bytes_per_line * height]
    if byte_order == 1:  # most significant byte first: XRGB → BGRX, what QImage.Format_RGB32 holds in memory
        pixels = b"".join(pixels[i:i + 4][::-1] for i in range(0, len(pixels), 4))
    image = QImage(pixels, width, height, bytes_per_line, QImage.Format.Format_RGB32)
    if not image.copy().save(str(out)):
        raise SystemExit(f"could not write {out}")


def grab(program: str, home: str, language: str, out: Path) -> None:
    env = {**os.environ, "FURIKAERI_HOME": home, "LANG": f"{language}.UTF-8", "LANGUAGE": language[:2]}
    env.pop("QT_QPA_PLATFORM", None)
    process = subprocess.Popen([program], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        window = window_id("Furikaeri", time.monotonic() + 60)
        time.sleep(3)  # the library loads and the model check settles: a picture, not a measurement
        xwd = subprocess.run(["xwd", "-id", window, "-silent"], capture_output=True, check=True).stdout
        xwd_to_png(xwd, out)
        print(out)
    finally:
        process.terminate()
        process.wait(timeout=30)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--program", default="/usr/bin/furikaeri")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        raise SystemExit("run under an X display (xvfb-run)")
    home = tempfile.mkdtemp(prefix="furikaeri-installed-shots-")
    os.environ["FURIKAERI_HOME"] = home
    from sample_library import populate

    populate(6, recording_seconds=180, segments=60)
    args.out.mkdir(parents=True, exist_ok=True)
    try:
        for language in ("ja_JP", "en_US"):
            grab(args.program, home, language, args.out / f"installed_main_window_{language[:2]}.png")
    finally:
        shutil.rmtree(home)
    return 0


if __name__ == "__main__":
    sys.exit(main())
