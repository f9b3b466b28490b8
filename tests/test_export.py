"""Transcript exports: plain text, SRT, WebVTT, Markdown, JSON; the privacy line; atomic private files."""

from __future__ import annotations

import errno
import json
import os
import re
import stat
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from core import fsutil
from core.export import (
    FORMATS,
    PRIVACY_NOTICE,
    ExportError,
    clock,
    export_transcript,
    parse_json_export,
    subtitle_time,
)
from core.messages import FurikaeriError, Message
from core.recording.store import Marker
from core.transcription.model import Segment, SegmentFlag, Transcript, TranscriptionSettings, Word

JST = timezone(timedelta(hours=9))
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def sample_transcript() -> Transcript:
    """Japanese and English, a correction, a deletion, words, odd timings and awkward text."""
    segments = (
        Segment(0, 2500, "こんにちは、本日はよろしくお願いいたします。", avg_logprob=-0.21, no_speech_prob=0.01,
                words=(Word(0, 1200, "こんにちは、", 0.97), Word(1200, 2500, "本日はよろしくお願いいたします。", 0.88)),
                id=11),
        Segment(2500, 6000, " Tell me about yourself.", avg_logprob=-0.3, no_speech_prob=0.02,
                words=(Word(2500, 2800, " Tell", 0.99), Word(2800, 3000, " me", 0.98),
                       Word(3000, 3400, " about", 0.97), Word(3400, 6000, " yourself.", 0.95)),
                corrected_text="Tell me about yourself, please.", id=12),
        Segment(10_000, 10_000, "はい", id=13),  # zero length
        Segment(12_000, 11_000, "OK", id=14),  # negative length
        Segment(20_000, 24_000, "first line\n\n\n  A --> B <b> & co  \n", id=15),  # blank lines, arrow, markup
        Segment(25_000, 26_000, "uh", corrected_text="", id=16),  # deleted by the user
        Segment(3_725_500, 3_729_000, "最後に何か質問はありますか？", avg_logprob=-0.4, no_speech_prob=0.05, id=17),
        Segment(3_730_000, 3_731_000, " Thanks for watching!", avg_logprob=-1.3, no_speech_prob=0.91,
                flags=frozenset({SegmentFlag.SILENCE, SegmentFlag.STOCK_PHRASE}), id=18),
    )
    return Transcript(
        source="3/2026-12-03 14-00-00.wav", language="ja", duration_ms=3_732_000,
        settings=TranscriptionSettings(model="base", language=None, initial_prompt="面接"),
        segments=segments, recording_id=7, created_at=datetime(2026, 12, 3, 16, 5, tzinfo=JST),
        problem=Message("Transcription", "The decoder gave up after {seconds} s of noise.", {"seconds": 12}),
        id=42, extra={"device": "cpu", "compute_type": "int8", "seconds": 81.5})


MARKERS = (Marker(3_726_000, "逆質問", 2), Marker(4_000, "self-introduction *good*", 1), Marker(15_000, "", 3))
NOTES = "# 振り返り\n\n- 自己紹介は **短く**\n- Next: thank-you mail\n"

# What each spoken segment becomes in a subtitle cue: (start, end, text).
EXPECTED_CUES = [
    (0, 2500, "こんにちは、本日はよろしくお願いいたします。"),
    (2500, 6000, "Tell me about yourself, please."),
    (10_000, 11_000, "はい"),  # zero length: MIN_CUE_MS
    (12_000, 13_000, "OK"),  # negative length: MIN_CUE_MS
    (20_000, 24_000, "first line\nA --> B <b> & co"),
    (3_725_500, 3_729_000, "最後に何か質問はありますか？"),
    (3_730_000, 3_731_000, "Thanks for watching!"),
]

SRT_TIME = re.compile(r"^(\d{2,}):(\d{2}):(\d{2}),(\d{3}) --> (\d{2,}):(\d{2}):(\d{2}),(\d{3})$")
VTT_TIME = re.compile(r"^(\d{2,}):(\d{2}):(\d{2})\.(\d{3}) --> (\d{2,}):(\d{2}):(\d{2})\.(\d{3})$")


