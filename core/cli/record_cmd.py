"""``main.py record``: record from the microphone, behind the same consent gate as the app.

``-o FILE`` also copies the finished WAV file there, readable only by you
(atomically; a FIFO or a device straight through).  A folder or one of the
library's own files is refused before recording starts.

Exit status: 0 recorded; 1 the microphone or the disk failed, or the copy
could not be written (what was captured is kept in the library); 2 usage
(an interview id that cannot be one, an unusable -o); 3 refused for lack of
consent, or the library cannot be used (nothing created).  Recordings an
earlier crash left unfinished are repaired first.  A new interview
(``--company`` or ``--mock``) is created only if recording starts.
"""

from __future__ import annotations

import argparse
import shutil
import signal
import sys
import threading
import time
from pathlib import Path
from typing import BinaryIO

from core.cli.checks import EXIT_USAGE, guarded, library_id, output_failed, output_target, written
from core.cli.live_cmd import LiveCli
from core.cli.output import Output
from core.consent import (
    REQUEST_WORDING,
    ConsentAnswer,
    ConsentInvalid,
    ConsentMethod,
    ConsentRequired,
)
from core.fsutil import OutputError, write_output
from core.interviews import Interview, InterviewKind, NotFoundError, utc_now
from core.library import Library
from core.messages import QT_TRANSLATE_NOOP, FurikaeriError, printable
from core.ops import recording as recording_ops
from core.ops.recording import Permission
from core.recording.call_watch import CallWatch
from core.recording.files import sidecar_path
from core.recording.session import RecordingSession
from core.storage.errors import DatabaseError

EXIT_FAILED, EXIT_NO_CONSENT = 1, 3
WATCH_TICK_S = 0.1  # how often the call's level is compared with the microphone's
STREAM_CLOSE_S = 10.0  # a hung sound server: exit anyway after this (the exit guard keeps PortAudio loaded)
METHODS = [m.value for m in ConsentMethod if m is not ConsentMethod.SELF]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], out: Output) -> None:
    t = out.t
    parser = commands.add_parser("record", help=t(QT_TRANSLATE_NOOP(
        "CLI", "record an interview (needs the interviewer's permission) or a mock answer")))
    consent = parser.add_argument_group(t(QT_TRANSLATE_NOOP("CLI", "permission (one of these is required)")))
    consent.add_argument("--mock", action="store_true", help=t(QT_TRANSLATE_NOOP(
        "CLI", "mock practice alone: your own consent")))
    consent.add_argument("--who", help=t(QT_TRANSLATE_NOOP(
        "CLI", "who agreed to the recording (a name or a role)")))
    consent.add_argument("--how", choices=METHODS, help=t(QT_TRANSLATE_NOOP("CLI", "how they agreed")))
    consent.add_argument("--request", help=t(QT_TRANSLATE_NOOP(
        "CLI", "the words you used to ask (default: Furikaeri's polite request)")))
    target = parser.add_mutually_exclusive_group()
    target.add_argument("--interview", metavar="ID",
                        help=t(QT_TRANSLATE_NOOP("CLI", "an interview already in the library")))
    target.add_argument("--company", help=t(QT_TRANSLATE_NOOP("CLI", "create a new interview with this company")))
    parser.add_argument("--duration", type=float, metavar="SECONDS",
                        help=t(QT_TRANSLATE_NOOP("CLI", "stop after this many seconds (default: Ctrl-C)")))
    parser.add_argument("--device", help=t(QT_TRANSLATE_NOOP("CLI", "input device index or name")))
    parser.add_argument("--system-audio", action="store_true",
                        help=t(QT_TRANSLATE_NOOP("CLI", "also record what the computer plays (an online interview's "
                                                        "call) on a second track")))
    parser.add_argument("--system-audio-device", metavar="NAME",
                        help=t(QT_TRANSLATE_NOOP("CLI", "the sound source of the call (default: what the default "
                                                        "output plays; main.py doctor lists them)")))
    parser.add_argument("-o", "--output", metavar="FILE",
                        help=t(QT_TRANSLATE_NOOP("CLI", "also copy the finished WAV file here")))
    parser.add_argument("--transcribe", action="store_true", help=t(QT_TRANSLATE_NOOP(
        "CLI", "transcribe while recording, and write the transcript beside the recording")))
    parser.add_argument("--language", choices=("auto", "ja", "en"), default="auto",
                        help=t(QT_TRANSLATE_NOOP("CLI", "the language spoken (for --transcribe; default: auto)")))
    parser.set_defaults(run=run)


def _permission(args: argparse.Namespace) -> Permission | None:
    """The interviewer's agreement as given on the command line (practice needs none)."""
    if args.mock:
        return None
    return Permission(ConsentAnswer.AGREED, args.who, ConsentMethod(args.how), args.request or REQUEST_WORDING["en"])


def _interview(args: argparse.Namespace, library: Library, out: Output, interview_id: int | None) -> Interview:
    """The interview named, or a new one (not saved yet: it is created only if recording starts)."""
    if interview_id is not None:
        return library.interviews.get(interview_id)
    kind = InterviewKind.MOCK if args.mock else InterviewKind.REAL
    company = args.company or out.t(QT_TRANSLATE_NOOP("CLI", "Mock practice"))
    return Interview(company=company, kind=kind, starts_at=utc_now())


