"""The questions they asked and my answers from the command line (issue 14, items 5-7): a real two-track online
interview (tests/dialogue.py, synthetic voices with known turns) through the real speech model, in subprocesses."""

from __future__ import annotations

import json

import pytest

from tests.dialogue import TURNS, make_dialogue
from tests.question_script import letters
from tests.test_cli import run_cli

pytestmark = pytest.mark.slow


def _questions_asked(language: str) -> list[str]:
    return [text for speaker, text in TURNS[language] if speaker == "interviewer"]


def test_analyze_json_of_an_english_online_interview(tmp_path, built_base_model):
    dialogue = make_dialogue(tmp_path, "en")
    result = run_cli("analyze", str(dialogue.mic), "--model", str(built_base_model), "--json", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data["questions"]) == 2, json.dumps(data, ensure_ascii=False)
    first, second = data["questions"]
    assert "tell me a little about yourself" in first["text"].lower()
    assert not first["text"].lower().startswith("thank you")  # the greeting before it is not the question
    assert "work for our company" in second["text"] and second["bank_key"] == "builtin:motivation_company"
    assert second["target_s"] == 75
    for question in (first, second):
        assert question["start_ms"] < question["answer_start_ms"] < question["answer_end_ms"]
        metrics = question["metrics"]
        assert metrics["language"] == "en" and 12 <= metrics["words"] <= 20  # my answer's words, not theirs
        assert metrics["first_word_delay_s"] is not None and metrics["first_word_delay_s"] < 2.5
        assert metrics["pace"] is not None
    assert first["answer_end_ms"] < second["start_ms"]
    talk = data["talk_time"]
    assert talk["me_s"] > 5 and talk["interviewer_s"] > 3
    assert talk["me_share"] + talk["interviewer_share"] == pytest.approx(1, abs=0.002)


def test_analyze_report_of_a_japanese_online_interview(tmp_path, built_base_model):
    dialogue = make_dialogue(tmp_path, "ja")
    result = run_cli("analyze", str(dialogue.mic), "--model", str(built_base_model), "--language", "ja",
                     tmp_path=tmp_path, env={"LANGUAGE": "en", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"})
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("Questions they asked, and your answers (Japanese)\nTalk time: you ")
    numbered = [line for line in out.splitlines() if line[:3] in ("1. ", "2. ", "3. ")]
    assert len(numbered) == 2, out
    assert "自己紹介をお願いします" in numbered[0] and "理由を教えてください" in numbered[1]  # 志望 may be heard 指望
    assert out.count("Your answer: ") == 2 and out.count("Pace in morae") >= 2
    assert "What the numbers mean:" in out and "Only your own words are measured." in out


def test_transcribe_json_lists_the_questions_and_the_answers_spans(tmp_path, built_base_model):
    dialogue = make_dialogue(tmp_path, "en")
    result = run_cli("transcribe", str(dialogue.mic), "--model", str(built_base_model), "--format", "json",
                     "--language", "en", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    questions = data["questions"]
    assert len(questions) == 2
    for question, asked in zip(questions, _questions_asked("en"), strict=True):
        assert letters(question["text"]) in letters(asked)
        assert set(question) == {"text", "start_ms", "end_ms", "answer_start_ms", "answer_end_ms"}
    mine = [s for s in data["segments"] if s["speaker"] == "me"]
    assert questions[0]["answer_start_ms"] == mine[0]["start_ms"]
    assert questions[1]["answer_end_ms"] == mine[-1]["end_ms"]
