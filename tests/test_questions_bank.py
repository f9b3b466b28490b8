"""One click adds a question they asked to the bank (issue 14, item 5), on a real SQLite library; the JSON export
carries the questions of a transcript with speakers."""

from __future__ import annotations

import json

import pytest

from core.export import export_transcript, parse_json_export
from core.interviews import Interview, InterviewKind, NotFoundError
from core.library import Library
from core.ops import Changes
from core.ops.questions import add_asked_question
from core.practice.bank import QuestionError
from tests.test_questions import _seg, _transcript


@pytest.fixture
def library():
    with Library.open() as lib:
        yield lib


def _interview(library: Library, company: str = "Example Corp.", stage: str = "first") -> int:
    return library.interviews.add(Interview(company=company, kind=InterviewKind.REAL, stage=stage)).stored_id


def test_a_new_question_is_added_once_tagged_with_company_and_stage(library):
    interview = _interview(library, "株式会社サンプル", "second")
    result = add_asked_question(library, interview, "チームで意見が対立したときの経験を教えてください。")
    assert result.value.added and result.changes == Changes(questions=True)
    question = result.value.question
    assert question.key.startswith("user:")
    assert question.texts == {"ja": "チームで意見が対立したときの経験を教えてください。"}
    assert set(question.tags) == {"株式会社サンプル", "二次面接"} and question.source_interview_id == interview
    assert question.category == "behavioural" and question.target_s == 90

    # the same question again, in another width and punctuation, from another company's final interview
    other = _interview(library, "Other KK", "final")
    again = add_asked_question(library, other, "では、チームで意見が対立したときの経験をお聞かせください？")
    assert not again.value.added and again.value.question.key == question.key
    assert set(again.value.question.tags) == {"株式会社サンプル", "二次面接", "Other KK", "最終面接"}
    assert again.changes == Changes(questions=True)
    assert sum(1 for q in library.questions.all() if not q.builtin) == 1

    # nothing new to tag: recognised, nothing changed
    third = add_asked_question(library, other, "チームで意見が対立したときの経験を教えてください")
    assert not third.value.added and not third.changes


def test_a_built_in_question_is_recognised_in_either_language(library):
    interview = _interview(library, "Acme", "first")
    result = add_asked_question(library, interview, "So, could you tell us a little about yourself?")
    assert not result.value.added and result.value.question.key == "builtin:tell_me_about_yourself"
    assert set(library.questions.tags_of("builtin:tell_me_about_yourself")) == {"Acme", "First interview"}
    japanese = add_asked_question(library, interview, "御社を志望した理由をお聞かせください。")
    assert japanese.value.question.key == "builtin:motivation_company"
    assert not any(not q.builtin for q in library.questions.all())


def test_an_english_question_with_no_stage_and_a_custom_stage(library):
    plain = add_asked_question(library, _interview(library, "Acme", ""), "Walk me through your resume in two minutes.")
    assert plain.value.added and plain.value.question.tags == ("Acme",) and plain.value.question.target_s == 120
    custom = add_asked_question(library, _interview(library, "Acme", "カジュアル面談"), "それはなぜですか",
                                target_s=30)
    assert set(custom.value.question.tags) == {"Acme", "カジュアル面談"} and custom.value.question.target_s == 30


def test_bad_input_changes_nothing(library):
    with pytest.raises(QuestionError):
        add_asked_question(library, _interview(library), "  ")
    with pytest.raises(NotFoundError):
        add_asked_question(library, 999, "Why this company?")
    assert not any(not q.builtin for q in library.questions.all()) and library.questions.all_tags() == []


def test_json_export_lists_the_questions_of_a_transcript_with_speakers():
    transcript = _transcript(
        "en",
        _seg(1, 3, " Can you hear me okay?", "interviewer"),
        _seg(3.5, 4, " Yes.", "me"),
        _seg(5, 8, " Great. Tell me about yourself.", "interviewer"),
        _seg(9, 20, " I am a nurse with six years in a busy hospital ward.", "me"),
        _seg(21, 23, " Why this company?", "interviewer"),
        duration_s=30)
    data = json.loads(export_transcript(transcript, "json"))
    assert data["questions"] == [
        {"text": "Tell me about yourself.", "start_ms": 5600, "end_ms": 8000, "answer_start_ms": 9000,
         "answer_end_ms": 20000},
        {"text": "Why this company?", "start_ms": 21000, "end_ms": 23000, "answer_start_ms": None,
         "answer_end_ms": None}]
    assert parse_json_export(json.dumps(data)).transcript.segments == transcript.segments  # still reads back
    one_voice = _transcript("en", _seg(0, 3, " Tell me about yourself.", None))
    assert "questions" not in json.loads(export_transcript(one_voice, "json"))
