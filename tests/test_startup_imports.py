"""The window appears without loading what only later screens need (issue 16, "a window at once").

In a fresh process (``sys.modules`` is per process), the app's own start-up
path (gui.app.open_main_window: window shown, start-up tasks started) must
leave numpy, PortAudio, Qt Multimedia and the speech stack unloaded; the audio
probe, which runs once the window is up, loads PortAudio and nothing heavier;
and the screens that need the rest still open and work, loading it then.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import wave
from pathlib import Path

from core.consent.records import self_consent
from core.interviews import Interview, InterviewKind
from core.library import Library
from core.recording.store import RecordingState
from core.transcription.model import Segment, Transcript, TranscriptionSettings, Word

ROOT = Path(__file__).resolve().parent.parent

HEAVY = ("numpy", "sounddevice", "soundfile", "PySide6.QtMultimedia", "faster_whisper", "ctranslate2", "onnxruntime")
SPEECH = ("faster_whisper", "ctranslate2", "onnxruntime")

SCRIPT = r"""
import json, sys
from PySide6.QtCore import QEventLoop, QTimer

HEAVY = %(heavy)r
loaded = lambda: sorted(name for name in HEAVY if name in sys.modules)
report = {}

def wait(condition, what):
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: loop.quit() if condition() else None)
    timer.start(10)
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(loop.quit)
    deadline.start(60000)
    if not condition():
        loop.exec()
    assert condition(), "timed out waiting for " + what

from gui.app import build_application, open_main_window

app = build_application(sys.argv[:1])
window, library = open_main_window()
report["shown"] = loaded()
report["visible"] = window.isVisible()
report["recorder_shown"] = "gui.recording_panel" in sys.modules
listed, probed = [], []
window.library_loaded.connect(lambda: listed.append(True))
window.audio_checked.connect(lambda: probed.append(True))
wait(lambda: listed and probed and not window.tasks.pending, "the start-up tasks")
report["started"] = loaded()
report["pane_started"] = type(window.splitter.widget(1)).__name__
report["rows"] = window.model.rowCount()

recording = library.recordings.for_interview(library.interviews.all()[0].stored_id)[0]
transcript = window.open_transcript(recording, transcribe_if_missing=False)
wait(lambda: transcript.transcript is not None, "the transcript")
report["transcript_rows"] = transcript.model.rowCount()
report["waveform_buckets"] = len(transcript.waveform._peaks)
report["transcript"] = loaded()

practice = window.practice.open()
report["practice_visible"] = practice is not None and practice.isVisible()
report["practice"] = loaded()
print("REPORT " + json.dumps(report), flush=True)
import os
os._exit(0)
"""


def _library_with_a_transcribed_recording() -> None:
    with Library.open() as library:
        item = library.interviews.add(Interview(company="Acme", kind=InterviewKind.MOCK))
        consent = library.consent.add(self_consent(item.stored_id))
        recording = library.recordings.begin(consent, f"{item.stored_id}/take.wav", 16000, 1)
        recording.path.parent.mkdir(parents=True, exist_ok=True)
        with wave.open(str(recording.path), "wb") as out:  # three seconds of a square wave
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(16000)
            out.writeframes((b"\x00\x20" * 20 + b"\x00\xe0" * 20) * 1200)
        library.recordings.finish(recording.id, RecordingState.COMPLETED, 3000)
        segments = (Segment(0, 1400, "Hello there.", words=(Word(0, 1400, "Hello", 0.9),)),
                    Segment(1500, 2900, "Thank you.", words=(Word(1500, 2900, "Thank", 0.9),)))
        library.transcripts.save(Transcript(source=recording.file, language="en", duration_ms=3000,
                                            settings=TranscriptionSettings(), recording_id=recording.id,
                                            segments=segments))


def _run_app() -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", SCRIPT % {"heavy": HEAVY}], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=180)
    lines = [line for line in done.stdout.splitlines() if line.startswith("REPORT ")]
    assert lines, f"the app did not report (rc {done.returncode}):\n{done.stdout}\n{done.stderr}"
    return json.loads(lines[0].removeprefix("REPORT "))


def test_the_window_shows_without_numpy_multimedia_or_speech_and_later_screens_load_them():
    _library_with_a_transcribed_recording()
    report = _run_app()
    assert report["visible"]
    assert report["shown"] == []  # shown and started: none of them
    # Once the window is up, the probe opens PortAudio (sounddevice): numpy and the rest stay out.
    assert report["rows"] == 1
    assert set(report["started"]) <= {"sounddevice"}
    # The transcript window loads Qt Multimedia for its player, and shows the transcript and its waveform.
    assert report["transcript_rows"] == 2 and report["waveform_buckets"] > 0
    assert "PySide6.QtMultimedia" in report["transcript"] and "numpy" in report["transcript"]
    # The practice window opens (its recorder brings numpy); speech recognition stays in its worker process.
    assert report["practice_visible"]
    assert "numpy" in report["practice"]
    assert not set(SPEECH) & set(report["practice"])


def test_the_window_is_shown_before_its_interview_pane_is_built_and_the_pane_follows():
    _library_with_a_transcribed_recording()
    report = _run_app()
    assert report["visible"]
    assert not report["recorder_shown"]  # the recorder, notes and timeline: once the window is painted
    assert report["pane_started"] == "InterviewPane"  # in place by the time the start-up tasks are done


SCAN = r"""
import inspect, sys
import gui  # what every module of the app's interface is imported through
read = []
original = inspect.getsource
inspect.getsource = lambda thing, *args: read.append(getattr(thing, "__name__", "?")) or original(thing, *args)
import gui.main_window, gui.transcript_window, core.search  # noqa: E401 - imported after PySide6, as in the app
import textwrap  # noqa: F401 - the standard library's too
print("READ " + " ".join(sorted(read)), flush=True)
"""


def test_pyside6_does_not_read_the_source_of_the_apps_modules_when_they_are_imported():
    """PySide6 reads each module imported after it, looking for ``__feature__`` (gui/__init__.py spares that)."""
    done = subprocess.run([sys.executable, "-c", SCAN], cwd=ROOT, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                          capture_output=True, text=True, timeout=120)
    lines = [line for line in done.stdout.splitlines() if line.startswith("READ")]
    assert lines, f"rc {done.returncode}:\n{done.stdout}\n{done.stderr}"
    read = lines[0].split()[1:]
    assert not [name for name in read if name.split(".")[0] in ("gui", "core", "textwrap")], read
