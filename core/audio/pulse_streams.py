"""PulseAudio sources as input streams shaped like ``sounddevice``'s, for the recorder's call track.

The :class:`~core.recording.recorder.Recorder` takes its sound-device module
as a parameter.  This module is such a module for one named source (the
monitor the call plays to): a thread reads blocks with
:class:`~core.audio.pulse_capture.SourceCapture` and hands them to the
recorder's callback exactly as PortAudio would, and when the source or the
server goes away it stops and runs ``finished_callback``, as PortAudio does
(ENGINEERING.md §2).  So the call track gets everything the microphone track
has — the writer thread, durability every second, the watchdog, pause,
markers, repair after a crash — from the same code.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from core.audio.pulse_capture import CaptureError, SourceCapture

BLOCK_S = 0.02  # a block every 20 ms: markers and the level meter stay as precise as on the microphone


class PortAudioError(Exception):
    """Raised as sounddevice raises its own: (message, code)."""


class _Flags:
    input_overflow = False  # PulseAudio never reports one (ENGINEERING.md §2)


class _TimeInfo:
    """PortAudio's time_info, as far as the recorder reads it: the block's first frame was captured
    ``currentTime - inputBufferAdcTime`` seconds before the callback."""

    currentTime = 0.0  # noqa: N815 - PortAudio's name

    def __init__(self, age_s: float) -> None:
        self.inputBufferAdcTime = -age_s  # PortAudio's name


class SourceStream:
    """One running capture of a PulseAudio source, started and stopped like a ``sounddevice.InputStream``."""

    def __init__(self, source: str, samplerate: int, channels: int, callback: Callable[..., None],
                 finished_callback: Callable[[], None]) -> None:
        try:
            self._capture = SourceCapture(source, samplerate, channels, block_frames=int(samplerate * BLOCK_S))
        except CaptureError as error:
            raise PortAudioError(str(error), None) from error
        self.samplerate, self.channels = samplerate, channels
        self._callback, self._finished_callback = callback, finished_callback
        self._running = threading.Event()
        self._thread: threading.Thread | None = None
        self.lost: CaptureError | None = None  # why the source stopped by itself, if it did

    @property
    def active(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        self._running.set()
        self._thread = threading.Thread(target=self._run, name="call-audio-reader", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        flags = _Flags()
        try:
            while self._running.is_set():
                block = self._capture.read()
                latency = self._capture.latency_s()  # of the block's last frame
                age = (latency or 0.0) + len(block) / self.samplerate
                if self._running.is_set():
                    self._callback(block, len(block), _TimeInfo(age), flags)
        except CaptureError as error:  # the source or the server went away: the stream finishes by itself
            self.lost = error
        finally:
            self._running.clear()
            self._finished_callback()

    def stop(self, ignore_errors: bool = True) -> None:
        """Stop after the block being read (at most one block, unless the server hangs)."""
        self._running.clear()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join()

    abort = stop

    def close(self, ignore_errors: bool = True) -> None:
        self.stop()
        self._capture.close()


class SourceDevices:
    """A stand-in for the ``sounddevice`` module whose one input is the PulseAudio source ``source``."""

    PortAudioError = PortAudioError

    def __init__(self, source: str, samplerate: int = 48000) -> None:
        self.source, self.samplerate = source, samplerate
        self.streams: list[SourceStream] = []

    def InputStream(self, **options: Any) -> SourceStream:  # noqa: N802 - sounddevice's name
        stream = SourceStream(self.source, int(options["samplerate"]), int(options["channels"]),
                              options["callback"], options["finished_callback"])
        self.streams.append(stream)
        return stream

    def query_devices(self, device: object = None, kind: str | None = None) -> dict[str, Any]:
        return {"name": self.source, "index": 0, "default_samplerate": self.samplerate}
