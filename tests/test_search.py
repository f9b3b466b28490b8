"""Library search: Japanese and English, short terms, filters, snippets, and an index that follows the library."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from core.consent import ConsentAnswer, ConsentMethod, ConsentPurpose, ConsentRecord, self_consent
from core.interviews import Interview, InterviewKind, Status, utc_now
from core.library import Library
from core.search import SearchFilters, SearchHit, make_snippet, parse_query
from core.storage import db
from core.transcription.model import Segment, Transcript, TranscriptionSettings

JST = timezone(timedelta(hours=9))


@pytest.fixture
def library():
    with Library.open() as lib:
        yield lib


def add_interview(library: Library, company: str, kind=InterviewKind.REAL, starts=None, status=Status.DONE,
                  position: str = "") -> Interview:
    return library.interviews.add(Interview(company=company, kind=kind, starts_at=starts, status=status,
                                            position=position))


def add_transcript(library: Library, interview: Interview, texts: list[str], recording=None,
                   created: datetime | None = None) -> Transcript:
    """A transcript built by hand (a search test is not about Whisper), stored as the app stores one."""
    if recording is None:
        consent = library.consent.add(
            self_consent(interview.id) if interview.kind is InterviewKind.MOCK else ConsentRecord(
                interview_id=interview.id, purpose=ConsentPurpose.REAL, answer=ConsentAnswer.AGREED,
                who="面接官の田中様", method=ConsentMethod.IN_PERSON, asked_at=utc_now()))
        recording = library.recordings.begin(consent, f"{interview.id}/take-{len(texts)}-{texts[0][:3]}.wav", 48000, 1)
    segments = tuple(Segment(start_ms=i * 7000, end_ms=i * 7000 + 6500, text=text) for i, text in enumerate(texts))
    return library.transcripts.save(Transcript(
        source=recording.file, language="ja", duration_ms=len(texts) * 7000, settings=TranscriptionSettings(),
        segments=segments, recording_id=recording.id, created_at=created))


def highlighted(hit: SearchHit) -> list[str]:
    return [hit.snippet[start:end] for start, end in hit.spans]


@pytest.fixture
def sample(library):
    """Two interviews: a Japanese one with a transcript and notes, an English mock with a transcript."""
    real = add_interview(library, "株式会社サンプル", starts=datetime(2026, 11, 2, 14, 0, tzinfo=JST), position="営業")
    transcript = add_transcript(library, real, [
        "本日はよろしくお願いいたします。",
        "それでは志望動機を教えてください。",
        "前職では法人営業を担当しておりました。年収についても伺えますか。",
    ])
    library.notes.save(real.id, "# 面接メモ\n## 聞かれた質問\n- 転職理由と志望動機\n- 残業について\n")
    mock = add_interview(library, "Example Corp.", kind=InterviewKind.MOCK, status=Status.SCHEDULED,
                         starts=datetime(2026, 12, 10, 10, 0, tzinfo=JST))
    english = add_transcript(library, mock, [
        "Tell me about yourself.",
        "In my last role I led the Customer Feedback programme for the support team.",
        "What is your greatest weakness?",
    ])
    return real, transcript, mock, english


def test_japanese_substring_inside_a_transcript_segment(library, sample):
    real, transcript, *_ = sample
    hits = [h for h in library.search.search("法人営業") if h.source == "transcript"]
    assert len(hits) == 1
    hit = hits[0]
    segment = transcript.segments[2]
    assert (hit.interview_id, hit.company, hit.recording_id, hit.transcript_id) == (
        real.id, "株式会社サンプル", transcript.recording_id, transcript.id)
    assert (hit.segment_id, hit.start_ms) == (segment.id, 14000)
    assert hit.kind is InterviewKind.REAL and hit.status is Status.DONE
    assert highlighted(hit) == ["法人営業"]


def test_japanese_substring_inside_a_note_gives_its_line(library, sample):
    real, *_ = sample
    hits = library.search.search("残業")
    assert [(h.source, h.interview_id, h.note_line) for h in hits] == [("note", real.id, 3)]
    assert highlighted(hits[0]) == ["残業"]
    assert "\n" not in hits[0].snippet and hits[0].snippet.startswith("…") is False


def test_two_character_japanese_terms_are_found(library, sample):
    real, _transcript, *_ = sample
    for term, sources in (("志望", {"transcript", "note"}), ("年収", {"transcript"}), ("面接", {"note"})):
        hits = library.search.search(term)
        assert {h.source for h in hits} == sources, term
        assert all(highlighted(h) == [term] or set(highlighted(h)) == {term} for h in hits)
    # at the very end of a document too (no character follows it there)
    library.notes.save(real.id, "結論から話す")
    assert [h.note_line for h in library.search.search("話す")] == [0]
    # and a single character
    assert {h.source for h in library.search.search("営")} == {"transcript", "interview"}


@pytest.mark.parametrize("share, expansion", [(0.0, 300), (2.0, 300), (2.0, 1)],
                         ids=["scan-common-terms", "expand-to-trigrams", "too-many-trigrams"])
def test_short_terms_give_the_same_hits_by_every_path(library, sample, monkeypatch, share, expansion):
    """Short terms are read from the trigram list or checked on the text; both find the same documents."""
    from core import search

    monkeypatch.setattr(search, "COMMON_SHARE", share)
    monkeypatch.setattr(search, "MAX_EXPANSION", expansion)
    real, transcript, mock, english = sample

    def found(query: str) -> set[tuple[str, int]]:
        return {(h.source, h.segment_id or h.interview_id) for h in library.search.search(query)}

    assert found("志望") == {("transcript", transcript.segments[1].id), ("note", real.id)}
    assert found("営") == {("transcript", transcript.segments[2].id), ("interview", real.id)}
    assert found("年収 伺") == {("transcript", transcript.segments[2].id)}
    assert found("le") == {("transcript", english.segments[1].id), ("interview", mock.id)}  # role, Example
    assert found("志望 転職") == {("note", real.id)}
    assert found("鰻") == set() and found("鰻 志望") == set()


def test_english_word_case_insensitive(library, sample):
    _, _, mock, english = sample
    hits = library.search.search("WEAKNESS")
    assert [(h.interview_id, h.segment_id) for h in hits] == [(mock.id, english.segments[2].id)]
    assert highlighted(hits[0]) == ["weakness"]
    assert library.search.search("customer feedback")[0].segment_id == english.segments[1].id


def test_all_terms_must_occur_in_the_same_document(library, sample):
    assert [h.source for h in library.search.search("転職理由 志望動機")] == ["note"]
    assert library.search.search("転職理由 法人営業") == []  # in the notes and in a segment, never together
    hits = library.search.search("led support")
    assert len(hits) == 1 and highlighted(hits[0]) == ["led", "support"]
    # a quoted phrase keeps its words together, in that order
    assert len(library.search.search('"customer feedback programme"')) == 1
    assert library.search.search('"feedback customer"') == []


def test_company_and_position_are_searchable(library, sample):
    real, *_ = sample
    hits = library.search.search("サンプル")
    assert [(h.source, h.interview_id) for h in hits] == [("interview", real.id)]
    assert highlighted(hits[0]) == ["サンプル"]
    assert [h.source for h in library.search.search("example corp")] == ["interview"]


def test_corrections_replace_whisper_text_and_revert(library, sample):
    _, transcript, *_ = sample
    segment = transcript.segments[0]
    library.transcripts.correct_segment(segment.id, "本日は宜しくお願い致します。")
    assert [h.segment_id for h in library.search.search("宜しく")] == [segment.id]
    assert library.search.search("よろしくお願い") == []
    library.transcripts.correct_segment(segment.id, None)
    assert library.search.search("宜しく") == []
    assert [h.segment_id for h in library.search.search("よろしくお願い")] == [segment.id]


def test_only_the_newest_transcript_of_a_recording_is_searched(library, sample):
    real, first, *_ = sample
    recording = library.recordings.get(first.recording_id)
    later = datetime.now(UTC) + timedelta(minutes=1)
    second = add_transcript(library, real, ["それでは志望理由を教えてください。"], recording=recording, created=later)
    hits = [h for h in library.search.search("教えてください") if h.source == "transcript"]
    assert [h.transcript_id for h in hits] == [second.id]
    assert library.search.search("法人営業") == []  # only in the superseded transcript
    library.transcripts.delete(second.id)
    assert [h.transcript_id for h in library.search.search("法人営業")] == [first.id]


def test_transcripts_of_loose_files_are_not_indexed(library):
    library.transcripts.save(Transcript(source="/tmp/loose.wav", language="ja", duration_ms=1000,
                                        settings=TranscriptionSettings(), segments=(Segment(0, 900, "独り言です"),)))
    assert library.search.search("独り言") == []


def test_index_follows_updates_and_deletes(library, sample):
    real, transcript, mock, _ = sample
    library.interviews.update(Interview(id=real.id, company="新社名株式会社", kind=InterviewKind.REAL,
                                        starts_at=real.starts_at, position="企画"))
    assert library.search.search("サンプル") == []
    assert [h.company for h in library.search.search("新社名")] == ["新社名株式会社"]
    assert library.search.search("法人営業")[0].company == "新社名株式会社"
    library.notes.save(real.id, "書き直したメモ")
    assert library.search.search("残業") == []
    assert [h.note_line for h in library.search.search("書き直した")] == [0]
    library.transcripts.delete(transcript.id)
    assert library.search.search("法人営業") == []
    library.delete_interview(mock.id)
    assert library.search.search("weakness") == [] and library.search.search("example") == []
    library.delete_interview(real.id)
    library.search.sync()
    assert library._conn.execute("SELECT count(*) FROM search_index").fetchone()[0] == 0


def test_deleting_a_recording_removes_its_transcript_hits(library, sample):
    _real, transcript, *_ = sample
    with library._lock:
        library._conn.execute("DELETE FROM recordings WHERE id = ?", (transcript.recording_id,))
    assert library.search.search("法人営業") == []
    assert library.search.search("残業")  # the notes stay


def test_moving_a_recording_or_a_transcript_moves_its_hits(library, sample):
    """Not something the app does today; the index follows anyway."""
    _real, transcript, mock, english = sample
    with library._lock:
        library._conn.execute("UPDATE recordings SET interview_id = ? WHERE id = ?", (mock.id, transcript.recording_id))
    assert [h.interview_id for h in library.search.search("法人営業")] == [mock.id]
    with library._lock:
        library._conn.execute("UPDATE transcripts SET recording_id = NULL WHERE id = ?", (english.id,))
    assert library.search.search("weakness") == []
    with library._lock:
        library._conn.execute("UPDATE transcripts SET recording_id = ? WHERE id = ?",
                              (transcript.recording_id, english.id))
    assert [h.interview_id for h in library.search.search("weakness")] == [mock.id]  # now the newest there
    assert library.search.search("法人営業") == []


def test_filters(library, sample):
    real, _, mock, _ = sample
    other = add_interview(library, "北海商事", kind=InterviewKind.MOCK, status=Status.OFFER,
                          starts=datetime(2026, 10, 1, 9, 0, tzinfo=JST))
    library.notes.save(other.id, "志望動機をもっと具体的に")
    undated = add_interview(library, "未定会社", kind=InterviewKind.REAL, status=Status.SCHEDULED)
    library.notes.save(undated.id, "志望動機の準備")

    def ids(**filters) -> set[int]:
        return {h.interview_id for h in library.search.search("志望動機", SearchFilters(**filters))}

    assert ids() == {real.id, other.id, undated.id}
    assert ids(kind=InterviewKind.MOCK) == {other.id}
    assert ids(kind=InterviewKind.REAL) == {real.id, undated.id}
    assert ids(status=Status.OFFER) == {other.id}
    assert ids(company="ほっかい") == set() and ids(company="北海") == {other.id}
    assert ids(company="さんぷる") == set() and ids(company="サンプル") == {real.id}
    assert ids(date_from=date(2026, 11, 2)) == {real.id}  # the local day, inclusive; undated ones excluded
    assert ids(date_to=date(2026, 11, 1)) == {other.id}
    assert ids(date_from=date(2026, 10, 1), date_to=date(2026, 10, 1)) == {other.id}
    assert ids(date_from=date(2026, 12, 1)) == set()
    assert {h.interview_id for h in library.search.search("example", SearchFilters(company="EXAMPLE"))} == {mock.id}


def test_snippet_is_short_single_line_and_spans_point_at_the_match(library):
    interview = add_interview(library, "長文株式会社")
    body = ("前置きの文章です。" * 20) + "\nここで逆質問の準備について書きます。\n" + ("後書きの文章です。" * 20)
    library.notes.save(interview.id, body)
    hit = library.search.search("逆質問")[0]
    assert hit.note_line == 1
    assert 40 <= len(hit.snippet) <= 90 and "\n" not in hit.snippet
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert highlighted(hit) == ["逆質問"]


def test_make_snippet_keeps_english_words_whole_and_marks_every_match():
    body = ("word " * 30) + "the Interview, two interviewers, my interview " + ("tail " * 30)
    snippet, spans, at = make_snippet(body, ["interview"])
    assert body[at:at + 9] == "Interview"
    assert [snippet[s:e] for s, e in spans] == ["Interview", "interview", "interview"]
    words = snippet.strip("…").split()
    assert all(w in body.split() or w.strip(",") in body.split() for w in words)


def test_odd_input_is_never_query_syntax(library, sample):
    real, *_ = sample
    library.notes.save(real.id, 'He said "NEAR(" and AND OR * - ^ : {x} ok')
    for query in ['"', '""', '"""', "*", "NEAR(", "AND", "OR", "NOT", "-", "^", "(", ")", ":", "{x}",
                  'a"b', "志望*", "col:志望", "'", "\\", "\u3000", "   "]:
        library.search.search(query)  # never raises
    assert [h.source for h in library.search.search("NEAR(")] == ["note"]
    assert [h.source for h in library.search.search('"NEAR("')] == ["note"]
    assert [h.source for h in library.search.search("{x}")] == ["note"]
    assert library.search.search("") == [] and library.search.search(" \u3000 ") == []
    assert library.search.search("志望", limit=0) == []