def _ms(h: str, m: str, s: str, ms: str) -> int:
    return ((int(h) * 60 + int(m)) * 60 + int(s)) * 1000 + int(ms)


def parse_srt(text: str) -> list[tuple[int, int, int, str]]:
    """(number, start, end, text) of each cue; strict: every block must be a well-formed cue."""
    cues = []
    for block in text.strip("\n").split("\n\n"):
        lines = block.split("\n")
        assert len(lines) >= 3, f"malformed cue {block!r}"
        timing = SRT_TIME.match(lines[1])
        assert lines[0].isdigit() and timing, f"malformed cue {block!r}"
        assert all(line.strip() and "-->" not in line for line in lines[2:]), f"bad cue text {block!r}"
        cues.append((int(lines[0]), _ms(*timing.groups()[:4]), _ms(*timing.groups()[4:]), "\n".join(lines[2:])))
    return cues


def parse_vtt(text: str) -> tuple[list[str], list[tuple[int, int, str]]]:
    """(notes, cues) of a WebVTT file; cue text unescaped."""
    blocks = text.strip("\n").split("\n\n")
    assert blocks[0] == "WEBVTT"
    notes, cues = [], []
    for block in blocks[1:]:
        if block.startswith("NOTE"):
            notes.append(block.removeprefix("NOTE").strip())
            continue
        lines = block.split("\n")
        timing = VTT_TIME.match(lines[0])
        assert timing, f"malformed cue {block!r}"
        assert all(line.strip() and "-->" not in line and "<" not in line for line in lines[1:]), block
        body = "\n".join(lines[1:]).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
        cues.append((_ms(*timing.groups()[:4]), _ms(*timing.groups()[4:]), body))
    return notes, cues


# -- time formats ---------------------------------------------------------------


def test_subtitle_times_are_exact():
    assert subtitle_time(3_725_500) == "01:02:05,500"
    assert subtitle_time(3_725_500, ".") == "01:02:05.500"
    assert subtitle_time(0) == "00:00:00,000"
    assert subtitle_time(59_999) == "00:00:59,999"
    assert subtitle_time(-40) == "00:00:00,000"
    assert subtitle_time(360_000_001) == "100:00:00,001"


def test_clock_shows_hours_only_past_an_hour():
    assert clock(5_400) == "00:05"
    assert clock(3_599_999) == "59:59"
    assert clock(3_600_000) == "1:00:00"
    assert clock(3_725_500) == "1:02:05"
    assert clock(-1) == "00:00"


# -- formats -----------------------------------------------------------------------


def test_srt_cues_numbered_timed_and_readable_back():
    text = export_transcript(sample_transcript(), "srt")
    cues = parse_srt(text)
    assert [c[0] for c in cues] == list(range(1, len(EXPECTED_CUES) + 1))
    assert [(start, end, body.replace("→", "-->")) for _, start, end, body in cues] == EXPECTED_CUES
    assert "01:02:05,500 --> 01:02:09,000\n最後に何か質問はありますか？\n" in text
    assert "A → B <b> & co" in text  # the arrow cannot stay: it would read as a timing line
    assert "uh" not in text.split() and "Tell me about yourself." not in text  # deleted; corrected
    assert not any(notice in text for notice in PRIVACY_NOTICE.values())  # SRT has no place for it
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_vtt_has_header_notice_and_escaped_cues():
    text = export_transcript(sample_transcript(), "vtt", language="ja")
    assert text.startswith("WEBVTT\n\nNOTE " + PRIVACY_NOTICE["ja"] + "\n\n")
    notes, cues = parse_vtt(text)
    assert notes == [PRIVACY_NOTICE["ja"]]
    assert cues == EXPECTED_CUES
    assert "A --&gt; B &lt;b&gt; &amp; co" in text
    assert "01:02:05.500 --> 01:02:09.000" in text
    assert parse_vtt(export_transcript(sample_transcript(), "vtt", privacy_notice=False))[0] == []


