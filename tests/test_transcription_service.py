"""The transcription service with the real base model and real (synthetic) speech, through its worker process.

One service (one worker process, model loaded once) is shared by the module;
tests that kill the worker check that the next job starts a new one.
"""

from __future__ import annotations

import os
import signal
import threading
from pathlib import Path

import numpy as np
import pytest
import soundfile

from core.transcription.audio import AudioFileError
from core.transcription.model import TranscriptionSettings
from core.transcription.service import (
    CAP_GRACE_S,
    JobState,
    TranscriptionCancelled,
    TranscriptionError,
    TranscriptionService,
    transcribe_file,
)
from tests.model_fixtures import word_recall
from tests.speech_fixtures import cer, wer

pytestmark = pytest.mark.slow

DEADLINE_S = 120  # generous upper bound for any one job on a loaded 2-core machine


@pytest.fixture(scope="module")
def service():
    with TranscriptionService(idle_timeout_s=300) as shared:
        yield shared


@pytest.fixture(scope="module")
def model(built_base_model) -> str:
    return str(built_base_model)  # a folder: no per-test assembly into each test's home


@pytest.fixture(scope="module")
def long_japanese(japanese_interview_speech, tmp_path_factory) -> Path:
    """The self-introduction three times (about 75 s, three 30-s windows): long enough to interrupt."""
    samples, rate = soundfile.read(japanese_interview_speech.wav, dtype="float32")
    path = tmp_path_factory.mktemp("long") / "long_japanese.wav"
    soundfile.write(path, np.concatenate([samples] * 3), rate)
    return path


def _process_gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_japanese_self_introduction(service, model, japanese_interview_speech):
    seen: list[float] = []
    job = service.submit(japanese_interview_speech.wav, TranscriptionSettings(model=model, language="ja"),
                         on_progress=seen.append)
    transcript = job.wait(DEADLINE_S)
    error_rate = cer(japanese_interview_speech.text, transcript.text)
    print(f"CER {error_rate:.1%}: {transcript.text}  {transcript.extra}")
    assert error_rate <= 0.15, transcript.text
    assert transcript.language == "ja" and transcript.problem is None
    assert transcript.duration_ms == pytest.approx(soundfile.info(japanese_interview_speech.wav).duration * 1000,
                                                   abs=20)
    assert job.state is JobState.DONE and job.progress == 1.0
    assert seen == sorted(seen) and seen[-1] == 1.0 and all(0 < f <= 1 for f in seen)
    starts = [s.start_ms for s in transcript.segments]
    assert starts == sorted(starts) and all(s.end_ms > s.start_ms for s in transcript.segments)
    assert all(s.words for s in transcript.segments)  # word timestamps by default
    assert not any(s.flags for s in transcript.segments)  # real speech is not flagged as invented
    assert transcript.source == str(japanese_interview_speech.wav) and transcript.created_at is not None
    assert transcript.extra["device"] in ("cpu", "cuda")


def test_english_answer_through_transcribe_file(service, model, english_interview_speech):
    transcript = transcribe_file(english_interview_speech.wav, TranscriptionSettings(model=model, language="en"),
                                 service=service)
    error_rate = wer(english_interview_speech.text, transcript.text)
    print(f"WER {error_rate:.1%}: {transcript.text}")
    assert error_rate <= 0.10, transcript.text
    assert transcript.language == "en" and not any(s.flags for s in transcript.segments)
    words = [w for s in transcript.segments for w in s.words]
    assert all(s.start_ms <= w.start_ms <= w.end_ms <= s.end_ms + 50 for s in transcript.segments for w in s.words)
    assert "".join(w.text for w in words).split() == " ".join(s.text for s in transcript.segments).split()


def test_language_is_detected_and_stored(service, model, japanese_short_speech, english_speech):
    automatic = TranscriptionSettings(model=model, language=None)
    japanese = service.submit(japanese_short_speech.wav, automatic)
    english = service.submit(english_speech.wav, automatic)  # queued behind the first: FIFO
    ja, en = japanese.wait(DEADLINE_S), english.wait(DEADLINE_S)
    assert (ja.language, en.language) == ("ja", "en")
    assert ja.settings.language is None and ja.extra["language_probability"] > 0.5
    assert cer(japanese_short_speech.text, ja.text) <= 0.2, ja.text
    assert word_recall(english_speech.content_words, en.text) >= 0.8, en.text


