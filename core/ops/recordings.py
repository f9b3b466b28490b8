"""Operations on recordings that are not a running session: recovery after a crash."""

from __future__ import annotations

from core.library import Library
from core.ops.changes import Changes, Result
from core.recording.recovery import RecoveryReport, recover_library


def recover(library: Library) -> Result[RecoveryReport]:
    """Repair what an unexpected stop left unfinished and attach audio files that lost their row."""
    report = recover_library(library)
    return Result(report, Changes(recordings=frozenset(r.interview_id for r in report.recovered)))
