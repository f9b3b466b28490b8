"""An online interview's second track: what the computer plays (the call), beside the microphone's.

The track is a :class:`~core.recording.recorder.Recorder` of its own, fed by
:mod:`core.audio.pulse_streams` from a PulseAudio source (the monitor of the
speakers), under the same permit as the microphone: it is written as it comes,
made durable every second and repaired after a crash like any recording.  It
never takes the microphone down with it: when the call's sound cannot be
opened or goes away, :attr:`CallTrack.problem` says so in one sentence and the
microphone track goes on.

:meth:`CallTrack.align_to` puts the track on the microphone's clock
(:mod:`core.recording.clock`): its writer pads or trims the start and spreads
single-frame corrections so that both files hold the same instant at the same
frame; :meth:`CallTrack.facts` says what was measured and done.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from core.audio.call_sources import sound_devices_for
from core.consent import ConsentStore, RecordingPermit
from core.messages import QT_TRANSLATE_NOOP, FurikaeriError, Message
from core.recording.clock import Aligner
from core.recording.files import call_track_path
from core.recording.recorder import Recorder, RecorderConfig, RecordingResult

CHANNELS = 2  # the call as the computer plays it (stereo)
REFERENCE_WAIT_S = 1.0  # how long start() waits for the microphone's first block (it times the call's start)


def _m(text: str, **params: object) -> Message:
    return Message("CallAudio", text, params)


class CallTrack:
    reference: Recorder | None = None  # the microphone's recorder this track keeps in step with

    def __init__(self, audio: Path, source: str, permit: RecordingPermit, consent: ConsentStore,
                 samplerate: int = 48000) -> None:
        self.path = call_track_path(audio)
        self.source = source
        self.problem: Message | None = None
        self.result: RecordingResult | None = None
        sd, device = sound_devices_for(source, samplerate)  # this system's route to what the computer plays
        self.recorder = Recorder(RecorderConfig(path=self.path, samplerate=samplerate, channels=CHANNELS,
                                                device=device), permit,
                                 sd=sd, on_event=self._on_event, consent=consent)

    def align_to(self, reference: Recorder, on_aligned: Callable[[], None] | None = None) -> None:
        """Keep this track in step with ``reference`` (the microphone's recorder, already started);
        ``on_aligned`` is called once, from the track's writer thread, when its start has been set."""
        assert reference.clock is not None, "the reference recorder must be started first"
        self.reference = reference
        self.recorder.aligner = Aligner(reference.clock, self.recorder.samplerate)
        self.recorder.aligner.on_aligned = on_aligned

    def start(self) -> bool:
        """Start capturing; False (and :attr:`problem` says why) when the call's sound cannot be recorded."""
        reference = self.reference
        if reference is not None:  # its first block gives frame 0's time (the call's own first ones wait for it)
            reference.wait_for(lambda r: r.clock is not None and r.clock.ready, REFERENCE_WAIT_S)
        try:
            self.recorder.start()
        except FurikaeriError as error:
            self.problem = _m(QT_TRANSLATE_NOOP(
                "CallAudio", "Only the microphone is being recorded: the call's sound ({source}) could not be "
                             "recorded. {reason}"), source=self.source, reason=error.message)
            return False
        return True

    def _on_event(self, event: Any) -> None:
        reason = getattr(event, "reason", None)
        if reason is not None and self.problem is None:
            self.problem = _m(QT_TRANSLATE_NOOP(
                "CallAudio", "The call's sound stopped being recorded; the microphone went on. {reason}"),
                reason=reason)

    def pause(self) -> None:
        self.recorder.pause()

    def resume(self) -> None:
        self.recorder.resume()

    def stop(self, timeout_s: float = 5.0) -> RecordingResult:
        self.result = self.recorder.stop(timeout_s=timeout_s)
        return self.result

    def facts(self) -> dict[str, Any]:
        """What the sidecar says about the track, and how it was kept in step with the microphone."""
        result = self.result
        return {
            "file": self.path.name,
            "source": self.source,
            "channels": CHANNELS,
            "duration_ms": round(result.duration_s * 1000) if result is not None else None,
            "problem": self.problem.render() if self.problem is not None else None,
            **self._clock_facts(),
        }

    def _clock_facts(self) -> dict[str, Any]:
        aligner, rate = self.recorder.aligner, self.recorder.samplerate
        if aligner is None or not aligner.aligned:
            return {"aligned": False}
        assert aligner.start_offset_frames is not None
        return {
            "aligned": True,  # the file's frame n was captured when the microphone's frame n was
            "start_offset_ms": round(aligner.start_offset_frames * 1000 / rate, 2),  # > 0: padded, < 0: trimmed
            "drift_ppm": round(aligner.drift_ppm, 1),  # the call's clock against the microphone's
            "frames_inserted": aligner.inserted,
            "frames_dropped": aligner.dropped,
            "residual_ms": round(aligner.last_error_frames * 1000 / rate, 2),  # the last difference measured
        }
