#!/usr/bin/env python3
"""Recording under load: does the recorder keep every frame, and its memory flat?

    uv run benchmarks/bench_recording.py [--minutes 10] [--whisper-threads 1] [--no-whisper]

A private PulseAudio rig (tests/audio_rig.py) plays a generated, seeded
noise-like signal (never periodic, so any stretch of it can be found again by
cross-correlation) into its virtual microphone for ``--minutes`` at 48 kHz.
Meanwhile a child process transcribes a long espeak-ng clip with faster-whisper
``base`` over and over (``--whisper-threads`` threads; 1 = "the other core").

Two consumers record the same microphone at the same time:

* the app's :class:`~core.recording.recorder.Recorder`, writing its WAV;
* the baseline, a bare ``sd.InputStream`` whose callback only counts frames.

Printed: recorded length against wall time, source audio missing from the
file (found by aligning its first and last seconds with the source), the
longest gap between callbacks, dropped frames, the process's RSS growth from
30 s in to the end (target < 10 MB) and the CPU it used.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import numpy as np
import soundfile

from core.recording.recorder import Recorder

RATE = 48000
RSS_FROM_S = 30.0
SEARCH_S = 5.0  # how far around its expected place a stretch of the source is looked for
SPEECH = (
    "Tell me about a time you solved a difficult problem at work. I was leading a small team "
    "that maintained the billing system, and one month the invoices started to arrive late. "
    "We traced the delay to a batch job that had grown slower as the data grew. "
)

_WHISPER_LOAD = r"""
import sys, time
from core.speech.models import load_whisper
model = load_whisper("base", cpu_threads=int(sys.argv[2]))
print("ready", flush=True)
while True:
    started = time.perf_counter()
    segments, info = model.transcribe(sys.argv[1], language="en")
    text = " ".join(segment.text for segment in segments)
    print(f"pass {info.duration:.1f} {time.perf_counter() - started:.2f}", flush=True)
