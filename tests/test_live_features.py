"""A live window is decoded from the features a whole file's decode gives it (issue 16: live equals the file).

Whisper floors its log-mel features 80 dB below their loudest value: a whole
file's decode takes the file's loudest moment, a window decoded alone only its
own, and the quiet frames then differ (with them the text).  Its last frames
also hear the audio after it in a file, padding alone.  Live windows therefore
take the loudest audio heard so far (:class:`~core.transcription.floor.RunningFloor`)
and are decoded with the second of audio that follows them.
"""

from __future__ import annotations

import numpy as np
import pytest
from faster_whisper.feature_extractor import FeatureExtractor
from faster_whisper.vad import VadOptions, collect_chunks, get_speech_timestamps

from core.transcription.audio import decode
from core.transcription.decoding import whisper_options
from core.transcription.floor import Peak, RunningFloor
from core.transcription.live import LOOKAHEAD_S, RATE, window_end
from core.transcription.model import TranscriptionSettings
from core.transcription.worker import no_telemetry


def tone(seconds: float, amplitude: float, hz: float = 440.0) -> np.ndarray:
    t = np.arange(int(seconds * RATE)) / RATE
    return (amplitude * np.sin(2 * np.pi * hz * t)).astype(np.float32)


def test_a_window_after_the_loudest_moment_gets_the_whole_files_features():
    loud, quiet = tone(2.0, 0.9), np.concatenate([tone(3.0, 0.0005, 300.0), np.zeros(RATE, np.float32)])
    whole = np.concatenate([loud, quiet])
    extractor = FeatureExtractor()
    file_features = extractor(whole)[:, len(loud) // 160 + 2:-2]  # the quiet part, away from its edges
    alone = extractor(quiet)[:, 2:-2]
    assert not np.allclose(alone, file_features)  # floored at its own loudest: the pause's frames differ

    floor, peak = RunningFloor(extractor), Peak()
    with floor.track(peak):
        floor(loud)  # heard before
        window = floor(quiet)[:, 2:-2]
    np.testing.assert_allclose(window, file_features, atol=1e-5)
    np.testing.assert_array_equal(floor(quiet)[:, 2:-2], alone)  # outside a live track: faster-whisper's own
    assert floor.sampling_rate == extractor.sampling_rate


@pytest.fixture(scope="module")
def model(built_base_model):
    no_telemetry()
    from core.speech.models import load_whisper

    return load_whisper(str(built_base_model), device="cpu")


def _first_window(model, samples, options) -> str:
    segments, _info = model.transcribe(samples, **options)
    texts = []
    for segment in segments:
        if segment.seek != 0:
            break
        texts.append(segment.text)
    segments.close()
    return "".join(texts)


@pytest.mark.slow
def test_a_live_window_decodes_to_the_files_text(model, japanese_interview_speech):
    clip = decode(japanese_interview_speech.wav).samples
    audio = np.concatenate([clip, np.zeros(int(1.2 * RATE), np.float32), clip, np.zeros(RATE, np.float32)])
    options = whisper_options(TranscriptionSettings(language="ja"))
    end = window_end(audio)[0]
    assert end is not None and end + LOOKAHEAD_S * RATE < len(audio)
    in_file = _first_window(model, audio, options)

    plain = model.feature_extractor
    floor, peak = RunningFloor(plain), Peak()
    model.feature_extractor = floor
    try:
        with floor.track(peak):
            speech = collect_chunks(audio, get_speech_timestamps(audio, VadOptions()))[0]
            floor(np.concatenate(speech))  # the recording's loudest moment has been heard
            live = _first_window(model, audio[:end + int(LOOKAHEAD_S * RATE)], options)
    finally:
        model.feature_extractor = plain
    assert live == in_file
