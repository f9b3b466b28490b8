"""Capturing a PulseAudio source by name — the route for an online interview's call sound on Linux.

PortAudio reaches PulseAudio (and PipeWire's Pulse server) only through ALSA's
``pulse`` plugin, which offers the default source and nothing else: the monitor
of the speakers, where the call's sound is, cannot be opened there
(ENGINEERING.md §7).  libpulse's *simple* API opens any source by name, one
connection per stream, and delivers blocks with a blocking read: exactly what a
second track needs.  It is part of libpulse, which Qt already requires, so this
costs no new dependency; the few C declarations are below.

Why not a Python package: ``soundcard`` (the cross-platform loopback library)
connects to the sound server when it is imported and keeps one connection for
the whole process, so it cannot follow a server that restarts or changes;
``pasimple`` wraps the same API but is young (0.0.x).  ``pulsectl`` lists
sources but does not capture.

:func:`monitor_sources` lists what can serve as call audio (every monitor of an
output device); :class:`SourceCapture` reads one of them block by block.
"""

from __future__ import annotations

import ctypes
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from core.messages import QT_TRANSLATE_NOOP, FurikaeriError, Message

if TYPE_CHECKING:
    import numpy as np

_CONTEXT = "CallAudio"
_PA_STREAM_RECORD = 2
_PA_SAMPLE_S16LE = 3
_UNSET = 0xFFFFFFFF  # (uint32_t) -1: "the server's default" in pa_buffer_attr


class _SampleSpec(ctypes.Structure):
    _fields_ = [("format", ctypes.c_int), ("rate", ctypes.c_uint32), ("channels", ctypes.c_uint8)]


class _BufferAttr(ctypes.Structure):
    _fields_ = [(name, ctypes.c_uint32) for name in ("maxlength", "tlength", "prebuf", "minreq", "fragsize")]


class CaptureError(FurikaeriError):
    """A source could not be opened or read; the message says why in one sentence."""


def _m(text: str, **params: object) -> Message:
    return Message(_CONTEXT, text, params)


@dataclass(frozen=True)
class _Library:
    simple: Any
    pulse: Any


_loaded: _Library | None = None


def _library() -> _Library:
    global _loaded
    if _loaded is None:
        import ctypes.util  # with subprocess: when the call is recorded, not with the window

        simple_name = ctypes.util.find_library("pulse-simple") or "libpulse-simple.so.0"
        pulse_name = ctypes.util.find_library("pulse") or "libpulse.so.0"
        try:
            simple, pulse = ctypes.CDLL(simple_name), ctypes.CDLL(pulse_name)
        except OSError as error:
            raise CaptureError(_m(QT_TRANSLATE_NOOP(
                "CallAudio", "The call's sound cannot be recorded: the PulseAudio client library is missing "
                             "({detail}). Install libpulse0."), detail=str(error))) from error
        simple.pa_simple_new.restype = ctypes.c_void_p
        simple.pa_simple_new.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                                         ctypes.c_char_p, ctypes.POINTER(_SampleSpec), ctypes.c_void_p,
                                         ctypes.POINTER(_BufferAttr), ctypes.POINTER(ctypes.c_int)]
        simple.pa_simple_read.restype = ctypes.c_int
        simple.pa_simple_read.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t,
                                          ctypes.POINTER(ctypes.c_int)]
        simple.pa_simple_free.restype = None
        simple.pa_simple_free.argtypes = [ctypes.c_void_p]
        pulse.pa_stream_get_latency.restype = ctypes.c_int
        pulse.pa_stream_get_latency.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_uint64),
                                                ctypes.POINTER(ctypes.c_int)]
        pulse.pa_stream_get_device_name.restype = ctypes.c_char_p
        pulse.pa_stream_get_device_name.argtypes = [ctypes.c_void_p]
        pulse.pa_threaded_mainloop_lock.argtypes = [ctypes.c_void_p]
        pulse.pa_threaded_mainloop_unlock.argtypes = [ctypes.c_void_p]
        pulse.pa_strerror.restype = ctypes.c_char_p
        pulse.pa_strerror.argtypes = [ctypes.c_int]
        _loaded = _Library(simple, pulse)
    return _loaded


def _strerror(code: int) -> str:
    text = _library().pulse.pa_strerror(code)
    return text.decode("utf-8", "replace") if text else f"error {code}"


