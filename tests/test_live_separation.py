"""One microphone, two voices, told apart while recording (issue 16): stretches analysed as they are cut, the voices
grouped at Stop (core.diarization.incremental), as well as the whole recording analysed after the fact.

The audio goes through :class:`~core.diarization.incremental.Collector` the way the live job
(core.transcription.live) gives it: arriving a little at a time, cut with :func:`~core.transcription.live.find_cut`
into stretches of at least :data:`~core.transcription.live.VOICES_MIN_S` that end in pauses.
"""

from __future__ import annotations

import numpy as np
import pytest

from core.diarization.der import der
from core.diarization.incremental import Collector
from core.diarization.models import load
from core.diarization.pipeline import diarize
from core.transcription.live import FEED_MIN_S, RATE, VOICES_MIN_S, find_cut
from tests.diarization_corpus import conversation
from tests.real_speech import pyannote_call

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def models():
    return load(threads=1)


def _live(models, samples: np.ndarray, speakers: int | None = None) -> tuple[Collector, list]:
    """``samples`` given to a collector as the live job gives them: in steps of FEED_MIN_S, cut at pauses."""
    collector = Collector(models)
    step = int(FEED_MIN_S * RATE)
    waiting, start = np.zeros(0, dtype=np.float32), 0
    for at in range(0, len(samples), step):
        waiting = np.concatenate([waiting, samples[at:at + step]])
        final = at + step >= len(samples)
        while len(waiting) and (cut := find_cut(waiting, final, VOICES_MIN_S)) is not None:
            collector.add(waiting[:cut], round(start * 1000 / RATE))
            waiting, start = waiting[cut:], start + cut
    assert start == len(samples)  # every sample analysed once
    return collector, collector.conclude(speakers)


def _seconds(turns) -> list[tuple[float, float, int]]:
    return [(a / 1000, b / 1000, k) for a, b, k in turns]


@pytest.mark.parametrize("language", ["en", "ja"])
def test_two_voices_live_are_told_apart_as_well_as_from_the_whole_recording(tmp_path, models, language):
    talk = conversation(tmp_path, language, speakers=2, repeat=2)  # about 1.5 minutes: several stretches
    collector, live = _live(models, talk.samples)
    whole = diarize(talk.samples, models=models)

    live_der, whole_der = der(talk.turns, _seconds(live)), der(talk.turns, _seconds(whole))
    print(f"{language}: {len(collector.stretches)} stretches; DER live {live_der:.1%}, whole {whole_der:.1%}")
    assert len(collector.stretches) >= 3
    found = {k for *_, k in live}
    print(f"{language}: voices found live {len(found)}, whole {len({k for *_, k in whole})}")
    # Measured: 2 and 2 in English; 3 and 3 in Japanese (both give a few words of the interviewer a voice of
    # their own: the scripted interview's two Open JTalk voices are near).
    assert len(found) == len({k for *_, k in whole}) and {0, 1} <= found
    # Measured: English 9.3% live against 6.6% whole (a question's end at a stretch's edge went to the other
    # voice), Japanese 8.9% and 8.9%.
    assert live_der <= whole_der + 0.04
    assert live_der <= 0.12
    assert {0, 1} <= set(collector.voices(live))


def test_a_real_telephone_call_live_is_told_apart_as_from_the_whole_call(models):
    call = pyannote_call()
    _collector, live = _live(models, call.samples, speakers=2)
    whole = diarize(call.samples, speakers=2, models=models)

    live_der, whole_der = der(call.turns, _seconds(live)), der(call.turns, _seconds(whole))
    print(f"pyannote call: DER live {live_der:.1%}, whole {whole_der:.1%}")
    assert {k for *_, k in live} == {0, 1}
    # Measured: 4.1% live, 4.1% whole (the 30-s call is one stretch: the same analysis).
    assert live_der <= whole_der + 0.01
