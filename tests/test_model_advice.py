"""Which model transcribes Japanese, what a better one costs here, and the speed measured on the built-in clip."""

from __future__ import annotations

import threading

import pytest
import soundfile

from core.speech import calibration
from core.speech.advice import (
    BUDGET_MINUTES_PER_HOUR,
    Languages,
    ModelRow,
    advice_messages,
    advise,
    overview,
)
from core.speech.calibration import Speed, calibrate, clip_path, measured_speeds
from core.speech.catalog import BUILTIN_MODELS, DOWNLOADABLE_MODELS, PUBLISHED_ACCURACY
from core.speech.models import ModelError, ModelInfo, ModelState
from core.transcription.service import TranscriptionCancelled


def rows(installed: set[str], minutes: dict[str, float], measured: set[str] = frozenset()) -> list[ModelRow]:
    """The overview as it would be with these models installed and these speeds (minutes per hour)."""
    made = []
    for name in (*BUILTIN_MODELS, *DOWNLOADABLE_MODELS):
        builtin = name in BUILTIN_MODELS
        here = builtin or name in installed
        state = ModelState.READY if here else ModelState.NOT_DOWNLOADED
        languages = (Languages.ENGLISH if name == "tiny.en" else
                     Languages.JAPANESE if name.startswith("kotoba") else Languages.MANY)
        size = DOWNLOADABLE_MODELS[name].approx_bytes if not builtin else 145_000_000
        speed = Speed(minutes[name], "cpu", "int8", "2026-12-03T00:00:00+00:00") if name in measured else None
        estimate = None if name in measured else minutes.get(name)
        made.append(ModelRow(name, "", builtin, ModelInfo(name, state, None, languages is not Languages.ENGLISH),
                             size, not builtin, languages, PUBLISHED_ACCURACY.get(name), speed, estimate, None))
    return made


SLOW_PC = {"base": 8.0, "small": 27.0, "medium": 84.0, "large-v3-turbo": 89.0, "large-v3": 170.0,
           "kotoba-whisper-v2.0": 83.0}
FAST_PC = {name: value / 5 for name, value in SLOW_PC.items()}


def test_the_most_accurate_model_that_keeps_up_is_advised():
    advice = advise("base", rows(set(), SLOW_PC, {"base"}))
    assert (advice.model, advice.better.name) == ("base", "small")
    assert advice.better.minutes_per_hour <= BUDGET_MINUTES_PER_HOUR
    text = " ".join(str(m) for m in advice_messages(advice))
    assert "Japanese is transcribed with “base”" in text and "24.9% of characters" in text
    assert "about 8 minutes of work per hour of audio here (measured)" in text
    assert "“small” would be more accurate (14.2% as published): a 486 MB download, about 27 minutes" in text
    assert "(estimated)" in text

    fast = advise("base", rows(set(), FAST_PC, {"base"}))
    assert fast.better.name == "large-v3"  # 34 minutes per hour on a computer five times faster


def test_without_an_affordable_model_the_next_step_up_is_advised():
    slow = {name: value * 10 for name, value in SLOW_PC.items()}
    assert advise("base", rows(set(), slow, {"base"})).better.name == "small"
    assert advise("small", rows({"small"}, slow, {"base"})).better.name == "medium"


def test_unmeasured_speed_is_said_and_kotoba_is_never_advised():
    advice = advise("base", rows(set(), {}))
    assert advice.better.name == "small"
    assert "can be estimated once the speed of an installed model is measured" in str(advice_messages(advice)[-1])
    everything_but_kotoba = {"small", "medium", "large-v3-turbo", "large-v3"}
    assert advise("large-v3", rows(everything_but_kotoba, FAST_PC, {"base"})).better is None


def test_an_english_only_or_missing_choice_is_said():
    advice = advise("tiny.en", rows(set(), SLOW_PC, {"base"}))
    assert advice.model is None and advice.better.name == "small"
    assert "“tiny.en” cannot transcribe Japanese" in str(advice_messages(advice)[0])
    assert advise("medium", rows(set(), SLOW_PC, {"base"})).model is None


def test_overview_on_a_fresh_home():
    found = {row.name: row for row in overview()}
    assert list(found) == [*BUILTIN_MODELS, *DOWNLOADABLE_MODELS]
    assert found["base"].info.state is ModelState.NOT_BUILT and found["base"].installed
    assert found["small"].info.state is ModelState.NOT_DOWNLOADED and not found["small"].size_exact
    assert found["tiny.en"].languages is Languages.ENGLISH
    assert all(row.speed is None and row.estimate is None for row in found.values())
    assert measured_speeds() == {}


def test_the_calibration_clip_ships_with_the_app():
    info = soundfile.info(clip_path())
    assert (info.samplerate, info.channels) == (16000, 1)
    assert 15 <= info.duration <= 30
    assert "creativecommons.org/licenses/by/3.0" in (clip_path().parent / "README.md").read_text()


def test_english_only_and_missing_models_are_not_measured():
    with pytest.raises(ModelError, match="understands only English"):
        calibrate("tiny.en")
    with pytest.raises(ModelError, match="not downloaded yet"):
        calibrate("medium")
    assert measured_speeds() == {}


@pytest.mark.slow
def test_calibrating_base_measures_it_and_the_bigger_models_are_estimated_from_it(base_model_in_home):
    fractions: list[float] = []
    speed = calibrate("base", progress=fractions.append)
    assert speed.seconds_per_minute > 0 and speed.device in ("cpu", "cuda")
    assert fractions
    assert measured_speeds() == {"base": speed}
    found = {row.name: row for row in overview()}
    assert found["base"].speed == speed
    base_bytes = BUILTIN_MODELS["base"].files["model.bin"].size
    assert found["small"].estimate == pytest.approx(
        speed.seconds_per_minute * DOWNLOADABLE_MODELS["small"].approx_bytes / base_bytes)
    assert found["large-v3"].estimate > found["small"].estimate
    assert found["tiny.en"].estimate is None
    calibration.forget("base")
    assert measured_speeds() == {}


@pytest.mark.slow
def test_a_measurement_can_be_cancelled(base_model_in_home):
    cancel = threading.Event()
    cancel.set()  # before the worker has even loaded the model
    with pytest.raises(TranscriptionCancelled):
        calibrate("base", cancel=cancel)
    assert measured_speeds() == {}
