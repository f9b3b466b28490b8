"""``main.py search``: hits with their place and highlighted text, JSON, filters, exit status."""

from __future__ import annotations

import io
import json
from datetime import datetime, timedelta, timezone

import pytest

from core import cli
from core.cli.output import Output
from core.cli.search_cmd import HIGHLIGHT_OFF, HIGHLIGHT_ON, format_ms, highlight
from core.consent import self_consent
from core.interviews import Interview, InterviewKind, Status
from core.library import Library
from core.messages import identity_translate
from core.search import SearchHit
from core.transcription.model import Segment, Transcript, TranscriptionSettings
from tests.test_cli import run_cli

JST = timezone(timedelta(hours=9))


@pytest.fixture
def library_with_content():
    with Library.open() as library:
        mock = library.interviews.add(Interview(company="株式会社サンプル", position="営業", kind=InterviewKind.MOCK,
                                                status=Status.DONE, starts_at=datetime(2026, 11, 2, 14, 0, tzinfo=JST)))
        consent = library.consent.add(self_consent(mock.id))
        recording = library.recordings.begin(consent, f"{mock.id}/take.wav", 48000, 1)
        library.transcripts.save(Transcript(
            source=recording.file, language="ja", duration_ms=80_000, settings=TranscriptionSettings(),
            segments=(Segment(0, 5000, "よろしくお願いします。"),
                      Segment(65_000, 71_000, "志望動機を教えてください。"),
                      Segment(71_000, 78_000, "What is your greatest weakness?")),
            recording_id=recording.id))
        library.notes.save(mock.id, "# メモ\n- 志望動機は結論から\n")
        other = library.interviews.add(Interview(company="Example Corp.", kind=InterviewKind.REAL,
                                                 status=Status.OFFER))
        library.notes.save(other.id, "Salary and 志望動機 questions")
        yield library, mock, other


def test_hits_show_interview_place_and_bracketed_match_when_piped(library_with_content, capsys):
    _, _mock, _other = library_with_content
    assert cli.main(["search", "志望動機"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 6
    assert "株式会社サンプル — 営業 (2026-11-02" in "\n".join(lines)
    pairs = {lines[i]: lines[i + 1] for i in range(0, len(lines), 2)}
    transcript = next(head for head in pairs if "transcript at 01:05" in head)
    assert pairs[transcript] == "    [志望動機]を教えてください。"
    note = next(head for head in pairs if "notes, line 2" in head and "サンプル" in head)
    assert pairs[note] == "    # メモ - [志望動機]は結論から"
    undated = next(head for head in pairs if head.startswith("Example Corp."))
    assert "date not fixed" in undated and "Real interview" in undated and "\x1b" not in "\n".join(lines)


def test_json_output(library_with_content, capsys):
    _, mock, _ = library_with_content
    assert cli.main(["search", "WEAKNESS", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data) == 1
    hit = data[0]
    assert hit["interview_id"] == mock.id and hit["source"] == "transcript" and hit["start_ms"] == 71_000
    assert hit["kind"] == "mock" and hit["status"] == "done" and hit["starts_at"].startswith("2026-11-02T05:00")
    start, end = hit["spans"][0]
    assert hit["snippet"][start:end] == "weakness"
    assert "rank" not in hit


def test_filters_narrow_the_hits(library_with_content, capsys):
    _, mock, other = library_with_content

    def ids(*options: str) -> set[int]:
        code = cli.main(["search", "志望動機", "--json", *options])
        data = json.loads(capsys.readouterr().out)
        assert code == (0 if data else 1)
        return {hit["interview_id"] for hit in data}

    assert ids() == {mock.id, other.id}
    assert ids("--kind", "real") == {other.id}
    assert ids("--status", "done") == {mock.id}
    assert ids("--company", "example") == {other.id}
    assert ids("--from", "2026-11-02", "--to", "2026-11-02") == {mock.id}
    assert ids("--from", "2026-11-03") == set()
    assert len(json.loads(capsys.readouterr().out or "[]")) == 0
    assert cli.main(["search", "志望動機", "--json", "--limit", "1"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 1


def test_nothing_found_exits_1_and_says_so(library_with_content, capsys):
    assert cli.main(["search", "存在しない言葉"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.strip() == "Nothing found for “存在しない言葉”."
    assert cli.main(["search", "存在しない言葉", "--json"]) == 1
    assert json.loads(capsys.readouterr().out) == []


@pytest.mark.parametrize("options, message", [
    (["--from", "2026-13-01"], "“2026-13-01” is not a date; write it as YYYY-MM-DD"),
    (["--to", "yesterday"], "“yesterday” is not a date"),
    (["--from", "2026-12-02", "--to", "2026-12-01"], "The --from day (2026-12-02) is after the --to day (2026-12-01)."),
    (["--limit", "0"], "--limit must be 1 or more."),
])
def test_bad_input_exits_2(library_with_content, capsys, options, message):
    assert cli.main(["search", "志望動機", *options]) == 2
    assert message in capsys.readouterr().err


def test_empty_query_exits_2(capsys):
    assert cli.main(["search", "  "]) == 2
    assert "Give a word or phrase to search for." in capsys.readouterr().err


def test_highlight_on_a_terminal_and_times():
    hit = SearchHit(interview_id=1, company="A", position="", kind=InterviewKind.MOCK, status=Status.DONE,
                    starts_at=None, source="transcript", snippet="team and Team", spans=((0, 4), (9, 13)))
    assert highlight(hit, terminal=True) == f"{HIGHLIGHT_ON}team{HIGHLIGHT_OFF} and {HIGHLIGHT_ON}Team{HIGHLIGHT_OFF}"
    assert highlight(hit, terminal=False) == "[team] and [Team]"
    assert [format_ms(ms) for ms in (0, 65_000, 3_725_500)] == ["00:00", "01:05", "1:02:05"]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_terminal_output_uses_reverse_bold(library_with_content):
    from core.cli.search_cmd import run

    stdout = _Terminal()
    out = Output(identity_translate, stdout, io.StringIO())
    args = cli.build_parser(out).parse_args(["search", "weakness"])
    assert run(args, out) == 0
    assert f"{HIGHLIGHT_ON}weakness{HIGHLIGHT_OFF}" in stdout.getvalue()


def test_a_real_process_in_japanese(tmp_path, library_with_content):
    result = run_cli("search", "志望動機 結論", tmp_path=tmp_path, env={"LANG": "ja_JP.UTF-8"})
    assert result.returncode == 0, result.stderr
    assert "[志望動機]は[結論]から" in result.stdout
    assert "メモ" in result.stdout and "2 行目" in result.stdout
    missing = run_cli("search", "ありえない語句", tmp_path=tmp_path, env={"LANG": "ja_JP.UTF-8"})
    assert missing.returncode == 1 and missing.stdout == "" and "見つかりません" in missing.stderr


def test_a_library_from_a_newer_version_is_refused_and_left_alone(capsys):
    import sqlite3

    from core import paths

    path = paths.database_path()
    paths.ensure_private_dir(path.parent)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    before = path.read_bytes()
    assert cli.main(["search", "志望動機"]) == 3
    assert "newer version of Furikaeri" in capsys.readouterr().err
    assert path.read_bytes() == before