def test_parse_query():
    assert parse_query('  年収\u3000勤務地  "tell me  about" x ') == ["年収", "勤務地", "tell me about", "x"]
    assert parse_query('say "hello') == ["say", '"hello']
    assert parse_query('"" a') == ["a"]
    assert parse_query("Team team TEAM") == ["Team"]


def test_ordering_best_matches_then_newest_interviews(library):
    older = add_interview(library, "古い会社", starts=datetime(2025, 1, 10, 10, 0, tzinfo=JST))
    newer = add_interview(library, "新しい会社", starts=datetime(2026, 6, 10, 10, 0, tzinfo=JST))
    for interview in (older, newer):
        library.notes.save(interview.id, "逆質問を準備する。ほかにもいろいろな話題について長めに書いたメモの本文です。")
    strong = add_interview(library, "三番目", starts=datetime(2024, 1, 1, 10, 0, tzinfo=JST))
    library.notes.save(strong.id, "逆質問、逆質問")
    assert [h.interview_id for h in library.search.search("逆質問")] == [strong.id, newer.id, older.id]
    assert [h.interview_id for h in library.search.search("逆質問", limit=2)] == [strong.id, newer.id]


def test_migration_indexes_an_existing_library(tmp_path):
    """A library written before the search index (schema 5) is indexed when this version opens it."""
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    for migration in db.migrations()[:5]:
        conn.executescript(f"BEGIN;\n{migration.sql}\nPRAGMA user_version = {migration.version};\nCOMMIT;")
    now = "2026-11-01T00:00:00+00:00"
    conn.execute("INSERT INTO interviews (id, company, kind, created_at, updated_at) VALUES (1, 'Acme', 'mock', ?, ?)",
                 (now, now))
    conn.execute("INSERT INTO notes VALUES (1, '逆質問の準備', ?)", (now,))
    conn.execute("INSERT INTO consent_records (id, interview_id, purpose, answer, who, method, asked_at, created_at,"
                 " prev_hash, hash) VALUES (1, 1, 'mock', 'agreed', 'me', 'self', ?, ?, '', 'h')", (now, now))
    conn.execute("INSERT INTO recordings (id, interview_id, consent_id, consent_hash, file, samplerate, channels,"
                 " started_at, state) VALUES (1, 1, 1, 'h', '1/a.wav', 48000, 1, ?, 'completed')", (now,))
    for transcript_id, created, text in ((1, "2026-11-01T00:00:00+00:00", "古い書き起こし"),
                                         (2, "2026-11-02T00:00:00+00:00", "新しい書き起こし")):
        conn.execute("INSERT INTO transcripts (id, recording_id, source, model, created_at) VALUES (?, 1, 'a', 'b', ?)",
                     (transcript_id, created))
        conn.execute("INSERT INTO segments (transcript_id, idx, start_ms, end_ms, text) VALUES (?, 0, 0, 1, ?)",
                     (transcript_id, text))
    conn.close()
    with Library.open(path) as library:
        assert library.schema_version() >= 6
        assert [h.source for h in library.search.search("逆質問")] == ["note"]
        assert [h.transcript_id for h in library.search.search("書き起こし")] == [2]
        assert [h.source for h in library.search.search("acme")] == ["interview"]


@pytest.mark.parametrize("query", ["ＡＩ", "AI", "ａｉ", "ＡＩ活用", "AI活用", "ｶﾀｶﾅ", "カタカナ"])
def test_full_and_half_width_forms_find_each_other(library, query):
    """An input method types ＡＩ in full width; Whisper writes AI; notes may hold either."""
    interview = add_interview(library, "幅テスト株式会社")
    add_transcript(library, interview, ["AI活用の事例を伺いました。"])
    library.notes.save(interview.id, "メモ\nＡＩ活用の部署とカタカナの社名\n")
    hits = library.search.search(query)
    sources = sorted(hit.source for hit in hits)
    expected = ["note"] if "ｶ" in query or "カ" in query else ["note", "transcript"]
    assert sources == expected, (query, sources)
    for hit in hits:
        marked = highlighted(hit)
        assert marked and all(m.casefold() in ("ai", "ａｉ", "ai活用", "ａｉ活用", "カタカナ") for m in marked), marked
