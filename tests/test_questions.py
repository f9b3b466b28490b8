"""The questions they asked and my answers (issue 14, items 5-6), on transcripts with speakers built by hand and
on the scripted bilingual interviews of tests/question_script.py.  No speech model here: see
test_questions_cli.py for the real thing."""

from __future__ import annotations

import pytest

from core.analysis.answers import review_interview, talk_time
from core.analysis.metrics import AnalysisError
from core.analysis.question_text import question_start
from core.analysis.questions import find_questions
from core.practice.bank import builtin_questions
from core.practice.matching import category_of, normalised, same_question, target_seconds
from core.transcription.model import Segment, SegmentFlag, Transcript, TranscriptionSettings, Word
from tests.question_script import FORMS, INTERVIEWS, Score, score, transcript_of


def _seg(start_s: float, end_s: float, text: str, speaker: str | None, words: bool = True) -> Segment:
    """A segment with one word per space-separated piece (Japanese: one word), spread over its time."""
    start, end = round(start_s * 1000), round(end_s * 1000)
    pieces = [" " + p for p in text.split()] if " " in text.strip() else [text]
    step = (end - start) // len(pieces)
    timed = tuple(Word(start + i * step, end if i == len(pieces) - 1 else start + (i + 1) * step, p, 0.9)
                  for i, p in enumerate(pieces))
    return Segment(start, end, text, words=timed if words else ()).spoken_by(speaker)


def _transcript(language: str, *segments: Segment, duration_s: float = 120) -> Transcript:
    return Transcript("interview.wav", language, round(duration_s * 1000), TranscriptionSettings(language=language),
                      tuple(segments))


# -- which sentences are questions ---------------------------------------------------------------------


@pytest.mark.parametrize("sentence, asked", [
    ("当社を志望した理由を教えてください。", "当社を志望した理由を教えてください。"),
    ("ありがとうございます。では、自己紹介をお願いします", "自己紹介をお願いします"),
    ("なるほど、それはなぜですか", "それはなぜですか"),
    ("最後に何か質問はありますか？", "最後に何か質問はありますか？"),
    ("志望動機をお伺いしたいのですが", "志望動機をお伺いしたいのですが"),
    ("So, could you walk me through your resume?", "could you walk me through your resume?"),
    ("great thanks so tell me about yourself", "tell me about yourself"),
    ("I'd love to hear about a project you led.", "I'd love to hear about a project you led."),
    ("Why this company", "Why this company"),
])
def test_questions_and_where_they_begin(sentence, asked):
    start = question_start(sentence, "ja" if sentence.isascii() is False else "en")
    assert start is not None and sentence[start:] == asked


@pytest.mark.parametrize("sentence", [
    "そうですか。", "そうなんですか", "本当ですか？", "なるほど", "聞こえますか", "音声は聞こえていますでしょうか",
    "本日はよろしくお願いいたします。", "少々お待ちください", "弊社について簡単にご説明します。",
    "最近はリモートが多いじゃないですか", "メモを取らせていただいてもよろしいですか。",
    "それでは始めてもよろしいですか",
    "Really?", "Is that right?", "I see.", "Can you hear me okay?", "How are you doing today?",
    "Let me explain the process first.", "When we hire engineers we look for curiosity.", "Shall we get started?",
    "Do you mind if I take notes?", "That's great, thank you for sharing that.",
])
def test_not_questions(sentence):
    assert question_start(sentence, "en" if sentence.isascii() else "ja") is None


# -- questions in a transcript -------------------------------------------------------------------------


def test_a_question_across_segments_and_a_backchannel_is_one_question_with_its_answer_span():
    transcript = _transcript(
        "ja",
        _seg(1, 3, "本日はよろしくお願いいたします。", "interviewer"),
        _seg(3.5, 5, "よろしくお願いいたします。", "me"),
        _seg(6, 8, "チーム内で意見が対立したとき", "interviewer"),
        _seg(8.2, 8.6, "はい", "me"),
        _seg(9, 11, "どのように対応しましたか", "interviewer"),
        _seg(12, 20, "双方の意見を表にまとめて比べました。", "me"),
        _seg(20.5, 25, "その結果、両方の良いところを取り入れました。", "me"),
        _seg(26, 27, "そうですか。", "interviewer"),
        _seg(27.5, 30, "はい、とても勉強になりました。", "me"),
        _seg(31, 33, "当社は第一志望ですか？", "interviewer"),
    )
    first, second = find_questions(transcript)
    assert first.text == "チーム内で意見が対立したときどのように対応しましたか"
    assert (first.start_ms, first.end_ms, first.turn_end_ms) == (6000, 11000, 11000)
    assert (first.answer_start_ms, first.answer_end_ms) == (12000, 30000)  # そうですか is no question
    assert (second.text, second.start_ms, second.answer_start_ms, second.answer_end_ms) == (
        "当社は第一志望ですか？", 31000, None, None)
    assert first.window_end_ms == 31000 and second.window_end_ms == 120000


