"""The audio backend probe, against the real PortAudio and the PulseAudio rig."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from core.audio.devices import (
    AudioUnavailable,
    InputDevice,
    audio_status,
    list_input_devices,
    load_sounddevice,
    no_input_device_message,
    rescan_devices,
)
from tests.audio_rig import PulseRig, require_tools

REPO_ROOT = Path(__file__).resolve().parent.parent


def _pulse_inputs(devices: list[InputDevice] | tuple[InputDevice, ...]) -> list[InputDevice]:
    return [device for device in devices if device.name in ("pulse", "default")]


@pytest.mark.audio
def test_rig_microphone_is_listed_as_default_input(virtual_microphone, real_sd):
    devices = list_input_devices()

    assert {"pulse", "default"} <= {device.name for device in devices}
    defaults = [device for device in devices if device.is_default]
    assert len(defaults) == 1
    assert defaults[0] in _pulse_inputs(devices)
    assert all(device.max_input_channels >= 1 for device in devices)
    assert all(device.host_api for device in devices)


@pytest.mark.audio
def test_status_is_available_with_the_rig(virtual_microphone, real_sd):
    status = audio_status(rescan=True)

    assert status.available
    assert status.problem is None
    assert _pulse_inputs(status.devices)
    assert status.portaudio_version and status.portaudio_version.startswith("PortAudio")


@pytest.fixture
def own_rig(real_sd, monkeypatch) -> Iterator[PulseRig]:
    """A rig of this test's own, made this process's server after sounddevice was imported."""
    require_tools()
    with PulseRig() as rig, monkeypatch.context() as patch:
        for key, value in rig.client_env.items():
            patch.setenv(key, value)
        yield rig
    rescan_devices(real_sd)


@pytest.mark.audio
def test_refresh_follows_the_server_going_and_coming_back(own_rig, real_sd):
    assert audio_status(real_sd, rescan=True).available

    own_rig.kill()
    gone = audio_status(real_sd, rescan=True)
    assert not _pulse_inputs(gone.devices)

    own_rig.start()
    back = audio_status(real_sd, rescan=True)
    assert back.available
    assert _pulse_inputs(back.devices)


@pytest.fixture
def unreachable_server(real_sd, tmp_path, monkeypatch) -> Iterator[None]:
    """Point pulse clients at a socket nobody listens on (and forbid autospawn)."""
    client_conf = tmp_path / "client.conf"
    client_conf.write_text("autospawn = no\n")
    with monkeypatch.context() as patch:
        patch.setenv("PULSE_SERVER", f"unix:{tmp_path / 'nobody-here'}")
        patch.setenv("PULSE_CLIENTCONFIG", str(client_conf))
        yield
    rescan_devices(real_sd)


def test_unreachable_server_leaves_no_pulse_input(unreachable_server, real_sd):
    status = audio_status(real_sd, rescan=True)

    # PortAudio silently drops the pulse-backed ALSA devices; a machine with a
    # real sound card may still list its hardware.
    assert not _pulse_inputs(status.devices)
    if not status.devices:
        assert not status.available
        assert status.problem == no_input_device_message()
        assert "microphone" in str(status.problem)


def test_uninitialised_portaudio_gives_a_problem_with_its_error(real_sd):
    real_sd._terminate()
    try:
        status = audio_status(real_sd)
    finally:
        real_sd._initialize()

    assert not status.available
    assert status.devices == ()
    assert status.problem is not None
    assert status.problem.params["detail"] == "PortAudio not initialized [PaErrorCode -10000]"
    assert "[PaErrorCode -10000]" in str(status.problem)


def test_missing_portaudio_raises_audio_unavailable():
    def no_portaudio(name: str) -> ModuleType:
        raise OSError("PortAudio library not found")

    with pytest.raises(AudioUnavailable) as caught:
        load_sounddevice(no_portaudio)

    assert "sudo apt install libportaudio2" in str(caught.value)
    assert "libportaudio2" in caught.value.message.render()


def test_missing_sounddevice_module_raises_audio_unavailable():
    def not_installed(name: str) -> ModuleType:
        raise ModuleNotFoundError(f"No module named {name!r}")

    with pytest.raises(AudioUnavailable) as caught:
        load_sounddevice(not_installed)

    assert "No module named 'sounddevice'" in str(caught.value)


# The child hides libportaudio from sounddevice's own lookup, exactly what a
# machine without the libportaudio2 package looks like, then asks the core.
_WITHOUT_PORTAUDIO = """
import ctypes.util, json, sys
real_find_library = ctypes.util.find_library
ctypes.util.find_library = lambda name: None if "portaudio" in name else real_find_library(name)
try:
    import sounddevice
    raw = "imported"
except OSError as exc:
    raw = f"{type(exc).__name__}: {exc}"
from core.audio.devices import audio_status
status = audio_status(rescan=True)
print(json.dumps({
    "raw": raw,
    "available": status.available,
    "devices": len(status.devices),
    "problem": str(status.problem),
    "version": status.portaudio_version,
}))
"""


@pytest.mark.slow
def test_missing_portaudio_in_a_real_process_disables_recording_only():
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", _WITHOUT_PORTAUDIO],
        cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=60, check=False,
    )

    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["raw"] == "OSError: PortAudio library not found"
    assert result["available"] is False
    assert result["devices"] == 0
    assert result["version"] is None
    assert "PortAudio" in result["problem"]
    assert "sudo apt install libportaudio2" in result["problem"]
    assert "recording is disabled" in result["problem"]
