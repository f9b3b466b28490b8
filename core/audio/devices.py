"""Probe the audio backend: is PortAudio there, and which microphones exist?

The ``sounddevice`` module is always passed in (or loaded through
:func:`load_sounddevice`), so tests and callers can supply their own.  Nothing
here raises for an ordinary "no sound" situation except :func:`load_sounddevice`
and :func:`list_input_devices`; :func:`audio_status` turns every such failure
into a user-facing :class:`~core.messages.Message`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any, Protocol

from core.messages import QT_TRANSLATE_NOOP, FurikaeriError, Message

CONTEXT = "Audio"

Importer = Callable[[str], ModuleType]


class AudioUnavailable(FurikaeriError):  # noqa: N818 - a public name core/recording and the tests use
    """Recording is impossible on this machine; ``message`` says why."""



class SoundDevices(Protocol):
    """What the recorder uses of the ``sounddevice`` module (so another source of blocks can stand in)."""

    @property
    def PortAudioError(self) -> type[Exception]: ...  # noqa: N802 - sounddevice's name

    def InputStream(self, **options: Any) -> Any: ...  # noqa: N802 - sounddevice's name

    def query_devices(self, device: Any = None, kind: str | None = None) -> Any: ...

def portaudio_missing_message() -> Message:
    """The explanation shown when the PortAudio library cannot be loaded."""
    return Message(
        CONTEXT,
        QT_TRANSLATE_NOOP(
            "Audio",
            "The PortAudio sound library was not found, so recording is disabled. "
            "Install the system package libportaudio2 (for example: "
            "sudo apt install libportaudio2) and restart Furikaeri. "
            "Everything else works without it.",
        ),
    )


def no_input_device_message() -> Message:
    """The explanation shown when PortAudio works but sees no microphone."""
    return Message(
        CONTEXT,
        QT_TRANSLATE_NOOP(
            "Audio",
            "No microphone or other input device was found. "
            "Connect one, or check the system's sound settings.",
        ),
    )


def query_failed_message(detail: str) -> Message:
    """The explanation shown when asking the sound system for devices failed."""
    return Message(
        CONTEXT,
        QT_TRANSLATE_NOOP(
            "Audio",
            "The sound system could not list the input devices: {detail}",
        ),
        {"detail": detail},
    )


def module_broken_message(detail: str) -> Message:
    """The explanation shown when the ``sounddevice`` Python module cannot be imported."""
    return Message(
        CONTEXT,
        QT_TRANSLATE_NOOP(
            "Audio",
            "The sound module could not be loaded ({detail}), so recording is disabled. "
            "Everything else works. Reinstalling Furikaeri may help.",
        ),
        {"detail": detail},
    )


def load_sounddevice(importer: Importer = importlib.import_module) -> ModuleType:
    """Import and return ``sounddevice``.

    ``importer`` exists for tests.  Raises :class:`AudioUnavailable` when the
    PortAudio library is missing (``import sounddevice`` raises ``OSError``) or
    the module itself is not installed.
    """
    try:
        return importer("sounddevice")
    except OSError as exc:
        raise AudioUnavailable(portaudio_missing_message()) from exc
    except ImportError as exc:
        raise AudioUnavailable(module_broken_message(str(exc))) from exc


@dataclass(frozen=True)
class InputDevice:
    """One device that can record, as PortAudio describes it."""

    index: int
    name: str
    host_api: str
    max_input_channels: int
    default_samplerate: float
    is_default: bool


def _default_input_index(sd: ModuleType) -> int | None:
    """The index of the default input device, or ``None`` when there is none."""
    try:
        return int(sd.query_devices(kind="input")["index"])
    except (sd.PortAudioError, ValueError, KeyError, TypeError):
        return None


def _host_api_names(sd: ModuleType) -> list[str]:
    return [str(api["name"]) for api in sd.query_hostapis()]


def list_input_devices(sd: ModuleType | None = None) -> list[InputDevice]:
    """Every device with at least one input channel, the default one marked.

    Loads ``sounddevice`` when ``sd`` is ``None``.  May raise
    :class:`AudioUnavailable` or ``sd.PortAudioError``; use
    :func:`audio_status` for a version that never raises.
    """
    sd = load_sounddevice() if sd is None else sd
    host_apis = _host_api_names(sd)
    default_index = _default_input_index(sd)
    devices = []
    for info in sd.query_devices():
        if int(info["max_input_channels"]) < 1:
            continue
        index = int(info["index"])
        api = int(info["hostapi"])
        devices.append(
            InputDevice(
                index=index,
                name=str(info["name"]),
                host_api=host_apis[api] if 0 <= api < len(host_apis) else "",
                max_input_channels=int(info["max_input_channels"]),
                default_samplerate=float(info["default_samplerate"]),
                is_default=index == default_index,
            )
        )
    return devices


def rescan_devices(sd: ModuleType) -> None:
    """Re-initialise PortAudio so devices and sound servers that appeared later are seen.

    PortAudio reads the device list once, when it is initialised.  Terminating
    it closes every open stream: never call this while recording.
    """
    # Pa_Initialize is reference-counted: only the last terminate really resets.
    holders = int(getattr(sd, "_initialized", 1))
    for _ in range(holders):
        sd._terminate()
    for _ in range(max(holders, 1)):
        sd._initialize()


@dataclass(frozen=True)
class AudioStatus:
    """Whether recording is possible, and if not, why."""

    available: bool
    devices: tuple[InputDevice, ...]
    problem: Message | None
    portaudio_version: str | None


def _unavailable(problem: Message, version: str | None = None) -> AudioStatus:
    return AudioStatus(available=False, devices=(), problem=problem, portaudio_version=version)


def _portaudio_version(sd: ModuleType) -> str | None:
    try:
        return str(sd.get_portaudio_version()[1])
    except Exception:  # noqa: BLE001 - a version string is only informative
        return None


def audio_status(sd: ModuleType | None = None, rescan: bool = False) -> AudioStatus:
    """Describe the audio backend; never raises.

    ``rescan`` re-initialises PortAudio first (see :func:`rescan_devices`).
    """
    if sd is None:
        try:
            sd = load_sounddevice()
        except AudioUnavailable as exc:
            return _unavailable(exc.message)
    version = _portaudio_version(sd)
    try:
        if rescan:
            rescan_devices(sd)
        devices = tuple(list_input_devices(sd))
    except Exception as exc:  # noqa: BLE001 - a probe must never take the app down
        return _unavailable(query_failed_message(str(exc) or type(exc).__name__), version)
    if not devices:
        return _unavailable(no_input_device_message(), version)
    return AudioStatus(available=True, devices=devices, problem=None, portaudio_version=version)