def test_a_one_word_answer_separates_two_questions():
    transcript = _transcript(
        "en",
        _seg(0, 2, " Are you interviewing with other companies", "interviewer"),
        _seg(2.5, 3, " Yes", "me"),
        _seg(3.5, 5, " When could you start", "interviewer"),
        _seg(5.5, 7, " In about a month", "me"),
    )
    assert [q.text for q in find_questions(transcript)] == [
        "Are you interviewing with other companies", "When could you start"]


def test_two_questions_in_one_breath_are_one_question_after_the_thanks():
    transcript = _transcript(
        "en",
        _seg(0, 4, " Great, thank you. Why did you leave? I noticed a gap.", "interviewer"),
        _seg(4, 6, " And what did you do during that year?", "interviewer"),
        _seg(7, 15, " I cared for my father and took an online course.", "me"),
    )
    (question,) = find_questions(transcript)
    assert question.text == "Why did you leave? I noticed a gap. And what did you do during that year?"
    assert question.start_ms > 0 and question.answer_start_ms == 7000


def test_no_speakers_no_questions_and_invented_text_is_ignored():
    plain = _transcript("ja", _seg(0, 2, "自己紹介をお願いします。", None), _seg(3, 9, "山田と申します。", None))
    assert find_questions(plain) == []
    invented = Segment(0, 2000, "ご質問はありますか？", flags=frozenset({SegmentFlag.STOCK_PHRASE})) \
        .spoken_by("interviewer")
    assert find_questions(_transcript("ja", invented, _seg(3, 9, "はい。", "me"))) == []


def test_a_corrected_segment_uses_its_correction():
    segment = Segment(0, 3000, " Tell me about yourself", corrected_text="Tell me about your last job.") \
        .spoken_by("interviewer")
    (question,) = find_questions(_transcript("en", segment, _seg(4, 20, " I was a nurse for six years.", "me")))
    assert question.text == "Tell me about your last job." and question.answer_end_ms == 20000


# -- the bilingual scripted set --------------------------------------------------------------------------


def _set_score(language: str, form: str) -> Score:
    total = Score(0, 0, 0, (), ())
    for spoken, script in INTERVIEWS.values():
        if spoken == language:
            scripted = transcript_of(script, spoken, form)
            total = total + score(scripted, find_questions(scripted.transcript))
    return total


def test_the_scripted_set_is_bilingual_and_big_enough():
    assert _set_score("ja", "punctuated").expected >= 20 and _set_score("en", "punctuated").expected >= 20
    non_questions = sum(1 for _, script in INTERVIEWS.values() for turn in script if turn[0] == "i" and not turn[2])
    assert non_questions >= 20


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("language", ["ja", "en"])
def test_precision_and_recall_on_the_scripted_interviews(language, form):
    result = _set_score(language, form)
    assert result.precision >= 0.9, result.wrong
    assert result.recall >= 0.9, result.missed


# -- the bank: the same question, its category and target ---------------------------------------------


@pytest.mark.parametrize("heard, key", [
    ("貴社を志望した理由をお聞かせください？", "builtin:motivation_company"),
    ("では、ご自身の短所を教えていただけますか。", "builtin:weaknesses"),
    ("それでは、最後に、何か質問はありますか", "builtin:reverse_any"),
    ("１分程度で自己紹介をお願いします", "builtin:self_intro_1min"),
    ("Could you tell us a little about yourself?", "builtin:tell_me_about_yourself"),
    ("So, why do you want to work for our company", "builtin:motivation_company"),
    ("What's your greatest weakness?", "builtin:weaknesses"),
])
def test_the_same_question_in_another_form_is_recognised(heard, key):
    found = same_question(heard, builtin_questions())
    assert found is not None and found.key == key


def test_different_questions_stay_different():
    assert normalised("あなたの長所を教えてください") != normalised("あなたの短所を教えてください")
    assert same_question("チームで意見が対立したときの経験を教えてください", builtin_questions()) is None
    assert same_question("", builtin_questions()) is None


def test_categories_and_targets():
    bank = builtin_questions()
    assert category_of("Tell me about a time you failed at work") == "behavioural"
    assert category_of("他社の選考状況はいかがですか") == "situation"
    assert target_seconds("30秒で自己紹介をお願いします", bank) == 30  # the length the question names
    assert target_seconds("Walk me through your resume in two minutes", bank) == 120
    assert target_seconds("あなたについて教えてください", bank) == 75  # the bank's own target
    assert target_seconds("Describe a situation where you had to learn something new quickly", bank) == 90
    assert target_seconds("それはなぜですか", bank) == 45  # a short follow-up


# -- my answers ----------------------------------------------------------------------------------------


