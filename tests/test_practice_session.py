"""The practice session state machine and its storage, without Qt or audio."""

from __future__ import annotations

import itertools

import pytest

from core.consent import ConsentMethod, ConsentPurpose
from core.interviews import InterviewKind
from core.library import Library
from core.practice.bank import builtin_questions
from core.practice.review import PieceKind, answer_pieces, metric_value
from core.practice.run import EndReason, PracticeRun, PracticeState
from core.practice.session import begin_practice
from core.transcription.model import Segment, SegmentFlag, Transcript, TranscriptionSettings, Word


def _questions(n=3):
    return list(builtin_questions()[:n])


def test_next_and_time_limit_advance_with_exact_boundaries():
    questions = _questions(3)
    run = PracticeRun(questions, "ja", time_limit_s=2.0)
    assert run.state is PracticeState.READY and run.current is None
    assert run.start(at_ms=120) is questions[0]
    assert run.remaining_s(1120) == pytest.approx(1.0)
    assert run.tick(2000) is None  # 1.88 s: not yet
    first = run.tick(2125)  # the limit has passed: moves on by itself
    assert (first.start_ms, first.end_ms, first.ended_by) == (120, 2125, EndReason.TIME_LIMIT)
    assert run.current is questions[1] and run.index == 1
    second = run.next(3000)
    assert (second.start_ms, second.end_ms, second.ended_by) == (2125, 3000, EndReason.NEXT)
    assert run.is_last
    last = run.next(3500)
    assert run.state is PracticeState.FINISHED and run.current is None
    assert [s.position for s in run.spans] == [0, 1, 2]
    assert last.text == questions[2].text("ja")
    assert all(a.end_ms == b.start_ms for a, b in itertools.pairwise(run.spans))  # no gap, no overlap
    with pytest.raises(RuntimeError):
        run.next(4000)


def test_default_limit_follows_the_target_and_stop_keeps_the_answer_so_far():
    questions = _questions(2)
    run = PracticeRun(questions, "en")
    assert run.limit_s(questions[0]) == pytest.approx(questions[0].target_s * 1.5)
    run.start(0)
    assert not run.over_target(questions[0].target_s * 1000)
    assert run.over_target(questions[0].target_s * 1000 + 1)
    span = run.stop(5000)
    assert span.ended_by is EndReason.STOPPED and span.duration_ms == 5000
    assert run.state is PracticeState.FINISHED and len(run.spans) == 1
    assert run.stop(6000) is None
    with pytest.raises(ValueError):
        PracticeRun([], "ja")


@pytest.mark.parametrize("factor", [1.0, 2.0, None])
def test_the_chosen_time_limit_factor_or_none(factor):
    questions = _questions(2)
    run = PracticeRun(questions, "en", limit_factor=factor)
    run.start(0)
    target_ms = questions[0].target_s * 1000
    if factor is None:
        assert not run.has_limit and run.limit_s(questions[0]) == float("inf")
        assert run.tick(target_ms * 100) is None, "without a limit only Next ends an answer"
        assert run.elapsed_s(61_000) == pytest.approx(61.0)
        assert run.next(61_000).ended_by is EndReason.NEXT
    else:
        assert run.has_limit and run.limit_s(questions[0]) == pytest.approx(questions[0].target_s * factor)
        assert run.tick(target_ms * factor - 1) is None
        assert run.tick(target_ms * factor).ended_by is EndReason.TIME_LIMIT


def test_a_boundary_never_goes_backwards():
    run = PracticeRun(_questions(2), "ja", time_limit_s=10)
    run.start(1000)
    first = run.next(900)  # a stale position: clamped, never a negative span
    assert first.end_ms == 1000 and run.next(2000).start_ms == 1000


