"""Practice as core operations (no Qt): a session started all-or-nothing, answers stored as they end, the
recording saved at the end, reviews and metrics reporting what they changed, question-bank edits atomic."""

from __future__ import annotations

import pytest

from core import paths
from core.consent import ConsentMethod, ConsentPurpose
from core.consent import ledger as consent_ledger
from core.interviews import InterviewKind
from core.library import Library
from core.messages import FurikaeriError
from core.ops import Changes
from core.ops import practice as ops
from core.ops import questions as bank_ops
from core.practice.bank import Question, QuestionError, builtin_questions
from core.practice.run import EndReason, PracticeRun, PracticeState
from core.practice.session import begin_practice
from core.recording.errors import RecordingError
from core.recording.store import RecordingState
from core.transcription.model import Segment, Transcript, TranscriptionSettings, Word
from tests.recording_helpers import audio_files

BANK = Changes(questions=True)
DEADLINE_S = 10.0


@pytest.fixture
def library():
    with Library.open() as lib:
        yield lib


def _questions(n: int = 3):
    return list(builtin_questions()[:n])


def _refuse_inserts(library: Library, table: str) -> None:
    """A real database refusal: every new row of ``table`` is aborted by SQLite itself."""
    library._conn.execute(f"CREATE TEMP TRIGGER refuse_{table} BEFORE INSERT ON main.{table}"
                          " BEGIN SELECT RAISE(ABORT, 'refused for the test'); END")


def _nothing_left(library: Library) -> None:
    """No interview, consent record (in the database or the ledger), session row, audio file, lock or reserve."""
    assert library.interviews.all() == []
    assert library._conn.execute("SELECT COUNT(*) FROM consent_records").fetchone()[0] == 0
    assert library.practice.sessions() == []
    assert not (consent_ledger.load(library.consent.ledger) or {})
    assert audio_files() == []
    assert [p for p in paths.recordings_dir().rglob("*") if p.is_file()] == []


def _advance(live: ops.LiveSession, ms: int) -> int:
    """Let the recording run ``ms`` further; returns the position then."""
    target = live.position_ms() + ms
    assert live.recording.recorder.wait_for(lambda r: r.elapsed_s * 1000 >= target, DEADLINE_S)
    return live.position_ms()


# -- the session's rules, without a recording ------------------------------------------------------
def test_the_last_answer_is_the_last_questions_or_one_stopped_early():
    run = PracticeRun(_questions(3), "en", time_limit_s=5)
    run.start(0)
    first = run.next(1000)
    assert not run.ends_session(first) and run.state is PracticeState.ANSWERING
    stopped = run.stop(1500)
    assert stopped.ended_by is EndReason.STOPPED and run.ends_session(stopped)
    assert run.state is PracticeState.FINISHED
    other = PracticeRun(_questions(2), "en", time_limit_s=5)
    other.start(0)
    other.next(1000)
    last = other.tick(6000)
    assert last.ended_by is EndReason.TIME_LIMIT and other.ends_session(last)
    assert other.state is PracticeState.FINISHED


# -- a session on the virtual microphone ------------------------------------------------------------
@pytest.mark.audio
def test_a_session_is_recorded_with_each_boundary_and_marker_stored(virtual_microphone, library):
    questions = _questions(2)
    started = ops.start_session(library, "Practice 1", questions, "en", time_limit_s=30,
                                render=lambda message: message.render().upper())
    live = started.value
    interview = library.interviews.get(live.interview_id)
    ids = frozenset({interview.id})
    assert started.changes == Changes(interviews=ids, recordings=ids, consent=ids,
                                      practice=frozenset({live.info.id}))
    assert interview.kind is InterviewKind.MOCK and interview.company == "Practice 1"
    consent = library.consent.get(live.recording.recording.consent_id)
    assert consent.purpose is ConsentPurpose.MOCK and consent.method is ConsentMethod.SELF
    assert library.practice.session_for_interview(interview.id) == live.info
    assert live.info.plan == tuple(q.key for q in questions) and live.info.recording_id == live.recording.recording.id
    assert live.run.current is questions[0] and not live.finished and not live.paused
    assert [m.label for m in library.recordings.markers(live.recording.recording.id)] == ["QUESTION 1"]

    at = _advance(live, 300)
    ended = ops.end_answer(library, live, live.run.next(at))
    assert ended.value.answer is not None and not ended.value.finished and ended.value.problem is None
    assert ended.changes == Changes(practice=frozenset({live.info.id}), recordings=ids)
    assert live.run.current is questions[1]
    markers = library.recordings.markers(live.recording.recording.id)
    assert [(m.label, m.at_ms) for m in markers][1:] == [("QUESTION 2", at)]

    at = _advance(live, 300)
    done = ops.end_answer(library, live, live.run.next(at))  # the last question: the session ends
    assert live.finished and done.value.finished and done.value.problem is None
    assert done.changes == Changes(practice=frozenset({live.info.id}), recordings=ids, interviews=ids)
    recording = library.recordings.get(live.info.recording_id)
    assert recording.state is RecordingState.COMPLETED and recording.path.exists()
    answers = library.practice.answers(live.info.id)
    assert [a.question_key for a in answers] == [q.key for q in questions]
    assert answers[0].end_ms == answers[1].start_ms and answers[1].end_ms == at <= recording.duration_ms + 100
    assert [m.at_ms for m in library.recordings.markers(recording.id)] == [a.start_ms for a in answers]


