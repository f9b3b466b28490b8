"""A private PulseAudio daemon that acts as a real microphone for tests.

The machines this project is tested on have no sound card.  A user-mode
PulseAudio with a null sink (``vsink``) and a normal source remapped from its
monitor (``vmic``) gives the whole real path, sounddevice → PortAudio → ALSA →
pulse, something to record: whatever ``paplay`` sends to ``vsink`` comes out of
``vmic`` in real time.  See ENGINEERING.md §1 and §2.

Use it three ways:

* ``with PulseRig() as rig: ...`` in a script or test (``rig.env`` for
  subprocesses, ``rig.client_env`` for the current process);
* the session fixture :func:`virtual_microphone` (conftest imports it);
* ``python -m tests.audio_rig`` for manual checks: it prints ``export`` lines
  for a shell and runs until Ctrl-C or SIGTERM.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import ModuleType, TracebackType
from typing import NoReturn

import pytest

REQUIRED_TOOLS = ("pulseaudio", "pactl", "paplay")
REQUIRED_PACKAGES = "pulseaudio pulseaudio-utils libasound2-plugins libportaudio2"

SINK = "vsink"
SOURCE = "vmic"
SPEAKERS = "speakers"  # the online layout's default output: what the computer plays (the call)
SAMPLE_RATE = 48000
BOTH = "everywhere"  # a combine sink feeding the microphone and the speakers at once (loaded on first use)

START_TIMEOUT_S = 10.0
STOP_TIMEOUT_S = 5.0
POLL_INTERVAL_S = 0.02

# The native protocol comes last: once a client can connect, everything else is loaded.
_DAEMON_CONFIG = """\
load-module module-null-sink sink_name={sink} rate={rate} channels=1 norewinds=1
load-module module-remap-source master={sink}.monitor source_name={source}
set-default-sink {sink}
set-default-source {source}
load-module module-native-protocol-unix socket={socket} auth-anonymous=1
"""

# The online-interview layout adds the computer's output: a stereo sink the call plays to; its monitor is
# the call's sound (ENGINEERING.md §7).  The microphone stays as above, fed through ``vsink``.
_SPEAKERS_CONFIG = """\
load-module module-null-sink sink_name={speakers} rate={rate} channels=2 norewinds=1
set-default-sink {speakers}
"""

# Clients must never start a daemon of their own when ours is gone.
_CLIENT_CONFIG = "autospawn = no\n"


class RigError(RuntimeError):
    """The PulseAudio rig could not be started or used."""


def missing_tools() -> list[str]:
    """The rig's command-line tools that are not on ``PATH``."""
    return [tool for tool in REQUIRED_TOOLS if shutil.which(tool) is None]


