"""Importing a file: it is checked before the user is asked about permission, and the import that follows reads
the file's description only again if the file changed meanwhile (a WebM without a length is decoded to measure
it: once is enough); a file swapped for something else after the check is refused, nothing is saved."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
import soundfile

from core.consent import ConsentAnswer, ConsentMethod, ConsentPurpose, ConsentRecord
from core.interviews import Interview, InterviewKind, utc_now
from core.library import Library
from core.recording import importer
from core.transcription.audio import AudioFileError


def _consent(interview_id: int) -> ConsentRecord:
    return ConsentRecord(interview_id=interview_id, purpose=ConsentPurpose.IMPORTED, answer=ConsentAnswer.AGREED,
                         who="self", method=ConsentMethod.SELF, asked_at=utc_now())


def _wav(path: Path, seconds: float) -> Path:
    t = np.arange(int(16000 * seconds)) / 16000
    soundfile.write(path, (0.2 * np.sin(2 * np.pi * 440 * t)).astype(np.float32), 16000, subtype="PCM_16")
    return path


@pytest.fixture
def probes(monkeypatch):
    """How often the importer reads a file's description (the real probe, counted)."""
    calls: list[Path] = []
    real = importer.probe

    def counted(path):
        calls.append(Path(path))
        return real(path)

    monkeypatch.setattr(importer, "probe", counted)
    return calls


def test_an_unchanged_file_is_described_once(tmp_path, probes):
    source = _wav(tmp_path / "answer.wav", 2.0)
    with Library.open(tmp_path / "library.db") as library:
        interview = library.interviews.add(Interview(company="Acme", kind=InterviewKind.MOCK))
        checked = importer.check(source)
        assert checked.info.duration_s == pytest.approx(2.0, abs=0.01)
        recording = importer.import_audio(library, source, _consent(interview.stored_id), checked)
        assert probes == [source]  # the check's description was used
        assert recording.duration_ms == 2000 and recording.source_name == "answer.wav"


def test_a_file_changed_after_the_check_is_described_again(tmp_path, probes):
    source = _wav(tmp_path / "answer.wav", 2.0)
    with Library.open(tmp_path / "library.db") as library:
        interview = library.interviews.add(Interview(company="Acme", kind=InterviewKind.MOCK))
        checked = importer.check(source)
        _wav(source, 3.0)  # recorded again meanwhile
        os.utime(source, ns=(checked.mtime_ns + 10**9, checked.mtime_ns + 10**9))
        recording = importer.import_audio(library, source, _consent(interview.stored_id), checked)
        assert len(probes) == 2 and recording.duration_ms == 3000  # the file as it is now


def test_a_file_swapped_for_something_else_after_the_check_is_refused(tmp_path):
    source = _wav(tmp_path / "answer.wav", 2.0)
    with Library.open(tmp_path / "library.db") as library:
        interview = library.interviews.add(Interview(company="Acme", kind=InterviewKind.MOCK))
        checked = importer.check(source)
        source.write_bytes(b"not audio at all, and longer than the header was" * 100)
        with pytest.raises(AudioFileError):
            importer.import_audio(library, source, _consent(interview.stored_id), checked)
        assert library.recordings.for_interview(interview.stored_id) == []  # nothing saved
        assert library.consent.for_interview(interview.stored_id) == []
