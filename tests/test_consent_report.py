"""The consent report (issue 18, item 6): a recording's permission, its file's hash and the consent check, on one
page in Markdown or HTML, from ``core.consent.report`` and ``main.py consent-report``. Real SQLite, real files."""

from __future__ import annotations

import hashlib
import math
import sqlite3
import struct
import wave
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

from core import cli
from core.consent import ConsentAnswer, ConsentMethod, ConsentPurpose, ConsentRecord, self_consent
from core.consent.report import (
    ReportError,
    build_report,
    format_of,
    report_target,
    suggested_name,
    to_html,
    to_markdown,
    write_report,
)
from core.interviews import Interview, InterviewKind, utc_now
from core.library import Library
from core.recording.store import RecordingState
from gui.i18n import cli_translate

WHO = "面接官 <b>田中</b> & \"Sons\""
WORDING = "録音してもよろしいでしょうか？ <script>alert(1)</script>"
NOTE = "Agreed at once; 1 < 2 & 3 > 2"


def write_wav(path: Path, seconds: float = 1.5) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    frames = b"".join(struct.pack("<h", int(8000 * math.sin(i / 8))) for i in range(int(16000 * seconds)))
    with wave.open(str(path), "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(16000)
        handle.writeframes(frames)


def real_recording(library: Library, company: str = "株式会社<サンプル> & Co", clip_ms: int = 4_000) -> int:
    """A finished recording of a real interview under the interviewer's permission; returns its id."""
    interview = library.interviews.add(Interview(company=company, position="営業", kind=InterviewKind.REAL))
    consent = library.consent.add(ConsentRecord(
        interview_id=interview.stored_id, purpose=ConsentPurpose.REAL, answer=ConsentAnswer.AGREED, who=WHO,
        method=ConsentMethod.IN_PERSON, asked_at=utc_now(), request_text=WORDING, note=NOTE))
    recording = library.recordings.begin(consent, f"{interview.id}/interview.wav", 16000, 1)
    write_wav(recording.path)
    if clip_ms:
        library.recordings.set_consent_clip(recording.id, clip_ms)
    library.recordings.finish(recording.id, RecordingState.COMPLETED, 1500)
    return recording.id


def practice_recording(library: Library) -> int:
    interview = library.interviews.add(Interview(company="練習", kind=InterviewKind.MOCK))
    consent = library.consent.add(self_consent(interview.stored_id))
    recording = library.recordings.begin(consent, f"{interview.id}/practice.wav", 16000, 1)
    write_wav(recording.path, 0.5)
    library.recordings.finish(recording.id, RecordingState.COMPLETED, 500)
    return recording.id


def imported_recording(library: Library, answer: ConsentAnswer) -> int:
    interview = library.interviews.add(Interview(company="Imported Ltd", kind=InterviewKind.REAL))
    consent = library.consent.add(ConsentRecord(
        interview_id=interview.stored_id, purpose=ConsentPurpose.IMPORTED, answer=answer,
        who="Ms Smith" if answer is ConsentAnswer.AGREED else "", method=ConsentMethod.ONLINE, asked_at=utc_now(),
        note="imported file: call.m4a"))
    recording = library.recordings.begin(consent, f"{interview.id}/call.wav", 16000, 1, source_name="call.m4a")
    write_wav(recording.path, 0.5)
    library.recordings.finish(recording.id, RecordingState.COMPLETED, 500)
    return recording.id


def tamper(library: Library, consent_id: int) -> None:
    """Change a consent row behind the app's back, as someone editing the database file would."""
    conn = sqlite3.connect(library.path, isolation_level=None)
    try:
        conn.execute("DROP TRIGGER consent_records_no_update")
        conn.execute("UPDATE consent_records SET who = 'someone else' WHERE id = ?", (consent_id,))
    finally:
        conn.close()


@pytest.fixture
def library():
    with Library.open() as lib:
        yield lib


class _Collector(HTMLParser):
    """Every tag and the page's text, as a browser would read them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parsed(page: str) -> _Collector:
    collector = _Collector()
    collector.feed(page)
    collector.close()
    return collector


# -- the facts --------------------------------------------------------------------------------


def test_the_report_says_what_the_database_and_the_file_say(library):
    recording_id = real_recording(library)
    recording = library.recordings.get(recording_id)
    consent = library.consent.get(recording.consent_id)
    report = build_report(library, recording_id, now=datetime(2026, 12, 4, 12, 0, tzinfo=UTC))
    assert report.consent == consent and report.interview.company == "株式会社<サンプル> & Co"
    assert report.sha256 == hashlib.sha256(recording.path.read_bytes()).hexdigest()
    assert report.size == recording.path.stat().st_size
    assert report.chain_ok and report.chain_records == 1

    page = to_markdown(report)
    for fact in ("Consent report", "Permission to record was asked before recording started, and given.",
                 "Asked aloud, in person", "interview.wav", "0:01", report.sha256, consent.hash,
                 "Verified: the 1 consent record(s) of this interview are unchanged",
                 "The first 0:04 of the recording (0:00 to 0:04)", "Generated by Furikaeri"):
        assert fact in page, fact
    # who, the wording and the note: as saved, Markdown's special characters escaped
    assert r'面接官 \<b\>田中\</b\> \& "Sons"' in page
    assert r"\<script\>alert(1)\</script\>" in page
    assert r"1 \< 2 \& 3 \> 2" in page
    asked = consent.asked_at.astimezone()
    assert f"{asked.day} {asked:%b} {asked.year}, {asked:%H:%M:%S}" in page


def test_the_sha256_is_the_files_and_a_missing_file_is_said(library):
    recording_id = real_recording(library)
    path = library.recordings.get(recording_id).path
    with path.open("ab") as handle:  # a file of several chunks
        handle.write(b"\x01" * (3 * 1024 * 1024 + 17))
    assert build_report(library, recording_id).sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    path.unlink()
    report = build_report(library, recording_id)
    assert not report.file_present and report.sha256 is None
    assert "The file is missing, so it could not be hashed." in to_markdown(report)
    assert "The file is missing" in to_html(report)


def test_a_tampered_consent_row_breaks_the_chain_in_the_report(library):
    recording_id = real_recording(library)
    consent_id = library.recordings.get(recording_id).consent_id
    tamper(library, consent_id)
    report = build_report(library, recording_id)
    assert not report.chain_ok
    page = to_markdown(report)
    assert "Broken: the consent records of this interview were changed or deleted outside Furikaeri." in page
    assert "Verified" not in page
    assert f"Consent record {consent_id}" in page and "someone else" in page  # the reason, from the check
    html_page = to_html(report)
    assert 'class="broken"' in html_page and "someone else" in html_page


def test_another_interviews_broken_chain_does_not_break_this_report(library):
    mine = practice_recording(library)
    other = real_recording(library)
    tamper(library, library.recordings.get(other).consent_id)
    assert build_report(library, mine).chain_ok


def test_practice_declined_and_imported_recordings_are_said_as_they_are(library):
    practice = to_markdown(build_report(library, practice_recording(library)))
    assert "This is the user's own practice" in practice and "Myself (practice)" in practice
    assert "The user (themselves)" in practice
    assert "None: the request was not restated on the recording." in practice

    imported = to_markdown(build_report(library, imported_recording(library, ConsentAnswer.AGREED)))
    assert "This recording was imported from a file recorded elsewhere." in imported
    assert "Furikaeri did not ask for it at the time" in imported
    assert "Imported from" in imported and "call.m4a" in imported and "Ms Smith" in imported

    declined = to_markdown(build_report(library, imported_recording(library, ConsentAnswer.DECLINED)))
    assert "the user stated that nobody gave permission to record" in declined
    assert "| **Answer** | Declined |" in declined


def test_no_such_recording(library):
    with pytest.raises(ReportError) as raised:
        build_report(library, 999)
    assert str(raised.value) == "There is no recording 999 in the library."


# -- HTML ---------------------------------------------------------------------------------------


def test_html_is_a_standalone_page_with_everything_escaped(library):
    page = to_html(build_report(library, real_recording(library)))
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page and "@media print" in page
    found = parsed(page)
    tags = {tag for tag, _attrs in found.tags}
    assert tags <= {"html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "table", "tr", "th", "td",
                    "ul", "li", "footer"}, tags  # no script, no b from a name, no img/link
    assert not any(name in ("src", "href") or (name or "").startswith("on")
                   for _tag, attrs in found.tags for name in attrs)
    assert "http" not in page and "url(" not in page  # nothing fetched
    text = "".join(found.text)
    for raw in (WHO, WORDING, NOTE, "株式会社<サンプル> & Co"):
        assert raw in text, raw  # shown exactly as typed
    assert "&lt;b&gt;田中&lt;/b&gt; &amp; &quot;Sons&quot;" in page


# -- languages --------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_report_in_both_languages(library, language):
    report = build_report(library, real_recording(library))
    translate = cli_translate(language)
    page = to_html(report, translate, language)
    if language == "ja":
        assert '<html lang="ja">' in page and "<title>録音同意の報告書</title>" in page
        assert "録音を始める前に録音の許可を求め、許可を得ました。" in page and "検証済み" in page
        assert "確認に使った言葉" in page and "対面" in page  # the method, as the app names it
        weekday = "月火水木金土日"[report.consent.asked_at.astimezone().weekday()]
        assert f"({weekday})" in page
        assert "Consent report" not in page and "Verified" not in page
    else:
        assert "<title>Consent report</title>" in page and "Verified" in page and "録音同意" not in page
    assert report.sha256 in page


# -- files ------------------------------------------------------------------------------------------


def test_names_formats_and_targets():
    when = datetime(2026, 12, 3, 5, 0, tzinfo=UTC)
    day = when.astimezone().strftime("%Y-%m-%d")
    assert suggested_name("青葉 精機/東京", when, "html") == f"consent-青葉_精機_東京-{day}.html"
    assert format_of("a.MD") == "md" and format_of("a.htm") == "html" and format_of("a.txt", None) is None
    assert report_target("/x/report.md", "html") == ("/x/report.md", "md")
    assert report_target("/x/report", "html") == ("/x/report.html", "html")


def test_written_atomically_and_never_over_the_recording(library, tmp_path):
    from core.fsutil import OutputRefused

    recording_id = real_recording(library)
    report = build_report(library, recording_id)
    target = tmp_path / "consent.md"
    target.write_text("old")
    write_report(report, target, "md")
    assert target.read_text("utf-8").startswith("# Consent report")
    assert [p.name for p in tmp_path.iterdir()] == ["consent.md"]  # no temporary file left
    audio = library.recordings.get(recording_id).path
    before = audio.read_bytes()
    with pytest.raises(OutputRefused):
        write_report(report, audio, "html")
    assert audio.read_bytes() == before


# -- the command ------------------------------------------------------------------------------------


def _prepared(make=real_recording) -> tuple[int, Path]:
    with Library.open() as library:
        recording_id = make(library)
        return recording_id, library.recordings.get(recording_id).path


def test_cli_writes_html_by_the_extension_and_prints_the_path(tmp_path, capsys):
    recording_id, audio = _prepared()
    target = tmp_path / "out" / "consent.html"
    target.parent.mkdir()
    assert cli.main(["consent-report", str(recording_id), "-o", str(target), "--language", "en"]) == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == f"Consent report written to {target}" and captured.err == ""
    page = target.read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>") and hashlib.sha256(audio.read_bytes()).hexdigest() in page
    assert oct(target.stat().st_mode & 0o777) == "0o600"


def test_cli_markdown_by_format_in_japanese(tmp_path, capsys):
    recording_id, _audio = _prepared(practice_recording)
    target = tmp_path / "report.txt"
    assert cli.main(["consent-report", str(recording_id), "-o", str(target), "--format", "md", "--language", "ja"],
                    translator_for=cli_translate) == 0
    text = target.read_text("utf-8")
    assert text.startswith("# 録音同意の報告書") and "利用者自身の練習" in text


@pytest.mark.parametrize(("args", "status", "said"), [
    (["999", "-o", "{dir}/r.html"], 4, "There is no recording 999 in the library."),
    (["x", "-o", "{dir}/r.html"], 2, "“x” cannot be an id"),
    (["{id}", "-o", "{dir}/r.txt"], 2, "Choose a format with --format: md or html."),
    (["{id}", "-o", "{dir}", "--format", "html"], 2, "is a folder"),
    (["{id}", "-o", "{dir}/missing/r.html"], 1, "r.html"),
    (["{id}", "-o", "{audio}", "--format", "html"], 2, ""),
])
def test_cli_refuses_bad_input_with_one_sentence(tmp_path, capsys, args, status, said):
    recording_id, audio = _prepared()
    before = audio.read_bytes()
    argv = [a.format(dir=tmp_path, id=recording_id, audio=audio) for a in args]
    assert cli.main(["consent-report", *argv]) == status
    captured = capsys.readouterr()
    assert said in captured.err and captured.err.count("\n") == 1 and "Traceback" not in captured.err
    assert captured.out == ""
    assert list(tmp_path.iterdir()) == [] or not any(p.suffix == ".html" for p in tmp_path.rglob("*"))
    assert audio.read_bytes() == before  # the recording itself is never written over


def test_main_py_consent_report(tmp_path):
    from tests.test_cli import run_cli

    recording_id, _audio = _prepared()
    result = run_cli("consent-report", str(recording_id), "-o", "report.md", "--language", "ja", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("report.md") and result.stderr == ""
    assert (tmp_path / "report.md").read_text("utf-8").startswith("# 録音同意の報告書")
    missing = run_cli("consent-report", "42", "-o", "x.html", tmp_path=tmp_path)
    assert missing.returncode == 4 and "Traceback" not in missing.stderr and not (tmp_path / "x.html").exists()
