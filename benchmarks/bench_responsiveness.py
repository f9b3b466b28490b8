#!/usr/bin/env python3
"""The promises about time that tests cannot check honestly on a shared 2-core machine.

    uv run benchmarks/bench_responsiveness.py

Each figure is measured against a baseline in the same run:

* **Stop with a hung stream** (``stream.stop()`` never returns, as with a
  frozen PulseAudio): how long :meth:`Recorder.stop` takes with
  ``timeout_s=1.0``, against that timeout. Target: at most 1.2x.
* **Cancel a transcription**: from ``job.cancel()`` until ``job.wait()``
  raises, against terminating and joining a bare busy child process (the
  floor: the app also tells its worker and the waiting thread). Target: under 1 s.
* **Save a long transcript** (5,000 segments, 50,000 words, one hour):
  :meth:`TranscriptStore.save`, against plain ``executemany`` of the same rows
  into bare tables. Target: at most 3x (and under 3 s).
"""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ["FURIKAERI_HOME"] = tempfile.mkdtemp(prefix="furikaeri-bench-")

import numpy as np

from core.library import Library
from core.recording.recorder import Recorder, RecorderConfig
from core.speech.models import resolve_model
from core.transcription.model import Segment, Transcript, TranscriptionSettings, Word
from core.transcription.service import TranscriptionCancelled, TranscriptionService
from tests.test_recorder import BLOCK, FakeSoundDevice, make_permit


def stop_with_hung_stream(timeout_s: float = 1.0) -> float:
    sd = FakeSoundDevice()
    with Library.open() as library:
        recorder = Recorder(RecorderConfig(Path(os.environ["FURIKAERI_HOME"]) / "hung.wav"),
                            make_permit(library), sd=sd)
        recorder.start()
        sd.stream.feed(np.ones(3 * BLOCK, dtype=np.int16))
        sd.hang_on_stop = True
        started = time.perf_counter()
        recorder.stop(timeout_s=timeout_s)
        took = time.perf_counter() - started
        sd.release.set()
        recorder.wait_closed(10)
    return took


def _busy() -> None:
    while True:
        sum(i * i for i in range(10_000))


def baseline_terminate() -> float:
    child = multiprocessing.get_context("spawn").Process(target=_busy)
    child.start()
    time.sleep(1.0)  # let it get busy
    started = time.perf_counter()
    child.terminate()
    child.join()
    return time.perf_counter() - started


SPEECH = ("Tell me about a time you solved a difficult problem at work. I was leading a small team that "
          "maintained the billing system, and one month the invoices started to arrive late. ") * 12


def cancel_transcription() -> float:
    """Cancel a job on about ninety seconds of espeak-ng speech once the worker reports progress."""
    path = Path(os.environ["FURIKAERI_HOME"]) / "speech.wav"
    subprocess.run(["espeak-ng", "-v", "en-us", "-w", str(path), SPEECH], check=True)
    progressed = threading.Event()
    with TranscriptionService() as service:
        job = service.submit(path, TranscriptionSettings(model=str(resolve_model("base")), language="ja"),
                             on_progress=lambda fraction: progressed.set())
        if not progressed.wait(300):
            raise SystemExit("the worker never reported progress")
        started = time.perf_counter()
        job.cancel()
        try:
            job.wait(30)
        except TranscriptionCancelled:
            return time.perf_counter() - started
        raise SystemExit("the job finished before it could be cancelled: use longer speech")


def _long_transcript() -> Transcript:
    words = tuple(Word(i * 100, i * 100 + 90, f" w{i}", 0.9) for i in range(10))
    return Transcript(source="long.wav", language="en", duration_ms=3_600_000, settings=TranscriptionSettings(),
                      segments=tuple(Segment(i * 1000, i * 1000 + 900, f"Sentence {i}.", words=words)
                                     for i in range(5000)))


def save_transcript() -> float:
    big = _long_transcript()
    with Library.open() as library:
        started = time.perf_counter()
        library.transcripts.save(big)
        return time.perf_counter() - started


def baseline_save() -> float:
    big = _long_transcript()
    with tempfile.TemporaryDirectory() as folder:
        conn = sqlite3.connect(Path(folder) / "bare.db", isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("CREATE TABLE segments (id INTEGER PRIMARY KEY, start_ms, end_ms, text)")
        conn.execute("CREATE TABLE words (segment_id, start_ms, end_ms, text, probability)")
        started = time.perf_counter()
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO segments VALUES (?, ?, ?, ?)",
                         [(i, s.start_ms, s.end_ms, s.text) for i, s in enumerate(big.segments)])
        conn.executemany("INSERT INTO words VALUES (?, ?, ?, ?, ?)",
                         [(i, w.start_ms, w.end_ms, w.text, w.probability)
                          for i, s in enumerate(big.segments) for w in s.words])
        conn.execute("COMMIT")
        took = time.perf_counter() - started
        conn.close()
    return took


def main() -> int:
    rows = []
    stop = stop_with_hung_stream(1.0)
    rows.append(("stop, hung stream (timeout 1.0 s)", stop, 1.0, stop / 1.0 <= 1.2))
    cancel, terminate = cancel_transcription(), baseline_terminate()
    rows.append(("cancel a transcription", cancel, terminate, cancel < 1.0))
    save, bare = save_transcript(), baseline_save()
    rows.append(("save 5,000 segments / 50,000 words", save, bare, save < 3.0 and save / bare <= 3.0))
    print(f"{'measure':40} {'app s':>8} {'baseline s':>11} {'ratio':>7}  target")
    for name, value, baseline, ok in rows:
        print(f"{name:40} {value:8.3f} {baseline:11.3f} {value / baseline:7.2f}  {'met' if ok else 'MISSED'}")
    return 0 if all(ok for *_, ok in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
