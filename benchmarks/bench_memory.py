#!/usr/bin/env python3
"""How much memory does the app hold with a two-hour recording and its transcript open?

    uv run benchmarks/bench_memory.py [--minutes 120] [--segments 2500]

A library is written through the core stores (as the tests do): one practice
interview with a synthetic 16-bit 48 kHz WAV of ``--minutes`` (tones and
noise, not transcribed) and a stored transcript of ``--segments`` segments with
their words. Then, each in its own process:

* the baseline: a bare PySide6 process showing an empty ``QMainWindow``;
* the app's main window over that library (gui.app.open_main_window, as
  ``main.py`` opens it), once the library is listed;
* the same, then that recording's transcript window opened through
  ``MainWindow.open_transcript`` (the real code path: waveform overview,
  media player, segment table), once it has loaded, the player has the
  media and has been sent to the middle of the recording. The first time,
  the waveform peaks are computed from the audio (no cache yet); the second
  time they come from the cache.

Printed: ``VmRSS`` (now) and ``VmHWM`` (the peak) from /proc/self/status of
each process, against the target: under 500 MB with the recording open.
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

TARGET_MB = 500


def memory() -> dict[str, float]:
    fields = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            fields[key] = int(value.split()[0]) / 1024  # kB → MiB
    return fields


def child(mode: str) -> int:
    """Runs in the measured process: build what ``mode`` asks for, wait until it is there, print the memory."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtMultimedia import QMediaPlayer
    from PySide6.QtWidgets import QApplication, QMainWindow

    def wait(ready, seconds: float = 120.0) -> None:
        deadline = time.monotonic() + seconds
        while not ready():
            if time.monotonic() > deadline:
                raise SystemExit(f"{mode}: timed out")
            loop = QEventLoop()
            QTimer.singleShot(20, loop.quit)
            loop.exec()

    if mode == "bare":
        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.resize(1000, 640)
        window.show()
        wait(window.isVisible)
        wait(lambda: True)
    else:
        from gui.app import build_application, open_main_window

        app = build_application(sys.argv[:1])
        window, library = open_main_window()
        listed: list[bool] = []
        window.library_loaded.connect(lambda: listed.append(True))
        wait(lambda: bool(listed))
        if mode == "transcript":
            (interview,) = [i for i in library.interviews.all() if i.company == "Long interview"]
            (recording,) = library.recordings.for_interview(interview.stored_id)
            transcript = window.open_transcript(recording, transcribe_if_missing=False)
            wait(lambda: transcript.transcript is not None)
            wait(lambda: transcript.player.mediaStatus() in (QMediaPlayer.MediaStatus.LoadedMedia,
                                                              QMediaPlayer.MediaStatus.BufferedMedia))
            transcript.player.setPosition(recording.duration_ms // 2)
            transcript.table.scrollToBottom()
            wait(lambda: transcript.player.position() > 0)
            transcript.waveform.repaint()
            shown = transcript.model.rowCount()
            print(f"segments shown {shown}, waveform buckets {len(transcript.waveform._peaks)}")
        wait(lambda: not window.tasks.pending)
    app.processEvents()
    fields = memory()
    print(f"memory {fields['VmRSS']:.1f} {fields['VmHWM']:.1f}", flush=True)
    os._exit(0)


def measure(mode: str, env: dict[str, str]) -> tuple[float, float, str]:
    done = subprocess.run([sys.executable, __file__, "--child", mode], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=600)
    lines = [line for line in done.stdout.splitlines() if line.startswith("memory ")]
    if not lines:
        raise SystemExit(f"{mode}: no figures (rc {done.returncode})\n{done.stdout}\n{done.stderr}")
    notes = " ".join(line for line in done.stdout.splitlines() if not line.startswith("memory "))
    _, rss, hwm = lines[0].split()
    return float(rss), float(hwm), notes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=120.0)
    parser.add_argument("--segments", type=int, default=2500)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child)
    home = tempfile.mkdtemp(prefix="furikaeri-bench-memory-")
    env = {**os.environ, "FURIKAERI_HOME": home, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env.setdefault("QT_LOGGING_RULES", "qt.qpa.fonts.warning=false;qt.multimedia.*=false")
    os.environ["FURIKAERI_HOME"] = home
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from sample_library import add_recording, populate

    from core.interviews import Interview, InterviewKind
    from core.library import Library
    from core.speech.models import resolve_model

    started = time.monotonic()
    populate(5)
    with Library.open() as library:
        item = library.interviews.add(Interview(company="Long interview", kind=InterviewKind.MOCK))
        recording = add_recording(library, item.stored_id, args.minutes * 60, args.segments)
    resolve_model("base")  # ready, as on any start after the first
    size = recording.path.stat().st_size / 1e6
    print(f"library written in {time.monotonic() - started:.1f} s: {args.minutes:g} min WAV ({size:.0f} MB), "
          f"{args.segments} segments")
    print(f"platform {env['QT_QPA_PLATFORM']}\n")
    print("| process | VmRSS | VmHWM (peak) | |")
    print("|---|---|---|---|")
    runs = [("bare PySide6 window", "bare"), ("main window, library listed", "window"),
            ("+ 2-hour transcript open (peaks computed)", "transcript"),
            ("+ 2-hour transcript open (peaks cached)", "transcript")]
    worst = 0.0
    for name, mode in runs:
        rss, hwm, notes = measure(mode, env)
        if mode == "transcript":
            worst = max(worst, rss, hwm)
        print(f"| {name} | {rss:.0f} MB | {hwm:.0f} MB | {notes} |")
    verdict = "under" if worst < TARGET_MB else "OVER"
    print(f"\nwith the recording open: at most {worst:.0f} MB, {verdict} the {TARGET_MB} MB target (MiB)")
    shutil.rmtree(home)
    return 0 if worst < TARGET_MB else 1


if __name__ == "__main__":
    sys.exit(main())
