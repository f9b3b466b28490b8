#!/usr/bin/env python3
"""Render the recording panel of an online interview in Japanese and English into docs/screenshots/.

    xvfb-run -a uv run packaging/call_screenshots.py [--out DIR]

A private PulseAudio in the online layout (tests/audio_rig.py) plays a voice
to the microphone and another to the speakers, so both meters move:
``recording_online_option_*.png`` (the option, before recording) and
``recording_online_*.png`` (recording, the two meters).
"""

from __future__ import annotations

import os
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "packaging"))
JST = timezone(timedelta(hours=9))


def _voice(path: Path, seed: int) -> Path:
    """A few seconds of speech-like sound: noise shaped in syllables and pauses."""
    import numpy as np
    import soundfile

    rate = 48000
    t = np.arange(rate * 12) / rate
    envelope = np.clip(np.sin(2 * np.pi * 3.1 * t + seed), 0, None) * (np.sin(2 * np.pi * 0.3 * t + seed) > -0.3)
    signal = np.random.default_rng(seed).standard_normal(len(t)) * envelope * 0.25
    soundfile.write(path, signal.astype(np.float32), rate, subtype="PCM_16")
    return path


def _wait(app, condition, timeout_ms: int = 20000) -> None:
    from PySide6.QtCore import QDeadlineTimer, QEventLoop

    deadline = QDeadlineTimer(timeout_ms)
    while not condition() and not deadline.hasExpired():
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def main() -> int:
    from shots_session import settle, start

    session = start(__doc__)
    app, switcher, settings, out = session.app, session.switcher, session.settings, session.out
    from tests.audio_rig import PulseRig, missing_tools

    if missing_tools():
        print("pulseaudio not installed: no screenshots")
        return 1
    from PySide6.QtWidgets import QApplication

    from core.interviews import Interview, InterviewKind, Status
    from core.library import Library
    from gui.main_window import MainWindow

    with PulseRig(online=True) as rig:
        os.environ.update(rig.client_env)
        library = Library.open()
        library.interviews.add(Interview(company="模擬面接（Web面接）", kind=InterviewKind.MOCK,
                                         status=Status.SCHEDULED, place="https://meet.example.com/abc-defg",
                                         starts_at=datetime(2026, 12, 5, 19, 0, tzinfo=JST)))
        window = MainWindow(library, settings, switcher)
        window.resize(1100, 700)
        window.show()
        window.start()
        settle(app, window.tasks, rounds=2)
        window.table.selectRow(0)
        panel = window.pane.recorder
        _wait(app, lambda: panel.call_row.check.isEnabled())
        settle(app, window.tasks)
        for language in ("ja", "en"):
            switcher.apply(language)
            app.processEvents()
            window.grab().save(str(out / f"recording_online_option_{language}.png"))
        panel.start_recording()
        _wait(app, lambda: panel.session is not None and not panel._busy)
        home = Path(os.environ["FURIKAERI_HOME"])
        players = [rig.play(_voice(home / "me.wav", 1), wait=False),
                   rig.play_call(_voice(home / "them.wav", 2), wait=False)]
        _wait(app, lambda: panel.session is not None and panel.session.recorder.elapsed_s > 2.5)
        for language in ("ja", "en"):
            switcher.apply(language)
            app.processEvents()  # laid out again for the language's words
            _wait(app, lambda: panel.mic_meter.bar.value() > -30 and panel.call_meter.bar.value() > -30)
            window.grab().save(str(out / f"recording_online_{language}.png"))
        done: list[object] = []
        panel.recording_saved.connect(done.append)
        panel.stop_recording()
        _wait(app, lambda: bool(done))
        for player in players:
            player.terminate()
            player.wait()
        window.close()
        library.close()
    print(f"screenshots written to {out}")
    QApplication.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
