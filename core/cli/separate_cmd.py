"""``main.py separate``: tell the voices of a library recording apart again, without transcribing it again.

    main.py separate 12 --speakers 3      # transcript 12's recording, three voices
    main.py separate 12                   # the number of voices estimated again

The recording's newest transcript gets the new voices; corrections, the
names given to speakers and "this is me" are kept
(:mod:`core.transcription.reseparate`).  The result is stored as the
recording's newest transcript and its number printed (``export`` writes it).

Exit status: 0 told apart and saved; 1 it failed (the transcript is
unchanged); 2 usage (an id that cannot be one, a number of speakers outside
1..9, a transcript that is not its recording's newest, a recording with no
voices to tell apart: practice or a call track); 4 no such transcript;
130 cancelled with Ctrl-C (the transcript is unchanged).
"""

from __future__ import annotations

import argparse
import sys
import threading

from core.cli.checks import library_id
from core.cli.output import Output
from core.cli.transcribe_cmd import _ProgressBar, _speaker_count
from core.interviews import NotFoundError
from core.messages import QT_TRANSLATE_NOOP, FurikaeriError

EXIT_FAILED, EXIT_USAGE, EXIT_NOT_FOUND, EXIT_CANCELLED = 1, 2, 4, 130


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], out: Output) -> None:
    t = out.t
    parser = commands.add_parser("separate", help=t(QT_TRANSLATE_NOOP(
        "CLI", "tell the voices of a recorded interview apart again, without transcribing it again")))
    parser.add_argument("transcript", metavar="TRANSCRIPT_ID", help=t(QT_TRANSLATE_NOOP(
        "CLI", "the transcript's number in the library (its recording's newest)")))
    parser.add_argument("--speakers", metavar="N", default="auto", type=lambda text: _speaker_count(text, t),
                        help=t(QT_TRANSLATE_NOOP("CLI", "how many voices (1 to 9), or \"auto\" to estimate "
                                                        "(the default)")))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, out: Output) -> int:
    from core.library import Library
    from core.ops.separation import Outcome, SeparationRefusedError, separate_again
    from core.transcription.service import TranscriptionCancelled, TranscriptionService

    t = out.t
    transcript_id = library_id(out, args.transcript)
    if transcript_id is None:
        return EXIT_USAGE
    speakers = args.speakers or None  # 0: auto
    with Library.open() as library:
        try:
            recording_id = library.transcripts.get(transcript_id).recording_id
            recording = library.recordings.get(recording_id) if recording_id is not None else None
        except (LookupError, NotFoundError):
            recording = None
        if recording is None:
            out.error(t(QT_TRANSLATE_NOOP("CLI", "There is no transcript {id} of a recording in the library.")).format(
                id=transcript_id))
            return EXIT_NOT_FOUND
        newest = library.transcripts.latest_id_for_recording(recording.id)
        if newest != transcript_id:
            out.error(t(QT_TRANSLATE_NOOP(
                "CLI", "Transcript {id} is not its recording's newest: use transcript {newest}.")).format(
                id=transcript_id, newest=newest))
            return EXIT_USAGE
        bar = _ProgressBar(out.stderr)
        finished = threading.Event()
        outcomes: list[Outcome] = []

        def done(outcome: Outcome) -> None:
            outcomes.append(outcome)
            finished.set()

        with TranscriptionService(idle_timeout_s=0.0) as service:
            try:
                job = separate_again(library, service, recording, speakers, on_done=done, on_progress=bar)
            except SeparationRefusedError as error:
                out.error(error.message)
                return EXIT_USAGE
            try:
                finished.wait()
            except KeyboardInterrupt:
                job.cancel()
                finished.wait()
        bar.end()
    outcome = outcomes[0]
    if isinstance(outcome, TranscriptionCancelled):
        out.error(t(QT_TRANSLATE_NOOP("CLI", "Cancelled: the transcript is unchanged.")))
        return EXIT_CANCELLED
    if isinstance(outcome, FurikaeriError):
        out.error(outcome.message)
        return EXIT_FAILED
    if isinstance(outcome, Exception):
        raise outcome
    saved = outcome.value
    voices = len({s.speaker for s in saved.segments if s.speaker is not None})
    out.print(t(QT_TRANSLATE_NOOP(
        "CLI", "{count} voices told apart: saved as transcript {id} (main.py export {id} writes it).")).format(
        count=voices, id=saved.id))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit("use: main.py separate TRANSCRIPT_ID")
