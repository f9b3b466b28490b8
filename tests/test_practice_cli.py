"""``main.py practice``: the bank and attempts from the command line, as a user runs it."""

from __future__ import annotations

from core.library import Library
from core.practice.run import PracticeRun
from core.practice.session import begin_practice
from tests.test_cli import run_cli


def test_list_add_and_history(tmp_path):
    listed = run_cli("practice", "questions", "--language", "en", "--category", "reverse", tmp_path=tmp_path)
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert lines and all(line.startswith("builtin:") and " reverse " in line for line in lines)
    assert any("Do you have any questions for us?" in line for line in lines)

    added = run_cli("practice", "add", "前職で苦労したことは？", "--category", "career_change", "--target", "75",
                    "--tag", "転職", tmp_path=tmp_path)
    assert added.returncode == 0, added.stderr
    key = added.stdout.split()[-1]
    assert key.startswith("user:")
    tagged = run_cli("practice", "questions", "--tag", "転職", tmp_path=tmp_path)
    assert tagged.returncode == 0 and key in tagged.stdout and "75s" in tagged.stdout

    refused = run_cli("practice", "add", "Why?", "--target", "3", tmp_path=tmp_path)
    assert refused.returncode == 1 and "between 10 and 600" in refused.stderr
    nothing = run_cli("practice", "questions", "--tag", "no such tag", tmp_path=tmp_path)
    assert nothing.returncode == 1 and "No question matches" in nothing.stderr

    empty = run_cli("practice", "history", key, tmp_path=tmp_path)
    assert empty.returncode == 0 and "No attempts" in empty.stdout
    with Library.open() as library:
        question = library.questions.get(key)
        start = begin_practice(library, "Practice")
        session = library.practice.create_session(start.interview.id, None, "ja")
        run = PracticeRun([question], "ja")
        run.start(1000)
        library.practice.add_answer(session.id, run.next(43500))
    history = run_cli("practice", "history", key, tmp_path=tmp_path)
    assert history.returncode == 0, history.stderr
    assert "42.5" in history.stdout.splitlines()[-1]
    unknown = run_cli("practice", "history", "builtin:nope", tmp_path=tmp_path)
    assert unknown.returncode == 1 and "builtin:nope" in unknown.stderr
