"""Speech metrics on synthesized answers with known content, through the real base model."""

from __future__ import annotations

import shutil

import pytest

from core.analysis.fillers import find_fillers
from core.analysis.metrics import analyze_answer
from core.analysis.morae import count_morae
from core.analysis.prompting import FILLER_PROMPTS, practice_settings
from core.transcription.service import TranscriptionService
from tests.filler_corpus import CORPUS, evaluate
from tests.scripted_speech import Part, ScriptedClip, build_clip
from tests.speech_fixtures import open_jtalk_problem, unavailable

pytestmark = pytest.mark.slow

PACE_TOLERANCE = 0.10
PAUSE_TOLERANCE_MS = 200
RECALL_FLOOR = 0.85  # measured 94% (ja) and 100% (en) with the filler-keeping settings: docs/PERFORMANCE.md

JAPANESE_WITH_SILENCES = [
    Part("本日はお時間をいただき、ありがとうございます。", pause_after_s=0.4),
    Part("前職では、決済システムの改修を担当しました。", pause_after_s=3.0),
    Part("注文の失敗を半分に減らすことができました。", pause_after_s=0.5),
    Part("チームで意見が分かれたときは、まず目的を書き出してもらいます。", pause_after_s=3.6),
    Part("どうぞよろしくお願いいたします。"),
]
FIVE_FILLERS = {
    "ja": [Part("えーと", True, 0.3), Part("私の強みは、", pause_after_s=0.2), Part("あのー", True, 0.3),
           Part("相手の話をよく聞くことです。", pause_after_s=0.6), Part("まあ", True, 0.2),
           Part("前の職場でも、", pause_after_s=0.2), Part("その", True, 0.3),
           Part("お客様の声を大切にしてきました。", pause_after_s=0.5), Part("えっと", True, 0.3),
           Part("以上です。")],
    "en": [Part("Um,", True, 0.3), Part("my strength is listening.", pause_after_s=0.5), Part("Uh,", True, 0.3),
           Part("in my last job,", pause_after_s=0.2), Part("you know,", True, 0.2),
           Part("I talked with customers every week.", pause_after_s=0.6), Part("I mean,", True, 0.2),
           Part("that is how we found the problems.", pause_after_s=0.5), Part("Er,", True, 0.3),
           Part("that is all.")],
}


def need_synthesizer(language: str) -> None:
    if language == "ja" and (problem := open_jtalk_problem()):
        unavailable(problem)
    if language == "en" and shutil.which("espeak-ng") is None:
        unavailable("espeak-ng is not installed (apt-get install espeak-ng)")


@pytest.fixture(scope="module")
def service():
    with TranscriptionService() as service:
        yield service


@pytest.fixture(scope="module")
def japanese_with_silences(tmp_path_factory) -> ScriptedClip:
    need_synthesizer("ja")
    folder = tmp_path_factory.mktemp("metrics_ja")
    return build_clip(JAPANESE_WITH_SILENCES, "ja", folder / "answer.wav", lead_s=1.2, tail_s=1.0)


@pytest.fixture(scope="module")
def english_fillers_clip(tmp_path_factory) -> ScriptedClip:
    need_synthesizer("en")
    return build_clip(FIVE_FILLERS["en"], "en", tmp_path_factory.mktemp("metrics_en") / "fillers.wav")


@pytest.fixture(scope="module")
def japanese_transcript(service, built_base_model, japanese_with_silences):
    return service.transcribe(japanese_with_silences.wav, practice_settings("ja", str(built_base_model)))


def test_japanese_pace_and_pauses_match_the_synthesized_truth(japanese_with_silences, japanese_transcript):
    clip = japanese_with_silences
    metrics = analyze_answer(japanese_transcript, clip.wav)
    start, end = clip.speech_ms
    minutes = (end - start) / 60000
    assert metrics.timing_from_audio
    assert metrics.duration_s == pytest.approx((end - start) / 1000, abs=0.2)
    assert metrics.first_word_delay_s == pytest.approx(1.2, abs=0.2)
    assert metrics.pace == pytest.approx(clip.characters() / minutes, rel=PACE_TOLERANCE)
    assert metrics.morae_pace == pytest.approx(count_morae(clip.text) / minutes, rel=PACE_TOLERANCE)
    truth = clip.silences(2.5)
    assert len(truth) == 2 and len(metrics.pauses) == 2, metrics.pauses
    for pause, (s, e) in zip(metrics.pauses, truth, strict=True):
        assert abs(pause.start_ms - s) <= PAUSE_TOLERANCE_MS and abs(pause.end_ms - e) <= PAUSE_TOLERANCE_MS
    speaking_ms = (end - start) - sum(e - s for s, e in clip.silences(0.25))
    assert metrics.articulation_rate == pytest.approx(clip.characters() / (speaking_ms / 60000),
                                                      rel=PACE_TOLERANCE)