def _call_source(args: argparse.Namespace, out: Output) -> str | None:
    """The source of the call's sound asked for, or this system's usual one; None: none (said why)."""
    if args.system_audio_device:
        return str(args.system_audio_device)
    if not args.system_audio:
        return None
    from core.audio.call_sources import find_call_sources

    found = find_call_sources()
    if found.default is None:
        out.error(out.t(QT_TRANSLATE_NOOP(
            "CLI", "Only the microphone is recorded: no source of the computer's sound was found "
                   "(main.py doctor says what is needed).")))
        if found.missing is not None:
            out.error(found.missing)
        return None
    return found.default.name


def _wait(session: RecordingSession, finished: threading.Event, duration: float | None, out: Output) -> None:
    """Until ``finished`` (Ctrl-C, the microphone lost) or ``duration``; with a call track, watch that the call's
    sound arrives and say once when it does not (core.recording.call_watch)."""
    call = session.call
    if call is None:
        finished.wait(duration)
        return
    watch = CallWatch(call.source)
    deadline = None if duration is None else time.monotonic() + duration
    said = False
    while True:
        left = WATCH_TICK_S if deadline is None else min(WATCH_TICK_S, deadline - time.monotonic())
        if left <= 0 or finished.wait(left):
            return
        alert = watch.update(session.recorder.elapsed_s, session.recorder.level_dbfs, call.recorder.level_dbfs)
        if alert is not None and not said:
            out.error(alert)
            said = True


def _device(value: str | None) -> int | str | None:
    return int(value) if value is not None and value.isdigit() else value


def run(args: argparse.Namespace, out: Output) -> int:
    t = out.t
    if args.mock == bool(args.who or args.how) or (not args.mock and not (args.who and args.how)):
        out.error(t(QT_TRANSLATE_NOOP(
            "CLI", "Not recording: say how permission was given, either --mock for practice alone, "
                   "or --who and --how for the interviewer's permission.")))
        return EXIT_NO_CONSENT
    if not args.mock and args.interview is None and not args.company:
        out.error(t(QT_TRANSLATE_NOOP("CLI", "Name the interview: --interview ID or --company NAME.")))
        return EXIT_USAGE
    interview_id = library_id(out, args.interview) if args.interview is not None else None
    if args.interview is not None and interview_id is None:
        return EXIT_USAGE
    from core.recording.recovery import recover_library, recovery_messages

    with Library.open() as library:
        for message in recovery_messages(recover_library(library)):  # what an earlier crash left behind
            out.print(message)
        if args.output:  # a wrong name is said before recording, not after the interview
            checked = output_target(out, args.output, **guarded(database=library.path))
            if isinstance(checked, int):
                return checked
        finished = threading.Event()
        call_source = _call_source(args, out)
        try:
            interview = _interview(args, library, out, interview_id)
            started = recording_ops.start(
                library, interview, _permission(args), device=_device(args.device),
                on_event=lambda event: finished.set() if _is_interruption(event) else None,
                note="recorded from the command line", call_source=call_source).value
            assert started.session is not None  # only an agreement is given here
            session = started.session
        except (NotFoundError, ConsentInvalid, ConsentRequired) as error:
            out.error(error.message)
            return EXIT_NO_CONSENT
        except DatabaseError:
            raise  # the library's own sentence and exit status (core.cli)
        except FurikaeriError as error:
            out.error(error.message)
            return EXIT_FAILED
        live = LiveCli(library, session, args.language) if args.transcribe else None
        previous = {sig: signal.signal(sig, lambda *_: finished.set()) for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            out.print(t(QT_TRANSLATE_NOOP("CLI", "Recording… (Ctrl-C to stop)")))
            _wait(session, finished, args.duration, out)
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        if session.call_problem is not None:
            out.error(session.call_problem)  # the microphone is recorded all the same
        recording = session.stop()
        session.wait_closed(STREAM_CLOSE_S)  # the process ends next: not while PortAudio still closes a stream
        transcribed = live.finish(recording, out) if live is not None else 0
        database = library.path
    seconds = recording.duration_ms / 1000
    out.print(t(QT_TRANSLATE_NOOP("CLI", "Saved {path} ({seconds:.1f} s)")).format(
        path=printable(str(recording.path)), seconds=seconds))
    if session.call is not None:
        out.print(t(QT_TRANSLATE_NOOP("CLI", "The call's sound: {path}")).format(
            path=printable(str(session.call.path))))
        if session.call_problem is not None:
            out.error(session.call_problem)
    status = 0
    if args.output:
        status = _copy(out, recording.path, args.output, database)
    if session.library_problem is not None:
        out.error(session.library_problem)
    if recording.problem is not None:
        out.error(recording.problem)
        return EXIT_FAILED
    return EXIT_FAILED if session.library_problem is not None or transcribed else status


def _copy(out: Output, audio: Path, name: str, database: Path) -> int:
    """Copy the finished recording to ``-o``: the exit status (the recording stays in the library either way)."""
    def copy(handle: BinaryIO) -> None:
        with open(audio, "rb") as source:
            shutil.copyfileobj(source, handle, 1 << 20)

    try:
        target = write_output(name, copy, **guarded(audio, sidecar_path(audio), database=database))
    except OutputError as error:
        return output_failed(out, error)
    written(out, target, QT_TRANSLATE_NOOP("CLI", "Copied to {path}"))
    return 0


def _is_interruption(event: object) -> bool:
    from core.recording.recorder import Interrupted

    return isinstance(event, Interrupted)


if __name__ == "__main__":  # pragma: no cover
    sys.exit("use: main.py record")
