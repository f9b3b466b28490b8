"""Transcribing a recording while it is being written (issue 16): live and after-the-fact transcripts agree.

Real faster-whisper ``base`` in the real worker process follows a WAV that
:func:`tests.live_feed.feed` writes the way the recorder does, block after
block, waiting after each block until the worker has seen it: the worker meets
the file at every length, cuts its pieces at pauses and must still give the
words, times and speakers the finished file gives.
"""

from __future__ import annotations

import numpy as np
import pytest

from core.transcription.audio import decode
from core.transcription.live import PIECE_MIN_S, RATE, find_cut
from core.transcription.model import TranscriptionSettings
from core.transcription.service import TranscriptionCancelled, TranscriptionService
from tests import real_speech
from tests.dialogue import make_dialogue, misattributed, unheard_turns
from tests.live_feed import feed
from tests.speech_fixtures import cer, japanese_characters, wer

pytestmark = pytest.mark.slow


@pytest.fixture
def service():
    with TranscriptionService(idle_timeout_s=30.0) as running:
        yield running


def _live(service, path, audio, settings, call=None):
    job = service.follow(path, settings, call_path=None if call is None else call[0])
    feed(path, audio, seen=lambda s: job.caught[1] >= s - 0.01 or job.done,
         also=None if call is None else {call[0]: call[1]})
    job.recording_ended()
    return job, job.wait(300)


def _text(transcript) -> str:
    return " ".join(s.text for s in transcript.segments if s.text.strip())


def _check_times(transcript, seconds):
    starts = [s.start_ms for s in transcript.segments]
    assert starts == sorted(starts)
    for segment in transcript.segments:
        assert 0 <= segment.start_ms <= segment.end_ms <= seconds * 1000 + 500
        assert all(segment.start_ms - 50 <= w.start_ms <= w.end_ms <= segment.end_ms + 50 for w in segment.words)


def test_real_english_read_speech_live_is_as_good_as_the_finished_file(tmp_path, built_base_model, service):
    sentences = real_speech.read_sentences()
    gap = np.zeros(int(0.8 * RATE), dtype=np.float32)
    audio = np.concatenate([part for s in sentences for part in (s.samples, gap)])
    reference = " ".join(s.text for s in sentences)
    settings = TranscriptionSettings(model=str(built_base_model), language="en")

    job, live = _live(service, tmp_path / "live.wav", audio, settings)
    whole = service.submit(tmp_path / "live.wav", settings).wait(300)

    assert job.caught[1] == pytest.approx(len(audio) / RATE, abs=0.05)  # it followed the whole recording
    assert live.duration_ms == pytest.approx(len(audio) * 1000 / RATE, abs=100)
    assert wer(reference, _text(live)) <= wer(reference, _text(whole)) + 0.01
    assert all(s.words for s in live.segments)  # word timestamps, as for a file
    _check_times(live, len(audio) / RATE)


def test_japanese_answers_live_agree_with_the_finished_file(tmp_path, built_base_model, service,
                                                            japanese_interview_speech):
    clip = decode(japanese_interview_speech.wav).samples
    pause = np.zeros(int(1.2 * RATE), dtype=np.float32)
    audio = np.concatenate([clip, pause, clip])  # about 50 s: at least two pieces
    reference = japanese_characters(japanese_interview_speech.text) * 2
    settings = TranscriptionSettings(model=str(built_base_model), language="ja")

    _job, live = _live(service, tmp_path / "live.wav", audio, settings)
    whole = service.submit(tmp_path / "live.wav", settings).wait(300)

    live_cer = cer(reference, japanese_characters(_text(live)))
    # Measured: 5.5% live and 5.5% for the finished file, the same text (decoded in the file's windows; it was 8.7%
    # in pieces decoded alone).  Issue 16 asks for 1 point.
    assert live_cer <= cer(reference, japanese_characters(_text(whole))) + 0.01
    assert live_cer < 0.08
    assert live.language == "ja"
    _check_times(live, len(audio) / RATE)


