"""A small real file system for tests of a full disk: a tmpfs of a few MiB as FURIKAERI_HOME (root only).

    @pytest.fixture
    def small_disk(tmp_path, monkeypatch):
        yield from mounted(tmp_path, monkeypatch, megabytes=4)

:func:`fill` then takes what is left of it, as another program would.
"""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

from tests.audio_rig import skip_or_fail


def mounted(tmp_path: Path, monkeypatch, megabytes: int) -> Iterator[Path]:
    """Mount a ``megabytes`` tmpfs under ``tmp_path``, make it FURIKAERI_HOME, yield it, unmount it."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0:
        skip_or_fail("a small real file system needs root to mount a tmpfs")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={megabytes}m,mode=0700", "tmpfs", str(mount)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        skip_or_fail(f"mounting a small tmpfs failed: {done.stderr.strip()}")
    monkeypatch.setenv("FURIKAERI_HOME", str(mount))
    try:
        yield mount
    finally:
        subprocess.run(["umount", "--lazy", str(mount)], check=True)


def fill(disk: Path, leave: int = 0) -> Path:
    """Fill the disk with a file (returned), then give ``leave`` bytes back."""
    filler = disk / "filler"
    block = b"\xff" * 65536
    with open(filler, "ab", buffering=0) as handle:  # unbuffered: a partial last write leaves nothing to flush
        try:
            while True:
                handle.write(block)
        except OSError as error:
            assert error.errno == errno.ENOSPC
    if leave:
        os.truncate(filler, max(0, filler.stat().st_size - leave))
    return filler
