"""The transcript window of a real interview: which voice is mine, the questions they asked, my answers (issue 14)."""

from __future__ import annotations

import numpy as np
import soundfile
from PySide6.QtCore import Qt
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtWidgets import QWidget

from core.consent import self_consent
from core.interviews import Interview, InterviewKind
from core.library import Library
from core.recording.store import RecordingState
from core.transcription.model import Segment, Transcript, TranscriptionSettings, Word
from core.transcription.speakers import INTERVIEWER, ME
from gui.segment_model import SPEAKER

NEW_QUESTION = "弊社の物流システムの課題について、どうお考えですか？"
KNOWN_QUESTION = "当社を志望した理由を教えてください。"  # the built-in 志望動機 question
FIRST_ANSWER = "在庫の見える化が遅れていると考えます。現場の声を集めて改善したいです。"
SECOND_ANSWER = "御社のサービスを毎日使っていて、開発に関わりたいと考えました。"
LENGTH_MS = 20000


def _said(start: int, end: int, text: str, speaker: str) -> Segment:
    return Segment(start, end, text, words=(Word(start, end, text, 0.9),)).spoken_by(speaker)


def _interview(them: str = INTERVIEWER, me: str = ME) -> tuple[Segment, ...]:
    return (_said(1000, 3500, NEW_QUESTION, them), _said(4000, 9000, FIRST_ANSWER, me),
            _said(10000, 12500, KNOWN_QUESTION, them), _said(13000, 18000, SECOND_ANSWER, me))


def _store(library: Library, segments: tuple[Segment, ...]) -> None:
    interview = library.interviews.add(Interview(company="株式会社サンプル", kind=InterviewKind.MOCK,
                                                 interviewers="田中様（人事）"))
    consent = library.consent.add(self_consent(interview.stored_id))
    recording = library.recordings.begin(consent, f"{interview.id}/take.wav", 48000, 1)
    recording.path.parent.mkdir(parents=True, exist_ok=True)
    soundfile.write(recording.path, np.zeros(48 * LENGTH_MS, dtype=np.float32), 48000, subtype="PCM_16")
    library.recordings.finish(recording.id, RecordingState.COMPLETED, LENGTH_MS)
    library.transcripts.save(Transcript(source=recording.file, language="ja", duration_ms=LENGTH_MS,
                                        settings=TranscriptionSettings(), recording_id=recording.id,
                                        segments=segments))


def _open(qtbot, make_window, segments: tuple[Segment, ...], language: str = "en"):
    main = make_window(lambda lib: _store(lib, segments), language=language)
    (recording,) = main.library.recordings.for_interview(main.library.interviews.all()[0].stored_id)
    window = main.open_transcript(recording, transcribe_if_missing=False)
    qtbot.waitUntil(lambda: window.transcript is not None, timeout=10000)
    return main, window


def _questions_shown(qtbot, window) -> None:
    panel = window.review.panel
    qtbot.waitUntil(lambda: panel.review is not None and panel.questions.count() > 0, timeout=10000)


def test_the_questions_they_asked_are_listed_with_their_times_and_my_answers_metrics(qtbot, virtual_microphone,
                                                                                   make_window):
    _main, window = _open(qtbot, make_window, _interview())
    panel = window.review.panel
    _questions_shown(qtbot, window)
    assert panel.isVisible() and not window.review.voice_bar.isVisible()
    texts = [panel.questions.item(row).text() for row in range(panel.questions.count())]
    assert texts[0] == f"00:01  {NEW_QUESTION}"
    assert texts[1].startswith(f"00:10  {KNOWN_QUESTION}") and "in the bank" in texts[1]
    assert panel.questions.accessibleName()
    panel.questions.setCurrentRow(0)
    assert "target" in panel.answer.text()
    shown = [name.text() for _key, name, *_rest in panel.metrics.rows]
    assert shown == ["Answer length", "Time to first word", "Pace", "Fillers per minute", "Longest pause"]
    assert panel.add_button.isEnabled() and panel.add_button.text() == "Add to question bank"
    panel.questions.setCurrentRow(1)  # a question the bank already has
    assert not panel.add_button.isEnabled() and panel.add_button.text() == "Already in your question bank"


def test_the_talk_time_split_is_in_plain_words(qtbot, virtual_microphone, make_window):
    _main, window = _open(qtbot, make_window, _interview())
    _questions_shown(qtbot, window)
    # me: 5 s + 5 s of words, the interviewer: 2.5 s + 2.5 s
    assert window.review.panel.talk_time.text() == "Talk time: you 00:10 (67%), the interviewer 00:05 (33%)."


