"""A whole practice session driven like a user would, through the virtual microphone, then its review
with the real base model."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
import soundfile as sf
from PySide6.QtCore import Qt

from core.consent import ConsentMethod, ConsentPurpose
from core.interviews import InterviewKind
from core.library import Library
from core.practice.run import PracticeState
from core.recording.store import RecordingState
from core.settings import SPEECH_MODEL
from tests.recording_helpers import make_speech

QUESTIONS = ["builtin:tell_me_about_yourself", "builtin:weaknesses", "builtin:reverse_any"]
ANSWERS = [
    "My name is Ken Sato. I build web services for small shops.",
    "I sometimes take on too much work, so now I plan every week carefully.",
    "What does a good first year look like in this team?",
]
TIME_LIMIT_S = 7.0


def _speech_regions(path, threshold_db: float = -35.0, frame_ms: int = 20) -> np.ndarray:
    """Per 20-ms frame of the recording: True where there is speech."""
    data, rate = sf.read(path, dtype="float32")
    frame = rate * frame_ms // 1000
    frames = data[: len(data) // frame * frame].reshape(-1, frame)
    level = 20 * np.log10(np.sqrt(np.mean(frames ** 2, axis=1)) + 1e-9)
    return level > threshold_db


def _answer(qtbot, rig, page, wav) -> tuple[int, int]:
    """Play one answer into the microphone; returns the recording positions around its playback."""
    before = page.position_ms()
    player = rig.play(wav, wait=False)
    qtbot.waitUntil(lambda: player.poll() is not None, timeout=30000)
    assert player.returncode == 0
    after = page.position_ms()
    qtbot.waitUntil(lambda: page.position_ms() > after + 400, timeout=10000)  # the tail has been captured
    return before, after


@pytest.mark.audio
@pytest.mark.slow  # loads the real speech model
def test_a_whole_practice_session_is_recorded_split_and_reviewed(qtbot, virtual_microphone, base_model_in_home,
                                                                 make_window, tmp_path):
    window = make_window(lambda lib: lib.questions.save_list("本番前", QUESTIONS))
    window.settings.set(SPEECH_MODEL, "base")
    window.practice.time_limit_s = TIME_LIMIT_S
    assert window.practice.action.isEnabled()
    practice = window.practice.open()
    choose = practice.choose
    qtbot.waitUntil(lambda: choose.saved_list.count() == 1, timeout=10000)
    choose.language.setCurrentIndex(choose.language.findData("en"))
    choose.from_list.click()
    assert choose.questions.count() == 3
    qtbot.waitUntil(choose.start_button.isEnabled, timeout=10000)  # the microphone found
    wavs = [make_speech(tmp_path / f"answer{i}.wav", text) for i, text in enumerate(ANSWERS)]

    page = practice.session
    with qtbot.waitSignal(page.started, timeout=20000):
        qtbot.mouseClick(choose.start_button, Qt.MouseButton.LeftButton)
    assert practice.stack.currentWidget() is page and page.is_recording
    assert page.question.text() == "Tell me about yourself." and "1 of 3" in page.progress_label.text()

    played = [_answer(qtbot, virtual_microphone, page, wavs[0])]
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)  # 1 -> 2 with Next
    assert page.run.index == 1 and page.question.text() == "What is your greatest weakness?"
    page.pause_button.click()  # a break: the file and the countdown wait
    assert page.paused and page.state_label.text() == "❚❚ Paused" and not page.next_button.isEnabled()
    page.pause_button.click()
    assert not page.paused and page.next_button.isEnabled()
    played.append(_answer(qtbot, virtual_microphone, page, wavs[1]))
    qtbot.waitUntil(lambda: page.run.index == 2, timeout=int(TIME_LIMIT_S * 1000) + 5000)  # 2 -> 3: time limit
    assert page.next_button.text() == "Finish"
    played.append(_answer(qtbot, virtual_microphone, page, wavs[2]))
    review = practice.review
    with qtbot.waitSignal(review.loaded, timeout=180000):
        qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert page.run.state is PracticeState.FINISHED and not page.is_recording
    assert practice.stack.currentWidget() is review

    # Boundaries: stored, contiguous, where the audio says each answer is.
    with Library.open() as check:
        [info] = check.practice.sessions()
        answers = check.practice.answers(info.id)
        interview = check.interviews.get(info.interview_id)
        recording = check.recordings.get(info.recording_id)
        consent = check.consent.get(recording.consent_id)
        markers = check.recordings.markers(recording.id)
    assert interview.kind is InterviewKind.MOCK
    assert consent.purpose is ConsentPurpose.MOCK and consent.method is ConsentMethod.SELF
    assert recording.state is RecordingState.COMPLETED
    assert [a.question_key for a in answers] == QUESTIONS and [a.position for a in answers] == [0, 1, 2]
    assert all(a.end_ms == b.start_ms for a, b in itertools.pairwise(answers))
    assert answers[-1].end_ms <= recording.duration_ms + 100
    assert abs((answers[1].end_ms - answers[1].start_ms) - TIME_LIMIT_S * 1000) <= 300  # moved on by itself
    assert len(markers) == 3 and [m.at_ms for m in markers] == [a.start_ms for a in answers]
    speech = _speech_regions(recording.path)
    for answer, (before, after) in zip(answers, played, strict=True):
        assert answer.start_ms <= before and after <= answer.end_ms
        inside = speech[answer.start_ms // 20: answer.end_ms // 20]
        assert inside.sum() * 20 >= 1500, answer  # the answer's voice lies inside its span
    assert speech[answers[-1].end_ms // 20 + 5:].sum() == 0  # nothing spoken after the last boundary

    # Review: transcript per answer, metrics shown against targets, self-review saved.
    # The answers were transcribed while the next ones were given: the review took that transcript, once.
    assert review.job is None and not practice.live.running
    assert practice.live.outcome.value.id == review.transcript.id  # the live one, not a second transcription
    with Library.open() as check:
        assert [t.id for t in check.transcripts.for_recording(recording.id)] == [review.transcript.id]
    assert set(review.metrics) == {a.id for a in answers}
    assert "Ken" in review.transcript_view.toPlainText() or "shops" in review.transcript_view.toPlainText()
    for row, answer in enumerate(answers):
        review.answer_list.setCurrentRow(row)
        assert review.question.text() == answer.question_text
        rows = review.metrics_view.rows
        assert {key for key, *_ in rows} >= {"duration", "pace", "fillers_per_min", "pauses"}
        pace = next(r for r in rows if r[0] == "pace")
        assert pace[1].text() == "Pace" and "words/min" in pace[2].text()
        assert pace[3].low == 130 and pace[3].value and pace[3].value > 50
        assert "target 130–160" in pace[4].text()
        assert review.transcript_view.toPlainText().strip()
    qtbot.waitUntil(lambda: review.chart.attempts() == 1, timeout=10000)
    last = answers[2]  # review.answer_list is on it: play it, and playback stops at its end
    review.play_button.click()
    qtbot.waitUntil(lambda: review.is_playing() and review.player.position() > last.start_ms, timeout=10000)
    assert review.play_button.text() == "Pause"
    qtbot.waitUntil(lambda: not review.is_playing(), timeout=last.end_ms - last.start_ms + 10000)
    assert last.end_ms - 200 <= review.player.position() <= last.end_ms + 600
    review.review.setPlainText("Too fast at the start; open with the conclusion.")
    with qtbot.waitSignal(review.review_saved, timeout=10000):
        review.answer_list.setCurrentRow(0)
    with Library.open() as check:
        assert check.practice.answer(answers[2].id).self_review.startswith("Too fast")
        assert check.practice.cached_metrics(answers[0].id, review.transcript.id) is not None

    # The library shows the session as a mock interview with a way back to its review.
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=10000)
    practice.close()
    qtbot.waitUntil(lambda: window.practice.window is None, timeout=10000)
    window.table.selectRow(0)
    qtbot.waitUntil(lambda: window.practice.review_button.isVisible(), timeout=10000)
    reopened = window.practice.open_review()
    qtbot.waitUntil(lambda: len(reopened.review.metrics) == 3, timeout=30000)  # from the cache, no new transcript
    with Library.open() as check:
        assert len(check.transcripts.for_recording(recording.id)) == 1
    again = reopened.review
    again.transcribe_button.click()  # transcribe again, then change one's mind
    assert again.cancel_button.isVisible() and again.progress_bar.isVisible()
    with qtbot.waitSignal(again.loaded, timeout=30000):
        again.cancel_button.click()
    assert "cancelled" in again.status.text() and not again.cancel_button.isVisible()
    assert len(again.metrics) == 3  # what was measured stays on screen
    with Library.open() as check:
        assert len(check.transcripts.for_recording(recording.id)) == 1
    reopened.close()


JAPANESE_ANSWERS = [
    "えーと、山田太郎と申します。大学では情報工学を学び、ウェブサービスの開発に取り組んできました。",
    "はい、御社が第一志望です。教育に関わる仕事がしたいからです。",
]


@pytest.mark.audio
@pytest.mark.slow  # loads the real speech model
def test_a_japanese_session_stopped_early_keeps_what_was_answered(qtbot, virtual_microphone, base_model_in_home,
                                                                 make_window, tmp_path):
    from tests.speech_fixtures import open_jtalk_problem, synthesize_japanese, unavailable

    if open_jtalk_problem():
        unavailable(open_jtalk_problem())
    keys = ["builtin:self_intro_30s", "builtin:first_choice", "builtin:reverse_any"]
    window = make_window(lambda lib: lib.questions.save_list("朝の練習", keys))
    window.settings.set(SPEECH_MODEL, "base")
    practice = window.practice.open()
    choose = practice.choose
    qtbot.waitUntil(lambda: choose.saved_list.count() == 1, timeout=10000)
    choose.language.setCurrentIndex(choose.language.findData("ja"))
    choose.from_list.click()
    wavs = [synthesize_japanese(text, tmp_path / f"ja{i}.wav") for i, text in enumerate(JAPANESE_ANSWERS)]
    page = practice.session
    qtbot.waitUntil(choose.start_button.isEnabled, timeout=10000)
    with qtbot.waitSignal(page.started, timeout=20000):
        choose.start_button.click()
    assert page.question.text() == "30秒で簡単に自己紹介をしてください。"
    assert "1 of 3" in page.progress_label.text()
    played = [_answer(qtbot, virtual_microphone, page, wavs[0])]
    page.next_button.click()
    assert page.question.text() == "当社は第一志望ですか。"
    played.append(_answer(qtbot, virtual_microphone, page, wavs[1]))
    review = practice.review
    with qtbot.waitSignal(review.loaded, timeout=180000):
        page.stop_button.click()  # the third question is never asked

    with Library.open() as check:
        [info] = check.practice.sessions()
        answers = check.practice.answers(info.id)
    assert info.language == "ja" and [a.question_key for a in answers] == keys[:2]
    for answer, (before, after) in zip(answers, played, strict=True):
        assert answer.start_ms <= before and after <= answer.end_ms
    assert review.answer_list.count() == 2 and set(review.metrics) == {a.id for a in answers}
    review.answer_list.setCurrentRow(0)
    text = review.transcript_view.toPlainText()
    assert "情報" in text or "大学" in text, text
    fillers = review.metrics[answers[0].id]["fillers"]
    assert [hit[2] for hit in fillers][:1] == ["えーと"]  # kept by the filler-keeping prompt, and found
    assert 'background-color:#ffe082;">えーと' in review.transcript_view.toHtml().replace(" ", "")  # highlighted
    rows = {key: row for key, *row in review.metrics_view.rows}
    assert {"morae_pace", "pace", "characters", "fillers_per_min"} <= set(rows)
    _name, _value, bar, meaning = rows["morae_pace"]
    assert bar.low == 320 and bar.high == 360 and bar.value and 150 < bar.value < 600
    assert "320–360" in meaning.text()
    metrics = review.metrics[answers[0].id]
    assert metrics["language"] == "ja" and metrics["end_ms"] == answers[0].end_ms
    practice.close()


@pytest.mark.audio
def test_a_lost_sound_server_ends_the_session_and_keeps_the_answers(qtbot, private_microphone, make_window,
                                                                    tmp_path):
    window = make_window()
    window.practice.time_limit_s = 60
    practice = window.practice.open()
    choose = practice.choose
    qtbot.waitUntil(lambda: bool(choose.bank), timeout=10000)
    choose.language.setCurrentIndex(choose.language.findData("en"))
    choose.set_categories(["self_intro"])
    page = practice.session
    qtbot.waitUntil(choose.start_button.isEnabled, timeout=10000)
    with qtbot.waitSignal(page.started, timeout=20000):
        choose.start_button.click()
    played = _answer(qtbot, private_microphone, page, make_speech(tmp_path / "a.wav", ANSWERS[0]))
    page.next_button.click()
    qtbot.waitUntil(lambda: page.position_ms() > played[1] + 1000, timeout=10000)
    with qtbot.waitSignal(practice.session.finished, timeout=20000):
        private_microphone.kill()
    assert not page.is_recording and "saved" in page.message.text()
    assert "saved" in window.statusBar().currentMessage()  # said where the user looks next (the main status bar)
    with Library.open() as check:
        [info] = check.practice.sessions()
        answers = check.practice.answers(info.id)
        recording = check.recordings.get(info.recording_id)
    assert recording.state is RecordingState.INTERRUPTED and recording.path.exists()
    assert len(answers) == 2 and answers[0].start_ms <= played[0] and played[1] <= answers[0].end_ms
    assert answers[1].end_ms <= recording.duration_ms + 100  # the second answer ends where the audio did
    qtbot.waitUntil(lambda: practice.stack.currentWidget() is practice.review, timeout=10000)
    qtbot.waitUntil(lambda: window.tasks.pending == 0 and practice.tasks.pending == 0, timeout=120000)
    practice.close()


def _start_self_intro(qtbot, window):
    practice = window.practice.open()
    choose = practice.choose
    qtbot.waitUntil(lambda: bool(choose.bank), timeout=10000)
    choose.language.setCurrentIndex(choose.language.findData("en"))
    choose.set_categories(["self_intro"])
    return practice


@pytest.mark.audio
def test_a_finished_session_is_selected_in_the_library_with_its_review(qtbot, virtual_microphone, make_window):
    window = make_window()
    window.practice.time_limit_s = 60
    practice = _start_self_intro(qtbot, window)
    page = practice.session
    qtbot.waitUntil(practice.choose.start_button.isEnabled, timeout=10000)
    with qtbot.waitSignal(page.started, timeout=20000):
        practice.choose.start_button.click()
    qtbot.waitUntil(lambda: page.position_ms() > 500, timeout=10000)
    with qtbot.waitSignal(page.finished, timeout=20000) as finished:
        page.stop_button.click()
    info = finished.args[0]
    # The library follows the change hub and selects the new mock interview; its review is offered.
    qtbot.waitUntil(lambda: window.pane.interview is not None and window.pane.interview.id == info.interview_id,
                    timeout=10000)
    assert window.pane.interview.kind is InterviewKind.MOCK
    qtbot.waitUntil(lambda: window.practice.review_session_id == info.id, timeout=10000)
    practice.close()
    qtbot.waitUntil(lambda: window.practice.window is None, timeout=30000)


@pytest.mark.audio
def test_closing_while_the_microphone_starts_saves_the_recording_then_closes(qtbot, virtual_microphone,
                                                                             make_window):
    window = make_window()
    practice = _start_self_intro(qtbot, window)
    qtbot.waitUntil(practice.choose.start_button.isEnabled, timeout=10000)
    practice.choose.start_button.click()
    page = practice.session
    assert page.get_ready.active and not page.busy  # the first question shown, nothing recorded yet
    assert page.next_button.text() == "Start now"
    page.next_button.click()  # no need to wait the countdown out
    assert page.busy
    practice.close()
    assert practice.isVisible()  # not while a recording may be starting
    qtbot.waitUntil(lambda: window.practice.window is None, timeout=30000)
    with Library.open() as check:
        [info] = check.practice.sessions()
        recording = check.recordings.get(info.recording_id)
        answers = check.practice.answers(info.id)
    assert recording.state is RecordingState.COMPLETED and recording.path.exists()
    assert len(answers) == 1 and answers[0].end_ms <= recording.duration_ms + 100


@pytest.mark.audio
def test_the_first_question_shows_a_few_seconds_before_recording(qtbot, virtual_microphone, make_window):
    window = make_window()
    practice = _start_self_intro(qtbot, window)
    choose, page = practice.choose, practice.session
    qtbot.waitUntil(choose.start_button.isEnabled, timeout=10000)
    first = choose.shown_questions()[0]
    choose.start_button.click()
    assert page.get_ready.active and page.state_label.isVisible()
    assert page.state_label.text() == "Recording starts in 3 s"
    assert page.question.text() == first.text("en") and page.progress_label.text().startswith("Question 1 of ")
    assert page.next_button.isEnabled() and not page.stop_button.isEnabled()
    assert page.level_label.text() == "Microphone level" == page.level.accessibleName()
    assert page.level_label.buddy() is page.level
    assert practice.back_button.isEnabled()  # changing one's mind records nothing
    practice.back_button.click()
    assert practice.stack.currentWidget() is choose and not page.get_ready.active
    with Library.open() as check:
        assert check.practice.sessions() == []
    qtbot.waitUntil(choose.start_button.isEnabled, timeout=10000)
    choose.start_button.click()
    ticks: list[int] = []
    page.get_ready.ticked.connect(ticks.append)
    with qtbot.waitSignal(page.started, timeout=20000):  # the countdown runs out by itself
        pass
    assert ticks == [2, 1] and page.state_label.text() == "● Recording"
    assert page.next_button.text() in ("Next question", "Finish")
    page.stop()
    qtbot.waitUntil(lambda: not page.busy, timeout=30000)
