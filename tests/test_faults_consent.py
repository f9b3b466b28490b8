"""Consent records changed or deleted behind the app's back, forged permits, permissions dated in the future.

Tampering is done as someone holding the database file would: a second SQLite
connection that drops the append-only triggers, then edits. Detection is
checked where the user meets it: ``check_consent`` itself, ``main.py doctor``
(a real subprocess), the main window at start and any other CLI command.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, replace
from datetime import timedelta

import numpy as np
import pytest
import soundfile as sf
from PySide6.QtCore import Qt

from core import cli, paths
from core.consent import (
    TRIGGERS,
    ConsentAnswer,
    ConsentInvalid,
    ConsentMethod,
    ConsentPurpose,
    ConsentRecord,
    ConsentRequired,
    RecordingPermit,
    permit_from,
)
from core.consent.verify import Finding, check_consent
from core.interviews import Interview, InterviewKind, utc_now
from core.library import Library
from core.recording.files import sidecar_path
from core.recording.recorder import Recorder, RecorderConfig
from core.recording.session import write_sidecar
from core.recording.store import Recording, RecordingState
from tests.recording_helpers import StreamSpy, audio_files
from tests.test_cli import run_cli


@pytest.fixture
def library():
    with Library.open() as lib:
        yield lib


def _asked(interview_id: int, who: str, answer: ConsentAnswer = ConsentAnswer.AGREED, **changes) -> ConsentRecord:
    record = ConsentRecord(interview_id=interview_id, purpose=ConsentPurpose.REAL, answer=answer, who=who,
                           method=ConsentMethod.IN_PERSON, asked_at=utc_now(),
                           request_text="振り返りのために録音してもよろしいでしょうか。")
    return replace(record, **changes)


def _recorded(library: Library, consent: ConsentRecord, name: str) -> Recording:
    """A finished recording under ``consent``: a real WAV, its row and its sidecar, as the app saves them."""
    folder = paths.ensure_private_dir(paths.recordings_dir() / str(consent.interview_id))
    sf.write(folder / name, np.zeros(8000, dtype=np.int16), 8000, subtype="PCM_16")
    recording = library.recordings.begin(consent, f"{consent.interview_id}/{name}", 8000, 1)
    recording = library.recordings.finish(recording.id, RecordingState.COMPLETED, 1000)
    write_sidecar(library, recording)
    return recording


@dataclass
class Scene:
    """株式会社サンプル: declined, then agreed (recording A), agreed again (recording B). Example Corp.: declined."""

    declined: ConsentRecord
    agreed: ConsentRecord
    again: ConsentRecord
    first: Recording
    second: Recording
    other: ConsentRecord


def _scene(library: Library) -> Scene:
    sample = library.interviews.add(Interview(company="株式会社サンプル", kind=InterviewKind.REAL))
    other = library.interviews.add(Interview(company="Example Corp.", kind=InterviewKind.REAL))
    declined = library.consent.add(_asked(sample.id, "人事の佐藤様", ConsentAnswer.DECLINED))
    agreed = library.consent.add(_asked(sample.id, "面接官の田中様"))
    first = _recorded(library, agreed, "first.wav")
    again = library.consent.add(_asked(sample.id, "部長の鈴木様"))
    second = _recorded(library, again, "second.wav")
    refused = library.consent.add(_asked(other.id, "Mr Smith", ConsentAnswer.DECLINED))
    return Scene(declined, agreed, again, first, second, refused)


def _raw(library: Library) -> sqlite3.Connection:
    """A second connection, as someone editing the file behind the app's back would use."""
    conn = sqlite3.connect(library.path, isolation_level=None)
    conn.execute("DROP TRIGGER IF EXISTS consent_records_no_update")
    conn.execute("DROP TRIGGER IF EXISTS consent_records_no_delete")
    return conn


def _delete(library: Library, *records: ConsentRecord) -> None:
    conn = _raw(library)
    conn.executemany("DELETE FROM consent_records WHERE id = ?", [(r.id,) for r in records])
    conn.close()


