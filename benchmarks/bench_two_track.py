#!/usr/bin/env python3
"""Two-track recording (microphone + the call's sound) at 48 kHz while a transcription runs.

    uv run benchmarks/bench_two_track.py [--minutes 2]      # FURIKAERI_BENCH_MINUTES=30 for the full run

Through the private PulseAudio rig in its online layout, one seeded,
never-periodic signal is played to the microphone and to the speakers at the
same instant (one stream into a combine sink), and a
:class:`~core.recording.session.RecordingSession` records both tracks with
``call_source="speakers.monitor"``.  Meanwhile the app's
``TranscriptionService`` transcribes espeak-ng speech with Whisper *base*
over and over (its worker process, as in the app).

Baselines in the same run: a bare ``sd.InputStream`` on the microphone and a
bare libpulse capture of the speakers' monitor, each only counting frames.

Printed: recorded length against wall time for both tracks and both
baselines, dropped frames, source audio missing from each file (its first and
last seconds located in the source by cross-correlation), the offset between
the two files at the start and at the end (the same signal, so it is the
misalignment) and its drift, what the aligner measured and did, and the
process's RSS growth from 30 s in to the end (target < 10 MB).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import soundfile
from bench_recording import RSS_FROM_S, CountingStream, locate, rss_mb, write_source

RATE = 48000
SPEECH = (
    "Tell me about a time you solved a difficult problem at work. I was leading a small team "
    "that maintained the billing system, and one month the invoices started to arrive late. "
)


class CountingCapture:
    """The call baseline: a bare libpulse capture of the speakers' monitor that only counts frames."""

    def __init__(self, source: str):
        from core.audio.pulse_capture import SourceCapture

        self.frames = 0
        self.capture = SourceCapture(source, RATE, 2, block_frames=RATE // 50)
        self._running = True
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.started = time.monotonic()
        self.thread.start()

    def _run(self) -> None:
        while self._running:
            self.frames += len(self.capture.read())

    def stop(self) -> float:
        self._running = False
        self.thread.join()
        wall = time.monotonic() - self.started
        self.capture.close()
        return wall


class TranscriptionLoad:
    """The app's transcription service working on speech, job after job, until stopped."""

    def __init__(self, speech: Path):
        from core.transcription.model import TranscriptionSettings
        from core.transcription.service import TranscriptionService

        self.service = TranscriptionService(idle_timeout_s=0)
        self.settings = TranscriptionSettings(language="en")
        self.speech = speech
        self.jobs, self.audio_s, self.work_s = 0, 0.0, 0.0
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            transcript = self.service.submit(self.speech, self.settings).wait()
            self.jobs += 1
            self.audio_s += soundfile.info(self.speech).duration
            self.work_s += float(transcript.extra.get("work_s", 0.0))

    def stop(self) -> None:
        self._stop.set()
        self.thread.join()
        self.service.shutdown()


def position_in_source(path: Path, at: int, source: Path) -> int:
    """Where the recording's second starting at frame ``at`` (first channel) is in the source."""
    window, _ = soundfile.read(path, start=at, frames=RATE, dtype="float64", always_2d=True)
    return locate(window[:, 0], source, expected=at)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=float(os.environ.get("FURIKAERI_BENCH_MINUTES", "2")))
    parser.add_argument("--no-transcription", action="store_true", help="record without the transcription load")
    args = parser.parse_args()
    seconds = args.minutes * 60

    from core.audio.devices import load_sounddevice, rescan_devices
    from core.consent import self_consent
    from core.interviews import Interview, InterviewKind
    from core.library import Library
    from core.recording.files import call_track_path
    from core.recording.session import RecordingSession
    from core.speech.models import resolve_model
    from tests.audio_rig import PulseRig, missing_tools
    from tests.speech_fixtures import synthesize_english

    if missing_tools() or shutil.which("espeak-ng") is None:
        raise SystemExit("needs pulseaudio, pulseaudio-utils and espeak-ng")
    with tempfile.TemporaryDirectory(prefix="furikaeri-bench-") as tmp_name, PulseRig(online=True) as rig:
        tmp = Path(tmp_name)
        os.environ["FURIKAERI_HOME"] = str(tmp / "home")
        os.environ.update(rig.client_env)
        source = tmp / "source.wav"
        write_source(source, seconds + 20)
        load = None
        if not args.no_transcription:
            resolve_model("base")
            load = TranscriptionLoad(synthesize_english(SPEECH * 2, tmp / "speech.wav"))
        sd = load_sounddevice()
        rescan_devices(sd)
        with Library.open() as library:
            interview = library.interviews.add(Interview(company="Benchmark", kind=InterviewKind.MOCK))
            consent = library.consent.add(self_consent(interview.stored_id))
            assert consent.id is not None

            mic_base, call_base = CountingStream(sd), CountingCapture("speakers.monitor")
            mic_base.stream.start()
            mic_base_started = time.monotonic()
            player = rig.play_everywhere(source, wait=False)
            session = RecordingSession.start(library, consent.id, call_source="speakers.monitor")
            assert session.call is not None, session.call_problem
            started = time.monotonic()
            rss = {0.0: rss_mb()}
            while not threading.Event().wait(1.0):
                elapsed = time.monotonic() - started
                rss[elapsed] = rss_mb()
                if elapsed >= seconds:
                    break
            recording = session.stop()
            wall = time.monotonic() - started
            mic_base.stream.stop()
            mic_base_wall = time.monotonic() - mic_base_started
            mic_base.stream.close()
            call_base_wall = call_base.stop()
            player.kill()
            player.wait()
            if load is not None:
                load.stop()
            mic, call = session.recorder.stop(), session.call.result
            assert call is not None
            facts = session.call.facts()

        call_path = call_track_path(recording.path)
        head, tail = 3 * RATE, min(mic.frames, call.frames) - 3 * RATE
        mic_head, mic_tail = (position_in_source(recording.path, at, source) for at in (head, tail))
        call_head, call_tail = (position_in_source(call_path, at, source) for at in (head, tail))

    from_30 = min(rss, key=lambda t: abs(t - RSS_FROM_S))
    growth = rss[max(rss)] - rss[from_30]
    mic_base_s, call_base_s = mic_base.frames / RATE, call_base.frames / RATE
    offset_head = (call_head - mic_head) * 1000 / RATE  # > 0: the call track is behind the microphone
    offset_tail = (call_tail - mic_tail) * 1000 / RATE
    print(f"{seconds / 60:.1f} min, transcription load: {'no' if load is None else 'yes'}")
    print(f"{'':34s}{'microphone':>12s}{'bare':>10s}{'call':>12s}{'bare':>10s}")
    print(f"{'wall time (s)':34s}{wall:12.2f}{mic_base_wall:10.2f}{wall:12.2f}{call_base_wall:10.2f}")
    print(f"{'recorded (s)':34s}{mic.duration_s:12.2f}{mic_base_s:10.2f}{call.duration_s:12.2f}{call_base_s:10.2f}")
    print(f"{'recorded / wall':34s}{mic.duration_s / wall:12.5f}{mic_base_s / mic_base_wall:10.5f}"
          f"{call.duration_s / wall:12.5f}{call_base_s / call_base_wall:10.5f}")
    print(f"{'dropped frames':34s}{mic.dropped_frames:12d}{'':10s}{call.dropped_frames:12d}")
    print(f"{'source missing from file (ms)':34s}{(mic_tail - mic_head - (tail - head)) * 1000 / RATE:12.2f}{'':10s}"
          f"{(call_tail - call_head - (tail - head)) * 1000 / RATE:12.2f}")
    print(f"{'offset call - mic at 3 s (ms)':34s}{offset_head:12.2f}   (target |x| <= 20)")
    print(f"{'offset call - mic at end - 3 s (ms)':34s}{offset_tail:12.2f}")
    print(f"{'drift over the recording (ms)':34s}{offset_tail - offset_head:12.2f}   (target |x| <= 50 per hour)")
    print(f"{'aligner':34s}start {facts.get('start_offset_ms')} ms, drift {facts.get('drift_ppm')} ppm, "
          f"inserted {facts.get('frames_inserted')}, dropped {facts.get('frames_dropped')}, "
          f"residual {facts.get('residual_ms')} ms")
    print(f"{'RSS at 30 s / end (MB)':34s}{rss[from_30]:6.1f} / {rss[max(rss)]:.1f}")
    print(f"{'RSS growth 30 s -> end (MB)':34s}{growth:12.2f}   (target < 10)")
    print(f"{'problems':34s}{mic.problem!s} / {call.problem!s}")
    if load is not None:
        print(f"transcription: {load.jobs} jobs, {load.audio_s:.0f} s of speech in {load.work_s:.0f} s of work")
    return 0


if __name__ == "__main__":
    sys.exit(main())

