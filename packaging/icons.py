#!/usr/bin/env python3
"""Render the app icon (resources/icons/furikaeri.svg) into what each platform installs.

    uv run packaging/icons.py [--out DIR]      # DIR defaults to build/icons

writes

- ``DIR/hicolor/<n>x<n>/apps/io.github.furikaeri.Furikaeri.png`` for n in 16 24 32 48 64 128 256 512 and
  ``DIR/hicolor/scalable/apps/io.github.furikaeri.Furikaeri.svg`` (Linux: the freedesktop icon theme layout,
  copied as it is under /usr/share/icons/);
- ``DIR/furikaeri.ico`` (Windows: 16 to 256 px, PNG entries, which Windows reads since Vista);
- ``DIR/furikaeri.icns`` (macOS: PNG entries icp4 … ic10, 16 px to 1024 px, which macOS reads since 10.7).

Both containers are written here byte by byte (their formats are a header and a table of entries); the PNGs are
drawn by Qt's own SVG renderer, so the icon looks as it does in the running app. No QGuiApplication is needed:
the icon has no text.  packaging/build.py calls :func:`render_all`; as the folder is not a package (and PyPI's
``packaging`` owns that name), it loads this file with its folder on ``sys.path``.
"""

from __future__ import annotations

import argparse
import shutil
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "furikaeri.svg"
APP_ID = "io.github.furikaeri.Furikaeri"
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # an ICO entry's width is one byte: 256 (stored as 0) at most
# macOS icon types with PNG payloads and the pixel size each holds (ic11 … ic14 are the @2x of 16 … 256).
ICNS_TYPES = (
    (b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256), (b"ic09", 512),
    (b"ic10", 1024), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256), (b"ic14", 512),
)


def render_png(size: int, svg: Path = SVG) -> bytes:
    """The icon drawn at ``size`` × ``size`` pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not an SVG Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.convertToFormat(QImage.Format.Format_ARGB32).save(buffer, "PNG"):
        raise RuntimeError(f"the {size} px icon could not be encoded as PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding each PNG (size → bytes) as one entry, smallest first."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))  # reserved, type 1 = icon, count
    offset = len(header) + 16 * len(sizes)
    entries, payload = b"", b""
    for size in sizes:
        if not 1 <= size <= 256:
            raise ValueError(f"an ICO entry is 1 to 256 px, not {size}")
        data = pngs[size]
        side = size % 256  # 256 is written as 0
        # width, height, palette colours (0: none), reserved, colour planes, bits per pixel, bytes, offset
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset + len(payload))
        payload += data
    return header + entries + payload


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns holding a PNG entry for each of :data:`ICNS_TYPES` (``pngs`` must have every size)."""
    body = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def render_all(out_dir: Path) -> None:
    """Write the hicolor PNGs and SVG, furikaeri.ico and furikaeri.icns below ``out_dir``."""
    out_dir = Path(out_dir)
    sizes = sorted({*HICOLOR_SIZES, *ICO_SIZES, *(size for _kind, size in ICNS_TYPES)})
    pngs = {size: render_png(size) for size in sizes}
    for size in HICOLOR_SIZES:
        folder = out_dir / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{APP_ID}.png").write_bytes(pngs[size])
    scalable = out_dir / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SVG, scalable / f"{APP_ID}.svg")
    (out_dir / "furikaeri.ico").write_bytes(ico_bytes({size: pngs[size] for size in ICO_SIZES}))
    (out_dir / "furikaeri.icns").write_bytes(icns_bytes(pngs))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "icons", help="folder to write into")
    args = parser.parse_args(argv)
    render_all(args.out)
    print(f"icons written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
