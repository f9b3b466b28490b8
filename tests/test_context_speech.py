"""The interview's own words, heard: Japanese answers full of 御社, 志望動機 and the company's name come out right
more often when the speech model is told them, and the words told are never written where nobody spoke."""

from __future__ import annotations

import numpy as np
import pytest
import soundfile

from core.transcription.context import with_context
from core.transcription.model import TranscriptionSettings
from core.transcription.service import TranscriptionService
from tests.context_corpus import CONTEXT, CONTEXT_WORDS, answers_wav, context_words, words_right
from tests.speech_fixtures import cer, open_jtalk_problem, unavailable

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def answers(tmp_path_factory):
    if (problem := open_jtalk_problem()) is not None:
        unavailable(problem)
    return answers_wav(tmp_path_factory.mktemp("context"))


@pytest.fixture(scope="module")
def service():
    with TranscriptionService(idle_timeout_s=60) as running:
        yield running


def test_told_the_interview_the_model_gets_its_words_right_in_most_cases(answers, service, built_base_model):
    wav, reference = answers
    plain = TranscriptionSettings(model=str(built_base_model), language="ja")
    before = service.transcribe(wav, plain).text
    after = service.transcribe(wav, with_context(plain, CONTEXT, hotwords=True)).text
    total = context_words(reference)
    # Measured 15 of 22 (8 without the context).  It was 17 when a file's features were floored below the file's
    # loudest frame; each window is now floored below the loudest frame up to its end, which a recording knows
    # while it is made, so that live and after-the-fact transcripts are the same (core.transcription.speech_stream):
    # this clip's digital silence lies below the floor, and its first windows come before its loudest frame.
    assert words_right(reference, after) > total / 2, after
    assert words_right(reference, after) >= words_right(reference, before) + 4, (before, after)
    assert cer(reference, after) <= cer(reference, before), (before, after)
    assert after.count("。") >= 10  # punctuated as it is read: the answers end with 。


def test_the_words_told_are_not_written_over_silence_or_noise(tmp_path, service, built_base_model):
    rate = 16000
    noise = (0.003 * np.random.default_rng(3).standard_normal(rate * 20)).astype(np.float32)
    wav = tmp_path / "room.wav"
    soundfile.write(wav, noise, rate)
    told = with_context(TranscriptionSettings(model=str(built_base_model), language="ja"), CONTEXT, hotwords=True)
    transcript = service.transcribe(wav, told)
    heard = "".join(s.text for s in transcript.segments if not s.invented)
    assert not any(word in heard for word in CONTEXT_WORDS), heard
