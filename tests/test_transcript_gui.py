"""Transcript review and audio import, driven through the real window with the real speech model."""

from __future__ import annotations

import shutil

import numpy as np
import pytest
import soundfile
from PySide6.QtCore import Qt
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from core.consent import ConsentAnswer, ConsentPurpose
from core.interviews import Interview, InterviewKind
from core.library import Library
from core.transcription.model import TranscriptionSettings
from gui.import_dialog import ImportDialog
from tests.gui_helpers import click_message_box, handle_modal
from tests.live_feed import RATE, feed
from tests.model_fixtures import word_recall


def _practice(dialog):
    assert isinstance(dialog, ImportDialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # an answer is required
    dialog.practice.setChecked(True)
    ok.click()


def _no_permission(dialog):
    dialog.refused.setChecked(True)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


@pytest.fixture
def practice_window(qtbot, make_window):
    window = make_window(lambda lib: lib.interviews.add(Interview(company="Practice", kind=InterviewKind.MOCK)))
    window.table.selectRow(0)
    qtbot.waitUntil(lambda: window.tasks.pending == 0, timeout=10000)
    return window


def _import(qtbot, window, path, answer=_practice):
    history = window.pane.recorder.history
    before = history.count()
    handle_modal(lambda: window.import_audio_file(str(path)), answer)
    if answer is _practice:
        qtbot.waitUntil(lambda: history.count() == before + 1 and window.pane.recorder.selected_recording() is not None,
                        timeout=10000)
        return window.pane.recorder.selected_recording()
    return None


def test_import_asks_about_permission_and_keeps_the_answer(qtbot, practice_window, english_speech, tmp_path):
    odd = tmp_path / "面接 練習 (1).wav"
    shutil.copy(english_speech.wav, odd)
    recording = _import(qtbot, practice_window, odd)
    assert recording.path.exists() and recording.path.suffix == ".wav"
    assert recording.path.read_bytes() == odd.read_bytes()
    assert abs(recording.duration_ms / 1000 - soundfile.info(english_speech.wav).duration) < 0.1
    with Library.open() as check:
        consent = check.consent.get(recording.consent_id)
    assert consent.purpose is ConsentPurpose.IMPORTED and consent.answer is ConsentAnswer.AGREED
    # Issue 17, item 17: the file's own name is kept and shown, not only a time
    assert recording.source_name == "面接 練習 (1).wav"
    history = practice_window.pane.recorder.history
    assert history.item(history.count() - 1).text().endswith("面接 練習 (1).wav")
    window = practice_window.open_transcript(recording, transcribe_if_missing=False)
    assert "面接 練習 (1).wav" in window.heading.text()
    window.close()


def test_a_file_that_is_not_audio_is_refused_before_permission_is_asked(qtbot, practice_window, tmp_path):
    fake = tmp_path / "面接メモ.wav"
    fake.write_text("not audio, only notes", "utf-8")
    said: list[str] = []

    def read(box) -> None:
        if not isinstance(box, QMessageBox):  # the permission question came first: the defect
            said.append(f"asked first: {type(box).__name__}")
            box.reject()
            return
        said.append(box.text())
        box.button(QMessageBox.StandardButton.Ok).click()

    handle_modal(lambda: practice_window.import_audio_file(str(fake)), read)
    assert "面接メモ.wav" in said[0] and "\n" not in said[0].strip()
    interview_id = practice_window.pane.interview.id
    with Library.open() as check:
        assert check.consent.for_interview(interview_id) == []  # nothing asked, nothing kept
        assert check.recordings.for_interview(interview_id) == []


def test_import_without_permission_is_refused(qtbot, practice_window, english_speech):
    shown = []

    def refuse_then_read_the_explanation(dialog):
        _no_permission(dialog)

    handle_modal(lambda: practice_window.import_audio_file(str(english_speech.wav)), refuse_then_read_the_explanation)
    handle_modal(lambda: None, lambda box: (shown.append(box.text()), click_message_box(
        QMessageBox.StandardButton.Ok)(box)))
    assert "only recordings made with permission" in shown[0]
    interview_id = practice_window.pane.interview.id
    with Library.open() as check:
        assert check.recordings.for_interview(interview_id) == []
        assert [c.answer for c in check.consent.for_interview(interview_id)] == [ConsentAnswer.DECLINED]


@pytest.mark.slow
@pytest.mark.audio
def test_transcribe_review_correct_find_and_seek(qtbot, virtual_microphone, practice_window, english_speech):
    recording = _import(qtbot, practice_window, english_speech.wav)
    window = practice_window.open_transcript(recording, transcribe_if_missing=False)
    qtbot.waitUntil(lambda: window.transcript is None and window.transcribe_button.isEnabled(), timeout=10000)
    assert window.model.rowCount() == 0
    with qtbot.waitSignal(window.transcription_finished, timeout=180000) as finished:
        qtbot.mouseClick(window.transcribe_button, Qt.MouseButton.LeftButton)
    transcript = finished.args[0]
    assert transcript is not None and transcript.id is not None
    text = " ".join(s.text for s in transcript.segments)
    assert word_recall(english_speech.content_words, text) >= 0.8
    assert window.model.rowCount() == len(transcript.segments) >= 1

    # Clicking a segment plays from its start.
    qtbot.waitUntil(lambda: window.player.mediaStatus() in (QMediaPlayer.MediaStatus.LoadedMedia,
                                                             QMediaPlayer.MediaStatus.BufferedMedia), timeout=10000)
    row = len(transcript.segments) - 1
    target = transcript.segments[row].start_ms
    elsewhere = transcript.duration_ms - 300 if target < transcript.duration_ms / 2 else 0
    window.seek(elsewhere)
    qtbot.waitUntil(lambda: abs(window.player.position() - elsewhere) < 300, timeout=5000)
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.table.visualRect(window.model.index(row, 0)).center())
    qtbot.waitUntil(lambda: abs(window.player.position() - target) < 300, timeout=5000)
    window.player.pause()
    assert window.model.current_row == row

    # A correction keeps the original; find jumps to it.
    window.model.setData(window.model.index(0, 1), "Corrected opening words")
    qtbot.waitUntil(lambda: window.tasks.pending == 0, timeout=5000)
    with Library.open() as check:
        saved = check.transcripts.get(transcript.id).segments[0]
    assert saved.corrected_text == "Corrected opening words" and saved.text == transcript.segments[0].text
    window.find_field.setText("opening words")
    assert window.find_text() == 0
    window.find_field.setText("no such phrase anywhere")
    assert window.find_text() is None and "not in this transcript" in window.status.text()
    window.close()