def _interview_en() -> Transcript:
    return _transcript(
        "en",
        _seg(0, 3, " Tell me about yourself.", "interviewer"),
        _seg(4, 10, " Um, I am a nurse and I have worked in a hospital for six years now.", "me"),
        _seg(14, 20, " Last year I led a project that cut waiting times in our ward by half.", "me"),
        _seg(21, 23, " Why do you want to work for our company?", "interviewer"),
        _seg(23.5, 24, " Well", "me"),
        _seg(25, 30, " your clinics are close to people and I want to help build them.", "me"),
        duration_s=35)


def test_each_answer_gets_the_practice_metrics_of_my_words_only():
    review = review_interview(_interview_en(), bank=builtin_questions())
    first, second = review.answers
    assert first.bank_key == "builtin:tell_me_about_yourself" and first.target_s == 75
    assert second.bank_key == "builtin:motivation_company" and second.in_bank
    metrics = first.metrics
    assert (metrics.start_ms, metrics.end_ms) == (3000, 21000)
    assert metrics.first_word_delay_s == pytest.approx(1.0)
    assert metrics.duration_s == pytest.approx(16.0)
    assert [p.start_ms for p in metrics.pauses] == [10000]  # 4 s between my two segments
    assert [hit.text.strip(" ,") for hit in metrics.fillers] == ["Um"]
    assert metrics.words == 31  # the interviewer's words are not mine
    duration = metrics.value("duration")
    assert (duration.low, duration.high) == (56.25, 93.75)
    data = review.to_dict()
    assert data["questions"][1]["answer_start_ms"] == 23500 and data["questions"][1]["metrics"]["words"] == 14
    assert "score" not in str(data) and "hire" not in str(data)


def test_talk_time_counts_words_once_per_side():
    split = talk_time(_interview_en().segments)
    assert (split.interviewer_ms, split.me_ms) == (5000, 17500)
    assert split.me_share == pytest.approx(17500 / 22500)
    assert review_interview(_interview_en()).to_dict()["talk_time"] == {
        "me_s": 17.5, "interviewer_s": 5.0, "me_share": 0.778, "interviewer_share": 0.222}


def test_a_question_left_unanswered_and_a_target_for_all():
    transcript = _transcript("ja", _seg(0, 2, "自己紹介をお願いします。", "interviewer"),
                             _seg(3, 4, "当社は第一志望ですか？", "interviewer"), duration_s=10)
    review = review_interview(transcript, target_s=40)
    assert [a.answered for a in review.answers] == [False] and review.answers[0].target_s == 40
    assert review.answers[0].to_dict()["metrics"] is None
    assert review.talk_time.me_share == 0.0


def test_a_language_without_metrics_is_refused():
    with pytest.raises(AnalysisError):
        review_interview(_transcript("fr", _seg(0, 2, " Parlez-moi de vous ?", "interviewer")))


def test_one_call_segment_holding_two_questions_is_cut_where_i_answered():
    """With a prompt, Whisper may make one segment of the whole call track, my answer lying in its silence."""
    words = [(500, 1000, " Could"), (1000, 1200, " you"), (1200, 1500, " introduce"), (1500, 2000, " yourself?"),
             (11700, 12000, " Why"), (12000, 12300, " this"), (12300, 13000, " company?")]
    call = Segment(500, 13000, "".join(w[2] for w in words), words=tuple(Word(*w, 0.9) for w in words))
    transcript = _transcript("en", call.spoken_by("interviewer"),
                             _seg(3, 10, " I am a nurse with six years in a busy ward.", "me"),
                             _seg(14, 19, " Your clinics are close to people.", "me"), duration_s=20)
    first, second = find_questions(transcript)
    assert (first.text, first.start_ms, first.turn_end_ms, first.answer_start_ms, first.answer_end_ms) == (
        "Could you introduce yourself?", 500, 2000, 3000, 10000)
    assert (second.text, second.start_ms, second.answer_start_ms) == ("Why this company?", 11700, 14000)
    assert talk_time(transcript.segments).interviewer_ms == 1500 + 1300


def test_my_two_answers_in_one_segment_are_two_answers():
    """The microphone's track transcribed as one segment around the interviewer's second question."""
    mine = [(3000, 5000, " I am a nurse."), (5000, 10000, " Six years."), (14000, 19000, " Your clinics.")]
    answers = Segment(3000, 19000, "".join(w[2] for w in mine), words=tuple(Word(*w, 0.9) for w in mine))
    transcript = _transcript("en", _seg(0.5, 2, " Could you introduce yourself?", "interviewer"),
                             answers.spoken_by("me"), _seg(11.7, 13, " Why this company?", "interviewer"),
                             duration_s=20)
    first, second = find_questions(transcript)
    assert (first.answer_start_ms, first.answer_end_ms) == (3000, 10000)
    assert (second.answer_start_ms, second.answer_end_ms) == (14000, 19000)
