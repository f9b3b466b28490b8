"""A growing recording's speech and features are the finished file's (issue 16: live equals the file).

:class:`~core.transcription.speech_stream.SpeechStream` is fed a real recording
(LibriVox sentences at several levels, the loudest near the end, with pauses
longer and shorter than the decode's own 2 s) in pieces of random length, as
the live job reads it: its speech stretches, joined speech and features must be
those faster-whisper computes over the finished file, to the last bit, each
window floored below the loudest frame up to its end, while it holds only what
is not yet decoded.
"""

from __future__ import annotations

import numpy as np
import pytest
from faster_whisper.feature_extractor import FeatureExtractor
from faster_whisper.vad import VadOptions, collect_chunks, get_speech_timestamps

from core.transcription.speech_stream import SpeechStream, floored, log_mel
from tests import real_speech

RATE = 16000


@pytest.fixture(scope="module")
def recording() -> np.ndarray:
    sentences = [s.samples for s in real_speech.read_sentences()]
    rng = np.random.default_rng(7)
    parts = [np.zeros(int(1.5 * RATE), dtype=np.float32)]
    for round_ in range(3):
        for index, sentence in enumerate(sentences):
            quieter = 1.0 if round_ == 2 and index == 3 else float(rng.uniform(0.3, 0.9))  # the loudest late
            parts += [sentence * quieter, np.zeros(int(RATE * (0.4, 2.6, 1.1, 3.5, 0.9)[index % 5]), np.float32)]
    audio = np.concatenate(parts)
    return audio[:len(audio) - 333]  # not a whole number of VAD frames


def _fed(audio: np.ndarray, seed: int, release: bool = True):
    stream, rng, position, windows = SpeechStream(), np.random.default_rng(seed), 0, []
    largest = 0
    while position < len(audio):
        step = int(rng.integers(50, 30000))
        stream.feed(audio[position:position + step])
        position += step
        if stream.frames_done - stream.frames_start > 3001 and release:
            windows.append((stream.frames_start, stream.window(stream.frames_start, 3000)))
            stream.release(stream.frames_start + 2500)  # as a window's last words end inside it
        largest = max(largest, len(stream.audio), len(stream.speech) - 40 * RATE)
    stream.finish()
    return stream, windows, largest


def test_fed_in_pieces_the_stream_has_the_finished_files_speech_and_features(recording):
    chunks = get_speech_timestamps(recording, VadOptions())
    joined = np.concatenate(collect_chunks(recording, chunks)[0])
    extractor = FeatureExtractor()
    log = log_mel(extractor, joined)  # the file's features before their floor, in faster-whisper's frames
    np.testing.assert_allclose(floored(log, float(log.max())), extractor(joined), atol=2e-6)  # but for rounding
    assert int(log.max(axis=0).argmax()) > log.shape[-1] * 2 // 3  # the loudest frame comes late

    for seed in (1, 2):
        stream, windows, largest = _fed(recording, seed)
        assert [(c["start"], c["end"]) for c in stream.chunks] == [(c["start"], c["end"]) for c in chunks]
        assert stream.speech_length == len(joined) and stream.content_frames == log.shape[-1] - 1
        assert len(windows) >= 3
        for seek, window in windows:  # decoded while it grew: the file's frames, floored below what came before
            expected = floored(log[:, seek:seek + 3000], float(log[:, :seek + 3000].max()))
            np.testing.assert_array_equal(window, expected)
        start = stream.frames_start
        rest = stream.window(start, stream.frames_done - start)
        np.testing.assert_array_equal(rest, floored(log[:, start:], float(log.max())))
        assert largest < 10 * RATE  # only what is not decoded yet is kept


def test_a_windows_floor_is_the_loudest_frame_up_to_its_end_whenever_it_is_decoded():
    """A louder moment later does not change a window decoded before it, nor one decoded after it: live and a
    finished file floor the same window alike."""
    t = np.arange(int(40 * RATE)) / RATE
    quiet = (0.01 * np.sin(2 * np.pi * 300 * t) * (np.sin(2 * np.pi * 0.3 * t) > 0)).astype(np.float32)
    stream = SpeechStream(VadOptions(threshold=0.0, neg_threshold=0.0))  # every frame "speech": tones are kept
    stream.feed(quiet)
    before = stream.window(0, 1000)
    stream.feed(quiet * 50)
    assert float(stream.frames.max()) > float(stream.frames[:, :1000].max()) + 1  # much louder now
    np.testing.assert_array_equal(stream.window(0, 1000), before)
    later = stream.window(0, stream.frames_done)
    assert later[:, :1000].min() > before.min()  # a window that reaches the loud part: floored below it


def test_log_mel_is_faster_whispers_feature_extractor():
    audio = np.random.default_rng(0).normal(0, 0.1, int(7.3 * RATE)).astype(np.float32)
    extractor = FeatureExtractor()
    log = log_mel(extractor, audio)
    np.testing.assert_allclose(floored(log, float(log.max())), extractor(audio), atol=2e-6)
    assert log.shape == extractor(audio).shape
