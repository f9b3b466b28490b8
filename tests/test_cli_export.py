"""``main.py export``: transcripts from the library to files or standard output."""

from __future__ import annotations

import json
import stat
from datetime import datetime, timedelta, timezone

import pytest

from core import cli
from core.consent import self_consent
from core.export import PRIVACY_NOTICE, parse_json_export
from core.interviews import Interview, InterviewKind
from core.library import Library
from core.recording.store import Marker
from core.transcription.model import Segment, Transcript, TranscriptionSettings
from tests.test_cli import run_cli

JST = timezone(timedelta(hours=9))


def hand_built(recording_id: int | None = None) -> Transcript:
    return Transcript(
        source="1/answer.wav", language="ja", duration_ms=3_730_000, settings=TranscriptionSettings(model="base"),
        segments=(Segment(0, 2000, "本日はよろしくお願いいたします。"),
                  Segment(2000, 5000, " Tell me about yourself.", corrected_text="Tell me about yourself, please."),
                  Segment(3_725_500, 3_729_000, "最後に何か質問はありますか？")),
        recording_id=recording_id, created_at=datetime(2026, 12, 3, 16, 0, tzinfo=JST), id=5)


class FakeTranscripts:
    """Stands in for the library's transcript store in the in-process tests."""

    def __init__(self, *transcripts: Transcript):
        self.by_id = {t.id: t for t in transcripts}

    def get(self, transcript_id: int) -> Transcript:
        return self.by_id[transcript_id]

    def speaker_names(self, recording_id: int) -> dict[str, str]:
        return {}


def recording_with_context(library: Library) -> int:
    """An interview with notes and a recording with markers; returns the recording's id."""
    interview = library.interviews.add(Interview(company="株式会社サンプル", position="営業", kind=InterviewKind.MOCK,
                                                 starts_at=datetime(2026, 12, 3, 14, 0, tzinfo=JST)))
    consent = library.consent.add(self_consent(interview.id))
    recording = library.recordings.begin(consent, f"{interview.id}/answer.wav", 48000, 1)
    library.recordings.add_marker(recording.id, Marker(3_726_000, "逆質問"))
    library.recordings.add_marker(recording.id, Marker(1_500, "自己紹介"))
    library.notes.save(interview.id, "## 反省\n- 結論から話す\n")
    return recording.id


@pytest.fixture
def fake_library(monkeypatch):
    """Library.open() gives the test's real library with a fake transcript store attached."""
    library = Library.open()
    recording_id = recording_with_context(library)
    library.transcripts = FakeTranscripts(hand_built(recording_id), Transcript(
        "loose.m4a", "en", 1000, TranscriptionSettings(), segments=(Segment(0, 1000, "Hello."),), id=9))
    monkeypatch.setattr(Library, "open", classmethod(lambda cls, path=None: library))
    yield library
    library.close()


def test_text_to_stdout(fake_library, capsys):
    assert cli.main(["export", "5", "--format", "txt", "--times", "--language", "en"]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        PRIVACY_NOTICE["en"], "", "[00:00] 本日はよろしくお願いいたします。", "[00:02] Tell me about yourself, please.",
        "[1:02:05] 最後に何か質問はありますか？"]
    assert captured.err == ""


def test_markdown_file_has_notes_markers_and_title(fake_library, capsys, tmp_path):
    target = tmp_path / "面接 メモ.md"
    assert cli.main(["export", "5", "-o", str(target), "--language", "ja"]) == 0  # format from the extension
    assert f"Exported to {target}" in capsys.readouterr().out
    text = target.read_text("utf-8")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    lines = text.splitlines()
    assert lines[0] == "> " + PRIVACY_NOTICE["ja"]
    assert lines[2].startswith("# 株式会社サンプル 営業 ")
    assert "- [00:01] 自己紹介" in lines and "- [1:02:06] 逆質問" in lines
    assert text.endswith("## メモ\n\n## 反省\n- 結論から話す\n")


