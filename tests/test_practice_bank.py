"""The question bank: built-in questions, the user's own, tags, saved lists, questions noted in interviews."""

from __future__ import annotations

import random

import pytest

from core.interviews import Interview, InterviewKind
from core.library import Library
from core.practice.bank import QuestionError, builtin_questions, categories
from core.practice.selection import Selection, SelectionMode, select_questions

REQUIRED_CATEGORIES = {"self_intro", "self_pr", "motivation", "gakuchika", "strengths", "career_change", "reverse",
                       "behavioural"}


def test_builtin_bank_is_complete_and_bilingual():
    questions = builtin_questions()
    assert len(questions) >= 40
    assert len({q.key for q in questions}) == len(questions)  # stable, unique ids
    known = {c.id for c in categories()}
    assert {q.category for q in questions} >= REQUIRED_CATEGORIES
    for category in categories():
        assert category.name("ja") and category.name("en") and category.name("ja") != category.name("en")
    for q in questions:
        assert q.key.startswith("builtin:")
        assert q.texts.get("ja", "").strip() and q.texts.get("en", "").strip(), q.key
        assert any("\u3040" <= ch <= "\u9fff" for ch in q.texts["ja"]), q.key
        assert q.texts["en"].isascii(), q.key
        assert q.category in known, q.key
        assert 20 <= q.target_s <= 180, q.key
        assert q.tip("ja") and q.tip("en"), q.key
    assert any(q.star for q in questions if q.category == "behavioural")
    by_key = {q.key: q for q in questions}
    assert by_key["builtin:self_intro_1min"].target_s == 60  # 自己紹介: about one minute
    assert 60 <= by_key["builtin:tell_me_about_yourself"].target_s <= 90


def test_user_questions_add_edit_tag_delete():
    with Library.open() as lib:
        before = len(lib.questions.all())
        question = lib.questions.add({"ja": "  当社の  課題は何だと思いますか。 "}, "motivation", 75,
                                     tips="業界研究から", tags=("難問", " 最終面接 "))
        assert question.key.startswith("user:") and not question.builtin
        assert question.text("ja") == "当社の 課題は何だと思いますか。"
        assert question.text("en") == question.text("ja")  # falls back to the language it was written in
        assert question.tags == ("最終面接", "難問")
        assert len(lib.questions.all()) == before + 1
        edited = lib.questions.update(
            type(question)(key=question.key, texts={"ja": question.text("ja"), "en": "What is our biggest challenge?"},
                           category="other", target_s=90, star=True))
        assert edited.texts["en"] == "What is our biggest challenge?" and edited.target_s == 90 and edited.star
        assert lib.questions.set_tags("builtin:weaknesses", ["苦手", "苦手", ""]) == ("苦手",)
        assert lib.questions.get("builtin:weaknesses").tags == ("苦手",)
        assert "苦手" in lib.questions.all_tags()
        lib.questions.delete(question.key)
        assert lib.questions.get(question.key) is None
        assert len(lib.questions.all()) == before


def test_bad_questions_are_refused_with_a_reason():
    with Library.open() as lib:
        with pytest.raises(QuestionError, match="Japanese or English"):
            lib.questions.add({"ja": "   ", "en": ""})
        with pytest.raises(QuestionError, match="between 10 and 600"):
            lib.questions.add({"en": "Why?"}, target_s=5)
        with pytest.raises(QuestionError, match="cannot be edited"):
            lib.questions.update(lib.questions.get("builtin:weaknesses"))
        with pytest.raises(QuestionError, match="cannot be deleted"):
            lib.questions.delete("builtin:weaknesses")
        assert lib.questions.get("builtin:weaknesses") is not None


