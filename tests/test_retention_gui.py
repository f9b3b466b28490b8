"""Retention in the real windows: the Settings dialog's "Your data" page round trip, the notice in Upcoming (with
"Keep recording"), the Keep box in the recordings tab, and the pass the window runs, with an injected clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from core.interviews import Status
from core.library import Library
from core.retention import NOTICE_DAYS
from core.settings import RETENTION_PRACTICE_DAYS, RETENTION_REAL_DAYS, Settings
from tests.gui_helpers import each_page, settings_dialog
from tests.test_deletion_gui import _recordings_tab
from tests.test_retention import _real

NOW = datetime.now(UTC).replace(microsecond=0)


def _rejected(tmp_path, days_ago: int = 40):
    """A real interview rejected ``days_ago`` days ago, with one recording; retention on at 30 days."""
    Settings().set(RETENTION_REAL_DAYS, 30)

    def prepare(library: Library) -> None:
        _real(library, tmp_path, "Acme", Status.REJECTED, NOW - timedelta(days=days_ago))

    return prepare


def _only_recording():
    with Library.open() as check:
        return check.recordings.all()[0]


def test_your_data_page_round_trip(qtbot, ui_language):
    for language, page_title, never in (("en", "Your &data", "Never (keep it)"),
                                        ("ja", "データの保存(&D)", "削除しない(保存する)")):
        ui_language(language)
        with settings_dialog(qtbot, language) as dialog:
            titles = list(each_page(qtbot, dialog))
            assert titles[-1] == page_title
            assert dialog.chosen_retention_days() == 0  # off by default
            assert dialog.retention.currentText() == never
            assert all(dialog.retention.itemText(i) for i in range(dialog.retention.count()))
            dialog.retention.setCurrentIndex(dialog.retention.findData(90))
            assert dialog.chosen_retention_days() == 90
    ui_language("en")
    from core.library import Library as _Library
    from gui.settings_dialog import SettingsDialog
    from gui.tasks import TaskRunner

    with _Library.open() as library:
        dialog = SettingsDialog("en", library=library, tasks=TaskRunner(), retention_days=180)
        qtbot.addWidget(dialog)
        assert dialog.chosen_retention_days() == 180
        assert "180 days after the final result" in dialog.retention.currentText()


def test_settings_dialog_saves_the_choice(qtbot, make_window):
    from gui.settings_dialog import SettingsDialog
    from tests.gui_helpers import handle_modal

    window = make_window()

    def choose(dialog) -> None:
        assert isinstance(dialog, SettingsDialog)
        assert dialog.chosen_retention_days() == 0 and dialog.chosen_practice_retention_days() == 0
        dialog.retention.setCurrentIndex(dialog.retention.findData(60))
        dialog.practice_retention.setCurrentIndex(dialog.practice_retention.findData(14))
        assert dialog.practice_retention.currentText() == "14 days after recording"
        dialog.accept()

    handle_modal(window.open_settings, choose)
    assert Settings().get(RETENTION_REAL_DAYS) == 60 and Settings().get(RETENTION_PRACTICE_DAYS) == 14
    assert window.settings.get(RETENTION_REAL_DAYS) == 60

    def check(dialog) -> None:  # opened again: as saved
        assert dialog.chosen_retention_days() == 60 and dialog.chosen_practice_retention_days() == 14
        dialog.reject()

    handle_modal(window.open_settings, check)


def test_upcoming_announces_then_the_pass_deletes_a_week_later(qtbot, make_window, tmp_path):
    window = make_window(_rejected(tmp_path))
    window.tracker_ui.clock = lambda: NOW
    recording = _only_recording()
    with qtbot.waitSignal(window.retention_checked, timeout=10000):
        window.run_retention()  # never announced: nothing goes
    assert recording.path.exists()
    window.tracker_ui.upcoming_action.trigger()
    view = window.tracker_ui.upcoming
    with qtbot.waitSignal(view.loaded, timeout=10000):
        pass
    entries = [e for e in view.items() if e.retention is not None]
    assert [e.key for e in entries] == [("recording", recording.id)]
    assert entries[0].at == NOW + timedelta(days=NOTICE_DAYS)
    view.select(("recording", recording.id))
    assert "will be deleted on" in view.tree.currentItem().text(1)
    assert view.keep_button.isVisible() and not view.withdraw_button.isEnabled()
    assert _only_recording().retention_notice_at == NOW
    with qtbot.waitSignal(window.retention_checked, timeout=10000):
        window.run_retention()  # announced, but not a week ago
    assert recording.path.exists()
    window.tracker_ui.clock = lambda: NOW + timedelta(days=NOTICE_DAYS)
    with qtbot.waitSignal(window.retention_checked, timeout=10000) as blocker:
        window.run_retention()
    assert [d.recording.id for d in blocker.args[0].deleted] == [recording.id]
    assert not recording.path.exists()
    qtbot.waitUntil(lambda: not [e for e in view.items() if e.retention is not None], timeout=10000)


def test_keep_from_upcoming_and_from_the_recordings_tab(qtbot, make_window, tmp_path):
    window = make_window(_rejected(tmp_path))
    window.tracker_ui.clock = lambda: NOW
    recording = _only_recording()
    window.tracker_ui.upcoming_action.trigger()
    view = window.tracker_ui.upcoming
    with qtbot.waitSignal(view.loaded, timeout=10000):
        pass
    view.select(("recording", recording.id))
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.keep_button.click()
    assert [e for e in view.items() if e.retention is not None] == []
    assert _only_recording().keep
    recorder = _recordings_tab(qtbot, window, 1)
    recorder.select_recording(recording.id)
    qtbot.waitUntil(lambda: recorder.keep_box.isChecked(), timeout=5000)
    assert "(kept)" in recorder.history.item(0).text()
    window.tracker_ui.clock = lambda: NOW + timedelta(days=NOTICE_DAYS + 1)
    with qtbot.waitSignal(window.retention_checked, timeout=10000):
        window.run_retention()
    assert recording.path.exists()  # kept: never deleted automatically
    recorder.keep_box.click()  # unticked in the recordings tab
    qtbot.waitUntil(lambda: not _only_recording().keep, timeout=5000)
    qtbot.waitUntil(lambda: "(kept)" not in recorder.history.item(0).text(), timeout=5000)
    with qtbot.waitSignal(window.retention_checked, timeout=10000):
        window.run_retention()
    assert not recording.path.exists()  # its notice was shown over a week ago


def test_practice_audio_deleted_leaves_its_transcript_readable(qtbot, make_window, tmp_path):
    """After the pass deleted a practice recording's audio: listed as such, its transcript opens without the audio
    (no playback, no transcribing again), and the practice metrics are still there."""
    from tests.test_retention import _practice

    Settings().set(RETENTION_PRACTICE_DAYS, 7)
    made: dict = {}

    def prepare(library: Library) -> None:
        made["recording"], made["answer"], made["transcript"] = _practice(
            library, tmp_path, at=NOW - timedelta(days=30))
        library.recordings.announce_retention([made["recording"].id], NOW - timedelta(days=NOTICE_DAYS))

    window = make_window(prepare)  # the pass at start deletes it: announced a week ago
    recording = made["recording"]
    qtbot.waitUntil(lambda: not recording.path.exists(), timeout=10000)
    recorder = _recordings_tab(qtbot, window, 1)
    qtbot.waitUntil(lambda: "(audio deleted, transcript kept)" in recorder.history.item(0).text(), timeout=5000)
    recorder.select_recording(recording.id)
    recorder.transcript_button.click()
    shown = window.transcripts.windows[recording.id]
    qtbot.waitUntil(lambda: shown.transcript is not None, timeout=10000)
    assert shown.transcript.id == made["transcript"].id
    assert not shown.play_button.isEnabled() and not shown.transcribe_button.isEnabled()
    assert "audio was deleted" in shown.heading.text()
    with Library.open() as check:
        assert check.practice.cached_metrics(made["answer"].id, made["transcript"].id) is not None


def test_the_practice_review_shows_kept_metrics_without_the_audio(qtbot, tmp_path):
    from core import deletion
    from core.settings import SPEECH_MODEL
    from gui.practice.review_page import ReviewPage
    from gui.tasks import TaskRunner
    from tests.test_retention import _practice

    settings = Settings()
    settings.set(SPEECH_MODEL, "tiny.en")
    with Library.open() as library:
        recording, answer, _ = _practice(library, tmp_path)
        deletion.delete_audio(library, recording.id)
        session = library.practice.sessions_for_recording(recording.id)[0]

        def no_service():
            raise AssertionError("nothing is transcribed again")

        tasks = TaskRunner()
        page = ReviewPage(library, tasks, no_service, settings)
        qtbot.addWidget(page)
        page.show()
        with qtbot.waitSignal(page.loaded, timeout=10000):
            page.load(session.id)
        qtbot.waitUntil(lambda: answer.id in page.metrics, timeout=10000)
        assert page.metrics[answer.id]["duration_s"] == 0.9
        assert not page.play_button.isEnabled() and not page.transcribe_button.isVisible()
        tasks.wait_for_done()