def test_without_the_audio_word_timestamps_still_find_the_pauses(japanese_with_silences, japanese_transcript):
    clip = japanese_with_silences
    metrics = analyze_answer(japanese_transcript, None)
    assert not metrics.timing_from_audio
    assert len(metrics.pauses) == 2
    start, end = clip.speech_ms
    assert metrics.pace == pytest.approx(clip.characters() / ((end - start) / 60000), rel=0.2)


def test_one_answer_out_of_a_longer_recording(japanese_with_silences, japanese_transcript):
    """The span after the first long pause: one pause left, the delay measured from the span's start."""
    clip = japanese_with_silences
    first_gap, second_gap = clip.silences(2.5)
    span_start = first_gap[0] + 500
    metrics = analyze_answer(japanese_transcript, clip.wav, start_ms=span_start)
    assert metrics.first_word_delay_s == pytest.approx((first_gap[1] - span_start) / 1000, abs=0.2)
    (pause,) = metrics.pauses
    assert abs(pause.start_ms - second_gap[0]) <= PAUSE_TOLERANCE_MS


@pytest.mark.parametrize("language", ["ja", "en"])
def test_five_known_fillers_are_counted(language, tmp_path, service, built_base_model):
    need_synthesizer(language)
    clip = build_clip(FIVE_FILLERS[language], language, tmp_path / "fillers.wav")
    assert len(clip.fillers) == 5
    transcript = service.transcribe(clip.wav, practice_settings(language, str(built_base_model)))
    metrics = analyze_answer(transcript, clip.wav)
    assert abs(len(metrics.fillers) - 5) <= 1, (transcript.text, metrics.fillers)
    for hit in metrics.fillers:  # each one where a filler really is
        assert any(s - 500 <= hit.start_ms <= e + 500 for s, e, _ in clip.fillers), (hit, clip.fillers)
    assert metrics.fillers_per_min == pytest.approx(len(metrics.fillers) / metrics.duration_s * 60)


@pytest.mark.parametrize("language", ["ja", "en"])
def test_filler_keeping_settings_reach_the_recall_floor(language, tmp_path, service, built_base_model):
    """The benchmark's first two answers (25 fillers in both languages together), as measured there."""
    need_synthesizer(language)
    settings = practice_settings(language, str(built_base_model))
    totals = [0, 0, 0]
    for i, parts in enumerate(CORPUS[language][:2]):
        clip = build_clip(parts, language, tmp_path / f"{i}.wav", cache=tmp_path / "parts")
        truth, hits, false, _, _ = evaluate(service.transcribe(clip.wav, settings), clip)
        totals = [totals[0] + truth, totals[1] + hits, totals[2] + false]
    truth, hits, false = totals
    assert hits / truth >= RECALL_FLOOR, f"recall {hits}/{truth}"
    assert false <= 1


def test_a_detected_language_takes_its_filler_prompt(built_base_model, japanese_with_silences, english_fillers_clip):
    from core.speech.models import load_whisper
    from core.transcription import file_decode
    from core.transcription.audio import decode

    model = load_whisper(str(built_base_model), device="cpu")
    for clip, language in ((japanese_with_silences, "ja"), (english_fillers_clip, "en")):
        _segments, info = file_decode.transcribe(model, decode(clip.wav).samples, practice_settings(None, "base"))
        assert info.settings.language == info.language == language and info.language_probability > 0.5
        assert info.settings.initial_prompt == FILLER_PROMPTS[language]
    fixed = practice_settings("en", "base")  # a language given: nothing detected, nothing changed
    _segments, info = file_decode.transcribe(model, decode(english_fillers_clip.wav).samples, fixed)
    assert info.settings == fixed and info.language == "en"


def test_find_fillers_agrees_with_the_metrics(japanese_transcript):
    assert find_fillers(japanese_transcript.segments, "ja") == ()  # the answer has no fillers