def change_a_field(library: Library, scene: Scene) -> None:
    conn = _raw(library)
    conn.execute("UPDATE consent_records SET who = 'nobody' WHERE id = ?", (scene.agreed.id,))
    conn.close()


def delete_a_middle_record(library: Library, scene: Scene) -> None:
    _delete(library, scene.agreed)


def delete_the_last_record(library: Library, scene: Scene) -> None:
    _delete(library, scene.again)


def delete_a_whole_chain(library: Library, scene: Scene) -> None:
    _delete(library, scene.declined, scene.agreed, scene.again)


def drop_the_triggers(library: Library, scene: Scene) -> None:
    _raw(library).close()


TAMPERING = [change_a_field, delete_a_middle_record, delete_the_last_record, delete_a_whole_chain, drop_the_triggers]


def _named(scene: Scene, tampering) -> str:
    """The recording (or, for the triggers, the words) each tampering's report must name."""
    return {change_a_field: scene.first.file, delete_a_middle_record: scene.first.file,
            delete_the_last_record: scene.second.file, delete_a_whole_chain: scene.second.file,
            drop_the_triggers: "consent_records_no_update"}[tampering]


def _found(report) -> list:
    """The findings about records and recordings (tampering also drops the triggers, reported apart)."""
    return [problem for problem in report.problems if problem.finding is not Finding.TRIGGERS]


def _texts(report) -> list[str]:
    return [str(problem.message) for problem in _found(report)]


# -- the check itself -------------------------------------------------------------------


def test_an_untouched_library_passes_and_every_record_is_copied(library):
    scene = _scene(library)
    report = check_consent(library)
    assert report.ok and (report.records, report.chains, report.recordings) == (4, 2, 2)
    ledger = json.loads(library.consent.ledger.read_text("utf-8"))["chains"]
    assert [r["hash"] for r in ledger[str(scene.agreed.interview_id)]] == [
        scene.declined.hash, scene.agreed.hash, scene.again.hash]
    sidecar = json.loads(sidecar_path(scene.first.path).read_text("utf-8"))
    assert sidecar["consent"]["hash"] == scene.agreed.hash
    assert sidecar["consent_chain"] == {"interview_id": scene.agreed.interview_id, "records": 2,
                                        "head": scene.agreed.hash}


def test_a_changed_field_is_named_with_before_and_after(library):
    scene = _scene(library)
    change_a_field(library, scene)
    report = check_consent(library)
    assert report.triggers_restored
    assert {p.finding for p in _found(report)} == {Finding.CHANGED, Finding.RECORDING}
    changed = next(p for p in report.problems if p.finding is Finding.CHANGED)
    assert changed.record_id == scene.agreed.id
    assert "who answered: “面接官の田中様” → “nobody”" in str(changed.message)
    assert f"hash when saved {scene.agreed.hash[:12]}" in str(changed.message)
    recording = next(p for p in report.problems if p.finding is Finding.RECORDING)
    assert recording.recording == scene.first.file and "株式会社サンプル" in str(recording.message)


def test_a_record_changed_and_rehashed_with_its_chain_is_still_caught(library):
    """Whoever recomputes the hashes keeps the chain whole; the ledger and the sidecar still remember."""
    scene = _scene(library)
    conn = _raw(library)
    forged = replace(scene.agreed, answer=ConsentAnswer.AGREED, who="誰か")
    forged = replace(forged, hash=forged.computed_hash())
    following = replace(scene.again, prev_hash=forged.hash)
    following = replace(following, hash=following.computed_hash())
    for record in (forged, following):
        conn.execute("UPDATE consent_records SET who = ?, prev_hash = ?, hash = ? WHERE id = ?",
                     (record.who, record.prev_hash, record.hash, record.id))
    conn.close()
    assert library.consent.verify().ok  # the chain alone cannot tell
    texts = _texts(check_consent(library))
    assert any(f"Consent record {scene.agreed.id} " in t and "“面接官の田中様” → “誰か”" in t for t in texts)
    assert any(f"Consent record {scene.again.id} " in t and "link to the record before" in t for t in texts)
    assert any(scene.first.file in t and "was changed" in t for t in texts)