def test_zero_length_cue_stops_at_the_next_cue():
    transcript = Transcript("a.wav", "en", 5000, TranscriptionSettings(), segments=(
        Segment(1000, 1000, "Yes."), Segment(1300, 2000, "Go on."), Segment(2000, 2000, "And"),
        Segment(2000, 2500, "then")))
    cues = parse_srt(export_transcript(transcript, "srt"))
    assert [(start, end) for _, start, end, _ in cues] == [(1000, 1300), (1300, 2000), (2000, 3000), (2000, 2500)]


def test_cues_follow_time_order():
    transcript = Transcript("a.wav", "en", 5000, TranscriptionSettings(), segments=(
        Segment(3000, 4000, "second"), Segment(1000, 2000, "first")))
    assert [c[3] for c in parse_srt(export_transcript(transcript, "srt"))] == ["first", "second"]
    assert [c[2] for c in parse_vtt(export_transcript(transcript, "vtt"))[1]] == ["first", "second"]


def test_txt_one_segment_per_line_with_optional_times():
    plain = export_transcript(sample_transcript(), "txt")
    lines = plain.splitlines()
    assert lines[:2] == [PRIVACY_NOTICE["en"], ""]
    assert lines[2:] == ["こんにちは、本日はよろしくお願いいたします。", "Tell me about yourself, please.", "はい",
                         "OK", "first line A --> B <b> & co", "最後に何か質問はありますか？", "Thanks for watching!"]
    timed = export_transcript(sample_transcript(), "txt", times=True, privacy_notice=False).splitlines()
    assert timed[0] == "[00:00] こんにちは、本日はよろしくお願いいたします。"
    assert timed[1] == "[00:02] Tell me about yourself, please."
    assert timed[5] == "[1:02:05] 最後に何か質問はありますか？"


def test_markdown_has_title_metadata_times_markers_and_notes():
    text = export_transcript(sample_transcript(), "md", title="株式会社サンプル 一次面接", notes=NOTES, markers=MARKERS)
    lines = text.splitlines()
    assert lines[0] == "> " + PRIVACY_NOTICE["en"]
    assert "# 株式会社サンプル 一次面接" in lines
    assert "- Language: Japanese" in lines and "- Duration: 1:02:12" in lines and "- Model: base" in lines
    assert "- Transcribed: 2026-12-03 16:05+09:00" in lines
    assert "- Note: The decoder gave up after 12 s of noise." in lines
    assert "[00:02] Tell me about yourself, please." in lines
    assert "[1:02:05] 最後に何か質問はありますか？" in lines
    assert "[00:20] first line A --\\> B \\<b\\> & co" in lines  # markup in speech stays literal text
    markers = lines[lines.index("## Markers") + 2:lines.index("## Notes") - 1]
    assert markers == ["- [00:04] self-introduction \\*good\\*", "- [00:15] (no label)", "- [1:02:06] 逆質問"]
    assert text.endswith("## Notes\n\n" + NOTES)  # the user's Markdown as given
    assert lines.index("## Transcript") < lines.index("## Markers") < lines.index("## Notes")


def test_markdown_in_japanese_and_without_extras():
    text = export_transcript(sample_transcript(), "md", language="ja", privacy_notice=False)
    assert text.startswith("# 面接の文字起こし\n")
    assert "- 言語：日本語" in text and "## 文字起こし" in text
    assert "## マーカー" not in text and "## メモ" not in text


def test_the_consent_clip_marker_reads_in_the_exports_language():
    from core.recording.store import CONSENT_CLIP_LABEL

    markers = (Marker(0, CONSENT_CLIP_LABEL, 1),)
    japanese = export_transcript(sample_transcript(), "md", language="ja", markers=markers)
    assert "- [00:00] 同意の録音：録音の許可を求め、得た部分" in japanese and "consent" not in japanese
    english = export_transcript(sample_transcript(), "md", language="en", markers=markers)
    assert "- [00:00] Consent clip: permission asked and given" in english


