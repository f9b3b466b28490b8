"""The real Whisper models load and transcribe with the hub switched off."""

from __future__ import annotations

import os
import time

import pytest

from core.speech.models import load_whisper
from tests.model_fixtures import word_recall

pytestmark = pytest.mark.slow


def _forbidden(*args, **kwargs):
    raise AssertionError("faster-whisper tried to download a model")


@pytest.fixture(autouse=True)
def _no_hub_downloads(monkeypatch):
    import faster_whisper.transcribe

    monkeypatch.setattr(faster_whisper.transcribe, "download_model", _forbidden)


def _transcribe(model, clip) -> tuple[str, float]:
    start = time.perf_counter()
    segments, _info = model.transcribe(str(clip.wav), language="en", beam_size=5)
    text = " ".join(segment.text for segment in segments)
    return text, time.perf_counter() - start


@pytest.mark.parametrize("name", ["base", "tiny.en"])
def test_model_transcribes_english_offline(name, request, english_speech):
    if name == "base":
        request.getfixturevalue("base_model_in_home")  # built once per session, not per test
    start = time.perf_counter()
    model = load_whisper(name, device="cpu")
    loaded = time.perf_counter() - start
    assert os.environ["HF_HUB_OFFLINE"] == "1"

    text, elapsed = _transcribe(model, english_speech)
    recall = word_recall(english_speech.content_words, text)
    print(f"{name}: load {loaded:.2f} s, transcribe {elapsed:.2f} s, recall {recall:.0%}: {text!r}")
    assert recall >= 0.8, text
