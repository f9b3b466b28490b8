#!/usr/bin/env python3
"""Stop → what the user waits for, in the app itself: a practice review, a recording's transcript.

    xvfb-run -a -s "-screen 0 1280x900x24" uv run benchmarks/bench_stop_to_review.py [--answers 3] [--seconds 40]

The real main window (``gui.main_window.MainWindow``, speech model ``base``)
over a private PulseAudio rig (tests/audio_rig.py); espeak-ng answers are
played into its virtual microphone, driven like a user would, twice in the
same run: with Settings → "Transcribe while recording" on (the app's default)
and off (the baseline: transcribed after Stop, as before issue 16).

* **practice**: a session of ``--answers`` questions, each answered with about
  ``--seconds`` of speech; timed from the click on *Finish* to the review
  showing every answer's metrics (``ReviewPage.loaded``). Target <= 5 s.
* **recording**: a mock interview recorded for ``--answers`` x ``--seconds``
  with "Open the transcript when it stops" on; timed from the click on *Stop*
  to the transcript window showing its transcript. Target <= 10 s.
* **command line**: ``main.py record --mock --transcribe`` over the same
  answers; timed from its "Finishing the transcript…" line (the recording has
  ended) to its "Transcript: <path>" line.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ["FURIKAERI_HOME"] = tempfile.mkdtemp(prefix="furikaeri-bench-")

QUESTIONS = ["builtin:tell_me_about_yourself", "builtin:weaknesses", "builtin:strengths", "builtin:failure",
             "builtin:reverse_any"]
SENTENCES = (
    "In my current role I lead a small team that builds tools for customer support.",
    "Last year our biggest client asked for a new reporting feature with a very short deadline.",
    "I split the work into weekly goals and we shipped two days early.",
    "I learned that clear priorities matter more than long hours.",
    "I would like to bring that habit to your team and keep learning from your engineers.",
)


def answer_wav(folder: Path, index: int, seconds: float) -> Path:
    words: list[str] = []
    while len(" ".join(words)) < seconds * 14:  # espeak-ng speaks about 14 characters a second
        words.append(SENTENCES[(index + len(words)) % len(SENTENCES)])
    path = folder / f"answer{index}.wav"
    subprocess.run(["espeak-ng", "-v", "en-us", "-w", str(path), " ".join(words)], check=True, timeout=120)
    return path


def wait(app, condition, timeout_s: float = 600.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("timed out")
        app.processEvents()
        time.sleep(0.005)


def practice_once(app, window, rig, answers: list[Path]) -> float:
    practice = window.practice.open()
    choose = practice.choose
    wait(app, lambda: choose.saved_list.count() == 1)
    choose.language.setCurrentIndex(choose.language.findData("en"))
    choose.from_list.click()
    wait(app, choose.start_button.isEnabled)  # the microphone checked
    page = practice.session
    started: list[bool] = []
    page.started.connect(lambda: started.append(True))
    choose.start_button.click()
    wait(app, lambda: bool(started))
    loaded: list[float] = []
    practice.review.loaded.connect(lambda: loaded.append(time.monotonic()))
    transcribed: list[float] = []
    practice.live.finished.connect(lambda _outcome: transcribed.append(time.monotonic()))
    for index, wav in enumerate(answers):
        player = rig.play(wav, wait=False)
        wait(app, lambda p=player: p.poll() is not None)
        after = page.position_ms()
        wait(app, lambda a=after: page.position_ms() > a + 400)
        if index < len(answers) - 1:
            page.next_button.click()
    clicked = time.monotonic()
    page.next_button.click()  # Finish
    wait(app, lambda: bool(loaded))
    took = loaded[0] - clicked
    if transcribed:
        print(f"  practice: live transcript stored {transcribed[0] - clicked:.1f} s after Finish, metrics shown "
              f"{loaded[0] - transcribed[0]:.1f} s later", flush=True)
    assert set(practice.review.metrics) and len(practice.review.metrics) == len(answers), practice.review.metrics
    practice.close()
    wait(app, lambda: not practice.isVisible())
    return took


def recording_once(app, window, rig, answers: list[Path]) -> float:
    panel = window.pane.recorder
    row = next(r for r in range(window.model.rowCount()) if window.model.interview_at(r).company == "Benchmark")
    window.table.selectRow(row)
    app.processEvents()
    panel.start_recording()
    wait(app, lambda: panel.state == "recording" and not panel._busy)
    for wav in answers:
        player = rig.play(wav, wait=False)
        wait(app, lambda p=player: p.poll() is not None)
    saved: list = []
    panel.recording_saved.connect(lambda recording: saved.append(recording))
    clicked = time.monotonic()
    panel.stop_recording()
    wait(app, lambda: bool(saved))
    transcript_window = window.transcript_windows[saved[0].id]
    wait(app, lambda: transcript_window.transcript is not None and transcript_window.job is None)
    took = time.monotonic() - clicked
    assert transcript_window.transcript.segments
    transcript_window.close()
    return took


def cli_once(rig, answers: list[Path], seconds: float) -> float:
    """``main.py record --mock --transcribe``: seconds from "Finishing the transcript…" to "Transcript: …"."""
    root = Path(__file__).resolve().parent.parent
    process = subprocess.Popen([sys.executable, str(root / "main.py"), "record", "--mock", "--duration",
                                f"{seconds:.0f}", "--transcribe", "--language", "en"], cwd=root,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert process.stdout is not None
    process.stdout.readline()  # "Recording…"
    for wav in answers:
        rig.play(wav)
    marks: dict[str, float] = {}
    for line in process.stdout:
        marks.setdefault(line.split(" ", 1)[0].rstrip(":"), time.monotonic())
    process.wait(600)
    return marks["Transcript"] - marks["Finishing"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--answers", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=40.0)
    args = parser.parse_args()

    from core.interviews import Interview, InterviewKind
    from core.library import Library
    from core.settings import AUTO_TRANSCRIBE, LIVE_TRANSCRIBE, SPEECH_MODEL, Settings
    from core.speech.models import resolve_model
    from gui.app import build_application
    from gui.i18n import LanguageSwitcher
    from gui.main_window import MainWindow
    from tests.audio_rig import PulseRig

    folder = Path(os.environ["FURIKAERI_HOME"]) / "answers"
    folder.mkdir()
    answers = [answer_wav(folder, index, args.seconds) for index in range(args.answers)]
    resolve_model("base")  # assembled before anything is timed
    with PulseRig() as rig:
        os.environ.update(rig.client_env)
        app = build_application(sys.argv[:1])
        switcher = LanguageSwitcher()
        switcher.apply("en")
        library = Library.open()
        library.questions.save_list("bench", QUESTIONS[:args.answers])
        library.interviews.add(Interview(company="Benchmark", kind=InterviewKind.MOCK))
        settings = Settings()
        settings.set(SPEECH_MODEL, "base")
        settings.set(AUTO_TRANSCRIBE, True)
        window = MainWindow(library, settings, switcher)
        ready: set[str] = set()
        window.library_loaded.connect(lambda: ready.add("library"))
        window.audio_checked.connect(lambda: ready.add("audio"))
        window.show()
        window.start()
        wait(app, lambda: ready == {"library", "audio"})
        window.practice.time_limit_s = args.seconds * 3  # the answers move on by Next, never by the clock
        results = []
        for live in (True, False):
            settings.set(LIVE_TRANSCRIBE, live)
            results.append((live, practice_once(app, window, rig, answers), recording_once(app, window, rig, answers)))
        window.close()
        library.close()
        cli_s = cli_once(rig, answers, args.answers * args.seconds + 5)
    speech = args.answers * args.seconds
    print(f"{args.answers} answers of about {args.seconds:.0f} s ({speech / 60:.1f} min of speech), base model")
    print(f"{'':34s}{'practice: Finish -> review':>28s}{'recording: Stop -> transcript':>31s}")
    for live, practice_s, recording_s in results:
        label = "transcribed while recording" if live else "transcribed after Stop"
        print(f"{label:34s}{practice_s:27.1f}s{recording_s:30.1f}s")
    print(f"main.py record --transcribe: the transcript {cli_s:.1f} s after the recording ended")
    return 0


if __name__ == "__main__":
    sys.exit(main())
