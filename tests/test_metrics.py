"""Speech metrics on transcripts built by hand: fillers, pauses, pace, morae, ranges."""

from __future__ import annotations

import numpy as np
import pytest
import soundfile

from core.analysis.fillers import FILLERS, find_fillers
from core.analysis.info import Standing, metric_info, metric_keys
from core.analysis.metrics import AnalysisError, MetricValue, Pause, analyze_answer
from core.analysis.morae import count_morae, number_reading
from core.analysis.prompting import FILLER_PROMPTS, practice_settings
from core.analysis.signal import read_activity
from core.transcription.model import Segment, SegmentFlag, Transcript, TranscriptionSettings, Word


def words(*items: tuple[int, int, str]) -> tuple[Word, ...]:
    return tuple(Word(start, end, text, 0.9) for start, end, text in items)


def segment(text: str, start_ms: int, end_ms: int, *word_items: tuple[int, int, str], **kwargs) -> Segment:
    return Segment(start_ms, end_ms, text, words=words(*word_items), **kwargs)


def transcript(language: str, *segments: Segment, duration_ms: int = 60_000) -> Transcript:
    return Transcript("answer.wav", language, duration_ms, TranscriptionSettings(language=language), segments)


def texts(hits) -> list[str]:
    return [hit.text for hit in hits]


# --- fillers ------------------------------------------------------------------


def test_the_filler_lists_follow_the_domain_notes():
    assert set(FILLERS["en"]) == {"um", "uh", "er", "you know", "I mean", "like", "so"}
    assert set(FILLERS["ja"]) >= {"えー", "えーと", "えっと", "あの", "あのー", "その", "そのー", "まあ", "なんか"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Um, I studied physics. Uh, then I moved to Tokyo.", ["Um", "Uh"]),
    ("Umm, er, I think it went well.", ["Umm", "er"]),
    ("I was, like, really nervous.", ["like"]),
    ("I like this job and I would like to stay.", []),
    ("So, I asked the team.", ["So"]),
    ("It was so hard, and so on.", []),
    ("The plan was, you know, late.", ["you know"]),
    ("Do you know? That's what I mean.", []),
    ("I mean, the budget was small.", ["I mean"]),
    ("I mean it was a summer job.", []),
])
def test_english_fillers_and_isolated_like_and_so(text, expected):
    assert texts(find_fillers([segment(text, 0, 5000)], "en")) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("えーと、私は大学で情報工学を学びました。", ["えーと"]),
    ("あのー、前職では、まあ、開発を担当していました。", ["あのー", "まあ"]),
    ("あの会社の、その製品が好きです。", []),
    ("その、チームで意見が分かれたときは、えっと、まず話を聞きました。", ["その", "えっと"]),
    ("なんか、それが強みだと思います。えー、以上です。", ["なんか", "えー"]),
    ("エート、アノー、そうですね。", ["エート", "アノー"]),
    ("ええ、そうです。そのまま進めました。", []),
    ("え、そうですね。", ["え"]),
])
def test_japanese_fillers(text, expected):
    assert texts(find_fillers([segment(text, 0, 5000)], "ja")) == expected


def test_a_silence_isolates_like_and_so_in_word_timestamps():
    timed = words((0, 300, " I"), (300, 500, " was"), (900, 1100, " like"), (1500, 1900, " nervous"),
                  (2000, 2200, " and"), (2200, 2400, " so"), (2450, 2700, " tired"))
    hits = find_fillers(timed, "en")
    assert [(h.text, h.start_ms, h.end_ms) for h in hits] == [("like", 900, 1100)]


def test_filler_positions_come_from_the_words():
    seg = segment("私は、えーと、東京で働きました。", 2000, 6000,
                  (2000, 2300, "私"), (2300, 2500, "は、"), (2600, 2800, "え"), (2800, 2950, "ー"),
                  (2950, 3100, "と、"), (3400, 4000, "東京"), (4000, 4200, "で"), (4200, 5000, "働きました。"))
    (hit,) = find_fillers([seg], "ja")
    assert hit.text == "えーと" and (hit.start_ms, hit.end_ms) == (2600, 3100)


def test_fillers_skip_segments_whisper_invented():
    real = segment("Um, yes.", 0, 1000)
    invented = segment("Uh, thanks for watching.", 5000, 7000, flags=frozenset({SegmentFlag.STOCK_PHRASE}))
    assert texts(find_fillers([real, invented], "en")) == ["Um"]


def test_fillers_refuse_other_languages():
    with pytest.raises(ValueError):
        find_fillers([segment("euh", 0, 100)], "fr")


# --- morae ----------------------------------------------------------------------