def test_a_44_khz_stereo_m4a_is_resampled(service, model, english_speech, tmp_path):
    import av

    samples, rate = soundfile.read(english_speech.wav, dtype="float32")
    stereo44 = np.interp(np.arange(int(len(samples) * 44100 / rate)) * rate / 44100, np.arange(len(samples)), samples)
    path = tmp_path / "answer.m4a"
    with av.open(str(path), "w", format="ipod") as out:
        stream = out.add_stream("aac", rate=44100)
        stream.layout = "stereo"
        frame = av.AudioFrame.from_ndarray(
            (np.repeat(stereo44[:, None], 2, axis=1) * 32767).astype(np.int16).reshape(1, -1), format="s16",
            layout="stereo")
        frame.sample_rate = 44100
        resampler = av.AudioResampler(format="fltp", layout="stereo", rate=44100)
        for block in [*resampler.resample(frame), *resampler.resample(None), None]:
            for packet in stream.encode(block):
                out.mux(packet)
    transcript = service.submit(path, TranscriptionSettings(model=model, language="en")).wait(DEADLINE_S)
    assert word_recall(english_speech.content_words, transcript.text) >= 0.8, transcript.text


def test_cancel_ends_the_job_and_its_worker_and_the_next_job_runs(service, model, long_japanese, english_speech):
    """How fast (under a second): benchmarks/bench_responsiveness.py."""
    first_progress = threading.Event()
    job = service.submit(long_japanese, TranscriptionSettings(model=model, language="ja"),
                         on_progress=lambda fraction: first_progress.set())
    assert first_progress.wait(DEADLINE_S), "no progress from the worker"
    pid = service.worker_pid
    assert pid is not None and job.state is JobState.RUNNING and 0 < job.progress < 1
    job.cancel()
    with pytest.raises(TranscriptionCancelled) as cancelled:
        job.wait(5)
    assert job.state is JobState.CANCELLED and job.cancelled
    assert str(cancelled.value) == "Transcription cancelled."
    assert _process_gone(pid), "the worker process is still running"
    after = service.submit(english_speech.wav, TranscriptionSettings(model=model, language="en")).wait(DEADLINE_S)
    assert word_recall(english_speech.content_words, after.text) >= 0.8
    assert service.worker_pid not in (None, pid)


def test_cancel_a_queued_job(service, model, long_japanese, english_speech):
    running = service.submit(long_japanese, TranscriptionSettings(model=model, language="ja"))
    done: list[JobState] = []
    queued = service.submit(english_speech.wav, TranscriptionSettings(model=model),
                            on_done=lambda j: done.append(j.state))
    queued.cancel()
    with pytest.raises(TranscriptionCancelled):
        queued.wait(5)  # at once, not after the long job
    assert done == [JobState.CANCELLED] and not running.done
    running.cancel()
    with pytest.raises(TranscriptionCancelled):
        running.wait(5)


def test_a_killed_worker_fails_its_job_clearly_and_the_service_carries_on(service, model, long_japanese,
                                                                          japanese_short_speech):
    first_progress = threading.Event()
    job = service.submit(long_japanese, TranscriptionSettings(model=model, language="ja"),
                         on_progress=lambda fraction: first_progress.set())
    assert first_progress.wait(DEADLINE_S)
    os.kill(service.worker_pid, signal.SIGKILL)  # e.g. the out-of-memory killer
    with pytest.raises(TranscriptionError) as failed:
        job.wait(10)
    assert not isinstance(failed.value, TranscriptionCancelled) and job.state is JobState.FAILED
    assert "stopped unexpectedly (SIGKILL)" in str(failed.value) and str(long_japanese) in str(failed.value)
    after = service.submit(japanese_short_speech.wav, TranscriptionSettings(model=model, language="ja")).wait(
        DEADLINE_S)
    assert cer(japanese_short_speech.text, after.text) <= 0.2


def test_noise_is_capped_and_reported(service, model, tmp_path, monkeypatch):
    noise = tmp_path / "noise.wav"
    rng = np.random.default_rng(7)
    soundfile.write(noise, (rng.standard_normal(45 * 16000) * 0.1).astype(np.float32), 16000)
    monkeypatch.setattr(service, "work_cap_min_s", 2.0)
    monkeypatch.setattr(service, "work_cap_factor", 0.01)
    transcript = service.submit(noise, TranscriptionSettings(model=model, vad=False)).wait(DEADLINE_S)
    # Without the cap Whisper spends about 10 s here, retrying warmer temperatures.
    assert transcript.extra["work_s"] < 2.0 + CAP_GRACE_S + 0.5, transcript.extra
    assert transcript.problem is not None and "mostly noise" in str(transcript.problem)
    assert transcript.problem.params["seconds"] == 2 and transcript.extra["capped"]
    assert all(s.flags for s in transcript.segments), "text kept from noise must be marked"


def test_noise_with_voice_detection_has_no_speech(service, model, tmp_path):
    noise = tmp_path / "noise.wav"
    soundfile.write(noise, (np.random.default_rng(3).standard_normal(8 * 16000) * 0.1).astype(np.float32), 16000)
    transcript = service.submit(noise, TranscriptionSettings(model=model)).wait(DEADLINE_S)
    assert transcript.segments == () and transcript.language == ""
    assert str(transcript.problem) == f"No speech was found in {noise}."


