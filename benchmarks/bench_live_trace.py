#!/usr/bin/env python3
"""Where the seconds after Stop go in a live transcription: the live job's decodes on a timeline.

    uv run benchmarks/bench_live_trace.py [--language ja|en] [--minutes M] [--pace P] [--repeat N]

Runs :class:`core.transcription.live.LiveJob` (the worker's own code, without
the process around it, at this process's priority) on ``bench_live.py``'s audio
written in real time, then says the recording has ended.  Printed: each decode
of the last ``--last`` seconds before Stop and all after it (a *draft* of the
window being filled, a whole *window*, what is left at Stop), each *emit*
(sending a decode's segments, with the unprompted pass over speech a prompted
decode left out), in seconds relative to Stop; then Stop → the end of the
job, split into the decode that was running when Stop came and the work done
after it.  ``--repeat`` stops at N points spread over the last window.
"""

from __future__ import annotations

import argparse
import queue
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_live import RATE, source  # also sets a throw-away FURIKAERI_HOME
from core.speech.models import load_whisper, resolve_model
from core.transcription.live import DECODERS, LIVE, LiveControl, LiveJob
from core.transcription.messages import JobRequest
from core.transcription.model import TranscriptionSettings
from core.transcription.speech_stream import HOP
from core.transcription.window import FRAMES
from tests.live_feed import feed


@dataclass
class Event:
    kind: str
    began: float
    ended: float
    audio_s: float


class Traced(LiveJob):
    """A live job that notes when each decode and emit ran."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.events: list[Event] = []

    def _decoder(self, track, frames):  # the decode runs here or on the background thread
        decode = super()._decoder(track, frames)
        kind = "final" if self.ended else ("window" if frames == FRAMES else "draft")

        def traced():
            began = time.monotonic()
            try:
                return decode()
            finally:
                self.events.append(Event(kind, began, time.monotonic(), frames * HOP / RATE))

        return traced

    def _emit(self, track, decoded):
        began = time.monotonic()
        try:
            return super()._emit(track, decoded)
        finally:
            self.events.append(Event("emit", began, time.monotonic(), decoded.frames * HOP / RATE))


def run_once(model: Any, model_path: str, audio: Any, settings: TranscriptionSettings, path: Path, pace: float,
             last_s: float) -> float:
    inbox: queue.Queue[Any] = queue.Queue()

    def receive(timeout: float) -> Any:
        try:
            return inbox.get(timeout=timeout)
        except queue.Empty:
            return None

    request = JobRequest(1, str(path), settings, model_path, "cpu", 0.0, kind=LIVE)
    job = Traced(request, model, lambda message: None, receive)
    worker = threading.Thread(target=job.run)
    worker.start()
    feed(path, audio, block_s=1.0, pace=pace, timeout_s=7200)
    stop = time.monotonic()
    inbox.put(LiveControl(1, ended=True))
    worker.join()
    job.conclude()
    done = time.monotonic() - stop
    job._background.shutdown(wait=True)  # a window given up at Stop: its end, for the timeline
    running = [e for e in job.events if e.began < stop < e.ended and e.kind != "emit"]
    waited = max((e.ended - stop for e in running), default=0.0)
    print(f"\n{path.name}: {len(audio) / RATE / 60:.1f} min, Stop -> end {done:.1f} s "
          f"(a {running[0].kind if running else 'no'} decode running at Stop, {waited:.1f} s more; "
          f"{'its draft stood for it' if job.rescued else 'waited for'})")
    for event in job.events:
        if event.ended >= stop - last_s:
            print(f"  {event.kind:>6} {event.began - stop:+7.1f} s .. {event.ended - stop:+6.1f} s "
                  f"({event.ended - event.began:4.1f} s, {event.audio_s:5.1f} s of audio)")
    return done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--language", choices=("ja", "en"), default="ja")
    parser.add_argument("--minutes", type=float, default=0.0, help="repeat the audio up to this long (0: once)")
    parser.add_argument("--pace", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=1, help="stop at this many points of the last window")
    parser.add_argument("--last", type=float, default=20.0, help="show the decodes of this many seconds before Stop")
    args = parser.parse_args()
    import tempfile

    import numpy as np

    folder = Path(tempfile.mkdtemp(prefix="furikaeri-trace-"))
    one, _text = source(args.language, folder)
    pause = np.zeros(int(1.2 * RATE), dtype=np.float32)
    repeats = max(1, round(args.minutes * 60 / (len(one) / RATE + 1.2))) if args.minutes else 1
    audio = np.concatenate([p for _ in range(repeats) for p in (one, pause)])
    model_path = str(resolve_model("base"))
    model = load_whisper(model_path, device="cpu", workers=DECODERS)
    settings = TranscriptionSettings(model=model_path, language=args.language)
    took = []
    for index in range(args.repeat):
        cut = len(audio) - int(index * 30 * RATE / max(1, args.repeat))  # stops spread over the last 30 s
        took.append(run_once(model, model_path, audio[:cut], settings, folder / f"stop{index}.wav", args.pace,
                             args.last))
    print(f"\nStop -> end: median {float(np.median(took)):.1f} s, worst {max(took):.1f} s over {len(took)} stops")


if __name__ == "__main__":
    main()
