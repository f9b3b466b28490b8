#!/usr/bin/env python3
"""How soon after launch is the app's window there, against a bare PySide6 window?

    xvfb-run -a -s "-screen 0 1280x900x24" uv run benchmarks/bench_startup.py [--repeat 5]

Whole processes, timed from just before each is spawned (``time.monotonic``,
one clock for every process on Linux) to two marks printed by the same probe
(gui/startup_probe.py, switched on by ``FURIKAERI_STARTUP_PROBE=1``):

* mapped: the first expose of the main window (under X: mapped, first paint asked);
* usable: the first turn of the event loop after the window was shown.

Python's bytecode caches are written (``PYTHONDONTWRITEBYTECODE`` is dropped
for these processes) and used, as in an installed app. Measured in one run,
interleaved, each after one unmeasured warm-up round (which writes the caches):

* the baseline: a bare PySide6 process that shows an empty ``QMainWindow``;
* ``main.py`` over a fresh, empty library (a new ``FURIKAERI_HOME`` each time:
  a first start, with the speech model still to be prepared);
* ``main.py`` over a populated library (six interviews with notes, two
  transcribed 3-minute recordings, the speech model ready; reused, so a typical later start);
* with ``--bundle EXECUTABLE``, the frozen app (``packaging/build.py``) over
  the same two libraries: what an installed copy costs against ``uv run main.py``.

On X (when ``DISPLAY`` is set) and offscreen (``QT_QPA_PLATFORM=offscreen``).
Printed: the median of the repetitions and its ratio to the bare window's
median of the same platform (targets: mapped <= 2.0x, usable <= 2.5x); also
the CPU time the process used until the usable mark (all its threads), which
other processes on a shared machine sway far less than the wall time.
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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE = """
import sys
sys.path.insert(0, {root!r})
from PySide6.QtWidgets import QApplication, QMainWindow
from gui.startup_probe import install_if_asked
app = QApplication(sys.argv)
app.setApplicationName("Furikaeri")
install_if_asked(app)
window = QMainWindow()
window.setWindowTitle("Furikaeri")
window.resize(1000, 640)
window.show()
sys.exit(app.exec())
"""

TARGETS = {"mapped": 2.0, "usable": 2.5}


def run_once(command: list[str], env: dict[str, str]) -> dict[str, float]:
    started = time.monotonic()
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    marks = {}
    for line in done.stdout.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] == "startup-probe":
            marks[parts[1]] = float(parts[2])
    if "mapped" not in marks or "usable" not in marks:
        raise SystemExit(f"no start-up marks from {command}: rc {done.returncode}\n{done.stdout}\n{done.stderr}")
    return {"mapped": marks["mapped"] - started, "usable": marks["usable"] - started,
            "cpu": marks["cpu"], "modules": marks["modules"]}


def populated_home() -> str:
    home = tempfile.mkdtemp(prefix="furikaeri-bench-start-")
    code = ("import sys; sys.path[:0] = [{root!r}, {bench!r}]\n"
            "from sample_library import populate; populate(6, recording_seconds=180, segments=60)\n"
            "from core.speech.models import resolve_model; resolve_model('base')"
            ).format(root=str(ROOT), bench=str(ROOT / "benchmarks"))
    subprocess.run([sys.executable, "-c", code], env={**os.environ, "FURIKAERI_HOME": home}, check=True)
    return home


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--bundle", type=Path, metavar="EXECUTABLE",
                        help="also the frozen app (dist/furikaeri/furikaeri from packaging/build.py)")
    args = parser.parse_args()
    # Bytecode cached, as in any installed app (the warm-up round writes it where a machine sets
    # PYTHONDONTWRITEBYTECODE, as this project's do): else every start compiles every module again.
    dropped = ("QT_QPA_PLATFORM", "FURIKAERI_HOME", "PYTHONDONTWRITEBYTECODE")
    base_env = {k: v for k, v in os.environ.items() if k not in dropped}
    base_env["FURIKAERI_STARTUP_PROBE"] = "1"
    base_env.setdefault("QT_LOGGING_RULES", "qt.qpa.fonts.warning=false")
    populated = populated_home()
    platforms = (["xcb"] if os.environ.get("DISPLAY") else []) + ["offscreen"]
    if "xcb" not in platforms:
        print("DISPLAY is not set: offscreen only (run under xvfb-run for the mapped window)")
    cases = {
        "bare PySide6 window": lambda: ([sys.executable, "-c", BARE.format(root=str(ROOT))], {}),
        "main.py, fresh library": lambda: ([sys.executable, "main.py"],
                                           {"FURIKAERI_HOME": tempfile.mkdtemp(prefix="furikaeri-bench-fresh-")}),
        "main.py, populated library": lambda: ([sys.executable, "main.py"], {"FURIKAERI_HOME": populated}),
    }
    if args.bundle:
        bundle = str(args.bundle.resolve())
        uv = shutil.which("uv") or "uv"
        cases["uv run main.py, populated library"] = lambda: ([uv, "run", "--no-sync", "main.py"],
                                                              {"FURIKAERI_HOME": populated})
        cases["bundle, fresh library"] = lambda: ([bundle], {
            "FURIKAERI_HOME": tempfile.mkdtemp(prefix="furikaeri-bench-fresh-")})
        cases["bundle, populated library"] = lambda: ([bundle], {"FURIKAERI_HOME": populated})
    print(f"{sys.executable}; {args.repeat} repetitions, median")
    for platform in platforms:
        results: dict[str, list[dict[str, float]]] = {name: [] for name in cases}
        for rep in range(args.repeat + 1):
            for name, make in cases.items():
                command, extra = make()
                env = {**base_env, **extra, "QT_QPA_PLATFORM": platform}
                measured = run_once(command, env)
                if "fresh" in name:
                    shutil.rmtree(extra["FURIKAERI_HOME"])
                if rep:  # the first round warms the file cache
                    results[name].append(measured)
        print(f"\n## {platform}\n")
        print("| process | mapped | usable | CPU until usable | modules | mapped / bare | usable / bare | CPU / bare |")
        print("|---|---|---|---|---|---|---|---|")
        bare = {mark: statistics.median(r[mark] for r in results["bare PySide6 window"]) for mark in (*TARGETS, "cpu")}
        for name, runs in results.items():
            median = {mark: statistics.median(r[mark] for r in runs) for mark in (*TARGETS, "cpu", "modules")}
            ratios = [median[mark] / bare[mark] for mark in TARGETS]
            flags = ["" if name.startswith("bare") or ratio <= TARGETS[mark] else " (over target)"
                     for mark, ratio in zip(TARGETS, ratios, strict=True)]
            print(f"| {name} | {median['mapped'] * 1000:.0f} ms | {median['usable'] * 1000:.0f} ms "
                  f"| {median['cpu'] * 1000:.0f} ms | {median['modules']:.0f} | {ratios[0]:.2f}x{flags[0]} "
                  f"| {ratios[1]:.2f}x{flags[1]} | {median['cpu'] / bare['cpu']:.2f}x |")
    shutil.rmtree(populated)
    print(f"\ntargets: mapped <= {TARGETS['mapped']}x, usable <= {TARGETS['usable']}x the bare window")
    return 0


if __name__ == "__main__":
    sys.exit(main())