@pytest.mark.parametrize(("text", "morae"), [
    ("きゃく", 2),  # small ゃ joins き
    ("がっこう", 4),  # っ counts
    ("コンピューター", 6),  # ン, ー count; ュ does not
    ("ウェブ", 2),
    ("東京", 4),  # とうきょう
    ("本日はどうぞよろしくお願いいたします。", 21),
    ("えーと、あのー", 6),
    ("2023年", 10),  # にせんにじゅうさん + ねん
    ("AI", 4),  # エーアイ
    ("", 0),
    ("、。！？", 0),
])
def test_count_morae_on_known_words(text, morae):
    assert count_morae(text) == morae


def test_number_readings():
    assert number_reading("2023") == "にせんにじゅうさん"
    assert number_reading("110") == "ひゃくじゅう"
    assert number_reading("10000") == "いちまん"
    assert number_reading("3.5") == "さんてんご"
    assert number_reading("090") == "ぜろきゅうぜろ"


# --- analyze_answer on hand-made transcripts -----------------------------------


def english_answer() -> Transcript:
    # 10 words from 1.0 s to 5.0 s, with a 3-second silence after "team."
    first = segment("Um, I led the team.", 1000, 2000,
                    (1000, 1200, " Um,"), (1250, 1400, " I"), (1400, 1600, " led"), (1600, 1700, " the"),
                    (1700, 2000, " team."))
    second = segment("We shipped it, you know.", 5000, 7000,
                     (5000, 5300, " We"), (5300, 5800, " shipped"), (5800, 6000, " it,"), (6000, 6400, " you"),
                     (6400, 7000, " know."))
    return transcript("en", first, second, duration_ms=8000)


def test_english_answer_from_word_timestamps():
    metrics = analyze_answer(english_answer(), None, target_s=60)
    assert metrics.language == "en" and (metrics.start_ms, metrics.end_ms) == (0, 8000)
    assert metrics.duration_s == pytest.approx(6.0)
    assert metrics.first_word_delay_s == pytest.approx(1.0)
    assert metrics.words == 10 and metrics.characters == 0 and metrics.morae is None
    assert metrics.pace == pytest.approx(100.0)  # 10 words in 6 s
    assert metrics.articulation_rate == pytest.approx(10 / 3 * 60)  # the 3-s pause left out
    assert texts(metrics.fillers) == ["Um", "you know"]
    assert metrics.fillers_per_min == pytest.approx(20.0)
    assert metrics.pauses == (Pause(2000, 5000),) and metrics.pauses[0].duration_s == 3.0
    assert metrics.timing_from_audio is False


def test_the_span_selects_one_answer_of_a_longer_recording():
    metrics = analyze_answer(english_answer(), None, start_ms=4500, end_ms=8000)
    assert metrics.words == 5 and metrics.first_word_delay_s == pytest.approx(0.5)
    assert metrics.pauses == () and texts(metrics.fillers) == ["you know"]
    assert metrics.duration_s == pytest.approx(2.0) and metrics.pace == pytest.approx(150.0)


def test_japanese_characters_morae_and_pace():
    # 「はじめまして、山田と申します。」: 13 characters (punctuation not counted), 15 morae
    seg = segment("はじめまして、山田と申します。", 500, 3500)
    metrics = analyze_answer(transcript("ja", seg, duration_ms=4000), None)
    assert metrics.characters == 13 and metrics.words == 0
    assert metrics.morae == count_morae("はじめまして山田と申します") == 15
    assert metrics.pace == pytest.approx(13 / 3 * 60)
    assert metrics.morae_pace == pytest.approx(15 / 3 * 60)
    assert metrics.first_word_delay_s == pytest.approx(0.5)


def test_segments_without_words_and_corrections_are_spread_over_time():
    corrected = Segment(0, 4000, "I led the tem.", words=words((1000, 1500, " I"), (1500, 2000, " led"),
                                                             (2000, 2500, " the"), (2500, 3000, " tem.")),
                        corrected_text="I led the whole team.")
    metrics = analyze_answer(transcript("en", corrected, duration_ms=4000), None)
    assert metrics.words == 5  # the correction counts
    assert metrics.first_word_delay_s == pytest.approx(1.0) and metrics.duration_s == pytest.approx(2.0)


def test_invented_segments_do_not_count():
    real = segment("はい、よろしくお願いします。", 0, 2000)
    invented = segment("ご視聴ありがとうございました", 10_000, 12_000, flags=frozenset({SegmentFlag.STOCK_PHRASE}))
    metrics = analyze_answer(transcript("ja", real, invented, duration_ms=12_000), None)
    assert metrics.characters == 12 and metrics.duration_s == pytest.approx(2.0) and metrics.pauses == ()


