"""The user's voice profile (opt-in): made from their own practice recordings, deleted on request.

See :mod:`core.diarization.profile`.  Only recordings made alone under the
user's own consent (mock practice, method "self") are used: nobody else's
voice goes into it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from core.consent import ConsentMethod
from core.diarization import profile
from core.diarization.models import load
from core.interviews import InterviewKind, utc_now
from core.library import Library
from core.messages import QT_TRANSLATE_NOOP, FurikaeriError, Message
from core.ops.changes import Changes, Result
from core.recording.store import Recording


def own_recordings(library: Library) -> list[Recording]:
    """The user's practice recordings made alone (their consent's method is "self"), whose audio is there."""
    mine = []
    for interview in library.interviews.all():
        if interview.kind is not InterviewKind.MOCK or interview.id is None:
            continue
        for recording in library.recordings.for_interview(interview.id):
            consent = library.consent.get(recording.consent_id)
            if consent is not None and consent.method is ConsentMethod.SELF and recording.path.is_file():
                mine.append(recording)
    return mine


@dataclass(frozen=True)
class Status:
    """What Settings shows: the profile (or why it cannot be read) and the recordings it can be made from."""

    made: profile.VoiceProfile | None  # None: there is none, or it cannot be read
    problem: Message | None  # the profile file is there but cannot be read
    practice_recordings: int  # own_recordings()


def status(library: Library) -> Result[Status]:
    """Whether there is a voice profile, and how many practice recordings made alone could make one."""
    count = len(own_recordings(library))
    try:
        return Result(Status(profile.load(), None, count), Changes())
    except FurikaeriError as error:
        return Result(Status(None, error.message, count), Changes())


def create(library: Library, progress: Callable[[float], None] | None = None) -> Result[profile.VoiceProfile]:
    """Make (or make again) the user's voice profile from their practice recordings, and keep it."""
    from core.transcription.audio import decode

    recordings = own_recordings(library)
    if not recordings:
        raise profile.VoiceProfileError(Message("VoiceProfile", QT_TRANSLATE_NOOP(
            "VoiceProfile", "There are no practice recordings of you alone yet: record a few practice answers "
                            "first.")))

    def reader(recording: Recording) -> Callable[[], npt.NDArray[np.float32]]:
        return lambda: np.asarray(decode(recording.path).samples, dtype=np.float32)

    made = profile.build([reader(r) for r in recordings], load(), utc_now(), progress)
    profile.save(made)
    return Result(made, Changes())


def delete(library: Library) -> Result[bool]:
    """Delete the user's voice profile; the value says whether there was one."""
    return Result(profile.delete(), Changes())
