"""What Whisper invents after an answer or over noise counts nowhere (issue 11, item 4), with the real base model.

On this machine the base model writes nothing over the silence, breaths and
white noise below (voice-activity detection removes them), so these runs
guard the end-to-end promise; the rules that flag 「はい。はい。はい。はい。」,
short text over near silence and a detected language other than Japanese or
English are tested on their own in ``test_transcription_guard.py`` and, for
the metrics, in ``test_metrics.py``.
"""

from __future__ import annotations

import numpy as np
import pytest
import soundfile

from core.analysis.metrics import analyze_answer
from core.analysis.prompting import practice_settings
from core.transcription.service import TranscriptionService
from tests.scripted_speech import Part, build_clip
from tests.speech_fixtures import open_jtalk_problem, unavailable

pytest_plugins = ["tests.model_fixtures"]
pytestmark = pytest.mark.slow

ANSWER = [
    Part("私の強みは、相手の話をよく聞くことです。", pause_after_s=0.5),
    Part("前職では、お客様の声をもとに、サービスを改善しました。"),
]
TAIL_S = 15


@pytest.fixture(scope="module")
def service():
    with TranscriptionService() as shared:
        yield shared


@pytest.fixture(scope="module")
def answer(tmp_path_factory):
    if problem := open_jtalk_problem():
        unavailable(problem)
    return build_clip(ANSWER, "ja", tmp_path_factory.mktemp("inventions") / "answer.wav", lead_s=1.0, tail_s=0.5)


def breath(rate: int, seconds: float, dbfs: float, seed: int) -> np.ndarray:
    """A soft breath: band-limited noise with a smooth envelope."""
    n = int(rate * seconds)
    spectrum = np.fft.rfft(np.random.default_rng(seed).standard_normal(n))
    spectrum *= np.exp(-((np.fft.rfftfreq(n, 1 / rate) - 1500) / 1500) ** 2)
    shaped = np.fft.irfft(spectrum, n) * np.sin(np.pi * np.arange(n) / n)
    return (shaped / np.sqrt(np.mean(shaped ** 2)) * 10 ** (dbfs / 20)).astype(np.float32)


def test_silence_after_a_practice_answer_adds_nothing_to_its_metrics(service, built_base_model, answer, tmp_path):
    samples, rate = soundfile.read(answer.wav, dtype="float32")
    tail = (np.random.default_rng(11).standard_normal(rate * TAIL_S) * 10 ** (-62 / 20)).astype(np.float32)
    for at_s, dbfs in ((1.0, -40), (5.0, -30), (9.0, -35)):  # a room, and breaths in it
        piece = breath(rate, 0.5, dbfs, int(at_s))
        tail[int(at_s * rate):int(at_s * rate) + len(piece)] += piece
    longer = tmp_path / "answer_then_silence.wav"
    soundfile.write(longer, np.concatenate([samples, tail]), rate, subtype="PCM_16")

    settings = practice_settings("ja", str(built_base_model))
    alone = service.transcribe(answer.wav, settings)
    followed = service.transcribe(longer, settings)
    end_ms = round(len(samples) / rate * 1000)
    assert not [s.text for s in followed.segments if s.start_ms >= end_ms and not s.invented]

    expected = analyze_answer(alone, answer.wav, language="ja")
    measured = analyze_answer(followed, longer, language="ja")
    assert measured.characters == pytest.approx(expected.characters, abs=2)
    assert measured.pace == pytest.approx(expected.pace, rel=0.05)
    assert measured.duration_s == pytest.approx(expected.duration_s, abs=0.3)
    assert measured.first_word_delay_s == pytest.approx(expected.first_word_delay_s, abs=0.1)
    assert len(measured.fillers) == len(expected.fillers)


@pytest.mark.parametrize("language", [None, "ja", "en"])
def test_a_minute_of_white_noise_leaves_nothing_to_count(language, service, built_base_model, tmp_path):
    noise = tmp_path / "white_noise.wav"
    soundfile.write(noise, (np.random.default_rng(60).standard_normal(60 * 16000) * 0.1).astype(np.float32), 16000)
    transcript = service.transcribe(noise, practice_settings(language, str(built_base_model)))
    assert not [s.text for s in transcript.segments if s.text.strip() and not s.invented]
    assert transcript.language in ("", "ja", "en")
    metrics = analyze_answer(transcript, noise, language=transcript.language or "ja")
    assert (metrics.characters, metrics.words, metrics.pace, len(metrics.fillers)) == (0, 0, None, 0)
    assert metrics.first_word_delay_s is None and metrics.duration_s == 0

