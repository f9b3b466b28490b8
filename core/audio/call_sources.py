"""Where an online interview's call sound can be recorded from, on each system.

What the computer plays is reachable in a different way on each system:

* **Linux**: the monitor of an output device, through PulseAudio or
  PipeWire's Pulse server (:mod:`core.audio.pulse_capture`); nothing to
  install.  The monitor of the default output comes first.
* **Windows**: WASAPI loopback.  PortAudio newer than 19.7.0 lists, beside
  every WASAPI output device, an *input* device named ``"<output> [Loopback]"``
  that records what the output plays (``PaWasapi_IsLoopback``); sounddevice
  opens it like any input.  The loopback of the default output comes first;
  without one, an input such as "Stereo Mix" or VB-CABLE's "CABLE Output" serves.
* **macOS**: no system route; an installed loopback device (BlackHole,
  Loopback, Soundflower, VB-Cable, Background Music) appears as an input and
  is recognised by its name.

:func:`find_call_sources` lists them (never raises); :func:`sound_devices_for`
says how a recorder opens one; :func:`records_call_by_default` says whether
"also record the call's sound" starts ticked.  The Windows and macOS choices
are decided from ``sounddevice.query_devices()`` / ``query_hostapis()`` lists
alone, so they are tested with lists of that shape.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from core.audio.pulse_capture import CallSource, monitor_sources
from core.consent import ConsentMethod
from core.messages import QT_TRANSLATE_NOOP, Message

_CONTEXT = "CallAudio"
LOOPBACK_MARK = "[Loopback]"  # PortAudio's WASAPI loopback devices end with this (pa_win_wasapi.c)
WASAPI = "Windows WASAPI"
# Inputs that carry what the computer plays (Windows: Realtek's mixer, VB-Audio's and Voicemeeter's cables).
WINDOWS_MIXES = ("stereo mix", "ステレオ ミキサー", "what u hear", "wave out mix", "cable output", "voicemeeter out")
# Loopback devices for macOS, by the names they give their input (BlackHole first: free and open source).
MAC_LOOPBACKS = ("blackhole", "loopback audio", "soundflower", "vb-cable", "background music")

Query = Callable[[], Sequence[dict[str, Any]]]


@dataclass(frozen=True)
class CallSources:
    """The sources usable as call audio, the usual one first; ``missing`` says what to do when there is none."""

    sources: tuple[CallSource, ...]
    missing: Message | None = None

    @property
    def default(self) -> CallSource | None:
        return self.sources[0] if self.sources else None


def _m(text: str) -> Message:
    return Message(_CONTEXT, text)


def missing_message(system: str) -> Message:
    """One sentence: what this system needs before the call's sound can be recorded."""
    if system == "darwin":
        return _m(QT_TRANSLATE_NOOP(
            "CallAudio", "To record the call's sound on macOS, install a loopback device such as BlackHole (free) "
                         "and let the call play through a multi-output device that includes it."))
    if system == "win32":
        return _m(QT_TRANSLATE_NOOP(
            "CallAudio", "No loopback of the speakers was found: enable \"Stereo Mix\" in the Windows sound "
                         "settings, or install VB-CABLE and let the call play through it."))
    return _m(QT_TRANSLATE_NOOP(
        "CallAudio", "No source of the computer's sound was found: recording the call's sound needs a "
                     "PulseAudio or PipeWire sound server and pactl (pulseaudio-utils)."))


def _inputs(devices: Sequence[dict[str, Any]], hostapis: Sequence[dict[str, Any]]) -> list[tuple[dict[str, Any], str]]:
    """Every device that records, with the name of its host API."""
    found = []
    for device in devices:
        if int(device.get("max_input_channels", 0)) < 1:
            continue
        api = int(device.get("hostapi", -1))
        found.append((device, str(hostapis[api]["name"]) if 0 <= api < len(hostapis) else ""))
    return found


def windows_sources(devices: Sequence[dict[str, Any]], hostapis: Sequence[dict[str, Any]]) -> list[CallSource]:
    """WASAPI loopbacks (the default output's first), then inputs known to carry the computer's sound.

    A source's name is ``"<device>, <host API>"``: sounddevice matches that
    string exactly, so the same device under MME or DirectSound is never
    taken instead.
    """
    default_output = ""
    for api in hostapis:
        index = int(api.get("default_output_device", -1))
        if api.get("name") == WASAPI and 0 <= index < len(devices):
            default_output = str(devices[index]["name"])
    loopbacks, mixes, seen = [], [], set()
    for device, api_name in _inputs(devices, hostapis):
        name = str(device["name"])
        if api_name == WASAPI and name.endswith(LOOPBACK_MARK):
            output = name[: -len(LOOPBACK_MARK)].rstrip()
            loopbacks.append(CallSource(f"{name}, {api_name}", name, is_default=output == default_output))
        elif any(mix in name.lower() for mix in WINDOWS_MIXES) and name not in seen:
            seen.add(name)  # listed under every host API: once is enough (the first, as PortAudio orders them)
            mixes.append(CallSource(f"{name}, {api_name}", name, is_default=False))
    loopbacks.sort(key=lambda s: not s.is_default)  # stable: PortAudio's order otherwise
    return loopbacks + mixes


def mac_sources(devices: Sequence[dict[str, Any]], hostapis: Sequence[dict[str, Any]]) -> list[CallSource]:
    """Installed loopback devices, recognised by name; BlackHole first."""
    found = []
    for device, _api in _inputs(devices, hostapis):
        name = str(device["name"])
        rank = next((i for i, known in enumerate(MAC_LOOPBACKS) if known in name.lower()), None)
        if rank is not None:
            found.append((rank, CallSource(name, name, is_default=False)))
    found.sort(key=lambda pair: pair[0])
    return [source for _rank, source in found]


def _portaudio_lists(sd: Any) -> tuple[Sequence[dict[str, Any]], Sequence[dict[str, Any]]]:
    if sd is None:
        from core.audio.devices import load_sounddevice

        sd = load_sounddevice()
    return list(sd.query_devices()), list(sd.query_hostapis())


def find_call_sources(system: str = sys.platform, sd: Any = None) -> CallSources:
    """The sources usable as call audio on ``system`` (``sys.platform``'s spelling); never raises.

    May take a moment (it asks the sound server): not on a UI thread.
    """
    try:
        if system in ("win32", "darwin"):
            devices, hostapis = _portaudio_lists(sd)
            chooser = windows_sources if system == "win32" else mac_sources
            sources = chooser(devices, hostapis)
        else:
            sources = monitor_sources()
    except Exception:  # noqa: BLE001 - no sound system (or none usable) is "none found", said below
        sources = []
    return CallSources(tuple(sources), None if sources else missing_message(system))


def sound_devices_for(source: str, samplerate: int, system: str = sys.platform) -> tuple[Any, str | None]:
    """What a :class:`~core.recording.recorder.Recorder` opens to record ``source``: its sound-device module
    (``None``: sounddevice itself, loaded when recording starts) and the device to ask it for."""
    if system in ("win32", "darwin"):
        return None, source
    from core.audio.pulse_streams import SourceDevices

    return SourceDevices(source, samplerate), None


def records_call_by_default(method: ConsentMethod | None, online_place: bool = False) -> bool:
    """Whether "also record the call's sound" starts ticked: yes when permission was given in an online
    interview (aloud on the call, or the platform's notice), no when given face to face; otherwise (written,
    by e-mail, a mock interview) when the interview takes place at a meeting link."""
    if method in (ConsentMethod.ONLINE, ConsentMethod.PLATFORM):
        return True
    if method is ConsentMethod.IN_PERSON:
        return False
    return online_place