@pytest.mark.audio
def test_stopping_with_no_answer_in_progress_saves_the_recording(virtual_microphone, library):
    live = ops.start_session(library, "Practice", _questions(1), "ja", limit_factor=None).value
    assert not live.run.has_limit
    live.run.stop(_advance(live, 200))  # already stored elsewhere, say: nothing in progress now
    ended = ops.finish(library, live)
    assert ended.value.finished and ended.value.answer is None
    assert library.recordings.get(live.info.recording_id).state is RecordingState.COMPLETED


@pytest.mark.audio
def test_a_start_the_microphone_refuses_leaves_nothing(virtual_microphone, library):
    with pytest.raises(RecordingError):
        ops.start_session(library, "Practice", _questions(2), "en", device="no such microphone")
    _nothing_left(library)


@pytest.mark.audio
def test_a_session_row_the_library_refuses_takes_the_started_recording_with_it(virtual_microphone, library):
    _refuse_inserts(library, "practice_sessions")
    with pytest.raises(Exception, match="refused for the test"):
        ops.start_session(library, "Practice", _questions(2), "en")
    _nothing_left(library)


@pytest.mark.audio
def test_the_recording_is_saved_even_when_the_last_answer_cannot_be(virtual_microphone, library):
    live = ops.start_session(library, "Practice", _questions(1), "en", time_limit_s=30).value
    span = live.run.stop(_advance(live, 300))
    _refuse_inserts(library, "practice_answers")
    ended = ops.finish(library, live, span)
    assert ended.value.answer is None and ended.value.finished
    assert ended.value.problem is not None and "refused for the test" in str(ended.value.problem)
    assert library.recordings.get(live.info.recording_id).state is RecordingState.COMPLETED


def test_an_empty_plan_starts_nothing(library):
    with pytest.raises(ValueError):
        ops.start_session(library, "Practice", [], "en")
    _nothing_left(library)


# -- review -----------------------------------------------------------------------------------------
def _session_with_answers(library: Library, questions, ends_ms: list[int], *, recording: bool = False):
    start = begin_practice(library, "Practice")
    row = library.recordings.begin(start.consent, f"{start.interview.id}/a.wav", 48000, 1) if recording else None
    session = library.practice.create_session(start.interview.id, row.id if row else None, "en",
                                              [q.key for q in questions])
    run = PracticeRun(questions, "en", time_limit_s=120)
    run.start(0)
    answers = [library.practice.add_answer(session.id, run.next(end)) for end in ends_ms]
    return session, answers, row


def test_opening_a_review_recovers_the_answer_a_crash_cut_short_once(library):
    questions = _questions(3)
    session, _answers, recording = _session_with_answers(library, questions, [8000], recording=True)
    library.recordings.finish(recording.id, RecordingState.RECOVERED, 13500)  # what start-up repair does
    opened = ops.open_review(library, session.id, "tiny.en")
    review = opened.value
    assert opened.changes == Changes(practice=frozenset({session.id}))
    assert [(a.question_key, a.start_ms, a.end_ms) for a in review.answers][1:] == [(questions[1].key, 8000, 13500)]
    assert review.recording.id == recording.id and review.transcript is None and review.reviewable
    assert review.settings.language == "en"
    again = ops.open_review(library, session.id, "tiny.en")
    assert not again.changes and len(again.value.answers) == 2


def test_a_session_without_recording_has_nothing_to_review_and_a_missing_one_is_said_so(library):
    session, _answers, _recording = _session_with_answers(library, _questions(1), [])
    review = ops.open_review(library, session.id, "tiny.en").value
    assert review.recording is None and not review.reviewable
    with pytest.raises(FurikaeriError) as missing:
        ops.open_review(library, session.id + 1, "tiny.en")
    assert str(missing.value) == "This practice session no longer exists."


def test_measuring_reports_the_session_once_then_reads_the_cache(library):
    questions = [q for q in builtin_questions() if q.category == "self_intro"][:2]
    session, answers, _recording = _session_with_answers(library, questions, [10000, 20000])
    words = [Word(500 + i * 400, 800 + i * 400, w, 0.9)
             for i, w in enumerate(["Um,", "I", "build", "web", "services."])]
    transcript = library.transcripts.save(Transcript(
        source="x.wav", language="en", duration_ms=20000, settings=TranscriptionSettings(language="en"),
        segments=(Segment(500, 2400, " ".join(w.text for w in words), words=tuple(words)),)))
    reported: list[tuple[int, int]] = []
    first = ops.measure(library, session.id, transcript, None,
                        report=lambda done, total: reported.append((done, total)))
    assert first.changes == Changes(practice=frozenset({session.id}))
    assert set(first.value.metrics) == {a.id for a in answers} and reported == [(1, 2), (2, 2)]
    assert [f[2].lower() for f in first.value.metrics[answers[0].id]["fillers"]] == ["um"]
    assert {key: [a.answer.id for a in attempts] for key, attempts in first.value.history.items()} == {
        answers[0].question_key: [answers[0].id], answers[1].question_key: [answers[1].id]}
    assert first.value.history[answers[0].question_key][0].metrics == first.value.metrics[answers[0].id]
    second = ops.measure(library, session.id, transcript, None)
    assert not second.changes and second.value.metrics == first.value.metrics