def test_an_online_interview_live_says_who_spoke(tmp_path, built_base_model, service):
    (tmp_path / "source").mkdir()
    dialogue = make_dialogue(tmp_path / "source", "en", bleed=True)
    mic, call = decode(dialogue.mic).samples, decode(dialogue.call).samples
    call_stereo = np.stack([call, call], axis=1)
    path = tmp_path / "online.wav"
    settings = TranscriptionSettings(model=str(built_base_model), language="en")

    _job, live = _live(service, path, mic, settings, call=(tmp_path / "online.wav.call.wav", call_stereo))

    segments = [{"text": s.text, "speaker": s.speaker} for s in live.segments if s.text.strip()]
    assert {s["speaker"] for s in segments} == {"me", "interviewer"}
    assert misattributed(segments, dialogue.turns) == []
    assert unheard_turns(segments, dialogue.turns) == []
    _check_times(live, len(mic) / RATE)


def test_a_silent_recording_gives_no_words(tmp_path, built_base_model, service):
    audio = np.random.default_rng(1).normal(0, 1e-4, int(30 * RATE)).astype(np.float32)  # -80 dBFS hiss
    _job, live = _live(service, tmp_path / "quiet.wav", audio, TranscriptionSettings(model=str(built_base_model)))
    assert live.segments == ()
    assert live.problem is not None and "No speech" in live.problem.render()


def test_a_live_job_can_be_cancelled_and_the_next_job_runs(tmp_path, built_base_model, service,
                                                          english_interview_speech):
    path = tmp_path / "cancelled.wav"
    job = service.follow(path, TranscriptionSettings(model=str(built_base_model), language="en"))
    job.cancel()
    with pytest.raises(TranscriptionCancelled):
        job.wait(60)
    after = service.submit(english_interview_speech.wav,
                           TranscriptionSettings(model=str(built_base_model), language="en")).wait(300)
    assert _text(after)


def test_a_transcription_asked_for_during_a_recording_waits_for_it_then_runs(tmp_path, built_base_model, service,
                                                                          english_interview_speech):
    settings = TranscriptionSettings(model=str(built_base_model), language="en")
    path = tmp_path / "being-recorded.wav"
    live = service.follow(path, settings)
    other = service.submit(english_interview_speech.wav, settings)
    assert service.behind_recording(other)
    feed(path, decode(english_interview_speech.wav).samples[:8 * RATE],
         seen=lambda s: live.caught[1] >= s - 0.01 or live.done)
    assert service.behind_recording(other) and not other.done  # the recording is still being made
    live.recording_ended()
    assert _text(live.wait(300))
    assert _text(other.wait(300))
    assert not service.behind_recording(other)
    assert not service.behind_recording(service.submit(english_interview_speech.wav, settings))  # nothing live


def test_pieces_are_cut_in_pauses_and_never_in_words():
    sentences = [s.samples for s in real_speech.read_sentences()]
    gap = np.zeros(int(0.8 * RATE), dtype=np.float32)
    short = sentences[0][:int(5 * RATE)]
    assert find_cut(short, final=False) is None  # not enough to transcribe yet
    assert find_cut(short, final=True) == len(short)  # the recording ended: all of it
    audio = np.concatenate([part for sentence in sentences for part in (sentence, gap)])[:-len(gap)]
    ends = np.cumsum([len(sentence) + len(gap) for sentence in sentences]) - len(gap)
    pauses = [(int(end), int(end) + len(gap)) for end in ends[:-1]]
    assert len(audio) >= PIECE_MIN_S * RATE
    cut = find_cut(audio, final=False)
    assert cut is not None and cut >= PIECE_MIN_S * RATE / 2
    assert any(begin <= cut <= end for begin, end in pauses), (cut / RATE, [(b / RATE, e / RATE) for b, e in pauses])
