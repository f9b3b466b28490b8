#!/usr/bin/env python3
"""Render the practice screens in Japanese and English into docs/screenshots/.

    uv run packaging/practice_screenshots.py [--out DIR]

Runs a real practice session in a throw-away library: Open JTalk speaks two
Japanese answers into a private PulseAudio microphone, the base model
transcribes them, and the choose, get-ready, answer and review pages are captured
in the main window, where practice takes the library's place.
Needs pulseaudio, open_jtalk and its voice (see the README's test packages).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ANSWERS = [
    "えーと、山田太郎と申します。大学では情報工学を学び、卒業後はウェブサービスの開発に取り組んできました。"
    "本日はどうぞよろしくお願いいたします。",
    "私の強みは、相手の話をよく聞くことです。前職では、お客様の要望を整理して、開発チームに分かりやすく伝えていました。",
]
KEYS = ["builtin:self_intro_30s", "builtin:self_pr"]


def main() -> int:
    from shots_session import start

    session = start(__doc__)
    app, args, home = session.app, session, session.home

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QScrollArea

    from core.library import Library
    from core.settings import SPEECH_MODEL
    from gui.main_window import MainWindow
    from tests.audio_rig import PulseRig, missing_tools
    from tests.speech_fixtures import open_jtalk_problem, synthesize_japanese

    if missing_tools() or open_jtalk_problem():
        print("pulseaudio or Open JTalk missing: no practice screenshots", file=sys.stderr)
        return 1

    def wait_for(condition, timeout_ms: int = 180000) -> None:
        loop = QEventLoop()
        timer = QTimer()
        timer.timeout.connect(lambda: condition() and loop.quit())
        timer.start(50)
        QTimer.singleShot(timeout_ms, loop.quit)
        if not condition():
            loop.exec()
        timer.stop()

    def shoot(widget, name: str, before=None) -> None:
        for language in ("ja", "en"):
            switcher.apply(language)
            app.processEvents()
            if before is not None:
                before()
                app.processEvents()
            widget.grab().save(str(args.out / f"{name}_{language}.png"))

    wavs = [synthesize_japanese(text, home / f"answer{i}.wav") for i, text in enumerate(ANSWERS)]
    with PulseRig() as rig:
        os.environ.update(rig.client_env)
        switcher = session.switcher
        switcher.apply("ja")
        library = Library.open()
        library.questions.save_list("自己紹介と自己PR", KEYS)
        settings = session.settings
        settings.set(SPEECH_MODEL, "base")
        window = MainWindow(library, settings, switcher)
        window.show()
        window.start()
        wait_for(lambda: window.pane.recorder.device.count() > 0 and not window.tasks.pending)
        window.resize(1000, 800)  # practice is a page of the main window: the whole window is shown
        practice = window.practice.open()
        choose = practice.choose
        wait_for(lambda: choose.saved_list.count() == 1)
        choose.set_categories(["self_intro", "self_pr"])
        shoot(window, "practice_choose")
        choose.from_list.click()
        wait_for(choose.start_button.isEnabled)  # the microphone found
        page = practice.session
        page.get_ready.seconds = 60  # the countdown held for the pictures
        choose.start_button.click()
        shoot(window, "practice_get_ready")
        page.next_button.click()  # Start now
        wait_for(lambda: page.is_recording and page.run.current is not None)
        for i, wav in enumerate(wavs):
            player = rig.play(wav, wait=False)
            if i == 0:
                wait_for(lambda: page.position_ms() > 4000)
                page._tick()
                shoot(window, "practice_answer")
                switcher.apply("ja")
            wait_for(lambda player=player: player.poll() is not None)
            end = page.position_ms()
            wait_for(lambda end=end: page.position_ms() > end + 600)
            page.next_button.click()
        review = practice.review
        wait_for(lambda: practice.stack.currentWidget() is review and bool(review.metrics))
        review.answer_list.setCurrentRow(0)
        review.review.setPlainText("結論を先に言えた。最初の「えーと」は減らしたい。")
        review.save_review()
        wait_for(lambda: review.chart.attempts() == 1)
        shoot(window, "practice_review")
        scroll = review.findChild(QScrollArea).verticalScrollBar()
        shoot(window, "practice_review_chart", lambda: scroll.setValue(scroll.maximum()))  # review and chart
        practice.close()
        window.close()
        library.close()
    print(f"practice screenshots written to {args.out}")
    QApplication.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
