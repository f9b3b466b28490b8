"""The hallucination guard flags what Whisper invents, and leaves ordinary interview speech alone."""

from __future__ import annotations

import numpy as np
import pytest

from core.transcription.decoding import whisper_options
from core.transcription.guard import (
    COMPRESSION_RATIO_THRESHOLD,
    LOG_PROB_THRESHOLD,
    LOW_CONFIDENCE_LOGPROB,
    NO_SPEECH_THRESHOLD,
    NOT_COUNTED,
    Levels,
    flag_reasons,
    flag_segments,
    is_loop,
    is_quiet,
    is_repeated_token,
    is_stock_phrase,
)
from core.transcription.model import INVENTED, Segment, SegmentFlag, TranscriptionSettings


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


# --- repeated short words, quiet segments, a language other than ja/en (issue 11, item 4) -------------


@pytest.mark.parametrize("text", ["はい。はい。はい。はい。", "はい、はい、はい", "はいはいはい", "Yes. Yes. Yes.",
                                  "OK, OK, OK, OK.", "ん。ん。ん。"])
def test_one_short_word_again_and_again_is_a_loop(text):
    assert is_repeated_token(text)
    answer = seg("私の強みは粘り強さです。", 0, 3)
    assert flags(answer, seg(text, 3.5, 4.06))[1] == {SegmentFlag.REPETITION}


@pytest.mark.parametrize("text", ["はい。はい。", "はい、はい、分かりました。", "111", "Yes, yes, I agree.",
                                  "いろいろ", "Thank you. Thank you."])
def test_fewer_repeats_or_more_than_the_word_are_not(text):
    assert not is_repeated_token(text)


def test_a_very_short_segment_over_near_silence_is_quiet():
    answer, hai = seg("私の強みは粘り強さです。", 0, 3), seg("はい。", 6, 6.5)
    # The recording's speech at -20 dBFS; under the short segment only the room (-62 dBFS).
    assert flags(answer, hai) == [set(), set()]  # without levels nothing is measured
    levels_of = [-21.0, -62.0]
    result = [set(s.flags) for s in flag_segments([answer, hai], levels=levels_of, speech_dbfs=-20.0)]
    assert result == [set(), {SegmentFlag.QUIET}]
    # Quiet but real: a soft "はい" 15 dB below the speech stays; so does a long quiet segment.
    assert flag_segments([hai], levels=[-35.0], speech_dbfs=-20.0)[0].flags == frozenset()
    long_quiet = seg("ゆっくりと小さな声で話しています。", 10, 13)
    assert flag_segments([long_quiet], levels=[-62.0], speech_dbfs=-20.0)[0].flags == frozenset()
    # Near digital silence is quiet whatever the recording's level.
    assert flag_segments([hai], levels=[-90.0], speech_dbfs=-80.0)[0].flags == {SegmentFlag.QUIET}


def test_levels_are_measured_on_the_samples():
    rate = 16000
    t = np.arange(rate * 4) / rate
    samples = np.zeros(rate * 6, np.float32)
    samples[:rate * 4] = 0.1 * np.sin(2 * np.pi * 220 * t)  # -23 dBFS for 4 s, then 2 s of digital silence
    levels = Levels.measure(samples, rate)
    assert levels.speech_dbfs == pytest.approx(-23.0, abs=0.5)
    assert levels.span_dbfs(1000, 2000) == pytest.approx(-23.0, abs=0.5)
    assert levels.span_dbfs(4500, 5500) < -100
    assert is_quiet(seg("はい。", 4.5, 5.5), levels.span_dbfs(4500, 5500), levels.speech_dbfs)
    assert not is_quiet(seg("はい。", 3.5, 4.5), levels.span_dbfs(3500, 4500), levels.speech_dbfs)


@pytest.mark.parametrize("language", ["nn", "cy", "zh"])
def test_a_detected_language_outside_japanese_and_english_flags_everything(language):
    noise = [seg("1,5%", 10, 12), seg("1,5%", 40, 42)]
    assert all(s.flags == {SegmentFlag.LANGUAGE}
               for s in flag_segments(noise, detected_language=language))


@pytest.mark.parametrize("language", ["ja", "en", None, ""])
def test_japanese_english_or_a_chosen_language_flag_nothing(language):
    assert flag_segments([seg("1,5%", 10, 12)], detected_language=language)[0].flags == frozenset()


def test_every_flag_has_a_reason_and_invented_ones_say_they_do_not_count():
    for flag in SegmentFlag:
        reasons = [str(m) for m in flag_reasons({flag})]
        assert reasons and all(r.endswith(".") for r in reasons)
        assert (NOT_COUNTED in reasons) == (flag in INVENTED)
    assert LOW_CONFIDENCE_LOGPROB == LOG_PROB_THRESHOLD


def test_the_decoder_and_the_guard_share_whisper_thresholds():
    options = whisper_options(TranscriptionSettings(language="ja"))
    assert options["log_prob_threshold"] == LOG_PROB_THRESHOLD
    assert options["compression_ratio_threshold"] == COMPRESSION_RATIO_THRESHOLD
    assert options["no_speech_threshold"] == NO_SPEECH_THRESHOLD


def test_more_text_than_can_be_said_in_the_time_is_crowded():
    """Whisper ran on past an answer into its pause: 14 characters in 0.54 s (measured, one run in three)."""
    from core.transcription.guard import is_crowded

    def said(start: int, end: int, text: str) -> Segment:
        return Segment(start, end, text)

    ran_on = said(9840, 10380, "お客様の声をよく聞くことです。")
    assert is_crowded(ran_on) and SegmentFlag.CROWDED in flag_segments([ran_on])[0].flags
    assert flag_segments([ran_on])[0].invented
    answer = "私の強みは、相手の話をよく聞くことです。前職では、お客様の声をもとにサービスを改善しました。"
    assert not is_crowded(said(620, 9840, answer))  # the answer itself: about 4 characters a second
    assert not is_crowded(said(0, 300, "はい、そうです。"))  # short: a word's times may be squeezed
    assert is_crowded(said(0, 1000, "I have always wanted to work in a team like yours here"))
    assert not is_crowded(said(0, 3000, "I have always wanted to work in a team like yours here"))
