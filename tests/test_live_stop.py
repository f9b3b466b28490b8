"""Stop while a whole window is being decoded: the window's newest draft stands for it and only the rest is decoded
(beside it, on the model's second decoder), so Stop waits for that rest and not for a window (issue 16)."""

from __future__ import annotations

import queue
import threading

import numpy as np

from core.recording.wavfile import WavWriter
from core.speech.models import load_whisper
from core.transcription.audio import decode
from core.transcription.live import DECODERS, LIVE, LiveControl, LiveJob
from core.transcription.messages import JobRequest
from core.transcription.model import TranscriptionSettings
from core.transcription.window import FRAMES
from tests.live_feed import RATE, JobLine, pcm16
from tests.speech_fixtures import cer, japanese_characters


class StopDuringTheFirstWindow(LiveJob):
    """A live job that is told the recording ended just as its first whole window starts decoding."""

    def __init__(self, *args, inbox: queue.Queue, stopped: threading.Event) -> None:
        super().__init__(*args)
        self.inbox, self.stopped, self.windows = inbox, stopped, 0

    def _decoder(self, track, frames):
        decode = super()._decoder(track, frames)
        if self.ended or frames != FRAMES:
            return decode  # a draft, or after Stop

        def first_window_stops():  # (on the background thread)
            self.windows += 1
            if self.windows == 1:
                self.stopped.set()
                self.inbox.put(LiveControl(self.request.job_id, ended=True))
            return decode()

        return first_window_stops


def _recorded_while_stopping(path, audio, settings, model):
    """Write ``audio`` second by second, each once the job has read the one before, until the job is told to stop
    (during its first window); the job and what it heard."""
    line = JobLine()
    stopped = threading.Event()
    job = StopDuringTheFirstWindow(JobRequest(1, str(path), settings, settings.model, "cpu", 0.0, kind=LIVE),
                                   model, line.send, line.receive, inbox=line.inbox, stopped=stopped)
    writer = WavWriter(path, RATE, 1)
    worker = threading.Thread(target=job.run)
    worker.start()
    for written in range(1, len(audio) // RATE + 1):
        if stopped.is_set():
            break
        writer.write(pcm16(audio[(written - 1) * RATE:written * RATE]))
        with line.said:  # the job has read it (or stops): never a sleep
            line.said.wait_for(lambda written=written: stopped.is_set() or not worker.is_alive()
                               or line.caught().recorded_s >= written - 0.01, timeout=120)
    worker.join(300)
    writer.close()
    assert not worker.is_alive()
    return job, line.segments()


def _transcribed_after(path, settings, model):
    """The usual live job over a recording that is all there (no Stop during a window)."""
    line = JobLine()
    line.inbox.put(LiveControl(1, ended=True))
    job = LiveJob(JobRequest(1, str(path), settings, settings.model, "cpu", 0.0, kind=LIVE), model, line.send,
                  lambda timeout: line.inbox.get_nowait() if not line.inbox.empty() else None)
    job.run()
    return line.segments()


def test_stop_during_a_window_takes_its_draft_and_loses_nothing(tmp_path, built_base_model,
                                                               japanese_interview_speech):
    clip = decode(japanese_interview_speech.wav).samples
    pause = np.zeros(int(1.2 * RATE), dtype=np.float32)
    audio = np.concatenate([clip, pause, clip])  # about 50 s: a whole window and more
    settings = TranscriptionSettings(model=str(built_base_model), language="ja")
    model = load_whisper(str(built_base_model), device="cpu", workers=DECODERS)

    job, segments = _recorded_while_stopping(tmp_path / "recorded.wav", audio, settings, model)
    assert job.windows == 1 and job.rescued == 1  # Stop came during the window: its newest draft stood for it
    heard = decode(tmp_path / "recorded.wav").samples  # all the job was given before Stop
    assert len(heard) >= 30 * RATE
    starts = [s.start_ms for s in segments]
    assert starts == sorted(starts) and segments[-1].end_ms >= len(heard) * 1000 // RATE - 4000  # to the end
    text = japanese_characters(" ".join(s.text for s in segments))

    again = tmp_path / "again.wav"
    writer = WavWriter(again, RATE, 1)
    writer.write(pcm16(heard))
    writer.close()
    usual = japanese_characters(" ".join(s.text for s in _transcribed_after(again, settings, model)))
    reference = japanese_characters(japanese_interview_speech.text) * 2
    reference = reference[:round(len(reference) * len(heard) / len(audio))]  # about what was said before Stop
    assert cer(usual, text) <= 0.05, (text, usual)  # the same words: none lost, none twice
    assert abs(len(text) - len(usual)) <= max(3, len(usual) // 20)
    assert cer(reference, text) <= cer(reference, usual) + 0.03