def test_session_is_a_mock_interview_with_self_consent_and_stored_spans():
    with Library.open() as lib:
        start = begin_practice(lib, "模擬面接")
        assert start.interview.kind is InterviewKind.MOCK
        assert start.consent.purpose is ConsentPurpose.MOCK and start.consent.method is ConsentMethod.SELF
        session = lib.practice.create_session(start.interview.id, None, "ja")
        run = PracticeRun(_questions(2), "ja", time_limit_s=5)
        run.start(0)
        lib.practice.add_answer(session.id, run.next(4200))
        lib.practice.add_answer(session.id, run.next(9000))
        answers = lib.practice.answers(session.id)
        assert [(a.position, a.start_ms, a.end_ms) for a in answers] == [(0, 0, 4200), (1, 4200, 9000)]
        assert answers[0].question_text == _questions(1)[0].text("ja")
        lib.practice.set_review(answers[0].id, "結論から話せた")
        assert lib.practice.answer(answers[0].id).self_review == "結論から話せた"
        assert lib.practice.session_for_interview(start.interview.id) == session
        attempts = lib.practice.attempts(answers[0].question_key)
        assert len(attempts) == 1 and attempts[0].metrics is None
        lib.delete_interview(start.interview.id)
        assert lib.practice.answers(session.id) == [] and lib.practice.session(session.id) is None


def test_metrics_cache_feeds_the_attempts_chart():
    with Library.open() as lib:
        start = begin_practice(lib, "Practice")
        session = lib.practice.create_session(start.interview.id, None, "ja")
        run = PracticeRun(_questions(1), "ja", time_limit_s=5)
        run.start(0)
        answer = lib.practice.add_answer(session.id, run.next(3000))
        transcript = lib.transcripts.save(Transcript(source="x.wav", language="ja", duration_ms=3000,
                                                     settings=TranscriptionSettings(language="ja")))
        metrics = {"format": 1, "language": "ja", "duration_s": 3.0, "fillers": [], "pauses": [],
                   "values": [{"key": "morae_pace", "value": 340.0, "unit": "", "low": 320, "high": 360},
                              {"key": "pace", "value": 390.0, "unit": "", "low": 300, "high": 400}]}
        lib.practice.save_metrics(answer.id, transcript.id, metrics)
        assert lib.practice.cached_metrics(answer.id, transcript.id) == metrics
        [attempt] = lib.practice.attempts(answer.question_key)
        assert metric_value(attempt.metrics, "pace") == 340.0  # morae per minute for Japanese
        assert metric_value(attempt.metrics, "duration_s") == 3.0
        assert metric_value(attempt.metrics, "fillers_per_min") is None


def test_answer_pieces_mark_fillers_and_long_pauses():
    words = [Word(0, 300, "えーと", 0.9), Word(400, 900, "私は", 0.9), Word(4000, 4500, "学生です", 0.9)]
    metrics = {"fillers": [[0, 300, "えーと"]], "pauses": [[900, 4000]]}
    pieces = answer_pieces(words, metrics)
    assert [p.kind for p in pieces] == [PieceKind.FILLER, PieceKind.WORD, PieceKind.PAUSE, PieceKind.WORD]
    assert pieces[2].text == "3.1"
    assert [p.kind for p in answer_pieces(words, None)] == [PieceKind.WORD] * 3


def test_session_metrics_per_answer_are_computed_once_and_cached():
    from core.practice.review import session_metrics

    with Library.open() as lib:
        start = begin_practice(lib, "Practice")
        session = lib.practice.create_session(start.interview.id, None, "en")
        questions = [q for q in builtin_questions() if q.category == "self_intro"][:2]
        run = PracticeRun(questions, "en", time_limit_s=30)
        run.start(0)
        first = lib.practice.add_answer(session.id, run.next(10000))
        second = lib.practice.add_answer(session.id, run.next(20000))
        words_a = [Word(500 + i * 400, 800 + i * 400, w, 0.9) for i, w in enumerate(
            ["Um,", "I", "studied", "computer", "science", "and,", "uh,", "I", "build", "web", "services."])]
        words_b = [Word(10500, 10900, "Hello", 0.9), Word(14000, 14400, "again", 0.9)]
        segments = (Segment(500, 5000, " ".join(w.text for w in words_a), words=tuple(words_a)),
                    Segment(10500, 14400, "Hello again", words=tuple(words_b)))
        transcript = lib.transcripts.save(Transcript(source="x.wav", language="en", duration_ms=20000,
                                                     settings=TranscriptionSettings(language="en"),
                                                     segments=segments))
        results = session_metrics(lib, session.id, transcript, None)
        assert set(results) == {first.id, second.id}
        a, b = results[first.id], results[second.id]
        assert [f[2].lower() for f in a["fillers"]] == ["um", "uh"]
        assert metric_value(a, "fillers_per_min") > 0 and metric_value(a, "pace") > 0
        assert b["pauses"] and b["pauses"][0][0] >= 10900  # the 3.1 s silence inside the second answer
        duration = next(v for v in a["values"] if v["key"] == "duration")
        assert duration["low"] == pytest.approx(first.target_s * 0.75)  # the question's own target
        assert lib.practice.cached_metrics(first.id, transcript.id) == a
        assert session_metrics(lib, session.id, transcript, None) == results  # from the cache