def test_a_deleted_middle_record_is_described(library):
    scene = _scene(library)
    delete_a_middle_record(library, scene)
    report = check_consent(library)
    deleted = [p for p in report.problems if p.finding is Finding.DELETED]
    assert [p.record_id for p in deleted] == [scene.agreed.id]
    assert "面接官の田中様 agreed" in str(deleted[0].message)
    assert any(p.recording == scene.first.file for p in report.problems)
    assert not any(p.finding is Finding.UNLINKED for p in report.problems)  # explained once, not twice


def test_the_deleted_last_record_of_a_chain_without_recordings_is_caught(library):
    scene = _scene(library)
    last = library.consent.add(_asked(scene.other.interview_id, "Ms Jones", ConsentAnswer.DECLINED))
    _delete(library, last)
    report = check_consent(library)
    assert [(p.finding, p.record_id) for p in _found(report)] == [(Finding.DELETED_TAIL, last.id)]
    assert "Example Corp." in _texts(report)[0] and "Ms Jones declined" in _texts(report)[0]
    _delete(library, scene.other)  # and then the rest of the chain
    report = check_consent(library)
    assert [(p.finding, p.interview_id) for p in _found(report)] == [
        (Finding.DELETED_CHAIN, scene.other.interview_id)]
    assert "All 2 consent record(s) of the interview with Example Corp." in _texts(report)[0]


def test_the_deleted_last_record_is_caught_by_the_sidecar_when_the_ledger_is_gone_too(library):
    scene = _scene(library)
    later = library.consent.add(_asked(scene.agreed.interview_id, "部長の鈴木様", ConsentAnswer.DECLINED))
    write_sidecar(library, scene.second)  # a marker or a repair rewrites it: it now saw three records
    _delete(library, later)
    library.consent.ledger.unlink()
    report = check_consent(library)
    assert [(p.finding, p.recording) for p in _found(report)] == [(Finding.RECORDING, scene.second.file)]
    assert "had 4 consent record(s)" in _texts(report)[0] and "now has 3" in _texts(report)[0]


def test_a_rewritten_sidecar_keeps_the_evidence(library):
    scene = _scene(library)
    change_a_field(library, scene)
    _delete(library, scene.again)
    write_sidecar(library, library.recordings.get(scene.first.id))  # e.g. the repair after a crash
    sidecar = json.loads(sidecar_path(scene.first.path).read_text("utf-8"))
    assert sidecar["consent"]["who"] == "面接官の田中様"
    assert any(p.recording == scene.first.file and "“nobody”" in str(p.message)
               for p in check_consent(library).problems)


def test_dropped_or_altered_triggers_are_restored_and_reported(library):
    scene = _scene(library)
    conn = _raw(library)
    conn.execute("CREATE TRIGGER consent_records_no_update BEFORE UPDATE ON consent_records BEGIN SELECT 1; END")
    report = check_consent(library)
    assert [p.finding for p in report.problems] == [Finding.TRIGGERS]
    assert "consent_records_no_update, consent_records_no_delete" in str(report.problems[0].message)
    stored = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall())
    assert {name: stored[name] for name in TRIGGERS} == TRIGGERS
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("UPDATE consent_records SET who = 'x' WHERE id = ?", (scene.agreed.id,))
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM consent_records WHERE id = ?", (scene.again.id,))
    conn.close()
    assert check_consent(library).ok


def test_a_damaged_ledger_is_set_aside_and_rebuilt(library):
    _scene(library)
    library.consent.ledger.write_text("{not json", "utf-8")
    report = check_consent(library)
    assert [p.finding for p in report.problems] == [Finding.LEDGER]
    kept = list(library.consent.ledger.parent.glob("library.consent.json.unreadable-*"))
    assert len(kept) == 1 and kept[0].read_text("utf-8") == "{not json"
    assert check_consent(library).ok and len(json.loads(library.consent.ledger.read_text("utf-8"))["chains"]) == 2


