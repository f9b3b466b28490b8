"""The transcript window of an online interview: who spoke, in colour, filtered, renamed (issue 13, item 5)."""

from __future__ import annotations

import numpy as np
import pytest
import soundfile
from PySide6.QtCore import Qt

from core.consent import self_consent
from core.interviews import Interview, InterviewKind
from core.library import Library
from core.recording.files import call_track_path
from core.recording.store import RecordingState
from core.transcription.model import Segment, Transcript, TranscriptionSettings, Word
from core.transcription.speakers import INTERVIEWER, ME
from gui.segment_model import SPEAKER, SPEAKER_COLOURS, TEXT

QUESTION = "当社を志望した理由を教えてください。"
ANSWER = "御社のサービスを毎日使っていて、開発に関わりたいと考えました。"


def _said(start: int, end: int, text: str, speaker: str | None) -> Segment:
    return Segment(start, end, text, words=(Word(start, end, text, 0.9),)).spoken_by(speaker)


def _online_interview(library: Library, segments: tuple[Segment, ...]) -> None:
    interview = library.interviews.add(Interview(company="株式会社サンプル", kind=InterviewKind.MOCK,
                                                 interviewers="田中様（人事）、佐藤部長"))
    consent = library.consent.add(self_consent(interview.stored_id))
    recording = library.recordings.begin(consent, f"{interview.id}/take.wav", 48000, 1)
    recording.path.parent.mkdir(parents=True, exist_ok=True)
    silence = np.zeros(48000 * 12, dtype=np.float32)
    soundfile.write(recording.path, silence, 48000, subtype="PCM_16")
    soundfile.write(call_track_path(recording.path), np.stack([silence, silence], axis=1), 48000, subtype="PCM_16")
    library.recordings.finish(recording.id, RecordingState.COMPLETED, 12000)
    library.transcripts.save(Transcript(source=recording.file, language="ja", duration_ms=12000,
                                        settings=TranscriptionSettings(), recording_id=recording.id,
                                        segments=segments))


TWO_VOICES = (_said(1000, 3500, QUESTION, INTERVIEWER), _said(4000, 9000, ANSWER, ME),
              _said(9500, 11000, "ありがとうございます。", INTERVIEWER))


def _open(qtbot, make_window, language: str = "en", segments: tuple[Segment, ...] = TWO_VOICES):
    main = make_window(lambda lib: _online_interview(lib, segments), language=language)
    (recording,) = main.library.recordings.for_interview(main.library.interviews.all()[0].stored_id)
    window = main.open_transcript(recording, transcribe_if_missing=False)
    qtbot.waitUntil(lambda: window.transcript is not None, timeout=10000)
    return main, recording, window


def _visible_texts(window) -> list[str]:
    model = window.model
    return [model.segment(row).text for row in range(model.rowCount()) if not window.table.isRowHidden(row)]


def test_each_segment_shows_its_speaker_by_name_and_colour_between_time_and_text(qtbot, virtual_microphone,
                                                                               make_window):
    _main, _recording, window = _open(qtbot, make_window)
    model, header = window.model, window.table.horizontalHeader()
    assert not window.table.isColumnHidden(SPEAKER) and header.visualIndex(SPEAKER) == 1
    assert model.headerData(SPEAKER, Qt.Orientation.Horizontal) == "Speaker"
    assert [model.data(model.index(row, SPEAKER)) for row in range(3)] == ["田中様（人事）", "Me", "田中様（人事）"]
    colours = [model.data(model.index(row, SPEAKER), Qt.ItemDataRole.DecorationRole) for row in range(3)]
    assert colours == [SPEAKER_COLOURS[INTERVIEWER], SPEAKER_COLOURS[ME], SPEAKER_COLOURS[INTERVIEWER]]
    assert colours[0] != colours[1]
    spoken = model.data(model.index(1, TEXT), Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == f"Me: {ANSWER}"  # a screen reader hears who spoke
    assert window.speaker_filter.isVisible() and window.speaker_filter.accessibleName()
    assert window.waveform.lanes == 2  # the microphone above, the call below


def test_the_call_tracks_waveform_cache_goes_with_its_recording(qtbot, virtual_microphone, make_window):
    from core.recording.files import peaks_path

    main, recording, window = _open(qtbot, make_window)
    cache = peaks_path(call_track_path(recording.path))
    assert cache.exists()
    window.close()
    main.library.delete_interview(recording.interview_id)
    assert not cache.exists() and not call_track_path(recording.path).exists()


def test_their_questions_and_my_answers_filter_the_list_and_find(qtbot, virtual_microphone, make_window):
    _main, _recording, window = _open(qtbot, make_window)
    window.show_speaker(INTERVIEWER)
    assert _visible_texts(window) == [QUESTION, "ありがとうございます。"]
    window.find_field.setText("御社")
    assert window.find_text() is None  # the answer is filtered out
    window.show_speaker(ME)
    assert _visible_texts(window) == [ANSWER]
    assert window.find_text() == 1
    window.show_speaker(None)
    assert len(_visible_texts(window)) == 3


def test_renaming_a_speaker_is_kept_for_the_recording_and_used_by_exports(qtbot, virtual_microphone, make_window,
                                                                         tmp_path):
    main, recording, window = _open(qtbot, make_window)
    model = window.model
    assert model.flags(model.index(0, SPEAKER)) & Qt.ItemFlag.ItemIsEditable
    model.setData(model.index(2, SPEAKER), "  Tanaka  ")
    qtbot.waitUntil(lambda: model.data(model.index(0, SPEAKER)) == "Tanaka", timeout=10000)
    assert main.library.transcripts.speaker_names(recording.id) == {INTERVIEWER: "Tanaka"}

    target = tmp_path / "interview.vtt"
    window.export_to(str(target), "vtt")
    qtbot.waitUntil(target.exists, timeout=10000)
    text = target.read_text("utf-8")
    assert f"<v Tanaka>{QUESTION}" in text and f"<v Me>{ANSWER}" in text

    model.setData(model.index(0, SPEAKER), "")  # back to the interview's interviewer
    qtbot.waitUntil(lambda: model.data(model.index(0, SPEAKER)) == "田中様（人事）", timeout=10000)
    assert main.library.transcripts.speaker_names(recording.id) == {}


def test_in_japanese_the_default_names_and_the_filter_are_japanese(qtbot, virtual_microphone, make_window):
    _main, _recording, window = _open(qtbot, make_window, language="ja")
    assert window.model.data(window.model.index(1, SPEAKER)) == "自分"
    assert [window.speaker_filter.itemText(i) for i in range(3)] == ["全員", "面接官の質問", "自分の回答"]


@pytest.mark.parametrize("segments", [(Segment(0, 2000, "Thank you for inviting me."),)])
def test_a_one_voice_transcript_has_no_speaker_column_and_no_filter(qtbot, virtual_microphone, make_window, segments):
    _main, _recording, window = _open(qtbot, make_window, segments=segments)
    assert window.table.isColumnHidden(SPEAKER) and not window.speaker_filter.isVisible()
    assert window.waveform.lanes == 2  # the call track is there even though this transcript predates speakers
    assert not window.model.flags(window.model.index(0, SPEAKER)) & Qt.ItemFlag.ItemIsEditable
