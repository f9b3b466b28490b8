"""Where the call's sound comes from on each system, and noticing when it does not come (issue 13).

Windows and macOS cannot run here: their choices are made from the device
lists sounddevice gives, so they are tested with lists of exactly that shape
(``sounddevice.query_devices()`` / ``query_hostapis()`` on such machines).
This tests our selection, not PortAudio's loopback itself.  Linux runs for
real through the rig's online layout.
"""

from __future__ import annotations

import pytest

from core.audio.call_sources import (
    find_call_sources,
    mac_sources,
    missing_message,
    records_call_by_default,
    sound_devices_for,
    windows_sources,
)
from core.audio.pulse_streams import SourceDevices
from core.consent import ConsentMethod
from core.recording.call_watch import SILENT_CALL_S, CallWatch


def _device(index: int, name: str, hostapi: int, inputs: int, outputs: int, rate: float = 48000.0) -> dict:
    """One entry of ``sounddevice.query_devices()``, every key sounddevice 0.5 gives."""
    return {"name": name, "index": index, "hostapi": hostapi, "max_input_channels": inputs,
            "max_output_channels": outputs, "default_low_input_latency": 0.01 if inputs else 0.0,
            "default_low_output_latency": 0.01 if outputs else 0.0,
            "default_high_input_latency": 0.04 if inputs else 0.0,
            "default_high_output_latency": 0.04 if outputs else 0.0, "default_samplerate": rate}


def _api(name: str, devices: list[int], default_input: int, default_output: int) -> dict:
    """One entry of ``sounddevice.query_hostapis()``."""
    return {"name": name, "devices": devices, "default_input_device": default_input,
            "default_output_device": default_output}


# A Windows laptop with a headset, PortAudio built after 19.7.0 (WASAPI loopback): each WASAPI output
# appears once more as an input named "<output> [Loopback]", at the end of WASAPI's list.
WINDOWS_DEVICES = [
    _device(0, "Microsoft Sound Mapper - Input", 0, 2, 0, 44100.0),
    _device(1, "Microphone Array (Realtek(R) Au", 0, 2, 0, 44100.0),
    _device(2, "Stereo Mix (Realtek(R) Audio)", 0, 2, 0, 44100.0),
    _device(3, "Microsoft Sound Mapper - Output", 0, 0, 2, 44100.0),
    _device(4, "Speakers (Realtek(R) Audio)", 0, 0, 2, 44100.0),
    _device(5, "Headphones (WH-1000XM4 Stereo)", 0, 0, 2, 44100.0),
    _device(6, "Microphone Array (Realtek(R) Audio)", 1, 2, 0),
    _device(7, "Stereo Mix (Realtek(R) Audio)", 1, 2, 0),
    _device(8, "Speakers (Realtek(R) Audio)", 1, 0, 2),
    _device(9, "Headphones (WH-1000XM4 Stereo)", 1, 0, 2),
    _device(10, "Speakers (Realtek(R) Audio) [Loopback]", 1, 2, 0),
    _device(11, "Headphones (WH-1000XM4 Stereo) [Loopback]", 1, 2, 0),
]
WINDOWS_APIS = [_api("MME", [0, 1, 2, 3, 4, 5], 1, 4), _api("Windows WASAPI", [6, 7, 8, 9, 10, 11], 6, 9)]

# PortAudio 19.7.0 (the DLL sounddevice ships): no loopback devices at all.
WINDOWS_OLD_DEVICES = [d for d in WINDOWS_DEVICES if "Loopback" not in d["name"] and "Stereo Mix" not in d["name"]]

MAC_DEVICES = [
    _device(0, "MacBook Pro Microphone", 0, 1, 0),
    _device(1, "MacBook Pro Speakers", 0, 0, 2),
    _device(2, "Microsoft Teams Audio", 0, 2, 2),
    _device(3, "Loopback Audio", 0, 2, 2),
    _device(4, "BlackHole 2ch", 0, 2, 2),
    _device(5, "Multi-Output Device", 0, 0, 2),
]
MAC_APIS = [_api("Core Audio", [0, 1, 2, 3, 4, 5], 0, 5)]


def test_windows_offers_the_loopback_of_the_default_output_first():
    sources = windows_sources(WINDOWS_DEVICES, WINDOWS_APIS)
    assert [s.description for s in sources] == [
        "Headphones (WH-1000XM4 Stereo) [Loopback]",  # the default output: where the call plays
        "Speakers (Realtek(R) Audio) [Loopback]",
        "Stereo Mix (Realtek(R) Audio)",  # once, though MME lists it too
    ]
    assert sources[0].is_default and not sources[1].is_default
    # The name sounddevice is given matches one device exactly (the WASAPI one, not MME's).
    assert sources[0].name == "Headphones (WH-1000XM4 Stereo) [Loopback], Windows WASAPI"
    assert sources[2].name == "Stereo Mix (Realtek(R) Audio), MME"


def test_windows_without_loopback_says_what_to_enable():
    assert windows_sources(WINDOWS_OLD_DEVICES, WINDOWS_APIS) == []
    found = find_call_sources("win32", sd=_Lists(WINDOWS_OLD_DEVICES, WINDOWS_APIS))
    assert found.default is None
    assert found.missing == missing_message("win32") and "Stereo Mix" in str(found.missing)