def test_an_interview_deleted_in_the_app_leaves_nothing_to_report(library):
    scene = _scene(library)
    library.delete_interview(scene.agreed.interview_id)
    assert check_consent(library).ok
    assert list(json.loads(library.consent.ledger.read_text("utf-8"))["chains"]) == [
        str(scene.other.interview_id)]


# -- where the user meets it: doctor, the main window, any command ----------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("tampering", TAMPERING)
def test_doctor_fails_and_names_the_recording(tmp_path, tampering):
    with Library.open() as library:
        scene = _scene(library)
        tampering(library, scene)
    result = run_cli("doctor", tmp_path=tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    failed = [line for line in result.stdout.splitlines() if line.startswith("[FAIL] Consent records")]
    assert failed and any(_named(scene, tampering) in line for line in failed), result.stdout
    with Library.open() as library:  # doctor put the triggers back
        conn = sqlite3.connect(library.path)
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        conn.close()
    assert set(TRIGGERS) <= names


@pytest.mark.slow
def test_doctor_passes_an_untouched_library(tmp_path):
    with Library.open() as library:
        _scene(library)
    result = run_cli("doctor", tmp_path=tmp_path)
    line = next(line for line in result.stdout.splitlines() if "Consent records" in line)
    assert line.startswith("[ ok ]") and "4 record(s) in 2 chain(s) unchanged; 2 recording(s) checked" in line


@pytest.mark.parametrize("tampering", TAMPERING)
def test_the_main_window_shows_what_changed_at_start(qtbot, make_window, tampering):
    made: list[Scene] = []

    def prepare(library: Library) -> None:
        made.append(_scene(library))
        tampering(library, made[0])

    window = make_window(prepare)
    alert = window.consent_alert
    qtbot.waitUntil(lambda: alert.report is not None, timeout=10000)
    assert alert.isVisible()
    assert alert.accessibleName() == "Consent record problems"
    assert "Consent records were changed or deleted outside Furikaeri" in alert.text.text()
    assert any(_named(made[0], tampering) in line for line in alert.lines())
    assert alert.details_button.isVisible()
    assert alert.details_button.focusPolicy() & Qt.FocusPolicy.TabFocus  # reachable with the keyboard


def test_the_window_speaks_japanese_and_stays_quiet_when_nothing_changed(qtbot, make_window):
    made: list[Scene] = []
    window = make_window(lambda library: made.append(_scene(library)))
    qtbot.waitUntil(lambda: window.consent_alert.report is not None, timeout=10000)
    assert window.consent_alert.report.ok and not window.consent_alert.isVisible()

    window = make_window(lambda library: change_a_field(library, made[0]), language="ja")
    qtbot.waitUntil(lambda: window.consent_alert.report is not None, timeout=10000)
    text = window.consent_alert.text.text()
    assert "同意" in text and "“面接官の田中様” → “nobody”" in text and made[0].first.file in text
    assert "who answered" not in text


def test_the_details_list_every_finding(qtbot, make_window):
    from PySide6.QtWidgets import QMessageBox

    from tests.gui_helpers import handle_modal

    made: list[Scene] = []

    def prepare(library: Library) -> None:
        made.append(_scene(library))
        delete_a_whole_chain(library, made[0])

    window = make_window(prepare)
    alert = window.consent_alert
    qtbot.waitUntil(lambda: alert.report is not None, timeout=10000)
    seen: list[str] = []

    def read(box) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.detailedText())
        box.button(QMessageBox.StandardButton.Close).click()

    handle_modal(alert.details_button.click, read)
    assert all(line in seen[0] for line in alert.lines()) and made[0].first.file in seen[0]
    alert.hide_button.click()
    assert not alert.isVisible()


def test_other_commands_warn_on_standard_error(library, capsys):
    scene = _scene(library)
    delete_the_last_record(library, scene)
    status = cli.main(["search", "サンプル"])
    captured = capsys.readouterr()
    assert status == 0
    assert scene.second.file in captured.err and "Consent records were changed" in captured.err
    assert scene.second.file not in captured.out


# -- the permit: only from this library's store ---------------------------------------------


