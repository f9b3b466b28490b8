"""Why a recording could not start or had to stop, in words for the user.

Every sentence is one :class:`~core.messages.Message` in the ``Recorder``
context, written out literally with ``QT_TRANSLATE_NOOP`` so that ``lupdate``
extracts it.  :func:`open_failure` and :func:`write_failure` turn the errors
PortAudio and the file system raise into those messages (ENGINEERING.md §2
lists how capture fails over PulseAudio).
"""

from __future__ import annotations

import errno
from pathlib import Path

from core.audio.devices import no_input_device_message
from core.messages import QT_TRANSLATE_NOOP, FurikaeriError, Message

CONTEXT = "Recorder"

# PortAudio error codes (portaudio.h, PaErrorCode)
PA_UNANTICIPATED_HOST_ERROR = -9999
PA_INVALID_CHANNEL_COUNT = -9998
PA_INVALID_SAMPLE_RATE = -9997
PA_INVALID_DEVICE = -9996
PA_DEVICE_UNAVAILABLE = -9985
PA_BAD_IO_DEVICE_COMBINATION = -9993


class RecordingError(FurikaeriError):
    """Recording could not start (or go on); ``message`` says why, for the user."""


def _m(text: str, **params: object) -> Message:
    return Message(CONTEXT, text, params)


# -- starting ------------------------------------------------------------------


def file_exists(path: Path) -> Message:
    return _m(QT_TRANSLATE_NOOP(
        "Recorder", "A file named {name} already exists, so recording did not start (it would be overwritten)."),
        name=path.name)


def file_not_created(path: Path, detail: str) -> Message:
    return _m(QT_TRANSLATE_NOOP(
        "Recorder", "The recording file {name} could not be created, so recording did not start: {detail}"),
        name=path.name, detail=detail)


def disk_full_not_started() -> Message:
    return _m(QT_TRANSLATE_NOOP(
        "Recorder", "The disk is full, so recording did not start and nothing was created. "
                    "Free some space and try again."))


def not_started_write(error: OSError) -> Message:
    """The message for a file that could not be prepared before recording (the reserve, the lock, the sidecar)."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return disk_full_not_started()
    return _m(QT_TRANSLATE_NOOP(
        "Recorder", "The recordings folder could not be written, so recording did not start: {detail}"),
        detail=error.strerror or str(error))


def sound_system_unreachable() -> Message:
    return _m(QT_TRANSLATE_NOOP(
        "Recorder", "The sound system is not reachable, so recording did not start. "
                    "Check that it is running and that the microphone is connected, then try again."))


def device_failed(detail: str) -> Message:
    return _m(QT_TRANSLATE_NOOP(
        "Recorder", "The microphone could not be opened; it may have been disconnected ({detail})."),
        detail=detail)


def device_not_found(device: object) -> Message:
    return _m(QT_TRANSLATE_NOOP(
        "Recorder", "The microphone \u201c{device}\u201d was not found. Connect it or choose another one."),
        device=str(device))


def rate_unsupported(rate: int) -> Message:
    return _m(QT_TRANSLATE_NOOP(
        "Recorder", "The microphone cannot record at {rate} Hz, nor at its own usual rate."), rate=rate)


def open_failed(detail: str) -> Message:
    return _m(QT_TRANSLATE_NOOP(
        "Recorder", "The microphone could not be opened: {detail}"), detail=detail)


def portaudio_code(error: BaseException) -> int | None:
    """The ``PaErrorCode`` of a ``sounddevice.PortAudioError``, if it carries one."""
    args: tuple[object, ...] = getattr(error, "args", ())
    code = args[1] if len(args) > 1 else None
    return code if isinstance(code, int) else None


def open_failure(error: Exception, device: object) -> Message:
    """The message for an input stream that would not open."""
    detail = str(error.args[0]) if error.args else type(error).__name__
    if isinstance(error, ValueError):  # sounddevice: "No input device matching ..."
        return device_not_found(device)
    code = portaudio_code(error)
    if code is None and "querying device -1" in detail:  # no default input at all
        return no_input_device_message()
    if code in (PA_BAD_IO_DEVICE_COMBINATION, PA_DEVICE_UNAVAILABLE, PA_INVALID_DEVICE):
        return sound_system_unreachable()
    if code == PA_UNANTICIPATED_HOST_ERROR:
        return device_failed(detail)
    return open_failed(detail)


# -- while recording -----------------------------------------------------------


def input_lost() -> Message:
    return _m(QT_TRANSLATE_NOOP(
        "Recorder", "The microphone or the sound system went away, so the recording stopped; "
                    "everything up to that moment is saved."))


def input_hung(seconds: float) -> Message:
    return _m(QT_TRANSLATE_NOOP(
        "Recorder", "The sound system sent no audio for {seconds} seconds, so the recording stopped; "
                    "everything up to that moment is saved."), seconds=f"{seconds:g}")


def disk_full() -> Message:
    return _m(QT_TRANSLATE_NOOP(
        "Recorder", "The disk is full, so the recording stopped; everything up to that moment is saved. "
                    "Free some space before recording again."))


def file_too_large() -> Message:
    return _m(QT_TRANSLATE_NOOP(
        "Recorder", "The recording file reached the largest size allowed, so the recording stopped; "
                    "everything up to that moment is saved."))


def write_failed(detail: str) -> Message:
    return _m(QT_TRANSLATE_NOOP(
        "Recorder", "The recording could not be written to disk ({detail}), so it stopped; "
                    "everything saved until then is kept."), detail=detail)


def write_failure(error: OSError) -> Message:
    """The message for an ``OSError`` raised while writing the recording."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return disk_full()
    if error.errno == errno.EFBIG:
        return file_too_large()
    return write_failed(error.strerror or str(error))


def unexpected(detail: str) -> Message:
    return _m(QT_TRANSLATE_NOOP(
        "Recorder", "The recording stopped because of an unexpected error ({detail}); "
                    "everything up to that moment is saved."), detail=detail)


# -- stopping ------------------------------------------------------------------


def stop_unanswered() -> Message:
    return _m(QT_TRANSLATE_NOOP(
        "Recorder", "The sound system did not answer when the recording was stopped; "
                    "everything captured until then is saved."))


def save_unfinished() -> Message:
    return _m(QT_TRANSLATE_NOOP(
        "Recorder", "Saving the recording is taking longer than expected; "
                    "it continues in the background."))


def library_not_updated(path: Path, reason: Message) -> Message:
    return _m(QT_TRANSLATE_NOOP(
        "Recorder", "The recording is saved in {path}, but the library could not note that it ended: {reason} "
                    "Furikaeri will bring the library up to date the next time it starts."),
        path=str(path), reason=reason)


def sidecar_not_written(path: Path, detail: str) -> Message:
    return _m(QT_TRANSLATE_NOOP(
        "Recorder", "The recording is saved in {path}, but the file beside it that carries its consent record "
                    "could not be written ({detail})."),
        path=str(path), detail=detail)