class PulseRig:
    """One private PulseAudio daemon with a virtual microphone, in a temp dir.

    The temp dir is made at construction and removed by :meth:`stop` (or on
    leaving the ``with`` block).  :meth:`start` may be called again after
    :meth:`kill`, in the same dir, to bring the server back.
    """

    def __init__(self, online: bool = False) -> None:
        """``online``: also a speakers sink as the default output, for an online interview's call sound."""
        self.online = online
        self.speakers = SPEAKERS if online else None
        self.root = Path(tempfile.mkdtemp(prefix="furikaeri-pulse-"))
        self.runtime_dir = self.root / "runtime"
        self.socket_path = self.root / "native"
        self.log_path = self.root / "daemon.log"
        self.sink = SINK
        self.source = SOURCE
        self.server = f"unix:{self.socket_path}"
        self._process: subprocess.Popen[bytes] | None = None
        self._make_dirs()

    # -- environment -------------------------------------------------------

    @property
    def client_env(self) -> dict[str, str]:
        """What a client (this process, a shell) needs to use the rig.

        ``HOME`` is left alone here: changing it for a whole test session
        would move other tools' caches.
        """
        return {
            "PULSE_SERVER": self.server,
            "PULSE_RUNTIME_PATH": str(self.runtime_dir),
            "PULSE_STATE_PATH": str(self.root / "state"),
            "PULSE_COOKIE": str(self.root / "cookie"),
            "PULSE_CLIENTCONFIG": str(self.root / "client.conf"),
        }

    @property
    def env(self) -> dict[str, str]:
        """The full environment for the daemon and the pulse tools we run."""
        return {**os.environ, **self.client_env, "HOME": str(self.root / "home")}

    def _make_dirs(self) -> None:
        for name in ("runtime", "state", "home"):
            (self.root / name).mkdir(mode=0o700, exist_ok=True)
        (self.root / "client.conf").write_text(_CLIENT_CONFIG)
        config = _DAEMON_CONFIG.format(
            sink=self.sink, source=self.source, rate=SAMPLE_RATE, socket=self.socket_path
        )
        if self.online:  # before the native protocol (the last line): clients see the whole layout at once
            head, last = config.rstrip("\n").rsplit("\n", 1)
            config = f"{head}\n{_SPEAKERS_CONFIG.format(speakers=SPEAKERS, rate=SAMPLE_RATE)}{last}\n"
        (self.root / "daemon.pa").write_text(config)

    # -- life cycle --------------------------------------------------------

    def start(self) -> PulseRig:
        """Start the daemon and return once it answers, fully configured."""
        if self.is_running():
            return self
        self.socket_path.unlink(missing_ok=True)
        with self.log_path.open("ab") as log:
            self._process = subprocess.Popen(
                [
                    "pulseaudio", "-n", "-F", str(self.root / "daemon.pa"),
                    "--daemonize=no", "--use-pid-file=no", "--exit-idle-time=-1",
                ],
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
            )
        self._wait_until_ready()
        return self

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if not self.is_running():
                self._fail_start("the daemon exited")
            if self._answers():
                return
            time.sleep(POLL_INTERVAL_S)
        self._fail_start(f"no answer within {START_TIMEOUT_S:.0f} s")

    def _answers(self) -> bool:
        try:
            info = self.pactl("info", timeout=2.0)
        except RigError:
            return False
        return f"Default Source: {self.source}" in info

    def _fail_start(self, why: str) -> None:
        self._terminate_process()
        log = self.log_path.read_text(errors="replace").strip()
        raise RigError(f"PulseAudio did not start ({why}). Its output:\n{log or '(none)'}")

    def stop(self) -> None:
        """Stop the daemon (if running) and delete the temp dir."""
        self._terminate_process()
        shutil.rmtree(self.root, ignore_errors=True)

    def _terminate_process(self) -> None:
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGCONT)  # in case a test froze it
        process.terminate()
        try:
            process.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def kill(self) -> None:
        """SIGKILL the daemon, as a crashed sound server; :meth:`start` may follow."""
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.wait()

    def freeze(self) -> None:
        """SIGSTOP the daemon, as a hung sound server."""
        self._signal(signal.SIGSTOP)

    def thaw(self) -> None:
        """SIGCONT a daemon frozen by :meth:`freeze`."""
        self._signal(signal.SIGCONT)

    def _signal(self, signum: signal.Signals) -> None:
        if not self.is_running():
            raise RigError("the PulseAudio rig is not running")
        assert self._process is not None
        self._process.send_signal(signum)

    def is_running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    @property
    def pid(self) -> int | None:
        return self._process.pid if self.is_running() and self._process else None

    def wait(self) -> int:
        """Block until the daemon exits; return its exit status."""
        if self._process is None:
            raise RigError("the PulseAudio rig was never started")
        return self._process.wait()

    def __enter__(self) -> PulseRig:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- using it ----------------------------------------------------------

    def pactl(self, *args: str, timeout: float = 10.0) -> str:
        """Run ``pactl`` against the rig and return its standard output."""
        try:
            done = subprocess.run(
                ["pactl", *args],
                env={**self.env, "LC_ALL": "C"},
                capture_output=True,
                text=True,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise RigError(f"pactl {' '.join(args)} did not answer in {timeout} s") from exc
        if done.returncode != 0:
            raise RigError(f"pactl {' '.join(args)} failed: {done.stderr.strip()}")
        return done.stdout

    def play(
        self, path: str | os.PathLike[str], wait: bool = True, timeout: float = 60.0
    ) -> subprocess.Popen[bytes]:
        """Play a sound file into the virtual microphone.

        With ``wait`` (the default) return after playback has drained and
        raise :class:`RigError` if ``paplay`` failed; otherwise return the
        running ``paplay`` process at once (its output goes to
        ``<root>/paplay.log``; check its exit status yourself).
        """
        return self._play(self.sink, path, wait, timeout)

    def play_call(
        self, path: str | os.PathLike[str], wait: bool = True, timeout: float = 60.0
    ) -> subprocess.Popen[bytes]:
        """Play a sound file as the call's sound: to the speakers (the online layout only)."""
        if self.speakers is None:
            raise RigError("this rig has no speakers: start it with online=True")
        return self._play(self.speakers, path, wait, timeout)

    def play_everywhere(
        self, path: str | os.PathLike[str], wait: bool = True, timeout: float = 60.0
    ) -> subprocess.Popen[bytes]:
        """Play a sound file to the microphone and the speakers at the same instant (the online layout only).

        One stream into a combine sink whose outputs are both sinks: PulseAudio renders them together, so
        what the microphone and the call's sound capture of it happened at the same time.  Its rate
        adjustment is off (``adjust_time=0``): otherwise it re-times its outputs against each other during
        the first seconds of a playback (by up to 15 ms, measured), and the two paths would not be simultaneous.
        """
        if self.speakers is None:
            raise RigError("this rig has no speakers: start it with online=True")
        if f"{BOTH}\t" not in self.pactl("list", "short", "sinks"):
            self.pactl("load-module", "module-combine-sink", f"sink_name={BOTH}", f"slaves={self.sink},{self.speakers}",
                       "adjust_time=0")
        return self._play(BOTH, path, wait, timeout)

    def unload_speakers(self) -> None:
        """Remove the speakers sink (and so the call's sound source), as when an output device is unplugged."""
        for line in self.pactl("list", "short", "modules").splitlines():
            index, name, *arguments = line.split("\t")
            if name == "module-null-sink" and f"sink_name={SPEAKERS}" in " ".join(arguments):
                self.pactl("unload-module", index)
                return
        raise RigError("the speakers sink is not loaded")

    def _play(
        self, device: str, path: str | os.PathLike[str], wait: bool, timeout: float
    ) -> subprocess.Popen[bytes]:
        command = ["paplay", f"--device={device}", os.fspath(path)]
        if not wait:
            with (self.root / "paplay.log").open("ab") as log:
                return subprocess.Popen(
                    command, env=self.env, stdin=subprocess.DEVNULL, stdout=log, stderr=log
                )
        process = subprocess.Popen(
            command,
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        _, stderr = process.communicate(timeout=timeout)
        if process.returncode != 0:
            raise RigError(f"paplay failed ({process.returncode}): {stderr.decode().strip()}")
        return process


# -- pytest fixture ------------------------------------------------------------


def _refresh_portaudio() -> None:
    """Let an already imported sounddevice see the current sound servers."""
    sd = sys.modules.get("sounddevice")
    if sd is not None:
        from core.audio.devices import rescan_devices

        rescan_devices(sd)


def skip_or_fail(reason: str) -> NoReturn:
    """Skip, or fail when ``CI`` is set: CI must really run the audio tests."""
    if os.environ.get("CI", ""):
        pytest.fail(f"{reason} (CI is set, so this fails instead of skipping)")
    pytest.skip(reason)


@pytest.fixture
def real_sd() -> ModuleType:
    """The real sounddevice module (skips, or fails under CI, without PortAudio)."""
    from core.audio.devices import AudioUnavailable, load_sounddevice

    try:
        return load_sounddevice()
    except AudioUnavailable as exc:
        skip_or_fail(str(exc))


def require_tools() -> None:
    """Skip (or fail under ``CI``) unless the rig's tools are installed."""
    missing = missing_tools()
    if missing:
        skip_or_fail(
            f"the virtual microphone needs {', '.join(missing)} "
            f"(Debian/Ubuntu: sudo apt install {REQUIRED_PACKAGES})"
        )


def _swap_environ(new: Mapping[str, str]) -> dict[str, str | None]:
    saved = {key: os.environ.get(key) for key in new}
    os.environ.update(new)
    return saved


def _restore_environ(saved: Mapping[str, str | None]) -> None:
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


def serve_rig(online: bool = False) -> Iterator[PulseRig]:
    """Start a rig, make it this process's sound server while the caller holds it, then stop it.

    Skips when PulseAudio's tools are not installed (fails instead under ``CI``).
    """
    require_tools()
    with PulseRig(online=online) as rig:
        saved = _swap_environ(rig.client_env)
        try:
            _refresh_portaudio()
            yield rig
        finally:
            _restore_environ(saved)
    _refresh_portaudio()


@pytest.fixture(scope="session")
def virtual_microphone() -> Iterator[PulseRig]:
    """A running :class:`PulseRig` whose ``vmic`` is the default input for the whole session."""
    yield from serve_rig()


@pytest.fixture
def online_rig() -> Iterator[PulseRig]:
    """A rig of the test's own in the online-interview layout: a microphone, and speakers playing the call."""
    yield from serve_rig(online=True)


@pytest.fixture
def private_microphone() -> Iterator[PulseRig]:
    """A rig of the test's own, for tests that kill or freeze the server (the shared one is left alone)."""
    yield from serve_rig()


@pytest.fixture
def no_sound_server(tmp_path: Path) -> Iterator[None]:
    """No reachable sound server for this test; afterwards PortAudio sees the real ones again.

    (A window probing audio under this fixture re-initialises PortAudio; without
    the rescan afterwards, later tests would still see no device.)
    """
    (tmp_path / "client.conf").write_text("autospawn = no\n")
    saved = _swap_environ({"PULSE_CLIENTCONFIG": str(tmp_path / "client.conf"),
                           "PULSE_SERVER": f"unix:{tmp_path}/no-such-server"})
    try:
        yield
    finally:
        _restore_environ(saved)
        _refresh_portaudio()


# -- command line --------------------------------------------------------------


def main() -> int:
    """Run a rig until Ctrl-C or SIGTERM, printing shell ``export`` lines."""
    for signum in (signal.SIGINT, signal.SIGTERM):  # SIGINT too: '&' jobs ignore it
        signal.signal(signum, lambda *_: sys.exit(0))
    with PulseRig() as rig:
        for key, value in rig.client_env.items():
            print(f"export {key}={value}")
        print(f"# PulseAudio pid {rig.pid}; play into the microphone with:", flush=True)
        print(f"#   PULSE_SERVER={rig.server} paplay --device={rig.sink} FILE.wav", flush=True)
        return rig.wait()


if __name__ == "__main__":
    sys.exit(main())
