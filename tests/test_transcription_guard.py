"""The hallucination guard flags what Whisper invents, and leaves ordinary interview speech alone."""

from __future__ import annotations

import pytest

from core.transcription.guard import flag_segments, is_loop, is_stock_phrase
from core.transcription.model import Segment, SegmentFlag


def seg(text: str, start: float, end: float, *, logprob: float = -0.2, no_speech: float = 0.05) -> Segment:
    return Segment(round(start * 1000), round(end * 1000), text, avg_logprob=logprob, no_speech_prob=no_speech)


def flags(*segments: Segment) -> list[set[SegmentFlag]]:
    return [set(s.flags) for s in flag_segments(segments)]


@pytest.mark.parametrize("text", [
    "Thanks for watching!", "Thank you for watching.", "Thank you so much for watching this video.",
    "Please subscribe.", "Please like and subscribe to my channel.", "Don't forget to subscribe!",
    "Subtitles by the Amara.org community", "ご視聴ありがとうございました", "ご視聴ありがとうございました。",
    "最後までご視聴いただきありがとうございました。", "チャンネル登録よろしくお願いします！", "字幕作成：山田",
])
def test_stock_phrases_are_flagged_wherever_they_stand(text):
    assert is_stock_phrase(text)
    speech_before = seg("それでは、次の質問に移ります。", 0, 3)
    assert SegmentFlag.STOCK_PHRASE in flags(speech_before, seg(text, 3.2, 5))[1]


@pytest.mark.parametrize("text", [
    "Thank you for watching the demo; it shows how our tool works.",
    "I asked viewers to subscribe to the newsletter, and sign-ups doubled.",
    "We added subtitles by hand to every training video.",
    "YouTubeのチャンネル登録者数を一年で二倍に増やしました。",
    "ご視聴いただいた資料についてご説明します。",
    "Thank you for the question.",
    "前職ではお疲れ様でしたと声をかけ合う文化がありました。",
])
def test_the_same_words_inside_ordinary_sentences_are_not(text):
    assert not is_stock_phrase(text)
    assert flags(seg("Let me answer that.", 0, 2), seg(text, 2.3, 6)) == [set(), set()]


def test_polite_phrases_only_when_alone_in_silence():
    # The interviewer's "Thank you." right after an answer is speech.
    answer = seg("That is how I handled the conflict.", 0, 4)
    assert flags(answer, seg("Thank you.", 4.3, 5)) == [set(), set()]
    assert flags(seg("お疲れ様でした。", 10, 11), seg("本日はありがとうございました。", 11.2, 13)) == [set(), set()]
    # Alone in the audio (the classic hallucination over silence): flagged.
    assert flags(seg("Thank you.", 12, 13, no_speech=0.5)) == [{SegmentFlag.STOCK_PHRASE}]
    assert flags(seg("お疲れ様でした。", 30, 31)) == [{SegmentFlag.STOCK_PHRASE}]
    # After a long silence and doubtful: flagged; confident and clearly spoken: left alone.
    later = seg("Thank you.", 20, 21, no_speech=0.4)
    assert flags(answer, later)[1] == {SegmentFlag.STOCK_PHRASE}
    assert flags(answer, seg("Thank you.", 20, 21, no_speech=0.05, logprob=-0.1))[1] == set()


def test_loops_are_flagged():
    assert is_loop("4-4-4-4-4-4-4-4-4-4-4-4")
    assert is_loop("I'm not sure. I'm not sure. I'm not sure. I'm not sure.")
    assert is_loop("ありがとうございます。ありがとうございます。ありがとうございます。")
    looped = seg("2-3-4-3-4-4-4-4-4-4-4-4-4-4-4-4-4-4-4-4-4-4-4-4", 0, 30, logprob=-0.1, no_speech=0.2)
    assert SegmentFlag.REPETITION in flags(looped)[0]
    same = [seg("I think so.", i * 2, i * 2 + 1.5) for i in range(3)]
    assert all(SegmentFlag.REPETITION in f for f in flags(*same))


@pytest.mark.parametrize("text", [
    "I led the migration, then I led the review, and then the team led the launch.",
    "はい、はい、分かりました。",
    "We tested it again and again until it worked.",
    "私の強みは、相手の話をよく聞き、課題を分かりやすく説明できることです。",
])
def test_ordinary_repetition_is_not_a_loop(text):
    assert not is_loop(text)


def test_two_identical_answers_are_not_a_loop():
    assert flags(seg("Yes.", 0, 1), seg("Yes.", 5, 6)) == [set(), set()]
    assert flags(*[seg("はい。", i * 3, i * 3 + 1) for i in range(3)]) == [set(), set(), set()]


def test_text_over_silence_and_low_confidence():
    assert flags(seg("Some words.", 0, 2, no_speech=0.7, logprob=-0.9)) == [{SegmentFlag.SILENCE}]
    assert flags(seg("Some words.", 0, 2, no_speech=0.95, logprob=-0.1)) == [{SegmentFlag.SILENCE}]
    assert flags(seg("Some words.", 0, 2, no_speech=0.2, logprob=-1.3)) == [{SegmentFlag.LOW_CONFIDENCE}]
    # Real speech can come with a fairly high no-speech probability (seen: 0.72) and confident text.
    assert flags(seg("私の強みは相手の話をよく聞くことです。", 0, 4, no_speech=0.72, logprob=-0.15)) == [set()]


def test_flags_already_present_are_kept_and_nothing_else_changes():
    original = Segment(0, 1000, "Hello there.", flags=frozenset({SegmentFlag.LOW_CONFIDENCE}), id=7)
    (result,) = flag_segments([original])
    assert result == original