class SourceCapture:
    """Blocks of 16-bit samples from one PulseAudio source, read as they come (``read`` blocks).

    ``block_frames`` sets both the read size and the server's fragment size,
    so a block arrives about every ``block_frames / samplerate`` seconds.
    """

    def __init__(self, source: str, samplerate: int = 48000, channels: int = 2, block_frames: int = 960,
                 name: str = "Furikaeri", stream_name: str = "call audio") -> None:
        self.source, self.samplerate, self.channels, self.block_frames = source, samplerate, channels, block_frames
        self._frame_bytes = channels * 2
        self._bytes = block_frames * self._frame_bytes
        spec = _SampleSpec(_PA_SAMPLE_S16LE, samplerate, channels)
        attr = _BufferAttr(_UNSET, _UNSET, _UNSET, _UNSET, self._bytes)
        error = ctypes.c_int(0)
        handle = _library().simple.pa_simple_new(None, name.encode(), _PA_STREAM_RECORD, source.encode(),
                                                 stream_name.encode(), ctypes.byref(spec), None,
                                                 ctypes.byref(attr), ctypes.byref(error))
        if not handle:
            raise CaptureError(_m(QT_TRANSLATE_NOOP(
                "CallAudio", "The call's sound source {source} could not be opened: {detail}."),
                source=source, detail=_strerror(error.value)))
        self._handle: int | None = handle
        self._buffer = ctypes.create_string_buffer(self._bytes)
        self._device: str | None = None  # the source really captured, once known

    # The simple API hides two things a second track needs: where the stream is captured from now (when a
    # source goes away PulseAudio moves its streams to the default source — for a call's sound, usually the
    # microphone — and says nothing), and the *signed* latency (a monitor's data arrives before it is
    # played, and pa_simple_get_latency() reports such a negative latency as 0).  Its ``pa_simple`` struct
    # starts with the threaded main loop, the context, the stream, the direction, the chunk being read and
    # the bytes of it already read (unchanged since PulseAudio 0.9), so we ask the stream itself, under the
    # main loop's lock, like any libpulse client.

    def _current_device(self) -> str | None:
        """The source the server captures this stream from now (None if it cannot be told)."""
        name = self._ask(lambda pulse, stream, _read: pulse.pa_stream_get_device_name(stream))
        return name.decode("utf-8", "replace") if name else None

    def latency_s(self) -> float | None:
        """How long ago (seconds; < 0: how long before it is played, for a monitor) the last frame read was
        captured; None if the server has not said yet."""
        def ask(pulse: Any, stream: Any, already_read: int) -> float | None:
            usec, negative = ctypes.c_uint64(0), ctypes.c_int(0)
            if pulse.pa_stream_get_latency(stream, ctypes.byref(usec), ctypes.byref(negative)) < 0:
                return None
            # The part of the current chunk already handed out is counted in the latency: take it off.
            return (-1 if negative.value else 1) * usec.value / 1e6 - already_read / self._frame_bytes / self.samplerate
        latency: float | None = self._ask(ask)
        return latency

    def _ask(self, question: Any) -> Any:
        if self._handle is None:
            return None
        words = ctypes.cast(self._handle, ctypes.POINTER(ctypes.c_size_t))
        mainloop, stream = words[0], words[2]
        if not mainloop or not stream:
            return None
        pulse = _library().pulse
        pulse.pa_threaded_mainloop_lock(ctypes.c_void_p(mainloop))
        try:
            return question(pulse, ctypes.c_void_p(stream), words[5])
        finally:
            pulse.pa_threaded_mainloop_unlock(ctypes.c_void_p(mainloop))

    def read(self) -> np.ndarray:
        """The next block, shape ``(block_frames, channels)``, int16; raises :class:`CaptureError` when lost."""
        if self._handle is None:
            raise CaptureError(_m(QT_TRANSLATE_NOOP("CallAudio", "The call's sound is no longer being recorded.")))
        error = ctypes.c_int(0)
        if _library().simple.pa_simple_read(self._handle, self._buffer, self._bytes, ctypes.byref(error)) < 0:
            raise CaptureError(_m(QT_TRANSLATE_NOOP(
                "CallAudio", "The call's sound stopped reaching Furikaeri: {detail}."),
                detail=_strerror(error.value)))
        device = self._current_device()
        if self._device is None:
            self._device = device
        elif device is not None and device != self._device:  # the source went away: never record another
            raise CaptureError(_m(QT_TRANSLATE_NOOP(
                "CallAudio", "The call's sound stopped reaching Furikaeri: its source {source} went away."),
                source=self._device))
        import numpy as np  # here: listing the call's sources must not load numpy (start-up)

        samples = np.frombuffer(self._buffer.raw, dtype="<i2").copy()
        return samples.reshape(-1, self.channels)

    def close(self) -> None:
        if self._handle is not None:
            _library().simple.pa_simple_free(self._handle)
            self._handle = None

    def __enter__(self) -> SourceCapture:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


@dataclass(frozen=True)
class CallSource:
    name: str  # what to pass to SourceCapture
    description: str  # what the sound server calls it, for people
    is_default: bool  # the monitor of the default output: where a call's sound usually is


def monitor_sources() -> list[CallSource]:
    """Every source that carries what an output device plays (the candidates for a call's sound).

    Asked of the sound server with ``pactl`` (pulseaudio-utils; PipeWire ships
    a compatible one); an empty list when there is no server or no ``pactl``.
    """
    import shutil
    import subprocess

    pactl = shutil.which("pactl")
    if pactl is None:
        return []
    try:
        sources = json.loads(subprocess.run([pactl, "--format=json", "list", "sources"], capture_output=True,
                                            text=True, timeout=5, check=True).stdout or "[]")
        default_sink = subprocess.run([pactl, "get-default-sink"], capture_output=True, text=True, timeout=5,
                                      check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError, ValueError):
        return []
    found = []
    for source in sources:
        # pactl names the output device a monitor belongs to in "monitor_source" (empty for other sources).
        output = source.get("monitor_source") if isinstance(source, dict) else None
        if not output:
            continue
        name = str(source.get("name", ""))
        found.append(CallSource(name, str(source.get("description", name)), is_default=output == default_sink))
    return sorted(found, key=lambda s: (not s.is_default, s.name))