def test_a_self_review_reports_its_session(library):
    session, [answer], _recording = _session_with_answers(library, _questions(1), [4000])
    saved = ops.save_review(library, answer, "結論から話せた")
    assert saved.value.self_review == "結論から話せた" and saved.changes == Changes(practice=frozenset({session.id}))
    assert library.practice.answer(answer.id).self_review == "結論から話せた"


# -- the question bank ------------------------------------------------------------------------------
def test_bank_edits_report_the_bank_and_built_in_questions_only_take_tags(library):
    added = bank_ops.add_question(library, {"en": "Why us?", "ja": ""}, "motivation", 45, "Be concrete", True,
                                  tags=["final round", " final  round ", "tricky"])
    question = added.value
    assert added.changes == BANK and question.tags == ("final round", "tricky") and question.target_s == 45
    edited = bank_ops.edit_question(library, Question(
        key=question.key, texts={"en": "Why our company?"}, category="motivation", target_s=60), ["tricky"])
    assert edited.changes == BANK and edited.value.text("en") == "Why our company?"
    assert edited.value.tags == ("tricky",) and edited.value.target_s == 60

    builtin = builtin_questions()[0]
    changed_text = Question(key=builtin.key, texts={"en": "Something else"}, category=builtin.category)
    tagged = bank_ops.edit_question(library, changed_text, ["warm-up"])
    assert tagged.value.texts == builtin.texts and tagged.value.tags == ("warm-up",)

    saved = bank_ops.save_list(library, "  Round  one ", [question.key, builtin.key])
    assert saved.changes == BANK and library.questions.lists() == [saved.value]
    assert saved.value.name == "Round one" and saved.value.keys == (question.key, builtin.key)
    assert bank_ops.delete_question(library, question.key).changes == BANK
    assert library.questions.get(question.key) is None
    assert library.questions.lists()[0].keys == (builtin.key,)
    assert bank_ops.delete_list(library, saved.value.id).changes == BANK and library.questions.lists() == []


def test_a_bank_edit_that_fails_changes_nothing(library):
    before = library.questions.all()
    _refuse_inserts(library, "question_tags")
    with pytest.raises(Exception, match="refused for the test"):
        bank_ops.add_question(library, {"ja": "前職の退職理由は？"}, tags=["転職"])
    assert library.questions.all() == before  # the question went with its tags
    with pytest.raises(QuestionError):
        bank_ops.add_question(library, {"en": "Why?"}, target_s=3)
    with pytest.raises(QuestionError):
        bank_ops.delete_question(library, builtin_questions()[0].key)
    with pytest.raises(QuestionError):
        bank_ops.save_list(library, "   ", ["builtin:x"])
    assert library.questions.all() == before and library.questions.lists() == []


# -- what the practice screens show, decided in core ------------------------------------------------
def test_a_random_draw_shows_its_pool_and_a_choice_matching_nothing_shows_nothing():
    from core.practice.selection import Selection, SelectionMode, shown_questions

    bank = list(builtin_questions())
    pool = shown_questions(bank, Selection(SelectionMode.RANDOM, categories=("self_intro",), count=1, language="en"))
    assert len(pool) > 1 and all(q.category == "self_intro" for q in pool)
    assert shown_questions(bank, Selection(SelectionMode.CATEGORY, tags=("no such tag",), language="en")) == []
    assert shown_questions(bank, Selection(SelectionMode.LIST, language="en")) == []


def test_charts_show_morae_per_minute_for_japanese_with_the_newest_band():
    from datetime import UTC, datetime

    from core.practice.review import chart_key, metric_band
    from core.practice.store import Answer, Attempt

    answer = Answer(1, 1, 0, "builtin:x", "?", "other", 60, 0, 1000)
    when = datetime(2026, 12, 1, tzinfo=UTC)

    def attempt(language, key, low, high):
        return Attempt(answer, when, {"language": language, "values": [
            {"key": key, "value": 1.0, "unit": "", "low": low, "high": high}]})

    assert chart_key("pace", "ja") == "morae_pace" and chart_key("pace", "en") == "pace"
    assert chart_key("duration", "ja") == "duration"
    older, newer = attempt("ja", "morae_pace", 300, 380), attempt("ja", "morae_pace", 320, 360)
    assert metric_band([older, newer], "pace") == (320, 360)
    assert metric_band([attempt("en", "pace", 130, 160), attempt("ja", "pace", 300, 400)], "pace") == (130, 160)
    assert metric_band([Attempt(answer, when, None)], "pace") is None