def test_silence_gives_no_text(service, model, tmp_path):
    silent = tmp_path / "silent.wav"
    soundfile.write(silent, np.zeros(5 * 48000, np.float32), 48000)
    for vad in (True, False):  # without voice detection Whisper would write "you" here
        transcript = service.submit(silent, TranscriptionSettings(model=model, vad=vad)).wait(DEADLINE_S)
        assert transcript.segments == () and transcript.text == ""
        assert str(transcript.problem) == f"No speech was found in {silent}."
        assert transcript.duration_ms == 5000


def test_bad_files_give_clear_errors(service, model, tmp_path, english_speech):
    empty = tmp_path / "empty.wav"
    empty.touch()
    text = tmp_path / "notes.wav"
    text.write_text("not a recording\n" * 50)
    header_only = tmp_path / "header_only.wav"
    header_only.write_bytes(english_speech.wav.read_bytes()[:44])
    blip = tmp_path / "blip.wav"
    soundfile.write(blip, np.full(3200, 0.2, np.float32), 16000)
    expected = {
        tmp_path / "missing.wav": "does not exist",
        empty: "empty (0 bytes)",
        text: "is not an audio file",
        header_only: "no sound could be read",
        blip: "too short to transcribe (0.2 s",
    }
    jobs = {path: service.submit(path, TranscriptionSettings(model=model)) for path in expected}
    for path, words in expected.items():
        with pytest.raises(AudioFileError) as error:
            jobs[path].wait(DEADLINE_S)
        assert words in str(error.value) and str(path) in str(error.value)
        assert error.value.message.context == "Transcription" and jobs[path].state is JobState.FAILED


def test_a_missing_model_is_a_transcription_error(service, english_speech, tmp_path):
    job = service.submit(english_speech.wav, TranscriptionSettings(model=str(tmp_path / "no-model")))
    with pytest.raises(TranscriptionError) as error:
        job.wait(DEADLINE_S)
    assert not isinstance(error.value, AudioFileError) and "does not exist" in str(error.value)


def test_a_model_that_fails_to_load_fails_the_job_not_the_worker(service, model, english_speech, tmp_path):
    broken = tmp_path / "broken-model"
    broken.mkdir()
    for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
        (broken / name).write_bytes((Path(model) / name).read_bytes())
    (broken / "model.bin").write_bytes(b"not a model" * 100)
    job = service.submit(english_speech.wav, TranscriptionSettings(model=str(broken), language="en"))
    with pytest.raises(TranscriptionError) as error:
        job.wait(DEADLINE_S)
    assert "could not be loaded" in str(error.value) and not isinstance(error.value, AudioFileError)
    pid = service.worker_pid
    after = service.submit(english_speech.wav, TranscriptionSettings(model=model, language="en")).wait(DEADLINE_S)
    assert word_recall(english_speech.content_words, after.text) >= 0.8 and service.worker_pid == pid


def test_an_english_only_model_refuses_japanese(service, japanese_short_speech):
    job = service.submit(japanese_short_speech.wav, TranscriptionSettings(model="tiny.en", language="ja"))
    with pytest.raises(TranscriptionError) as error:
        job.wait(DEADLINE_S)
    assert "understands only English" in str(error.value)


def test_the_work_cap_follows_the_audio_length():
    with TranscriptionService() as unused:
        assert unused.work_cap_s(5) == 30 and unused.work_cap_s(600) == 1800


def test_an_idle_worker_exits_and_gives_its_memory_back(model, tmp_path):
    silent = tmp_path / "silent.wav"
    soundfile.write(silent, np.zeros(16000, np.float32), 16000)
    with TranscriptionService(idle_timeout_s=0.2) as quick:
        quick.submit(silent, TranscriptionSettings(model=model)).wait(DEADLINE_S)
        pid = quick.worker_pid
        assert quick.wait_for_worker_exit(30)
        assert quick.worker_pid is None and (pid is None or _process_gone(pid))
        again = quick.submit(silent, TranscriptionSettings(model=model)).wait(DEADLINE_S)
        assert again.segments == ()


def test_callbacks_run_on_the_service_thread_and_errors_in_them_are_contained(service, model, tmp_path):
    silent = tmp_path / "silent.wav"
    soundfile.write(silent, np.zeros(16000, np.float32), 16000)
    threads: list[str] = []

    def explode(job):
        threads.append(threading.current_thread().name)
        raise RuntimeError("a broken callback")

    job = service.submit(silent, TranscriptionSettings(model=model), on_done=explode)
    job.wait(DEADLINE_S)
    assert threads == ["furikaeri-transcription"]
    assert service.submit(silent, TranscriptionSettings(model=model)).wait(DEADLINE_S).segments == ()


def test_shutdown_cancels_everything(model, long_japanese):
    quick = TranscriptionService()
    jobs = [quick.submit(long_japanese, TranscriptionSettings(model=model)) for _ in range(2)]
    quick.shutdown()
    for job in jobs:
        with pytest.raises(TranscriptionCancelled):
            job.wait(5)
    assert quick.wait_for_worker_exit(5)
    with pytest.raises(RuntimeError):
        quick.submit(long_japanese)