def test_json_carries_markers_and_notes(fake_library, capsys):
    assert cli.main(["export", "5", "-f", "json", "--no-notice"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert "notice" not in data
    assert [m["label"] for m in data["markers"]] == ["自己紹介", "逆質問"]
    assert data["notes"] == "## 反省\n- 結論から話す\n"
    assert parse_json_export(json.dumps(data)).transcript == hand_built(data["transcript"]["recording_id"])


def test_loose_transcript_without_a_recording(fake_library, capsys):
    assert cli.main(["export", "9", "-f", "md", "--language", "en"]) == 0
    out = capsys.readouterr().out
    assert "# Interview transcript" in out and "## Markers" not in out and "## Notes" not in out


def test_srt_reminds_that_it_has_no_notice(fake_library, capsys):
    assert cli.main(["export", "5", "-f", "srt"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("1\n00:00:00,000 --> 00:00:02,000\n")
    assert "keep this file to yourself" in captured.err
    assert cli.main(["export", "5", "-f", "srt", "--no-notice"]) == 0
    assert capsys.readouterr().err == ""


def test_no_such_transcript(fake_library, capsys):
    assert cli.main(["export", "77", "-f", "txt"]) == 4
    assert capsys.readouterr().err.strip() == "There is no transcript 77 in the library."


def test_unwritable_output(fake_library, capsys, tmp_path):
    target = tmp_path / "missing folder" / "out.vtt"
    assert cli.main(["export", "5", "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert f"Could not write {target}" in err and "No such file" in err
    assert list(tmp_path.iterdir()) == []


def test_format_needed(fake_library, capsys, tmp_path):
    assert cli.main(["export", "5"]) == 2
    assert "Choose a format" in capsys.readouterr().err
    assert cli.main(["export", "5", "-o", str(tmp_path / "out.docx")]) == 2


def test_usage_errors_through_main(tmp_path):
    bad_format = run_cli("export", "1", "--format", "docx", tmp_path=tmp_path)
    assert bad_format.returncode == 2 and "invalid choice" in bad_format.stderr
    bad_id = run_cli("export", "first", "-f", "txt", tmp_path=tmp_path)
    assert bad_id.returncode == 2 and "“first” cannot be an id" in bad_id.stderr
    no_format = run_cli("export", "1", tmp_path=tmp_path)
    assert no_format.returncode == 2 and "Choose a format" in no_format.stderr


def test_export_from_the_library_through_main(tmp_path):
    """A transcript saved through the real store, exported by real subprocesses."""
    from tests.test_export import parse_srt

    with Library.open() as library:
        recording_id = recording_with_context(library)
        saved = library.transcripts.save(hand_built(recording_id))
        stored = library.transcripts.get(saved.id)
    target = tmp_path / "株式会社サンプル 最終面接.srt"
    result = run_cli("export", str(saved.id), "-o", str(target), tmp_path=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [(start, end, text) for _, start, end, text in parse_srt(target.read_text("utf-8"))] == [
        (0, 2000, "本日はよろしくお願いいたします。"), (2000, 5000, "Tell me about yourself, please."),
        (3_725_500, 3_729_000, "最後に何か質問はありますか？")]
    assert "keep this file to yourself" in result.stderr

    markdown = run_cli("export", str(saved.id), "--format", "md", "--language", "ja", tmp_path=tmp_path)
    assert markdown.returncode == 0, markdown.stderr
    assert markdown.stdout.startswith("> " + PRIVACY_NOTICE["ja"] + "\n")
    assert "- [1:02:06] 逆質問" in markdown.stdout and "## メモ\n\n## 反省\n- 結論から話す\n" in markdown.stdout

    as_json = run_cli("export", str(saved.id), "-f", "json", "--no-notice", tmp_path=tmp_path)
    assert as_json.returncode == 0, as_json.stderr
    back = parse_json_export(as_json.stdout)
    assert back.transcript == stored and back.transcript.segments[1].corrected_text == "Tell me about yourself, please."

    missing = run_cli("export", str(saved.id + 1), "-f", "txt", tmp_path=tmp_path)
    assert missing.returncode == 4 and f"There is no transcript {saved.id + 1}" in missing.stderr