def test_nothing_said():
    metrics = analyze_answer(transcript("en", duration_ms=5000), None, target_s=60)
    assert metrics.duration_s == 0 and metrics.words == 0 and metrics.pace is None
    assert metrics.first_word_delay_s is None and metrics.fillers == () and metrics.fillers_per_min == 0
    assert metrics.value("duration").standing is Standing.BELOW


def test_too_little_speech_has_no_rates():
    metrics = analyze_answer(transcript("en", segment("Yes.", 0, 400, (0, 400, " Yes."))), None)
    assert metrics.words == 1 and metrics.pace is None and metrics.articulation_rate is None


def test_the_language_must_be_japanese_or_english():
    with pytest.raises(AnalysisError) as caught:
        analyze_answer(transcript("fr", segment("Bonjour.", 0, 1000)), None)
    assert "Japanese and English only" in str(caught.value.message)
    assert analyze_answer(transcript("fr", segment("Yes, hello there.", 0, 2000)), None, language="en").words == 3


# --- the signal refines timing ---------------------------------------------------


def _tone(seconds: float, rate: int = 16000) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    return (0.3 * np.sin(2 * np.pi * 220 * t)).astype(np.float32)


def test_audio_refines_pauses_and_the_first_word(tmp_path):
    rate = 16000

    def silence(seconds):
        return np.zeros(int(seconds * rate), np.float32)

    # 1.5 s silence, 2 s "speech", 3.2 s silence, 2 s "speech", 1 s silence
    wav = tmp_path / "answer.wav"
    soundfile.write(wav, np.concatenate([silence(1.5), _tone(2), silence(3.2), _tone(2), silence(1)]), rate)
    # Whisper's word times are off: the first word "starts" at 0 and the pause looks shorter
    seg1 = segment("Um, led the team.", 0, 3600, (0, 1000, " Um,"), (1000, 2000, " led"), (2000, 3000, " the"),
                   (3000, 3600, " team."))
    seg2 = segment("We shipped it.", 6500, 8700, (6500, 7200, " We"), (7200, 8000, " shipped"),
                   (8000, 8700, " it."))
    result = analyze_answer(transcript("en", seg1, seg2, duration_ms=9700), wav)
    assert result.timing_from_audio is True
    assert result.first_word_delay_s == pytest.approx(1.5, abs=0.02)
    (pause,) = result.pauses
    assert pause.start_ms == pytest.approx(3500, abs=20) and pause.end_ms == pytest.approx(6700, abs=20)
    assert result.duration_s == pytest.approx(7.2, abs=0.05)
    assert result.articulation_rate == pytest.approx(7 / 4 * 60, rel=0.02)
    (filler,) = result.fillers
    assert filler.text == "Um" and filler.start_ms == pytest.approx(1500, abs=20)
    assert filler.end_ms - filler.start_ms == 1000  # moved with its length


def test_unreadable_audio_falls_back_to_word_timestamps(tmp_path):
    bad = tmp_path / "answer.wav"
    bad.write_bytes(b"not audio at all" * 100)
    result = analyze_answer(english_answer(), bad)
    assert result.timing_from_audio is False and result.pauses == (Pause(2000, 5000),)


def test_activity_is_read_by_span(tmp_path):
    rate = 8000
    wav = tmp_path / "long.wav"
    soundfile.write(wav, np.concatenate([_tone(3, rate), np.zeros(4 * rate, np.float32), _tone(3, rate)]), rate)
    activity = read_activity(wav, 2000, 8000)
    assert activity.start_ms == 2000 and activity.end_ms == 8000
    assert activity.silences(2000, 8000, 2500) == [(3000, 7000)]


# --- ranges and meanings ------------------------------------------------------------


def test_ranges_follow_the_domain_notes():
    assert (metric_info("pace", "en").low, metric_info("pace", "en").high) == (130, 160)
    assert (metric_info("pace", "ja").low, metric_info("pace", "ja").high) == (300, 400)
    assert (metric_info("morae_pace", "ja").low, metric_info("morae_pace", "ja").high) == (320, 360)
    assert metric_info("fillers_per_min", "en").high == 1
    with pytest.raises(KeyError):
        metric_info("morae_pace", "en")


def test_every_metric_has_a_name_unit_and_meaning():
    for language in ("ja", "en"):
        for key in metric_keys(language):
            info = metric_info(key, language)
            assert str(info.name) and str(info.unit) and len(str(info.meaning)) > 20
            assert (info.low is None and info.high is None) or info.source is not None


