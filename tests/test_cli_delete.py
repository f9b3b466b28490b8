"""``main.py delete``: says what goes, asks y/N (or --yes), refuses without a terminal, exit statuses."""

from __future__ import annotations

import io

import pytest

from core import cli
from core.consent import ConsentKind
from core.consent.verify import check_consent
from core.interviews import InterviewKind
from core.library import Library
from tests.test_cli import run_cli
from tests.test_deletion import KEPT, SECRET, _interview, _notes_with_history, _recording_with_transcript, files_holding


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class _Pipe(io.StringIO):
    def isatty(self) -> bool:
        return False


@pytest.fixture
def content(tmp_path):
    """A real interview with two recordings (the first holds SECRET) and notes; the library closed again."""
    with Library.open() as library:
        interview = _interview(library, "Acme")
        gone = _recording_with_transcript(library, interview, SECRET, tmp_path, "gone")
        kept = _recording_with_transcript(library, interview, KEPT, tmp_path, "kept")
        _notes_with_history(library, interview, KEPT)
    return interview, gone, kept


def test_a_recording_goes_after_yes_and_says_what_went(content, monkeypatch, capsys, furikaeri_home):
    interview, gone, kept = content
    monkeypatch.setattr("sys.stdin", _Terminal("y\n"))
    assert files_holding(furikaeri_home)
    assert cli.main(["delete", "--recording", str(gone.id)]) == 0
    out = capsys.readouterr().out
    assert "This will be deleted for good:" in out and f"Recording no. {gone.id}" in out
    assert "1 transcript(s)" in out and "[y/N]" in out and f"Deleted recording no. {gone.id}." in out
    assert files_holding(furikaeri_home) == [] and not gone.path.exists() and kept.path.exists()
    with Library.open() as library:
        assert library.consent.chain(interview)[-1].kind is ConsentKind.DELETION
        assert check_consent(library).ok


@pytest.mark.parametrize("answer", ["\n", "n\n", "no\n", ""])
def test_anything_but_yes_deletes_nothing(content, monkeypatch, capsys, answer):
    _, gone, _ = content
    monkeypatch.setattr("sys.stdin", _Terminal(answer))
    assert cli.main(["delete", "--recording", str(gone.id)]) == 1
    assert "Nothing was deleted." in capsys.readouterr().out
    assert gone.path.exists()


def test_without_a_terminal_and_without_yes_nothing_is_deleted(content, monkeypatch, capsys):
    interview, gone, _ = content
    monkeypatch.setattr("sys.stdin", _Pipe("y\n"))
    assert cli.main(["delete", "--interview", str(interview)]) == 2
    captured = capsys.readouterr()
    assert "no terminal to ask for confirmation on" in captured.err and "--yes" in captured.err
    assert "Traceback" not in captured.err and gone.path.exists()
    assert captured.err.count("\n") == 1  # one sentence


def test_withdrawn_with_yes_keeps_the_notes_and_records_the_withdrawal(content, monkeypatch, capsys,
                                                                       furikaeri_home):
    interview, gone, kept = content
    monkeypatch.setattr("sys.stdin", _Pipe(""))
    assert cli.main(["delete", "--interview", str(interview), "--withdrawn", "--yes"]) == 0
    out = capsys.readouterr().out
    assert "Your notes are kept." in out and "Deleted 2 recording(s)" in out
    assert not gone.path.exists() and not kept.path.exists() and files_holding(furikaeri_home) == []
    with Library.open() as library:
        assert library.notes.get(interview).endswith(KEPT)
        assert library.consent.chain(interview)[-1].kind is ConsentKind.WITHDRAWN
        assert check_consent(library).ok


def test_withdrawn_with_notes_takes_them(content, capsys):
    interview, _, _ = content
    assert cli.main(["delete", "--interview", str(interview), "--withdrawn", "--with-notes", "--yes"]) == 0
    assert "The notes and their 2 earlier version(s)" in capsys.readouterr().out
    with Library.open() as library:
        assert library.notes.get(interview) == "" and library.notes.revisions(interview) == []


def test_a_whole_interview_goes(content, capsys, furikaeri_home):
    interview, gone, _ = content
    assert cli.main(["delete", "--interview", str(interview), "--yes"]) == 0
    out = capsys.readouterr().out
    assert "The interview with Acme" in out and f"Deleted interview no. {interview}" in out
    assert files_holding(furikaeri_home) == [] and files_holding(furikaeri_home, KEPT.encode()) == []
    assert not gone.path.parent.exists()
    with Library.open() as library:
        assert library.interviews.count() == 0 and check_consent(library).ok


@pytest.mark.parametrize(("argv", "status", "sentence"), [
    (["--recording", "999", "--yes"], 4, "Recording 999 does not exist."),
    (["--interview", "999", "--yes"], 4, "Interview 999 no longer exists."),
    (["--recording", "abc"], 2, "cannot be an id"),
    (["--recording", "1", "--withdrawn"], 2, "--withdrawn goes with --interview"),
    (["--interview", "1", "--with-notes"], 2, "--with-notes goes with --withdrawn"),
])
def test_bad_input_is_one_sentence(content, capsys, argv, status, sentence):
    assert cli.main(["delete", *argv]) == status
    err = capsys.readouterr().err
    assert sentence in err and "Traceback" not in err


def test_a_practice_interview_has_no_permission_to_withdraw(capsys):
    with Library.open() as library:
        mock = _interview(library, kind=InterviewKind.MOCK)
    assert cli.main(["delete", "--interview", str(mock), "--withdrawn", "--yes"]) == 1
    assert "practice interview" in capsys.readouterr().err


def test_a_real_process_with_stdin_not_a_terminal_refuses(content, tmp_path):
    _, gone, _ = content
    result = run_cli("delete", "--recording", str(gone.id), tmp_path=tmp_path, stdin_text="y\n")  # a pipe
    assert result.returncode == 2 and "--yes" in result.stderr and "Traceback" not in result.stderr
    assert gone.path.exists()
    result = run_cli("delete", "--recording", str(gone.id), "--yes", tmp_path=tmp_path, stdin_text="")
    assert result.returncode == 0, result.stderr
    assert not gone.path.exists()
