"""The progress of a whole-file transcription moves while Whisper decodes a window (it used to wait for the
window's segments: a 37-s file showed 0% for 20 s, then the transcript)."""

from __future__ import annotations

import numpy as np
import pytest
import soundfile

from core.transcription.estimate import FIRST_PACE, Pace, Ticker
from core.transcription.messages import JobRequest, Progress, SegmentDone
from core.transcription.model import TranscriptionSettings
from core.transcription.worker import _Models, run_job


@pytest.fixture(scope="module")
def thirty_seven_seconds(japanese_interview_speech, tmp_path_factory):
    samples, rate = soundfile.read(japanese_interview_speech.wav, dtype="float32")
    path = tmp_path_factory.mktemp("progress") / "answer.wav"
    soundfile.write(path, np.concatenate([samples, samples[: len(samples) // 2]]), rate)
    return path


def test_progress_rises_before_the_first_window_is_decoded(built_base_model, thirty_seven_seconds):
    messages: list[object] = []
    models = _Models()
    settings = TranscriptionSettings(model=str(built_base_model), language="ja")
    run_job(JobRequest(1, str(thirty_seven_seconds), settings, str(built_base_model), "cpu", 0.0), messages.append,
            models)
    first = next(index for index, message in enumerate(messages) if isinstance(message, SegmentDone))
    before = [message.fraction for message in messages[:first] if isinstance(message, Progress)]
    assert len(before) >= 3, messages[:first]  # a tick every 0.25 s while the first 30 s decode
    assert before == sorted(before) and len(set(before)) == len(before) and before[0] > 0 and before[-1] < 1
    fractions = [m.fraction if isinstance(m, Progress) else m.progress for m in messages
                 if isinstance(m, Progress | SegmentDone)]
    assert max(fractions) <= 1.0
    assert models.pace.seconds_per_second != FIRST_PACE  # learnt from this file, for the next one


def test_an_estimate_never_passes_the_window_being_decoded_nor_goes_back():
    sent: list[Progress] = []
    pace = Pace()
    ticker = Ticker(sent.append, 7, (0.0, 1.0), duration_s=120.0, pace=pace)
    began = ticker.began
    # before any segment: the pace of the last track (0.3 s a second: 36 s for 120 s), capped at the first window
    assert ticker.estimate(began + 3.6) == pytest.approx(0.1)
    assert ticker.estimate(began + 1000) == pytest.approx(0.95 * 30 / 120)
    ticker.at = began + 10.0
    ticker.heard(0.25)  # 30 s of 120 in 10 s: this decode's own pace from now on
    ticker.at = began + 10.0
    assert ticker.estimate(began + 15.0) == pytest.approx(0.375)
    assert ticker.estimate(began + 1000) == pytest.approx(0.25 + 0.95 * 0.25)
    ticker.heard(0.2)  # a later segment of the same window that ends sooner: the estimate does not go back
    assert ticker.done == 0.25
    with ticker:
        pass
    assert pace.seconds_per_second == pytest.approx(10.0 / 30.0)