"""


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


class TimedRecorder(Recorder):
    """The app's recorder, plus the longest gap between its callbacks."""

    max_gap_s = 0.0
    _previous: float | None = None

    def callback(self, indata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
        now = time.monotonic()
        if self._previous is not None:
            self.max_gap_s = max(self.max_gap_s, now - self._previous)
        self._previous = now
        super().callback(indata, frames, time_info, status)


class CountingStream:
    """The baseline: a bare input stream whose callback counts frames and gaps."""

    def __init__(self, sd: Any):
        self.frames = 0
        self.max_gap_s = 0.0
        self._previous: float | None = None
        self.stream = sd.InputStream(samplerate=RATE, channels=1, dtype="int16", callback=self._callback)

    def _callback(self, indata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
        now = time.monotonic()
        if self._previous is not None:
            self.max_gap_s = max(self.max_gap_s, now - self._previous)
        self._previous = now
        self.frames += frames


def write_source(path: Path, seconds: float, speech: np.ndarray | None = None) -> None:
    """Seeded band-limited noise with a slow loudness wander, written one second at a time (with ``speech``, 48-kHz
    samples looped over it, louder: something for the live transcription to transcribe)."""
    rng = np.random.default_rng(20240607)
    kernel = np.hanning(9) / np.hanning(9).sum()
    with soundfile.SoundFile(path, "w", RATE, 1, subtype="PCM_16") as out:
        for second in range(int(seconds)):
            noise = np.convolve(rng.standard_normal(RATE), kernel, mode="same")
            block = 0.25 * (0.6 + 0.4 * np.sin(second / 7.0)) * noise / 3.0
            if speech is not None:
                at = (second * RATE) % len(speech)
                block = 0.3 * block + np.resize(np.roll(speech, -at), RATE)
            out.write(block)


def speech_track(tmp: Path) -> np.ndarray:
    """The interview answer, spoken by espeak-ng, at 48 kHz with a second's pause after it."""
    spoken = tmp / "answer.wav"
    subprocess.run(["espeak-ng", "-v", "en-us", "-w", str(spoken), SPEECH], check=True, timeout=120)
    samples, rate = soundfile.read(spoken, dtype="float32")
    positions = np.arange(0, len(samples), rate / RATE)
    resampled = np.interp(positions, np.arange(len(samples)), samples).astype(np.float32)
    return np.concatenate([0.5 * resampled / max(float(np.max(np.abs(resampled))), 1e-6),
                           np.zeros(RATE, dtype=np.float32)])


def start_live(recorder: Recorder, path: Path) -> Any:
    """The app's live transcription of the recording (base model), with its watcher on the recorder."""
    from core.ops.live import LiveTranscript
    from core.speech.models import resolve_model
    from core.transcription.model import TranscriptionSettings
    from core.transcription.service import TranscriptionService

    service = TranscriptionService()
    job = service.follow(path, TranscriptionSettings(model=str(resolve_model("base")), language="en"))
    return service, LiveTranscript(job, recorder)


def finish_live(live: Any) -> tuple[float, int, int]:
    """Stop → transcript seconds, segments, and how often the worker was held off."""
    service, transcript = live
    stopped = time.monotonic()
    transcript.recording_stopped()
    result = transcript.job.wait(600)
    took = time.monotonic() - stopped
    service.shutdown()
    return took, len(result.segments), transcript.held


def locate(recorded: np.ndarray, source_path: Path, expected: int) -> int:
    """Where in the source ``recorded`` (a stretch of the recording) fits best, near ``expected``."""
    start = max(0, expected - int(SEARCH_S * RATE))
    source, _ = soundfile.read(source_path, start=start, frames=len(recorded) + int(2 * SEARCH_S * RATE))
    size = len(source) + len(recorded)
    nfft = 1 << (size - 1).bit_length()
    spectrum = np.fft.rfft(source, nfft) * np.conj(np.fft.rfft(recorded, nfft))
    correlation = np.fft.irfft(spectrum, nfft)[: len(source) - len(recorded) + 1]
    return start + int(np.argmax(correlation))


def missing_source_frames(recording: Path, source: Path) -> int:
    """Source frames absent from the recording between its 2nd second and its last-but-one."""
    info = soundfile.info(recording)
    window = RATE  # 1 s
    head_at, tail_at = 2 * RATE, info.frames - 2 * RATE
    head, _ = soundfile.read(recording, start=head_at, frames=window)
    tail, _ = soundfile.read(recording, start=tail_at, frames=window)
    head_offset = locate(head, source, expected=head_at) - head_at
    tail_offset = locate(tail, source, expected=tail_at + head_offset) - tail_at
    return tail_offset - head_offset


def start_whisper(tmp: Path, threads: int) -> subprocess.Popen[str]:
    speech = tmp / "speech.wav"
    subprocess.run(["espeak-ng", "-v", "en-us", "-w", str(speech), SPEECH * 3], check=True, timeout=120)
    root = Path(__file__).resolve().parent.parent
    child = subprocess.Popen(
        [sys.executable, "-c", _WHISPER_LOAD, str(speech), str(threads)],
        cwd=root, env={**os.environ, "PYTHONPATH": str(root)},
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    assert child.stdout is not None
    if child.stdout.readline().strip() != "ready":
        raise SystemExit("the Whisper load process did not start")
    return child


def stop_whisper(child: subprocess.Popen[str]) -> tuple[int, float, float]:
    """Terminate the load; return (passes, audio seconds, compute seconds)."""
    child.terminate()
    output, _ = child.communicate(timeout=30)
    passes = [line.split()[1:] for line in output.splitlines() if line.startswith("pass ")]
    return len(passes), sum(float(a) for a, _ in passes), sum(float(b) for _, b in passes)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--whisper-threads", type=int, default=1)
    parser.add_argument("--no-whisper", action="store_true", help="record without the transcription load")
    parser.add_argument("--live", action="store_true",
                        help="the load is the app's own live transcription of the recording (speech in the source)")
    args = parser.parse_args()
    seconds = args.minutes * 60

    from core.audio.devices import load_sounddevice, rescan_devices
    from core.consent import self_consent
    from core.interviews import Interview, InterviewKind
    from core.library import Library
    from core.recording.recorder import RecorderConfig
    from tests.audio_rig import PulseRig, missing_tools

    if missing_tools() or shutil.which("espeak-ng") is None:
        raise SystemExit("needs pulseaudio, pulseaudio-utils and espeak-ng")
    with tempfile.TemporaryDirectory(prefix="furikaeri-bench-") as tmp_name, PulseRig() as rig:
        tmp = Path(tmp_name)
        os.environ["FURIKAERI_HOME"] = str(tmp / "home")
        os.environ.update(rig.client_env)
        source = tmp / "source.wav"
        write_source(source, seconds + 20, speech=speech_track(tmp) if args.live else None)
        whisper = None if args.no_whisper or args.live else start_whisper(tmp, args.whisper_threads)
        sd = load_sounddevice()
        rescan_devices(sd)
        with Library.open() as library:
            interview = library.interviews.add(Interview(company="Benchmark", kind=InterviewKind.MOCK))
            assert interview.id is not None
            consent = library.consent.add(self_consent(interview.id))
            assert consent.id is not None
            permit = library.consent.permit(consent.id)

        baseline = CountingStream(sd)
        recorder = TimedRecorder(RecorderConfig(tmp / "take.wav"), permit, sd=sd)
        player = rig.play(source, wait=False)
        baseline.stream.start()
        base_started = time.monotonic()
        recorder.start()
        started, cpu_started = time.monotonic(), time.process_time()
        live = start_live(recorder, tmp / "take.wav") if args.live else None
        rss = {0.0: rss_mb()}
        done = threading.Event()
        while not done.wait(1.0):
            elapsed = time.monotonic() - started
            rss[elapsed] = rss_mb()
            if elapsed >= seconds:
                break
        result = recorder.stop()
        wall = time.monotonic() - started
        live_figures = finish_live(live) if live is not None else None
        baseline.stream.stop()
        base_wall = time.monotonic() - base_started
        cpu = time.process_time() - cpu_started
        baseline.stream.close()
        player.kill()
        player.wait()
        load = stop_whisper(whisper) if whisper else None
        missing = missing_source_frames(result.path, source)

    from_30 = min(rss, key=lambda t: abs(t - RSS_FROM_S))
    growth = rss[max(rss)] - rss[from_30]
    base_s = baseline.frames / RATE
    print(f"{'':30s}{'recorder':>12s}{'bare stream':>14s}{'ratio':>8s}")
    print(f"{'wall time (s)':30s}{wall:12.2f}{base_wall:14.2f}")
    print(f"{'recorded (s)':30s}{result.duration_s:12.2f}{base_s:14.2f}{result.duration_s / base_s:8.4f}")
    print(f"{'recorded / wall':30s}{result.duration_s / wall:12.4f}{base_s / base_wall:14.4f}")
    print(f"{'longest callback gap (ms)':30s}{recorder.max_gap_s * 1000:12.1f}{baseline.max_gap_s * 1000:14.1f}"
          f"{recorder.max_gap_s / baseline.max_gap_s:8.2f}")
    print(f"{'dropped frames':30s}{result.dropped_frames:12d}")
    print(f"{'source missing from file (s)':30s}{missing / RATE:12.3f}")
    print(f"{'RSS at 30 s / end (MB)':30s}{rss[from_30]:6.1f} / {rss[max(rss)]:.1f}")
    print(f"{'RSS growth 30 s -> end (MB)':30s}{growth:12.2f}   (target < 10)")
    print(f"{'process CPU, both streams':30s}{100 * cpu / wall:11.1f}%  of one core")
    print(f"{'problem':30s}{result.problem!s:>12s}")
    if live_figures:
        stop_s, segments, held = live_figures
        print(f"live transcription: {segments} segments, complete {stop_s:.1f} s after Stop; "
              f"held off {held} time(s) for late callbacks")
    if load:
        passes, audio, compute = load
        print(f"whisper base load: {passes} passes, {audio:.0f} s of speech in {compute:.0f} s "
              f"(RTF {compute / max(audio, 1e-9):.2f}, {args.whisper_threads} thread(s))")
    return 0


if __name__ == "__main__":
    sys.exit(main())
