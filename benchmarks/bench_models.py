#!/usr/bin/env python3
"""Speech-model preparation: what the first start costs, against a plain copy.

    uv run benchmarks/bench_models.py [--repeat N]

Baselines, measured in the same run on the same bytes: streaming the two
package parts into one file while hashing it with sha256, without and with a
final fsync (what any careful assembly must do). The app's figure is ``resolve_model("base")`` into an empty
cache, fsyncs, manifest and atomic rename included. Also printed: the cheap
status check done at every start, and loading the model with faster-whisper.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def _baseline(parts: list[Path], target: Path, durable: bool) -> float:
    start = time.perf_counter()
    digest = hashlib.sha256()
    with open(target, "wb") as out:
        for part in parts:
            with open(part, "rb") as source:
                while chunk := source.read(1 << 20):
                    digest.update(chunk)
                    out.write(chunk)
        if durable:
            out.flush()
            os.fsync(out.fileno())
    digest.hexdigest()
    elapsed = time.perf_counter() - start
    target.unlink()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from core.speech.catalog import BUILTIN_MODELS
    from core.speech.models import load_whisper, model_status, package_dir, resolve_model

    base = BUILTIN_MODELS["base"]
    parts = [package_dir(part.module) / part.relative for part in base.parts]
    baseline, durable, assembly, status = [], [], [], []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory(prefix="furikaeri-bench-") as home:
            os.environ["FURIKAERI_HOME"] = home
            baseline.append(_baseline(parts, Path(home) / "plain.bin", durable=False))
            durable.append(_baseline(parts, Path(home) / "plain.bin", durable=True))
            start = time.perf_counter()
            resolve_model("base")
            assembly.append(time.perf_counter() - start)
            start = time.perf_counter()
            for _ in range(100):
                model_status("base")
            status.append((time.perf_counter() - start) / 100)
            start = time.perf_counter()
            load_whisper("base")
            load = time.perf_counter() - start

    med_base, med_asm = statistics.median(baseline), statistics.median(assembly)
    med_durable = statistics.median(durable)
    size_mb = sum(p.stat().st_size for p in parts) / 1e6
    print(f"model bytes                   {size_mb:8.1f} MB")
    print(f"baseline copy+sha256 (median) {med_base * 1000:8.1f} ms")
    print(f"baseline + fsync (median)     {med_durable * 1000:8.1f} ms")
    print(f"resolve_model('base') (median){med_asm * 1000:8.1f} ms   "
          f"ratio {med_asm / med_durable:5.2f} vs durable baseline, {med_asm / med_base:5.2f} vs plain")
    print(f"status check at start (median){statistics.median(status) * 1e6:8.1f} µs")
    print(f"load with faster-whisper      {load * 1000:8.1f} ms   (last run)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
