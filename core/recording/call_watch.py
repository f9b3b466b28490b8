"""Noticing that the call's sound does not reach the recording.

An online interview recorded on two tracks can go wrong without any error:
the meeting app plays through another output (a headset, say) than the one
recorded, and the call track stays silent.  :class:`CallWatch` is fed the
two tracks' levels as the recording goes on and says so, in one sentence,
once the call track has been silent for ``silent_s`` seconds of recording
while the microphone heard speech; the sentence goes away when the call is
heard again.  It is pure (no clock, no I/O): the panel and ``main.py record``
feed it the recorder's levels and position.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.messages import QT_TRANSLATE_NOOP, Message

SILENT_CALL_S = 30.0  # how long the call may stay silent while the microphone hears speech
SPEECH_DBFS = -45.0  # a microphone above this hears someone speak (a room's noise stays below)
SILENCE_DBFS = -60.0  # a call track below this carries nothing (an unused output gives digital silence)
MIN_SPEECH_S = 3.0  # speech heard by the microphone meanwhile, for the call's silence to mean something
MAX_STEP_S = 1.0  # a gap between two readings longer than this counts as this much (a stalled feeder)


def not_reaching_message(seconds: float, source: str) -> Message:
    return Message("CallAudio", QT_TRANSLATE_NOOP(
        "CallAudio", "The call's sound is not reaching Furikaeri: the microphone hears speech, but the call "
                     "has been silent for {seconds} s. Check that the meeting app plays through the output "
                     "being recorded ({source})."), {"seconds": round(seconds), "source": source})


@dataclass
class CallWatch:
    """Fed ``update(position_s, microphone_dbfs, call_dbfs)``; :attr:`alert` is the sentence while it holds."""

    source: str = ""
    silent_s: float = SILENT_CALL_S
    min_speech_s: float = MIN_SPEECH_S
    speech_dbfs: float = SPEECH_DBFS
    silence_dbfs: float = SILENCE_DBFS

    def __post_init__(self) -> None:
        self._last: float | None = None
        self._silent_since: float | None = None  # position where the call went quiet
        self._speech_s = 0.0  # speech heard by the microphone since then
        self.alert: Message | None = None
        self.alerts = 0  # how many times the sentence appeared (a feeder prints it once)

    def update(self, position_s: float, microphone_dbfs: float, call_dbfs: float) -> Message | None:
        """Take one reading at ``position_s`` (the recording's position, pauses left out); the sentence when it
        should be shown now, else ``None``."""
        step = 0.0 if self._last is None else min(max(position_s - self._last, 0.0), MAX_STEP_S)
        self._last = position_s
        if call_dbfs > self.silence_dbfs:
            self._silent_since, self._speech_s, self.alert = None, 0.0, None
            return None
        if self._silent_since is None:
            self._silent_since = position_s
        if microphone_dbfs >= self.speech_dbfs:
            self._speech_s += step
        if (self.alert is None and position_s - self._silent_since >= self.silent_s
                and self._speech_s >= self.min_speech_s):
            self.alert = not_reaching_message(position_s - self._silent_since, self.source)
            self.alerts += 1
        return self.alert