def test_attempts_at_a_question_come_oldest_first_across_sessions():
    with Library.open() as lib:
        question = _questions(1)[0]
        answer_ids = []
        for length_ms in (40000, 55000):
            start = begin_practice(lib, "Practice")
            session = lib.practice.create_session(start.interview.id, None, "ja")
            run = PracticeRun([question], "ja", time_limit_s=120)
            run.start(0)
            answer_ids.append(lib.practice.add_answer(session.id, run.next(length_ms)).id)
        other = PracticeRun(_questions(2)[1:], "ja")
        other.start(0)
        third = lib.practice.create_session(begin_practice(lib, "Practice").interview.id, None, "ja")
        lib.practice.add_answer(third.id, other.next(1000))  # another question: not an attempt at this one
        attempts = lib.practice.attempts(question.key)
        assert [a.answer.id for a in attempts] == answer_ids
        assert [a.answer.duration_s for a in attempts] == [40.0, 55.0]
        assert attempts[0].when <= attempts[1].when


def test_a_filler_split_over_two_words_with_a_moved_start_is_still_marked():
    words = [Word(100, 300, "えー", 0.9), Word(300, 500, "と、", 0.9), Word(500, 900, "私は", 0.9),
             Word(900, 1200, "あのー", 0.9), Word(3000, 3300, "その", 0.9), Word(3300, 3600, "件で", 0.9)]
    metrics = {"fillers": [[350, 500, "えーと"], [900, 1200, "あのー"]], "pauses": []}  # onset found at 350 ms
    kinds = [p.kind for p in answer_pieces(words, metrics)]
    assert kinds == [PieceKind.FILLER, PieceKind.FILLER, PieceKind.WORD, PieceKind.FILLER, PieceKind.WORD,
                     PieceKind.WORD]  # その here is not a filler: no hit for it


def test_the_answer_cut_short_by_a_crash_is_recovered_from_the_plan(tmp_path):
    from core.practice.session import recover_last_answer
    from core.recording.store import RecordingState

    with Library.open() as lib:
        questions = _questions(3)
        start = begin_practice(lib, "Practice")
        recording = lib.recordings.begin(start.consent, "1/crashed.wav", 48000, 1)
        session = lib.practice.create_session(start.interview.id, recording.id, "en", [q.key for q in questions])
        assert lib.practice.session(session.id).plan == tuple(q.key for q in questions)
        run = PracticeRun(questions, "en", time_limit_s=60)
        run.start(0)
        lib.practice.add_answer(session.id, run.next(8000))
        assert recover_last_answer(lib, session.id) is None  # still recording: nothing to do yet
        lib.recordings.finish(recording.id, RecordingState.RECOVERED, 13500)  # what start-up repair does
        recovered = recover_last_answer(lib, session.id)
        assert (recovered.position, recovered.question_key) == (1, questions[1].key)
        assert (recovered.start_ms, recovered.end_ms) == (8000, 13500)
        assert recovered.question_text == questions[1].text("en")
        assert recover_last_answer(lib, session.id) is None  # once only
        assert len(lib.practice.answers(session.id)) == 2


def test_invented_words_are_shown_apart_and_never_as_fillers():
    words = [Word(0, 300, "えーと", 0.9), Word(400, 900, "私は", 0.9), Word(5000, 5200, "はい", 0.5)]
    flags = [frozenset(), frozenset(), frozenset({SegmentFlag.REPETITION})]
    metrics = {"fillers": [[0, 300, "えーと"], [5000, 5200, "はい"]], "pauses": []}
    pieces = answer_pieces(words, metrics, flags)
    assert [p.kind for p in pieces] == [PieceKind.FILLER, PieceKind.WORD, PieceKind.INVENTED]
    assert pieces[2].flags == {SegmentFlag.REPETITION}
