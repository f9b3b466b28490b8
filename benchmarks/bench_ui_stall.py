#!/usr/bin/env python3
"""Does the window stay responsive while a transcription runs?

    uv run benchmarks/bench_ui_stall.py [--seconds 60] [--model base]

A 5 ms QTimer on the UI thread records when it actually fires; the gaps
between firings are the event loop's stalls. Measured twice in one run: with
the transcript window open and idle (the baseline), then while the window
transcribes a speech clip through the app's worker process (model load
included), until the result is shown. Printed: longest and 99th-percentile
gap of each phase (target: longest ≤ 50 ms while transcribing).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import soundfile as sf

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TEXT = ("Thank you for seeing me today. In my last role I led a small team that rebuilt our billing system. "
        "The hardest part was agreeing on priorities, so we met every morning for ten minutes. ")


def speech(path: Path, seconds: float) -> Path:
    raw = path.with_suffix(".one.wav")
    subprocess.run(["espeak-ng", "-v", "en-us", "-w", str(raw), TEXT], check=True, capture_output=True)
    data, rate = sf.read(raw, dtype="float32")
    repeats = int(np.ceil(seconds * rate / len(data)))
    sf.write(path, np.tile(data, repeats)[: int(seconds * rate)], rate, subtype="PCM_16")
    return path


class Probe:
    def __init__(self, app):
        from PySide6.QtCore import QTimer

        self.times: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(lambda: self.times.append(time.perf_counter()))

    def measure(self, run_until) -> np.ndarray:
        self.times = []
        self.timer.start()
        run_until()
        self.timer.stop()
        return np.diff(np.array(self.times)) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=60.0, help="length of the speech clip")
    parser.add_argument("--model", default="base")
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="furikaeri-bench-ui-")
    os.environ["FURIKAERI_HOME"] = home
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["HF_HUB_OFFLINE"] = "1"

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from core.consent import ConsentAnswer, ConsentMethod, ConsentPurpose, ConsentRecord
    from core.interviews import Interview, InterviewKind, utc_now
    from core.library import Library
    from core.recording.importer import import_audio
    from core.settings import SPEECH_MODEL, Settings
    from core.speech.models import resolve_model
    from core.transcription.service import TranscriptionService
    from gui.transcript_window import TranscriptWindow

    app = QApplication(sys.argv[:1])
    resolve_model(args.model)  # assembled beforehand: a first start's one-off cost is not a stall
    clip = speech(Path(home) / "clip.wav", args.seconds)
    library = Library.open()
    interview = library.interviews.add(Interview(company="Bench", kind=InterviewKind.MOCK))
    consent = ConsentRecord(interview_id=interview.id, purpose=ConsentPurpose.IMPORTED, answer=ConsentAnswer.AGREED,
                            who="self", method=ConsentMethod.SELF, asked_at=utc_now())
    recording = import_audio(library, clip, consent)
    settings = Settings()
    settings.set(SPEECH_MODEL, args.model)
    service = TranscriptionService()
    window = TranscriptWindow(library, recording, lambda: service, settings)
    window.show()
    loop = QEventLoop()
    window.loaded.connect(loop.quit)
    window.start()
    loop.exec()
    probe = Probe(app)

    def idle() -> None:
        wait = QEventLoop()
        QTimer.singleShot(5000, wait.quit)
        wait.exec()

    def transcribing() -> None:
        done = QEventLoop()
        window.transcription_finished.connect(done.quit)
        window.transcribe()
        done.exec()

    baseline = probe.measure(idle)
    started = time.perf_counter()
    busy = probe.measure(transcribing)
    elapsed = time.perf_counter() - started
    segments = len(window.transcript.segments) if window.transcript else 0
    print(f"clip {args.seconds:.0f} s, model {args.model}: transcribed in {elapsed:.1f} s, {segments} segments")
    print(f"{'':28}{'idle window':>14}{'transcribing':>14}")
    print(f"{'timer firings':28}{len(baseline) + 1:>14}{len(busy) + 1:>14}")
    print(f"{'longest gap (ms)':28}{baseline.max():>14.1f}{busy.max():>14.1f}   target <= 50")
    print(f"{'99th percentile gap (ms)':28}{np.percentile(baseline, 99):>14.1f}{np.percentile(busy, 99):>14.1f}")
    print(f"{'median gap (ms)':28}{np.median(baseline):>14.1f}{np.median(busy):>14.1f}")
    window.close()
    service.shutdown()
    library.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