def test_json_keeps_everything_and_reads_back():
    transcript = sample_transcript()
    text = export_transcript(transcript, "json", title="模擬面接", notes=NOTES, markers=MARKERS, language="ja")
    data = json.loads(text)
    assert list(data) == ["notice", "format", "title", "transcript", "speakers", "segments", "markers", "notes"]
    assert data["notice"] == PRIVACY_NOTICE["ja"] and data["format"] == 1
    assert "最後に何か質問はありますか？" in text  # not \u escapes
    assert data["transcript"]["problem"] == "The decoder gave up after 12 s of noise."
    assert data["transcript"]["settings"] == {"model": "base", "language": None, "vad": True,
                                              "word_timestamps": True, "beam_size": 5, "initial_prompt": "面接",
                                              "hotwords": None}
    second = data["segments"][1]
    assert second["text"] == " Tell me about yourself."
    assert second["corrected_text"] == "Tell me about yourself, please."
    assert data["segments"][7]["flags"] == ["silence", "stock_phrase"]
    assert data["segments"][5]["corrected_text"] == ""  # JSON keeps even what the user deleted
    assert [m["at_ms"] for m in data["markers"]] == [4_000, 15_000, 3_726_000]
    back = parse_json_export(text)
    assert back.transcript == transcript and back.transcript.extra == transcript.extra
    assert back.transcript.segments == transcript.segments  # words, flags, probabilities, ids
    assert back.markers == tuple(sorted(MARKERS, key=lambda m: m.at_ms))
    assert (back.title, back.notes, back.notice) == ("模擬面接", NOTES, PRIVACY_NOTICE["ja"])
    assert export_transcript(transcript, "json", title="模擬面接", notes=NOTES, markers=MARKERS,
                             language="ja") == text  # stable


def test_json_is_valid_even_with_nan_and_without_notice():
    transcript = Transcript("a.wav", "en", 1000, TranscriptionSettings(), segments=(
        Segment(0, 1000, "Hi.", avg_logprob=float("nan"), no_speech_prob=float("inf")),),
        extra={"rtf": float("nan")})
    text = export_transcript(transcript, "json", privacy_notice=False)
    data = json.loads(text)  # strict JSON: NaN would not parse in most readers
    assert "NaN" not in text and "Infinity" not in text
    assert "notice" not in data and next(iter(data)) == "format"
    assert data["segments"][0]["avg_logprob"] is None and data["transcript"]["extra"] == {"rtf": None}


def test_privacy_notice_in_both_languages_first_thing_everywhere():
    assert set(PRIVACY_NOTICE) == {"en", "ja"}
    assert JAPANESE.search(PRIVACY_NOTICE["ja"]) and not JAPANESE.search(PRIVACY_NOTICE["en"])
    assert all("\n" not in notice and "-->" not in notice for notice in PRIVACY_NOTICE.values())
    for language in ("en", "ja"):
        notice = PRIVACY_NOTICE[language]
        assert export_transcript(sample_transcript(), "txt", language=language).splitlines()[0] == notice
        assert export_transcript(sample_transcript(), "md", language=language).splitlines()[0] == "> " + notice
        assert export_transcript(sample_transcript(), "vtt", language=language).splitlines()[2] == "NOTE " + notice
        assert json.loads(export_transcript(sample_transcript(), "json", language=language))["notice"] == notice
    assert export_transcript(sample_transcript(), "txt", language="fr").splitlines()[0] == PRIVACY_NOTICE["en"]
    for fmt in FORMATS:
        text = export_transcript(sample_transcript(), fmt, privacy_notice=False)
        assert not any(notice in text for notice in PRIVACY_NOTICE.values()), fmt


def test_unknown_format():
    with pytest.raises(ValueError, match="docx"):
        export_transcript(sample_transcript(), "docx")


def test_empty_transcript_exports_cleanly():
    empty = Transcript("a.wav", "en", 0, TranscriptionSettings())
    assert export_transcript(empty, "srt") == ""
    assert parse_vtt(export_transcript(empty, "vtt"))[1] == []
    assert export_transcript(empty, "txt", privacy_notice=False) == "\n"
    assert parse_json_export(export_transcript(empty, "json")).transcript == empty


