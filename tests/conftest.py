"""Shared test set-up.

* Qt runs offscreen; every test gets its own ``FURIKAERI_HOME`` (a temp dir).
* Hugging Face hub access is off, and any network connection made from Python
  fails the test: Furikaeri's promise is "no network unless the user asks".
"""

from __future__ import annotations

import ipaddress
import os
import socket
import sys

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.fonts.warning=false")

_network_attempts: list[str] = []
_network_allowed = False


def _is_local(address: object) -> bool:
    if isinstance(address, tuple) and address:
        host = str(address[0])
        if host == "localhost":
            return True
        try:
            return ipaddress.ip_address(host.split("%")[0]).is_loopback
        except ValueError:
            return False
    return True  # AF_UNIX paths and abstract sockets stay on this machine


def _network_guard(event: str, args: tuple) -> None:
    if _network_allowed:
        return
    if event == "socket.connect":
        sock, address = args[0], args[1]
        if getattr(sock, "family", None) == socket.AF_UNIX or _is_local(address):
            return
        _network_attempts.append(f"connect {address!r}")
        raise ConnectionRefusedError(f"network access is forbidden in tests: {address!r}")
    if event == "socket.getaddrinfo":
        host = args[0]
        if host in (None, "localhost") or _is_local((host,)):
            return
        _network_attempts.append(f"getaddrinfo {host!r}")
        raise socket.gaierror(f"network access is forbidden in tests: {host!r}")


sys.addaudithook(_network_guard)


@pytest.fixture(autouse=True)
def _no_network():
    """Fail any test that tried to reach the network."""
    start = len(_network_attempts)
    yield
    attempts = _network_attempts[start:]
    assert not attempts, f"the test tried to use the network: {attempts}"


@pytest.fixture(autouse=True)
def furikaeri_home(tmp_path_factory, monkeypatch):
    """A private, empty Furikaeri home for each test."""
    home = tmp_path_factory.mktemp("furikaeri_home")
    monkeypatch.setenv("FURIKAERI_HOME", str(home))
    return home


from tests.audio_rig import (  # noqa: E402,F401
    no_sound_server,
    online_rig,
    private_microphone,
    real_sd,
    virtual_microphone,
)
from tests.model_fixtures import base_model_in_home, built_base_model, english_speech  # noqa: E402,F401


@pytest.fixture
def make_window(qapp):
    """Build real main windows over the test's library; torn down in a safe order.

    ``make_window(prepare=None, language="en")``: ``prepare(library)`` may add
    data first. The window is shown and started; the fixture waits until the
    library is loaded and the microphone probed.
    """
    import shiboken6
    from PySide6.QtCore import QEventLoop

    from core.library import Library
    from core.settings import SPEECH_MODEL, Settings
    from gui.i18n import LanguageSwitcher
    from gui.main_window import MainWindow

    switcher = LanguageSwitcher()
    opened: list[tuple[MainWindow, Library]] = []

    def make(prepare=None, language: str = "en") -> MainWindow:
        switcher.apply(language)
        library = Library.open()
        if prepare:
            prepare(library)
        settings = Settings()
        settings.set(SPEECH_MODEL, "tiny.en")  # used in place: no 145 MB assembly per test
        window = MainWindow(library, settings, switcher)
        opened.append((window, library))
        loop = QEventLoop()
        pending = {"library", "audio"}

        def arrived(what: str) -> None:
            pending.discard(what)
            if not pending:
                loop.quit()

        window.library_loaded.connect(lambda: arrived("library"))
        window.audio_checked.connect(lambda: arrived("audio"))
        window.show()
        window.start()
        if pending:
            loop.exec()
        return window

    yield make
    # English again while the windows are whole (LanguageChange reaches live widgets only),
    # then wait for background work, then close and delete.
    switcher.apply("en")
    qapp.processEvents()
    for window, library in opened:
        if window.tasks.pending:
            idle = QEventLoop()
            window.tasks.idle.connect(idle.quit)
            if window.tasks.pending:
                idle.exec()
        window.close()
        shiboken6.delete(window)
        library.close()
from tests.speech_fixtures import (  # noqa: E402,F401
    english_interview_speech,
    japanese_interview_speech,
    japanese_short_speech,
)


@pytest.fixture
def ui_language(qapp):
    """Switch the UI language for a test without a main window; English again afterwards."""
    from gui.i18n import LanguageSwitcher

    switcher = LanguageSwitcher()
    yield switcher.apply
    switcher.apply("en")