@pytest.mark.audio
def test_export_from_the_window_includes_notes_and_the_notice(qtbot, virtual_microphone, practice_window,
                                                              english_speech, tmp_path):
    from core.settings import EXPORT_NOTICE, Settings
    from core.transcription.model import Segment, Transcript, TranscriptionSettings

    recording = _import(qtbot, practice_window, english_speech.wav)
    with Library.open() as library:
        library.notes.save(recording.interview_id, "Speak more slowly at the start.")
        library.transcripts.save(Transcript(source=recording.file, language="en", duration_ms=recording.duration_ms,
                                            settings=TranscriptionSettings(), recording_id=recording.id,
                                            segments=(Segment(0, 2000, "Thank you for inviting me."),)))
    window = practice_window.open_transcript(recording, transcribe_if_missing=False)
    qtbot.waitUntil(lambda: window.transcript is not None and window.export_button.isEnabled(), timeout=10000)
    target = tmp_path / "振り返り メモ.md"
    window.export_to(str(target), "md")
    qtbot.waitUntil(lambda: target.exists() and "Exported to" in window.status.text(), timeout=10000)
    text = target.read_text("utf-8")
    assert text.splitlines()[0].lower().startswith("> private")
    assert "Thank you for inviting me." in text and "Speak more slowly at the start." in text
    Settings().set(EXPORT_NOTICE, False)
    window.settings = Settings()
    plain = tmp_path / "plain.txt"
    window.export_to(str(plain), "txt")
    qtbot.waitUntil(plain.exists, timeout=10000)
    assert plain.read_text("utf-8").strip() == "Thank you for inviting me."
    window.close()


def test_a_flagged_segment_is_greyed_and_says_why(qapp):
    from core.transcription.model import Segment, SegmentFlag
    from gui.segment_model import SegmentModel

    model = SegmentModel()
    model.set_segments([Segment(0, 3000, "私の強みは粘り強さです。"),
                        Segment(4000, 4560, "はい。はい。はい。はい。", flags=frozenset({SegmentFlag.REPETITION})),
                        Segment(6000, 6400, "はい。", flags=frozenset({SegmentFlag.QUIET}))])
    assert model.data(model.index(0, 1), Qt.ItemDataRole.ForegroundRole) is None
    assert model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole) is None
    for row, reason in ((1, "again and again"), (2, "far quieter")):
        assert model.data(model.index(row, 1), Qt.ItemDataRole.ForegroundRole) is not None  # greyed
        tip = model.data(model.index(row, 1), Qt.ItemDataRole.ToolTipRole)
        assert reason in tip and "left out of every measure" in tip


def test_a_transcription_asked_for_while_a_recording_is_transcribed_says_it_waits(qtbot, virtual_microphone,
                                                                                 practice_window, english_speech,
                                                                                 tmp_path):
    recording = _import(qtbot, practice_window, english_speech.wav)
    service = practice_window.transcription_service()
    growing = tmp_path / "being-recorded.wav"
    feed(growing, np.zeros(RATE, dtype=np.float32))
    live = service.follow(growing, TranscriptionSettings(model="base", language="en"))  # a recording being made
    window = practice_window.open_transcript(recording, transcribe_if_missing=False)
    qtbot.waitUntil(lambda: window.transcribe_button.isEnabled(), timeout=10000)
    qtbot.mouseClick(window.transcribe_button, Qt.MouseButton.LeftButton)
    assert window.waiting
    assert window.status.text().startswith("Waiting: the recording being made is transcribed first.")
    assert window.cancel_button.isVisible()

    with qtbot.waitSignal(window.transcription_finished, timeout=180000) as finished:
        live.recording_ended()
    assert live.done
    assert finished.args[0] is not None and word_recall(english_speech.content_words,
                                                        " ".join(s.text for s in finished.args[0].segments)) >= 0.8
    assert not window.waiting and not window.status.text().startswith("Waiting")