def test_question_noted_in_a_real_interview_remembers_it():
    with Library.open() as lib:
        interview = lib.interviews.add(Interview(company="株式会社サンプル", kind=InterviewKind.REAL))
        question = lib.questions.add_from_notes(interview.id, "- 前職で一番大変だったことは？", language="")
        assert question.text("ja") == "前職で一番大変だったことは？" and "ja" in question.texts
        assert question.source_interview_id == interview.id
        english = lib.questions.add_from_notes(interview.id, "3. Why now?", language="en")
        assert english.texts == {"en": "Why now?"}
        with pytest.raises(QuestionError, match="Select the question"):
            lib.questions.add_from_notes(interview.id, "  - ", language="ja")
        lib.delete_interview(interview.id)
        assert lib.questions.get(question.key).source_interview_id is None  # the question stays


def test_saved_lists_keep_order_and_drop_deleted_questions():
    with Library.open() as lib:
        mine = lib.questions.add({"en": "Describe our product in one sentence."})
        keys = ["builtin:reverse_any", mine.key, "builtin:self_intro_1min"]
        saved = lib.questions.save_list(" 最終面接 対策 ", keys)
        assert saved.name == "最終面接 対策"
        lib.questions.save_list("最終面接 対策", keys[::-1])  # same name: replaced
        [stored] = lib.questions.lists()
        assert stored.keys == tuple(keys[::-1])
        lib.questions.delete(mine.key)
        [stored] = lib.questions.lists()
        assert stored.keys == ("builtin:self_intro_1min", "builtin:reverse_any")
        with pytest.raises(QuestionError):
            lib.questions.save_list("  ", keys)
        lib.questions.delete_list(stored.id)
        assert lib.questions.lists() == []


def test_selection_by_category_random_and_list():
    with Library.open() as lib:
        lib.questions.set_tags("builtin:weaknesses", ["弱点"])
        english_only = lib.questions.add({"en": "Walk me through your CV."}, "self_intro")
        bank = lib.questions.all()
        chosen = select_questions(bank, Selection(SelectionMode.CATEGORY, categories=("self_intro",), language="ja"))
        assert chosen and all(q.category == "self_intro" for q in chosen)
        assert english_only not in chosen  # no Japanese text
        english = select_questions(bank, Selection(SelectionMode.CATEGORY, categories=("self_intro",), language="en"))
        assert english_only in english
        tagged = select_questions(bank, Selection(SelectionMode.CATEGORY, tags=("弱点",), language="ja"))
        assert [q.key for q in tagged] == ["builtin:weaknesses"]
        drawn = select_questions(bank, Selection(SelectionMode.RANDOM, count=5, language="en"), random.Random(7))
        again = select_questions(bank, Selection(SelectionMode.RANDOM, count=5, language="en"), random.Random(7))
        assert len(drawn) == 5 and len({q.key for q in drawn}) == 5 and drawn == again
        saved = lib.questions.save_list("朝練", ["builtin:gakuchika", "builtin:self_pr"])
        listed = select_questions(bank, Selection(SelectionMode.LIST, saved_list=saved))
        assert [q.key for q in listed] == ["builtin:gakuchika", "builtin:self_pr"]
        with pytest.raises(QuestionError, match="No question matches"):
            select_questions(bank, Selection(SelectionMode.CATEGORY, tags=("存在しないタグ",)))


def test_only_the_ticked_questions_are_asked_in_the_order_shown():
    from core.practice.selection import shown_questions

    with Library.open() as lib:
        bank = lib.questions.all()
        everything = Selection(SelectionMode.CATEGORY, language="ja")
        shown = shown_questions(bank, everything)
        two = (shown[5].key, shown[1].key)  # ticked in another order than shown
        picked = Selection(SelectionMode.CATEGORY, language="ja", picked=two)
        assert [q.key for q in select_questions(bank, picked)] == [shown[1].key, shown[5].key]
        assert shown_questions(bank, picked) == shown  # the list still shows them all, the two ticked
        drawn = select_questions(bank, Selection(SelectionMode.RANDOM, count=5, language="ja", picked=two),
                                 random.Random(1))
        assert sorted(q.key for q in drawn) == sorted(two)  # drawn from the ticked ones
        other = Selection(SelectionMode.CATEGORY, categories=("reverse",), language="ja", picked=two)
        with pytest.raises(QuestionError):  # ticked questions the choice does not give: nothing to ask
            select_questions(bank, other)
