#!/usr/bin/env python3
"""Waveform overview of a long recording: first view, later views, against reading the file.

    uv run benchmarks/bench_waveform.py [--hours 2] [--rate 48000] [--buckets 2000] [--dir DIR]

Writes a ``--hours`` long mono 16-bit WAV (two hours at 48 kHz: 691 MB) into a
temporary folder under ``--dir`` (default: the system's temp folder; deleted
afterwards), generated in chunks from a seeded noise block under a changing,
speech-like envelope, then fsynced.

Measured, each against a baseline taken in the same run, the baseline being
a plain sequential read of the file with the same chunk size and no
processing (``readinto`` one reused buffer):

* **cold**: the file dropped from the page cache first
  (``posix_fadvise(DONTNEED)``), as after a reboot;
* **warm**: the file in the page cache, as right after recording it;
* **cached**: a later view reading ``<audio>.peaks`` (what the review screen
  pays after the first view; target <= 300 ms), with the cache file itself
  cold and warm, and in a fresh Python process (imports included).

Also printed: the cache size and the peak memory that numpy and Python
allocated while computing (tracemalloc), to show the file is streamed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np

from core.audio import waveform
from core.recording.wavfile import pcm16_header

ROOT = Path(__file__).resolve().parent.parent


def generate(path: Path, seconds: float, rate: int) -> None:
    """A mono 16-bit WAV: seeded noise under an envelope that changes every 0.5 s, with pauses."""
    rng = np.random.default_rng(20261203)
    block = (rng.standard_normal(rate * 10) * 6000).clip(-32768, 32767).astype(np.int16)
    frames = int(seconds * rate)
    step = rate // 2  # one envelope value per half second
    chunk = step * 120  # one minute per write
    with path.open("wb") as handle:
        handle.write(pcm16_header(rate, 1, frames * 2))
        done = 0
        while done < frames:
            count = min(chunk, frames - done)
            gains = rng.choice([0.0, 0.05, 0.3, 0.6, 1.0], size=-(-count // step), p=[0.25, 0.15, 0.3, 0.2, 0.1])
            start = done % len(block)
            samples = np.resize(np.roll(block, -start), count)
            scaled = (samples * np.repeat(gains, step)[:count]).astype("<i2")
            handle.write(scaled.tobytes())
            done += count
        handle.flush()
        os.fsync(handle.fileno())


def evict(path: Path) -> None:
    """Drop ``path`` from the page cache (its pages are clean: it was fsynced)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fdatasync(fd)
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)


def baseline_read(path: Path) -> float:
    buffer = bytearray(waveform.CHUNK_BYTES)
    started = time.perf_counter()
    with path.open("rb", buffering=0) as handle:
        while handle.readinto(buffer):
            pass
    return time.perf_counter() - started


def first_view(path: Path, buckets: int) -> float:
    waveform.remove_cache(path)
    started = time.perf_counter()
    waveform.overview(path, buckets)
    elapsed = time.perf_counter() - started
    assert waveform.cache_path(path).exists(), "the cache was not written"
    return elapsed


def cached_view(path: Path, buckets: int) -> float:
    started = time.perf_counter()
    waveform.overview(path, buckets)
    return time.perf_counter() - started


def best_and_median(times: list[float]) -> str:
    return f"best {min(times) * 1000:8.1f} ms   median {statistics.median(times) * 1000:8.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hours", type=float, default=2.0)
    parser.add_argument("--rate", type=int, default=48000)
    parser.add_argument("--buckets", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each cold/warm measurement")
    parser.add_argument("--dir", type=Path, default=None, help="where to put the temporary WAV")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="furikaeri-bench-waveform-", dir=args.dir))
    try:
        path = folder / "interview.wav"
        started = time.perf_counter()
        generate(path, args.hours * 3600, args.rate)
        size = path.stat().st_size
        print(f"generated {path.name}: {size / 1e6:.0f} MB, {args.hours:g} h at {args.rate} Hz mono 16-bit, "
              f"in {time.perf_counter() - started:.1f} s")
        print(f"chunk {waveform.CHUNK_BYTES >> 20} MiB, {args.buckets} buckets, {os.cpu_count()} CPUs, "
              f"numpy {np.__version__}")
        print()

        cold_base, cold_view, warm_base, warm_view = [], [], [], []
        for _ in range(args.repeat):
            evict(path)
            cold_base.append(baseline_read(path))
            evict(path)
            cold_view.append(first_view(path, args.buckets))
        baseline_read(path)  # into the page cache
        for _ in range(args.repeat):
            warm_base.append(baseline_read(path))
            warm_view.append(first_view(path, args.buckets))

        cache = waveform.cache_path(path)
        cached_warm = [cached_view(path, args.buckets) for _ in range(20)]
        cached_cold = []
        for _ in range(5):
            evict(cache)
            cached_cold.append(cached_view(path, args.buckets))
        fresh_process = subprocess.run(
            [sys.executable, "-c",
             "import sys, time; t = time.perf_counter(); sys.path.insert(0, sys.argv[1]);"
             "from core.audio.waveform import overview; v = overview(sys.argv[2], int(sys.argv[3]));"
             "print(time.perf_counter() - t, v.peaks.shape)", str(ROOT), str(path), str(args.buckets)],
            capture_output=True, text=True, check=True).stdout.split()[0]

        waveform.remove_cache(path)
        tracemalloc.start()
        waveform.overview(path, args.buckets)
        _, peak_alloc = tracemalloc.get_traced_memory()
        tracemalloc.stop()

        print("first view (decode the whole file, write the cache)")
        print(f"  cold  baseline read   {best_and_median(cold_base)}   {size / min(cold_base) / 1e9:5.2f} GB/s")
        print(f"        overview        {best_and_median(cold_view)}   "
              f"ratio {min(cold_view) / min(cold_base):4.2f}x")
        print(f"  warm  baseline read   {best_and_median(warm_base)}   {size / min(warm_base) / 1e9:5.2f} GB/s")
        print(f"        overview        {best_and_median(warm_view)}   "
              f"ratio {min(warm_view) / min(warm_base):4.2f}x")
        print("later views (read the cache)")
        print(f"  cache file {cache.stat().st_size / 1024:.0f} KiB")
        print(f"  cache warm            {best_and_median(cached_warm)}   "
              f"{min(cached_warm) / min(warm_base) * 100:5.2f} % of a warm read of the audio")
        print(f"  cache cold            {best_and_median(cached_cold)}")
        print(f"  fresh process         {float(fresh_process) * 1000:8.1f} ms (imports included)")
        print(f"peak memory allocated while computing: {peak_alloc / 1e6:.1f} MB (file: {size / 1e6:.0f} MB)")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
