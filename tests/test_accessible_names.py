"""Issue 17, item 4: every control a keyboard reaches has an accessible name, in both languages, on the real
windows (read through Qt's accessibility interfaces; tests/test_accessibility.py reads the AT-SPI bridge)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from core.interviews import Interview, InterviewKind
from tests.accessible_names import accessible_name, unnamed_controls
from tests.gui_helpers import each_page, settings_dialog


def _two(library) -> None:
    library.interviews.add(Interview(company="株式会社サンプル", position="営業", kind=InterviewKind.REAL))
    library.interviews.add(Interview(company="自己PR練習", kind=InterviewKind.MOCK))


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_main_window(qtbot, make_window, language):
    window = make_window(_two, language=language)
    window.table.selectRow(0)
    qtbot.waitUntil(lambda: window.pane.interview is not None)
    assert not unnamed_controls(window), unnamed_controls(window)
    names = {accessible_name(w) for w in (window.table, window.search_field, window.pane.notes.editor)}
    assert names == ({"面接一覧", "検索", "メモ"} if language == "ja" else {"Interviews", "Search", "Notes"})
    # The microphone list: on Linux Qt names a list by its current item (a device, once there is one) and a
    # screen reader by its label, its buddy; the name given is read where the list is empty.
    recorder = window.pane.recorder
    microphone = "マイク" if language == "ja" else "Microphone"
    assert recorder.device.accessibleName() == microphone and recorder.device_label.text() == microphone
    assert recorder.device_label.buddy() is recorder.device
    window.focus_search()
    window.search_field.setText("サンプル")
    qtbot.waitUntil(lambda: window.search_panel.isVisible())
    assert not unnamed_controls(window), unnamed_controls(window)  # the search panel's filters and results


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_consent_and_settings_dialogs(qtbot, ui_language, language):
    from gui.consent_dialog import ConsentDialog

    ui_language(language)
    consent = ConsentDialog("株式会社サンプル", language)
    qtbot.addWidget(consent)
    consent.show()
    qtbot.waitExposed(consent)
    assert not unnamed_controls(consent), unnamed_controls(consent)
    consent.close()
    with settings_dialog(qtbot, language) as dialog:
        for page in each_page(qtbot, dialog):
            assert not unnamed_controls(dialog), (page, unnamed_controls(dialog))


@pytest.mark.audio
@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_practice_window(qtbot, virtual_microphone, make_window, language):
    window = make_window(language=language)
    practice = window.practice.open()
    choose, page = practice.choose, practice.session
    qtbot.waitUntil(lambda: bool(choose.bank) and choose.start_button.isEnabled(), timeout=10000)
    assert not unnamed_controls(practice), unnamed_controls(practice)
    choose.start_button.click()
    assert page.get_ready.active
    assert not unnamed_controls(practice), unnamed_controls(practice)
    practice.back_button.click()
    practice.close()
    qtbot.waitUntil(lambda: window.practice.window is None, timeout=30000)


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_transcript_window(qtbot, make_window, english_speech, language):
    from core.library import Library
    from core.ops import transcription as ops
    from core.transcription.model import Segment, Transcript, TranscriptionSettings
    from tests.test_transcript_gui import _import

    window = make_window(lambda lib: lib.interviews.add(Interview(company="Practice", kind=InterviewKind.MOCK)),
                         language=language)
    window.table.selectRow(0)
    qtbot.waitUntil(lambda: window.tasks.pending == 0, timeout=10000)
    recording = _import(qtbot, window, english_speech.wav)
    with Library.open() as library:
        ops.store(library, recording, Transcript(
            source=str(recording.path), language="en", duration_ms=recording.duration_ms,
            settings=TranscriptionSettings(), segments=(Segment(0, 1500, "Thank you for seeing me today."),)), "en")
    transcript = window.open_transcript(recording, transcribe_if_missing=False)
    qtbot.waitUntil(lambda: transcript.model.rowCount() == 1, timeout=10000)
    assert not unnamed_controls(transcript), unnamed_controls(transcript)
    waveform = transcript.waveform  # seekable by keyboard, and says where the playhead is
    assert waveform.accessibleName() == ("波形" if language == "ja" else "Waveform")
    assert "00:00" in waveform.accessibleDescription()  # the playhead at the start
    waveform.setFocus()
    with qtbot.waitSignal(waveform.seek_requested) as moved:
        qtbot.keyClick(waveform, Qt.Key.Key_Right)
    assert moved.args == [5000]
    with qtbot.waitSignal(waveform.seek_requested) as moved:
        qtbot.keyClick(waveform, Qt.Key.Key_End)
    assert moved.args == [recording.duration_ms]
    transcript.close()