def test_clicking_a_question_plays_from_it(qtbot, virtual_microphone, make_window):
    _main, window = _open(qtbot, make_window, _interview())
    panel = window.review.panel
    _questions_shown(qtbot, window)
    item = panel.questions.item(1)
    qtbot.mouseClick(panel.questions.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.questions.visualItemRect(item).center())
    qtbot.waitUntil(lambda: window.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState
                    and window.player.position() >= 10000, timeout=10000)


def test_adding_a_question_puts_it_in_the_bank_once(qtbot, virtual_microphone, make_window):
    main, window = _open(qtbot, make_window, _interview())
    panel, bank = window.review.panel, main.library.questions
    _questions_shown(qtbot, window)
    before = len(bank.all())
    panel.questions.setCurrentRow(0)
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.status.text() == "Added to your question bank.", timeout=10000)
    added = [q for q in bank.all() if NEW_QUESTION in q.texts.values()]
    assert len(bank.all()) == before + 1 and len(added) == 1
    assert "株式会社サンプル" in added[0].tags
    qtbot.waitUntil(lambda: "in the bank" in panel.questions.item(0).text(), timeout=10000)
    assert not panel.add_button.isEnabled() and panel.add_button.text() == "Already in your question bank"

    panel.add_to_bank(0)  # asked again (a second click that got through): recognised, not duplicated
    qtbot.waitUntil(lambda: panel.status.text() == "Already in your question bank: not added again.",
                    timeout=10000)
    assert len(bank.all()) == before + 1


def test_which_voice_is_mine_relabels_the_transcript_then_disappears(qtbot, virtual_microphone, make_window):
    main, window = _open(qtbot, make_window, _interview(them="S1", me="S2"))
    bar, panel = window.review.voice_bar, window.review.panel
    assert bar.isVisible() and not panel.isVisible()
    assert "2 voices" in bar.question.text()
    assert [label.text() for _s, label, _p, _m in bar.voices] == ["Speaker 1", "Speaker 2"]
    for _speaker, _label, play, mine in bar.voices:
        assert play.accessibleName() and mine.accessibleName()

    # Tab goes from the search row through the voices' buttons to the table.
    buttons = [b for _s, _l, play, mine in bar.voices for b in (play, mine)]
    chain: list[QWidget] = []
    widget = window.export_button.nextInFocusChain()
    while widget is not window.table and len(chain) < 50:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible():
            chain.append(widget)
        widget = widget.nextInFocusChain()
    assert chain == buttons

    play_second = bar.voices[1][2]
    qtbot.mouseClick(play_second, Qt.MouseButton.LeftButton)  # a few seconds of Speaker 2: 4 s to 9 s
    qtbot.waitUntil(lambda: window.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState
                    and window.player.position() >= 4000, timeout=10000)
    qtbot.waitUntil(lambda: window.player.playbackState() == QMediaPlayer.PlaybackState.PausedState, timeout=15000)
    assert 9000 <= window.player.position() < 10000

    qtbot.mouseClick(bar.voices[1][3], Qt.MouseButton.LeftButton)  # Speaker 2 is me
    qtbot.waitUntil(lambda: bar.isHidden(), timeout=10000)
    model = window.model
    assert [model.data(model.index(row, SPEAKER)) for row in range(4)] == ["田中様（人事）", "Me"] * 2
    stored = main.library.transcripts.latest_for_recording(window.recording.id)
    assert [s.speaker for s in stored.segments] == [INTERVIEWER, ME, INTERVIEWER, ME]
    _questions_shown(qtbot, window)
    assert panel.isVisible() and panel.questions.item(0).text() == f"00:01  {NEW_QUESTION}"


def test_in_japanese_the_panel_and_the_bar_are_japanese(qtbot, virtual_microphone, make_window):
    _main, window = _open(qtbot, make_window, _interview(them="S1", me="S2"), language="ja")
    bar = window.review.voice_bar
    assert [label.text() for _s, label, _p, _m in bar.voices] == ["話者1", "話者2"]
    assert bar.voices[0][3].text() == "これが自分です"
    qtbot.mouseClick(bar.voices[1][3], Qt.MouseButton.LeftButton)
    _questions_shown(qtbot, window)
    panel = window.review.panel
    assert panel.heading.text() == "面接官からの質問"
    panel.questions.setCurrentRow(0)
    assert panel.add_button.text() == "質問バンクに追加"