def test_macos_recognises_installed_loopback_devices_by_name_blackhole_first():
    sources = mac_sources(MAC_DEVICES, MAC_APIS)
    assert [s.name for s in sources] == ["BlackHole 2ch", "Loopback Audio"]
    found = find_call_sources("darwin", sd=_Lists(MAC_DEVICES, MAC_APIS))
    assert found.default is not None and found.default.name == "BlackHole 2ch" and found.missing is None


def test_macos_without_a_loopback_device_says_what_to_install_in_one_sentence():
    plain = [d for d in MAC_DEVICES if d["name"] not in ("BlackHole 2ch", "Loopback Audio")]
    found = find_call_sources("darwin", sd=_Lists(plain, MAC_APIS))
    assert found.sources == () and found.missing is not None
    text = str(found.missing)
    assert "BlackHole" in text and "multi-output" in text and text.count(". ") == 0 and "\n" not in text


def test_a_sound_system_that_fails_to_answer_is_none_found():
    found = find_call_sources("win32", sd=_Broken())
    assert found.sources == () and found.missing == missing_message("win32")


def test_windows_and_macos_open_the_source_through_sounddevice_by_name():
    assert sound_devices_for("BlackHole 2ch", 48000, "darwin") == (None, "BlackHole 2ch")
    sd, device = sound_devices_for("speakers.monitor", 48000, "linux")
    assert isinstance(sd, SourceDevices) and sd.source == "speakers.monitor" and device is None


@pytest.mark.parametrize(("method", "online_place", "expected"), [
    (ConsentMethod.ONLINE, False, True),
    (ConsentMethod.PLATFORM, False, True),
    (ConsentMethod.IN_PERSON, True, False),  # asked face to face: there is no call, whatever the place says
    (ConsentMethod.WRITTEN, True, True),
    (ConsentMethod.WRITTEN, False, False),
    (ConsentMethod.SELF, False, False),  # practice alone
    (None, True, True),  # a mock interview at a meeting link: a friend on a call
])
def test_the_option_starts_ticked_for_online_permission_only(method, online_place, expected):
    assert records_call_by_default(method, online_place) is expected


@pytest.mark.audio
def test_linux_offers_the_default_outputs_monitor(online_rig):
    found = find_call_sources("linux")
    assert found.default is not None and found.default.name == "speakers.monitor" and found.missing is None


# -- the call's silence -------------------------------------------------------------------------
def _feed(watch: CallWatch, seconds: float, microphone: float, call: float, start: float = 0.0,
          step: float = 0.1) -> list:
    """Readings every ``step`` s, as the panel's timer gives them; every answer."""
    return [watch.update(start + i * step, microphone, call) for i in range(round(seconds / step) + 1)]


def test_the_default_is_thirty_seconds():
    assert SILENT_CALL_S == 30.0
    watch = CallWatch("speakers.monitor")
    assert all(answer is None for answer in _feed(watch, 29.8, microphone=-20.0, call=-120.0))
    alert = watch.update(30.0, -20.0, -120.0)
    assert alert is not None and watch.alerts == 1
    text = str(alert)
    assert "not reaching Furikaeri" in text and "30 s" in text and "speakers.monitor" in text and "\n" not in text


def test_a_silent_call_while_nobody_speaks_is_no_alarm():
    watch = CallWatch()
    assert all(answer is None for answer in _feed(watch, 120.0, microphone=-70.0, call=-120.0))


def test_a_call_that_is_heard_clears_the_sentence_and_starts_counting_again():
    watch = CallWatch(silent_s=5.0, min_speech_s=1.0)
    assert _feed(watch, 6.0, microphone=-25.0, call=-120.0)[-1] is not None
    assert watch.update(6.1, -25.0, -30.0) is None and watch.alert is None
    assert all(answer is None for answer in _feed(watch, 4.8, microphone=-25.0, call=-120.0, start=6.2))
    assert _feed(watch, 0.5, microphone=-25.0, call=-120.0, start=11.1)[-1] is not None
    assert watch.alerts == 2


def test_a_little_speech_is_not_enough():
    watch = CallWatch(silent_s=5.0, min_speech_s=3.0)
    _feed(watch, 2.0, microphone=-25.0, call=-120.0)  # two seconds of speech, then quiet
    assert all(answer is None for answer in _feed(watch, 20.0, microphone=-80.0, call=-120.0, start=2.1))


def test_a_stalled_feeder_does_not_count_as_speech():
    watch = CallWatch(silent_s=5.0, min_speech_s=3.0)
    watch.update(0.0, -20.0, -120.0)
    assert watch.update(60.0, -20.0, -120.0) is None  # one reading after a minute: one second of speech at most


class _Lists:
    """The two sounddevice functions call_sources asks, answering with fixed lists."""

    def __init__(self, devices: list[dict], hostapis: list[dict]) -> None:
        self.devices, self.hostapis = devices, hostapis

    def query_devices(self) -> list[dict]:
        return self.devices

    def query_hostapis(self) -> list[dict]:
        return self.hostapis


class _Broken:
    def query_devices(self) -> list[dict]:
        raise OSError("PortAudio not initialized")

    def query_hostapis(self) -> list[dict]:
        raise OSError("PortAudio not initialized")