def _other_library(tmp_path) -> tuple[Library, RecordingPermit]:
    other = Library.open(tmp_path / "other.sqlite3")
    interview = other.interviews.add(Interview(company="Elsewhere", kind=InterviewKind.REAL))
    return other, other.consent.permit(other.consent.add(_asked(interview.id, "someone")).id)


@pytest.mark.audio
def test_a_forged_permit_opens_no_stream_and_creates_no_file(virtual_microphone, real_sd, library, tmp_path):
    spy = StreamSpy(real_sd)
    interview = library.interviews.add(Interview(company="株式会社サンプル", kind=InterviewKind.REAL))
    record = library.consent.add(_asked(interview.id, "面接官の田中様"))
    other, elsewhere = _other_library(tmp_path)
    target = paths.recordings_dir() / "forged.wav"
    forged = [
        (RecordingPermit(record, library.consent), "not issued by the library"),  # built by hand
        (RecordingPermit(record, other.path), "belongs to another library"),  # naming a database file
        (elsewhere, "belongs to another library"),  # genuine, from another library's file
    ]
    try:
        for permit, reason in forged:
            recorder = Recorder(RecorderConfig(target), permit, sd=spy, consent=library.consent)
            with pytest.raises(ConsentRequired, match=reason):
                recorder.start()
        assert spy.opened == 0 and not target.exists() and audio_files() == []
        assert library.recordings.for_interview(interview.id) == []
        # the same rig and recorder do record with this library's own permit
        recorder = Recorder(RecorderConfig(target), library.consent.permit(record.id), sd=spy,
                            consent=library.consent)
        recorder.start()
        recorder.stop()
        assert spy.opened == 1 and target.exists()
    finally:
        other.close()


def test_a_recording_from_another_library_is_not_registered(library, tmp_path):
    interview = library.interviews.add(Interview(company="株式会社サンプル", kind=InterviewKind.REAL))
    library.consent.add(_asked(interview.id, "面接官の田中様"))
    other, elsewhere = _other_library(tmp_path)
    other.close()
    assert elsewhere.consent.id is not None
    with pytest.raises(ConsentRequired, match="not in the library"):
        library.recordings.begin(elsewhere.consent, "1/elsewhere.wav", 48000, 1)
    assert library.recordings.all() == []
    with pytest.raises(ConsentRequired, match="belongs to another library"):
        permit_from(elsewhere, library.consent)


# -- permission dated in the future ---------------------------------------------------------


def test_permission_asked_in_the_future_is_refused(library):
    interview = library.interviews.add(Interview(company="株式会社サンプル", kind=InterviewKind.REAL))
    ten_years = utc_now() + timedelta(days=3650)
    with pytest.raises(ConsentInvalid, match="is in the future") as refused:
        library.consent.add(_asked(interview.id, "田中様", asked_at=ten_years))
    assert ten_years.astimezone().strftime("%Y-%m-%d %H:%M") in str(refused.value.message)
    assert library.consent.for_interview(interview.id) == []
    near = library.consent.add(_asked(interview.id, "田中様", asked_at=utc_now() + timedelta(minutes=2)))
    assert library.consent.permit(near.id).consent == near  # a little clock skew is fine


def test_a_saved_permission_dated_in_the_future_never_allows_recording(library):
    """A record from before this rule (or written by hand) with a future time does not stay valid forever."""
    interview = library.interviews.add(Interview(company="株式会社サンプル", kind=InterviewKind.REAL))
    library.consent.add(_asked(interview.id, "田中様"))
    saved = library.consent.for_interview(interview.id)[0]
    future = replace(saved, asked_at=utc_now() + timedelta(days=3650))
    future = replace(future, hash=future.computed_hash())
    conn = _raw(library)
    conn.execute("UPDATE consent_records SET asked_at = ?, hash = ? WHERE id = ?",
                 (future.asked_at.isoformat(), future.hash, saved.id))
    conn.close()
    with pytest.raises(ConsentRequired, match="dated in the future"):
        library.consent.permit(saved.id)
