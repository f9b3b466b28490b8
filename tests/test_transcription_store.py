"""Transcripts in the library: round trips, corrections, cascades, each interview's language."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest

from core.consent import self_consent
from core.interviews import Interview, InterviewKind
from core.library import Library
from core.messages import QT_TRANSLATE_NOOP, Message
from core.transcription.model import Segment, SegmentFlag, Transcript, TranscriptionSettings, Word


def sample_transcript(recording_id: int | None = None, segments: int = 3) -> Transcript:
    return Transcript(
        source="1/2026-11-22_1000.wav", language="ja", duration_ms=61_500,
        settings=TranscriptionSettings(model="base", language=None, initial_prompt="えー、あの、"),
        segments=tuple(
            Segment(start_ms=i * 2000, end_ms=i * 2000 + 1800, text=f"第{i}の文です。", avg_logprob=-0.25,
                    no_speech_prob=0.03,
                    words=(Word(i * 2000, i * 2000 + 600, f"第{i}", 0.91), Word(i * 2000 + 600, i * 2000 + 1800,
                                                                                "の文です。", 0.8)),
                    flags=frozenset({SegmentFlag.STOCK_PHRASE, SegmentFlag.SILENCE}) if i == 1 else frozenset())
            for i in range(segments)),
        recording_id=recording_id,
        created_at=datetime(2026, 11, 22, 10, 0, tzinfo=UTC),
        problem=Message("Transcription", QT_TRANSLATE_NOOP("Transcription", "No speech was found in {file}."),
                        {"file": "x.wav"}),
    )


@pytest.fixture
def library():
    with Library.open() as lib:
        yield lib


def _recording(library: Library, company: str = "Acme"):
    interview = library.interviews.add(Interview(company=company, kind=InterviewKind.MOCK))
    consent = library.consent.add(self_consent(interview.id))
    recording = library.recordings.begin(consent, f"{interview.id}/take.wav", 48000, 1)
    return interview, recording


def test_round_trip_with_words_flags_settings_and_problem(library):
    _, recording = _recording(library)
    saved = library.transcripts.save(sample_transcript(recording.id))
    assert saved.id is not None and all(s.id is not None for s in saved.segments)
    loaded = library.transcripts.get(saved.id)
    assert loaded == saved
    assert loaded.segments[1].flags == {SegmentFlag.STOCK_PHRASE, SegmentFlag.SILENCE}
    assert loaded.segments[2].words[0] == Word(4000, 4600, "第2", 0.91)
    assert loaded.settings.initial_prompt == "えー、あの、" and loaded.settings.language is None
    assert str(loaded.problem) == "No speech was found in x.wav."
    assert library.transcripts.latest_for_recording(recording.id) == loaded


def test_a_transcript_without_recording_or_segments(library):
    empty = Transcript(source="/tmp/a.wav", language="", duration_ms=3000, settings=TranscriptionSettings())
    saved = library.transcripts.save(empty)
    loaded = library.transcripts.get(saved.id)
    assert loaded.segments == () and loaded.recording_id is None and loaded.problem is None
    assert loaded.created_at is not None
    with pytest.raises(KeyError):
        library.transcripts.get(saved.id + 1)


def test_corrections_keep_the_original(library):
    saved = library.transcripts.save(sample_transcript())
    segment = saved.segments[0]
    corrected = library.transcripts.correct_segment(segment.id, "第零の文です。")
    assert corrected.text == "第0の文です。" and corrected.corrected_text == "第零の文です。"
    assert corrected.display_text == "第零の文です。" and corrected.words == segment.words
    loaded = library.transcripts.get(saved.id)
    assert loaded.segments[0].corrected_text == "第零の文です。" and loaded.segments[1].corrected_text is None
    assert "第零の文です。" in loaded.text and loaded.segments[0].text == "第0の文です。"
    assert library.transcripts.correct_segment(segment.id, "").display_text == ""  # deleting is a correction
    assert library.transcripts.correct_segment(segment.id, None).corrected_text is None  # reverted
    assert library.transcripts.correct_segment(segment.id, "第0の文です。").corrected_text is None
    with pytest.raises(KeyError):
        library.transcripts.correct_segment(10_000, "x")


def test_newest_transcript_wins_and_all_are_kept(library):
    _, recording = _recording(library)
    first = library.transcripts.save(sample_transcript(recording.id, segments=1))
    second = library.transcripts.save(sample_transcript(recording.id, segments=2))
    assert library.transcripts.latest_for_recording(recording.id).id == second.id
    assert [t.id for t in library.transcripts.for_recording(recording.id)] == [first.id, second.id]
    assert library.transcripts.latest_for_recording(recording.id + 100) is None
    library.transcripts.delete(second.id)
    assert library.transcripts.latest_for_recording(recording.id).id == first.id


def _count(library: Library, table: str) -> int:
    return library._conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_deleting_an_interview_removes_transcripts_segments_and_words(library):
    interview, recording = _recording(library)
    _other_interview, other = _recording(library, "Other")
    library.transcripts.save(sample_transcript(recording.id))
    kept = library.transcripts.save(sample_transcript(other.id))
    library.transcripts.remember_language(interview.id, "ja")
    assert (_count(library, "segments"), _count(library, "words")) == (6, 12)
    library.delete_interview(interview.id)
    assert library.transcripts.for_recording(recording.id) == []
    assert (_count(library, "transcripts"), _count(library, "segments"), _count(library, "words")) == (1, 3, 6)
    assert _count(library, "transcription_languages") == 0
    assert library.transcripts.get(kept.id) == kept
    library.recordings.delete(other.id)  # a recording deleted alone takes its transcripts too
    assert (_count(library, "transcripts"), _count(library, "segments"), _count(library, "words")) == (0, 0, 0)


def test_a_transcript_needs_an_existing_recording(library):
    with pytest.raises(sqlite3.IntegrityError):
        library.transcripts.save(sample_transcript(recording_id=12345))
    assert _count(library, "transcripts") == 0 and _count(library, "segments") == 0  # nothing half-saved


def test_language_memory(library):
    interview, _ = _recording(library)
    store = library.transcripts
    assert store.remembered_language(interview.id) is None  # nothing chosen yet
    store.remember_language(interview.id, "en")
    assert store.remembered_language(interview.id) == "en"
    store.remember_language(interview.id, None)
    assert store.remembered_language(interview.id) == ""  # chosen: detect automatically
    store.remember_language(interview.id, "ja")
    assert store.remembered_language(interview.id) == "ja"
    with pytest.raises(ValueError):
        store.remember_language(interview.id, "fr")
    with pytest.raises(sqlite3.IntegrityError):
        store.remember_language(interview.id + 99, "ja")


def test_thousands_of_segments_save_in_one_transaction(library):
    """How fast: benchmarks/bench_responsiveness.py."""
    words = tuple(Word(i * 100, i * 100 + 90, f" w{i}", 0.9) for i in range(10))
    big = Transcript(source="long.wav", language="en", duration_ms=3_600_000, settings=TranscriptionSettings(),
                     segments=tuple(Segment(i * 1000, i * 1000 + 900, f"Sentence {i}.", words=words)
                                    for i in range(5000)))
    saved = library.transcripts.save(big)
    assert len({s.id for s in saved.segments}) == 5000
    loaded = library.transcripts.get(saved.id)
    assert len(loaded.segments) == 5000 and loaded.segments[4999].words == words
    assert loaded.segments[1234].text == "Sentence 1234." and loaded.segments[1234].id == saved.segments[1234].id
