"""Live windows are the finished file's windows, decoded alike (issue 16: live transcription equals the file).

Real faster-whisper ``base``.  First the decode itself: walking a file's
features window by window with :func:`~core.transcription.window.decode_window`
gives ``WhisperModel.transcribe``'s segments to the token.  Then the live job
(:class:`~core.transcription.live.LiveJob`) following a recording written second
by second, its loudest moment near the end: every window it decoded while the
recording grew is the one the worker decodes from the finished file
(:mod:`core.transcription.file_decode`), the same words at the same times; only
the end, where a draft may stand in for the last window at Stop, may differ.
"""

from __future__ import annotations

import threading

import numpy as np
import pytest
from faster_whisper.transcribe import restore_speech_timestamps
from faster_whisper.vad import VadOptions, collect_chunks, get_speech_timestamps

from core.recording.wavfile import WavWriter
from core.transcription import file_decode
from core.transcription.audio import decode
from core.transcription.decoding import convert, whisper_options
from core.transcription.live import DECODERS, LIVE, LiveControl, LiveJob
from core.transcription.messages import JobRequest
from core.transcription.model import TranscriptionSettings
from core.transcription.window import (
    FRAMES,
    Prompting,
    decode_window,
    initial_tokens,
    tokenizer_for,
    transcription_options,
    window_frames,
)
from core.transcription.worker import no_telemetry
from tests import real_speech
from tests.live_feed import RATE, JobLine, pcm16
from tests.speech_fixtures import wer

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def model(built_base_model):
    no_telemetry()
    from core.speech.models import load_whisper

    return load_whisper(str(built_base_model), device="cpu", workers=DECODERS)


@pytest.fixture(scope="module")
def recording() -> tuple[np.ndarray, str]:
    """Real read speech, about 85 s with pauses shorter and longer than the decode's own (2 s): three windows; the
    first two rounds at half level, so that the loudest moment comes in the last window."""
    parts, words = [], []
    for round_ in range(3):
        for index, sentence in enumerate(real_speech.read_sentences()):
            level = 1.0 if round_ == 2 else 0.5
            parts += [sentence.samples * level,
                      np.zeros(int(RATE * (0.5, 2.5, 0.8, 3.0, 1.2)[(index + round_) % 5]), dtype=np.float32)]
            words.append(sentence.text)
    return np.concatenate(parts), " ".join(words)


def test_walking_a_files_windows_gives_transcribes_segments(model, recording):
    audio = recording[0][:int(45 * RATE)]
    options = whisper_options(TranscriptionSettings(language="en", initial_prompt="An interview, um, er."))
    segments, _info = model.transcribe(audio, **options)
    expected = list(segments)

    chunks = get_speech_timestamps(audio, VadOptions())
    features = model.feature_extractor(np.concatenate(collect_chunks(audio, chunks)[0]), chunk_length=30)
    content = features.shape[-1] - 1
    tokenizer = tokenizer_for(model, "en")
    prompting = Prompting(tokens=initial_tokens(tokenizer, options["initial_prompt"]))
    decoded, seek, windows = [], 0, 0
    while seek < content:
        count = window_frames(seek, content)
        result = decode_window(model, features[:, seek:seek + count], seek, tokenizer,
                               transcription_options(model, tokenizer, options), prompting)
        decoded += result.segments
        seek, windows = result.seek, windows + 1
    got = list(restore_speech_timestamps(decoded, chunks, RATE))

    assert windows >= 2
    assert [(s.text, s.tokens, s.start, s.end, s.seek) for s in got] == \
        [(s.text, s.tokens, s.start, s.end, s.seek) for s in expected]
    assert [s.words for s in got] == [s.words for s in expected]


def _followed(path, audio, settings, model):
    """A live job following ``audio`` written second by second, each once the job has read the one before and
    decoded all but about a window, then told the recording ended once no whole window waits (a Stop during
    one lets its draft stand for it: tests/test_live_stop.py): its segments and the job."""
    line = JobLine()
    job = LiveJob(JobRequest(1, str(path), settings, settings.model, "cpu", 0.0, kind=LIVE), model, line.send,
                  line.receive)
    track = job.tracks[0]
    writer = WavWriter(path, RATE, 1)
    worker = threading.Thread(target=job.run)
    worker.start()
    for written in range(1, -(-len(audio) // RATE) + 1):
        writer.write(pcm16(audio[(written - 1) * RATE:written * RATE]))
        seconds = min(written, len(audio) / RATE)
        with line.said:  # never a sleep: the job says what it has read and transcribed
            assert line.said.wait_for(lambda seconds=seconds: not worker.is_alive() or (
                line.caught().recorded_s >= seconds - 0.01 and line.caught().heard_s >= seconds - 45), timeout=300)
    writer.close()
    with line.said:
        assert line.said.wait_for(lambda: job.window is None and track.stream.frames_done - track.seek <= FRAMES,
                                  timeout=300)
    line.inbox.put(LiveControl(1, ended=True))
    worker.join(600)
    assert not worker.is_alive()
    return line.segments(), job


def test_a_followed_recordings_windows_are_the_files(tmp_path, model, recording, built_base_model):
    audio, reference = recording
    settings = TranscriptionSettings(model=str(built_base_model), language="en")
    live, _job = _followed(tmp_path / "live.wav", audio, settings, model)
    written = decode(tmp_path / "live.wav").samples  # the file as recorded (16-bit), what the live job read
    found, _info = file_decode.transcribe(model, written, settings)  # as the worker transcribes a file
    segments = list(found)
    whole = [convert(s) for s in segments]

    # every window decoded while recording is the file's: the same words at the same times (the last window,
    # decoded at Stop from a draft and the rest, may differ)
    windows = sorted({s.seek for s in segments})
    assert len(windows) >= 3
    before_last = [s for s, w in zip(whole, [s.seek for s in segments], strict=True) if w < windows[-1]]
    assert live[:len(before_last)] == before_last
    text = " ".join(s.text for s in live)
    assert wer(reference, text) <= wer(reference, " ".join(s.text for s in whole)) + 0.01


def test_a_short_recording_in_a_language_not_given_stops_after_its_draft(tmp_path, model, recording,
                                                                          built_base_model):
    """Under a window of speech, then Stop: the newest draft stands for its first part and the language, not
    given, is detected on the whole of it, as for the file (its frames are let go only after that)."""
    audio = recording[0][:int(24 * RATE)]
    settings = TranscriptionSettings(model=str(built_base_model))
    live, job = _followed(tmp_path / "short.wav", audio, settings, model)
    track = job.tracks[0]
    assert track.language == "en" and track.probability > 0.5
    assert live and live[-1].end_ms > 20000  # to the end
    found, info = file_decode.transcribe(model, decode(tmp_path / "short.wav").samples, settings)
    assert info.language == "en"
    assert wer(" ".join(s.text for s in found), " ".join(s.text for s in live)) <= 0.1