def test_values_carry_ranges_and_standing():
    metrics = analyze_answer(english_answer(), None, target_s=8)
    values = {v.key: v for v in metrics.values()}
    assert list(values) == list(metric_keys("en"))
    assert values["pace"] == MetricValue("pace", 100.0, "words/min", 130.0, 160.0)
    assert values["pace"].standing is Standing.BELOW
    assert (values["duration"].low, values["duration"].high) == (6.0, 10.0)
    assert values["duration"].standing is Standing.WITHIN
    assert values["fillers_per_min"].standing is Standing.ABOVE
    assert values["longest_pause"].value == pytest.approx(3.0)
    assert values["words"].standing is None
    data = metrics.to_dict()
    assert data["metrics"][0]["key"] == "duration" and data["pauses"] == [{"start_ms": 2000, "end_ms": 5000}]


def test_practice_settings_keep_fillers():
    settings = practice_settings("ja", "base")
    assert settings.language == "ja" and settings.word_timestamps and settings.vad
    assert settings.initial_prompt == FILLER_PROMPTS["ja"] and "えーと" in settings.initial_prompt
    assert "Um" in practice_settings("en", "small").initial_prompt
    with pytest.raises(ValueError):
        practice_settings("de", "base")


def test_detecting_settings_survive_the_library_and_json():
    from dataclasses import asdict, replace

    from core.library import Library
    from core.transcription.store import _settings, _settings_json

    settings = practice_settings(None, "base")
    assert settings.language is None and settings.initial_prompt is None
    assert dict(settings.prompts_by_language) == FILLER_PROMPTS
    assert _settings(_settings_json(settings)) == settings  # JSON lists come back as tuples
    assert TranscriptionSettings(**asdict(settings)) == settings
    assert TranscriptionSettings() == TranscriptionSettings(prompts_by_language=[])  # today's default unchanged
    with Library.open() as library:
        saved = library.transcripts.save(replace(english_answer(), settings=settings))
        assert library.transcripts.get(saved.id).settings == settings


def test_metrics_round_trip_through_json():
    import json

    metrics = analyze_answer(english_answer(), None, target_s=60)
    back = type(metrics).from_dict(json.loads(json.dumps(metrics.to_dict())))
    assert back == metrics and back.values() == metrics.values()


def test_words_of_neighbouring_segments_never_merge():
    first = Segment(0, 1000, "I led the", words=())
    second = Segment(1000, 2000, "team well-known", words=())
    metrics = analyze_answer(transcript("en", first, second, duration_ms=2000), None)
    assert metrics.words == 6  # I led the | team well known


@pytest.mark.parametrize("flag", [SegmentFlag.QUIET, SegmentFlag.LANGUAGE, SegmentFlag.REPETITION])
def test_hai_hai_hai_after_the_answer_counts_nowhere(flag):
    """Issue 11, item 4: 「はい。はい。はい。はい。」 over the silence after an answer raised the pace
    (293 for ~243)."""
    real = segment("えーと、私の強みは、相手の話をよく聞くことです。", 1000, 7000)
    hai = segment("はい。はい。はい。はい。", 9000, 9560, flags=frozenset({flag}))
    alone = analyze_answer(transcript("ja", real, duration_ms=12_000), None)
    after = analyze_answer(transcript("ja", real, hai, duration_ms=12_000), None)
    assert (after.characters, after.morae, after.pace, after.articulation_rate, after.duration_s) == (
        alone.characters, alone.morae, alone.pace, alone.articulation_rate, alone.duration_s)
    assert after.fillers == alone.fillers and after.first_word_delay_s == alone.first_word_delay_s
    before = analyze_answer(transcript("ja", hai, real, duration_ms=12_000), None, start_ms=0)
    assert before.first_word_delay_s == alone.first_word_delay_s  # nor does it start the answer early


def test_in_a_two_track_recording_only_my_words_are_measured():
    from core.transcription.speakers import INTERVIEWER, ME

    def said(start, end, text, speaker):
        words = tuple(Word(start + i * 400, start + i * 400 + 300, w, 0.9) for i, w in enumerate(text.split()))
        return Segment(start, end, text, words=words).spoken_by(speaker)

    transcript = Transcript("x.wav", "en", 20000, TranscriptionSettings(), segments=(
        said(0, 4000, "um so tell me about um your last project", INTERVIEWER),
        said(5000, 8000, "I led the billing rewrite", ME)))
    metrics = analyze_answer(transcript, None)
    assert metrics.words == 5 and not metrics.fillers  # the interviewer's words and fillers are not mine
    assert metrics.first_word_delay_s == 5.0
