#!/usr/bin/env python3
"""Backup and restore of a library of a chosen size, against ``tar -cf`` of the same folder in the same run.

    uv run benchmarks/bench_backup.py              # 0.05 GB: a smoke run
    uv run benchmarks/bench_backup.py --gb 5       # issue 18's figure (needs about 20 GB free beside --work)

A library is generated through the core stores (mock interviews, notes, consent records, one synthetic 48 kHz
recording of up to ten minutes per interview) until its recordings reach the size asked. Then, each in a child
process whose peak memory (``ru_maxrss`` from ``wait4``) is reported: the encrypted backup (scrypt n = 2**17),
the same backup unencrypted, the encrypted restore into a fresh home (every SHA-256 and consent chain checked),
and ``tar -cf`` of the data folder for comparison.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BYTES_PER_SECOND = 48000 * 2  # the recorder's mono 16-bit 48 kHz
PASSPHRASE = "bench passphrase"


def generate(gigabytes: float) -> None:
    """Fill the library of this process's FURIKAERI_HOME (run in a child: the parent stays small, since a
    child's ``ru_maxrss`` starts from its parent's at fork)."""
    from benchmarks.sample_library import add_recording
    from core.interviews import Interview, InterviewKind
    from core.library import Library

    wanted = int(gigabytes * 1e9)
    made = 0
    with Library.open() as library:
        number = 0
        while made < wanted:
            number += 1
            interview = library.interviews.add(Interview(company=f"Company {number}", kind=InterviewKind.MOCK))
            library.notes.save(interview.stored_id, f"Notes for interview {number}. 面接のメモ。" * 20)
            seconds = max(1.0, min(600.0, (wanted - made) / BYTES_PER_SECOND))
            recording = add_recording(library, interview.stored_id, seconds, segments=0)
            made += recording.path.stat().st_size


def child(code: str, home: Path) -> tuple[float, int]:
    """Run ``code`` in a fresh Python with ``home`` as FURIKAERI_HOME: (seconds, peak RSS in KiB)."""
    env = {**os.environ, "FURIKAERI_HOME": str(home), "PYTHONPATH": str(ROOT)}
    return timed([sys.executable, "-c", code], env)


def timed(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, int]:
    start = time.perf_counter()
    process = subprocess.Popen(argv, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.perf_counter() - start
    if process.returncode:
        raise SystemExit(f"{argv[:3]} failed ({process.returncode})")
    return elapsed, usage.ru_maxrss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gb", type=float, default=0.05, help="size of the recordings (default 0.05)")
    parser.add_argument("--work", type=Path, default=None, help="folder for the libraries and archives")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-backup-", dir=args.work))
    try:
        source, fresh = work / "source", work / "fresh"
        started = time.perf_counter()
        child(f"from benchmarks.bench_backup import generate; generate({args.gb!r})", source)
        data = source / "data"
        total = sum(path.stat().st_size for path in data.rglob("*") if path.is_file())
        print(f"library: {total / 1e6:.1f} MB, generated in {time.perf_counter() - started:.1f} s")
        (work / "pass.txt").write_text(PASSPHRASE, "utf-8")
        archive, plain = work / "library.backup", work / "plain.backup"
        rows = [
            ("tar -cf (for comparison)", *timed(["tar", "-cf", str(work / "library.tar"), "-C", str(source), "data"]),
             work / "library.tar"),
            ("backup, encrypted", *child(f"from core import backup; backup.backup({str(archive)!r}, "
                                         f"{PASSPHRASE!r})", source), archive),
            ("backup, --no-encrypt", *child(f"from core import backup; backup.backup({str(plain)!r}, None)",
                                            source), plain),
            ("restore, encrypted", *child(f"from core import backup; r = backup.restore({str(archive)!r}, "
                                          f"{PASSPHRASE!r}); assert r.recordings > 0", fresh), archive),
        ]
        print(f"{'step':28} {'seconds':>8} {'MB/s':>8} {'peak RSS MB':>12} {'file MB':>9}")
        for name, seconds, rss_kib, output in rows:
            print(f"{name:28} {seconds:8.2f} {total / 1e6 / seconds:8.1f} {rss_kib / 1024:12.1f} "
                  f"{output.stat().st_size / 1e6:9.1f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
