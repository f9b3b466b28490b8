"""The transcript window's "Tell the voices apart again…" (issue 14, item 2), end to end: the real window, the
real speech worker and separation models, a real library."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from core.interviews import InterviewKind
from tests.separation_fixtures import stored, transcribed

DEADLINE_MS = 300_000


@pytest.fixture(scope="module")
def three_voices(tmp_path_factory, built_base_model):
    return transcribed(tmp_path_factory.mktemp("three_voices"), built_base_model)


def _open(qtbot, make_window, three_voices, kind=InterviewKind.REAL, language="en"):
    audio, transcript, _maps = three_voices
    main = make_window(lambda library: stored(library, audio, transcript, kind), language=language)
    recording = max(main.library.recordings.all(), key=lambda r: r.id)
    window = main.open_transcript(recording, transcribe_if_missing=False)
    qtbot.waitUntil(lambda: window.transcript is not None and window.tasks.pending == 0, timeout=20000)
    return main, window


def _voices(window) -> set[str]:
    return {s.speaker for s in window.transcript.segments if s.speaker is not None}


def _ask(qtbot, window, speakers: int | None):
    action = window.separate_again
    action.button.setFocus()
    qtbot.keyClick(action.button, Qt.Key.Key_Space)  # reachable and usable from the keyboard
    qtbot.waitUntil(lambda: action.dialog is not None and action.dialog.isVisible(), timeout=5000)
    dialog = action.dialog
    dialog.count.setCurrentIndex(dialog.count.findData(speakers))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    return dialog


@pytest.mark.slow
def test_the_voices_are_told_apart_again_and_the_window_shows_them(qtbot, virtual_microphone, make_window,
                                                                    three_voices):
    main, window = _open(qtbot, make_window, three_voices)
    action, first = window.separate_again, window.transcript
    assert action.button.isVisible() and action.button.text() == "Tell the voices apart again…"
    assert action.button.accessibleName() and action.button.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert _voices(window) == {"S1", "S2"}

    dialog = _ask(qtbot, window, 3)
    assert [dialog.count.itemText(i) for i in range(dialog.count.count())] == ["Auto (estimate)", "2", "3", "4", "5"]
    assert dialog.count.accessibleName() == "Number of voices" and dialog.explanation.text()
    assert window.job is not None and window.cancel_button.isVisible() and window.progress_bar.isVisible()
    assert not action.button.isEnabled() and not window.transcribe_button.isEnabled()
    qtbot.waitUntil(lambda: window.transcript.id != first.id, timeout=DEADLINE_MS)
    assert len(_voices(window)) == 3
    assert window.model.rowCount() == len(window.transcript.segments)
    assert "3 voices" in window.review.voice_bar.question.text()  # which one is mine? asked again
    assert window.job is None and not window.cancel_button.isVisible() and action.button.isEnabled()
    newest = main.library.transcripts.latest_for_recording(window.recording.id)
    assert newest is not None and newest.id == window.transcript.id
    assert [w.text for s in newest.segments for w in s.words] == [w.text for s in first.segments for w in s.words]

    shown = window.transcript
    _ask(qtbot, window, 2)
    qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.job is None, timeout=DEADLINE_MS)
    assert window.status.text() == "Cancelled: the transcript is unchanged."
    assert window.transcript is shown and action.button.isEnabled()
    assert main.library.transcripts.latest_for_recording(window.recording.id).id == shown.id


@pytest.mark.slow
def test_practice_has_no_voices_to_tell_apart_and_the_action_speaks_japanese(qtbot, virtual_microphone, make_window,
                                                                            three_voices):
    _main, window = _open(qtbot, make_window, three_voices, kind=InterviewKind.MOCK)
    assert not window.separate_again.button.isVisible()
    window.close()
    _main, window = _open(qtbot, make_window, three_voices, language="ja")
    action = window.separate_again
    assert action.button.isVisible() and action.button.text() == "声を聞き分け直す…"
    action.ask()
    qtbot.waitUntil(lambda: action.dialog is not None and action.dialog.isVisible(), timeout=5000)
    assert action.dialog.windowTitle() == "声を聞き分け直す" and action.dialog.count.itemText(0) == "自動（推定）"
    action.dialog.reject()