# -- writing -------------------------------------------------------------------------


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("name", [
    "interview.srt",
    "my interview (final) .vtt",
    "株式会社サンプル 最終面接 2026年12月3日.md",
    "面" * 80 + ".txt",  # 244 bytes: the name fits, a temporary name built from it would not
    "x" * 250 + ".json",  # 255 bytes: the longest name there is
])
def test_writes_private_file_atomically_with_odd_names(tmp_path, name):
    fmt = name.rsplit(".", 1)[1]
    target = tmp_path / name
    text = export_transcript(sample_transcript(), fmt, target, title="面接", markers=MARKERS)
    assert target.read_text("utf-8") == text
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert _leftovers(tmp_path) == [name]


def test_overwriting_makes_the_file_private(tmp_path):
    target = tmp_path / "old.txt"
    target.write_text("old")
    target.chmod(0o644)
    export_transcript(sample_transcript(), "txt", target)
    assert target.read_text("utf-8").startswith(PRIVACY_NOTICE["en"])
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_missing_folder_is_a_clear_error(tmp_path):
    target = tmp_path / "no such folder" / "out.txt"
    with pytest.raises(ExportError) as caught:
        export_transcript(sample_transcript(), "txt", target)
    message = caught.value.message
    assert isinstance(caught.value, FurikaeriError)
    assert message.context == "Output" and message.params["path"] == str(target)
    assert str(target) in str(message) and "No such file" in str(message)
    assert _leftovers(tmp_path) == []


def test_a_folder_in_the_way_is_left_alone(tmp_path):
    target = tmp_path / "out.md"
    target.mkdir()
    (target / "keep").write_text("x")
    with pytest.raises(ExportError):
        export_transcript(sample_transcript(), "md", target)
    assert _leftovers(tmp_path) == ["out.md"] and _leftovers(target) == ["keep"]


def test_failure_while_writing_keeps_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "out.vtt"
    target.write_text("previous export")

    def disk_full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(fsutil.os, "fsync", disk_full)
    with pytest.raises(ExportError) as caught:
        export_transcript(sample_transcript(), "vtt", target)
    assert "No space left" in str(caught.value.message)
    assert target.read_text() == "previous export"
    assert _leftovers(tmp_path) == ["out.vtt"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into read-only folders")
def test_read_only_folder(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ExportError):
            export_transcript(sample_transcript(), "txt", folder / "out.txt")
        assert _leftovers(folder) == []
    finally:
        folder.chmod(0o700)



def test_folder_refusing_new_files(tmp_path, monkeypatch):
    """What a read-only folder does (simulated: the tests may run as root, who can write anyway)."""
    target = tmp_path / "out.json"

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(fsutil.tempfile, "mkstemp", refuse)
    with pytest.raises(ExportError) as caught:
        export_transcript(sample_transcript(), "json", target)
    assert "Permission denied" in str(caught.value.message)
    assert _leftovers(tmp_path) == []


def test_a_typed_extension_decides_the_format():
    from core.export import export_target, format_of

    assert format_of("/tmp/acme.SRT") == "srt" and format_of("/tmp/v1.2/acme") == "txt"
    assert format_of("notes.wav", None) is None
    assert export_target("/tmp/acme.srt", "txt") == ("/tmp/acme.srt", "srt")  # not acme.srt.txt as text
    assert export_target("/tmp/acme", "md") == ("/tmp/acme.md", "md")
    assert export_target("/tmp/acme.v2", "vtt") == ("/tmp/acme.v2.vtt", "vtt")


def test_an_export_is_named_after_the_company_and_the_day():
    from core.export import suggested_name

    when = datetime(2026, 12, 3, 14, 0, tzinfo=timezone(timedelta(hours=9)))
    day = when.astimezone().strftime("%Y-%m-%d")  # the day where the user is
    assert suggested_name("青葉精機", when, "md") == f"青葉精機_{day}.md"
    assert suggested_name('A/B: "C"?', when, "srt") == f"A_B_ _C_{day}.srt"
    assert suggested_name("  ", when, "txt") == f"{day}.txt"
