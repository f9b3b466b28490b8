"""One search over the library: interviews (company, position), notes and transcripts, Japanese first.

    with Library.open() as lib:
        for hit in lib.search.search("志望動機 年収", SearchFilters(kind=InterviewKind.REAL)):
            print(hit.company, hit.source, hit.snippet)

The index is the ``search_index`` FTS5 table of migration 0006 (trigram
tokenizer: any substring of three characters or more, case folded; triggers
keep it in step with the library).  A query is split into terms at spaces
(ASCII or full-width); every term must occur in the same document (one
transcript segment, one interview's notes, or an interview's company and
position).  ``"double quotes"`` keep a phrase with spaces together.  Terms are
always quoted for FTS5, so nothing the user types is read as query syntax.

Terms of one or two characters (面接, 志望, 年収) have no trigram of their own.
Each document is indexed with two newlines appended, so every short substring
begins some indexed trigram: a rare short term becomes an OR of the trigrams
that start with it, read from ``search_vocab``.  A common one (in a tenth of
the newest documents: a single kana, "AI") is checked on the text instead: on
the documents the other terms found, or alone on the newest documents, which
soon give enough hits.

Ranking: the newest RANK_WINDOW matching documents (by interview id) are
scored with BM25's term-frequency and length parts in Python, whole English
words counting more; ties go to the newest interview.  So a term found in
tens of thousands of segments costs about as much as a rare one.  What
changed in the library is queued by triggers and indexed at the next search
(:meth:`SearchIndex.sync`).
"""

from __future__ import annotations

import functools
import re
import sqlite3
import threading
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

from core.interviews import InterviewKind, Status
from core.storage.transaction import transaction
from core.transcription.speakers import names

SOURCES = ("transcript", "note", "interview")
_SOURCE_OF_LOCAL = {1: "transcript", 2: "note", 3: "interview"}
_SHIFT = 40  # rowid = interview_id << 40 | local (see migration 0006)
_LOCAL_MASK = (1 << _SHIFT) - 1
PADDING = "\n\n"  # appended to every indexed document
MAX_EXPANSION = 300  # trigrams one short term may expand to; more and the term is checked directly
RANK_WINDOW = 1000  # matches ranked; for a term found in more, the newest interviews' (by id) are ranked
BM25_K1, BM25_B = 1.2, 0.75
PROBE_DOCUMENTS, COMMON_SHARE = 500, 0.1  # a short term in 10% of the newest 500 documents is "common"
SNIPPET_BEFORE = 24  # characters of context before the first match
SNIPPET_LENGTH = 72  # about this many characters in a snippet
_WORD_CHAR = re.compile(r"[0-9A-Za-z]")
_REINDEX_SQL = f"""
WITH q (doc) AS (SELECT DISTINCT doc FROM search_queue)
INSERT INTO search_index (rowid, body)
SELECT q.doc, i.company || char(10) || i.position || char(10, 10)
FROM q JOIN interviews i ON i.id = q.doc >> {_SHIFT} WHERE q.doc & 3 = 3
UNION ALL
SELECT q.doc, n.body || char(10, 10)
FROM q JOIN notes n ON n.interview_id = q.doc >> {_SHIFT} WHERE q.doc & 3 = 2
UNION ALL
SELECT q.doc, v.body || char(10, 10)
FROM q JOIN search_newest_segments v ON v.segment_id = (q.doc & {_LOCAL_MASK}) >> 2 AND v.doc = q.doc
WHERE q.doc & 3 = 1"""


@dataclass(frozen=True)
class SearchFilters:
    kind: InterviewKind | None = None
    company: str | None = None  # part of the company name, case-insensitive
    date_from: date | None = None  # the interview's local start date, inclusive
    date_to: date | None = None  # inclusive
    status: Status | None = None

    def is_empty(self) -> bool:
        return self == SearchFilters()


@dataclass(frozen=True)
class SearchHit:
    interview_id: int
    company: str
    position: str
    kind: InterviewKind
    status: Status
    starts_at: datetime | None
    source: str  # "transcript", "note" or "interview"
    snippet: str  # one line, about 60-80 characters around the first match
    spans: tuple[tuple[int, int], ...]  # (start, end) character offsets of the matches in ``snippet``
    note_line: int | None = None  # note hits: 0-based line of the first match in the notes
    recording_id: int | None = None  # transcript hits
    transcript_id: int | None = None
    segment_id: int | None = None
    start_ms: int | None = None
    speaker: str | None = None  # transcript hits of a recording with speakers: who said it
    speaker_name: str | None = None  # ... by name (core.transcription.speakers.names, in the search's language)
    rank: float = field(default=0.0, compare=False)


def parse_query(query: str) -> list[str]:
    """The terms of a query: split at whitespace, ``"a phrase"`` kept whole; a lone quote is just a character."""
    terms: list[str] = []
    rest = query
    while rest:
        rest = rest.lstrip()
        if not rest:
            break
        if rest[0] == '"':
            end = rest.find('"', 1)
            if end > 1:
                phrase = " ".join(rest[1:end].split())
                if phrase:
                    terms.append(phrase)
                rest = rest[end + 1:]
                continue
            if end == 1:  # "" : nothing
                rest = rest[2:]
                continue
        parts = rest.split(maxsplit=1)
        terms.append(parts[0])
        rest = parts[1] if len(parts) > 1 else ""
    unique: list[str] = []
    for term in terms:
        if term.casefold() not in (u.casefold() for u in unique):
            unique.append(term)
    return unique


_TO_FULL_WIDTH = {code: code + 0xFEE0 for code in range(0x21, 0x7F)}


def variants(term: str) -> list[str]:
    """The forms of a term a Japanese text may hold: as typed, normalised (ＡＩ → AI, ｶﾀｶﾅ → カタカナ), full width.

    A Japanese input method often types Latin letters and digits in full width while Whisper writes them in
    half width (and notes may hold either), so each term matches any of these forms.
    """
    half = unicodedata.normalize("NFKC", term)
    full = half.translate(_TO_FULL_WIDTH)
    found: list[str] = []
    seen: set[str] = set()
    # SQLite folds the case of ASCII letters only: full-width ones are listed in both cases.
    for form in (term, half, full, full.upper(), full.lower()):
        key = "".join(c.lower() if c.isascii() else c for c in form)
        if key not in seen:
            seen.add(key)
            found.append(form)
    return found


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _decode(rowid: int) -> tuple[int, str, int]:
    """(interview_id, source, segment_id or 0) of an index row."""
    local = rowid & _LOCAL_MASK
    return rowid >> _SHIFT, _SOURCE_OF_LOCAL[local & 3], local >> 2


def _local_bound(day: date, end: bool) -> str:
    """The UTC text (as stored) of the start of ``day`` (or of the day after, for an end) in local time."""
    moment = datetime.combine(day, time.min).astimezone()
    if end:
        moment = datetime.combine(date.fromordinal(day.toordinal() + 1), time.min).astimezone()
    return moment.astimezone(UTC).isoformat()


def _filter_sql(filters: SearchFilters | None) -> tuple[str, list[str]]:
    """A condition on the interview alias ``i`` and its parameters ('' when there is no filter)."""
    if filters is None or filters.is_empty():
        return "", []
    clauses: list[str] = []
    params: list[str] = []
    if filters.kind is not None:
        clauses.append("i.kind = ?")
        params.append(filters.kind.value)
    if filters.status is not None:
        clauses.append("i.status = ?")
        params.append(filters.status.value)
    company = (filters.company or "").strip()
    if company:
        clauses.append("instr(lower(i.company), lower(?)) > 0")
        params.append(company)
    if filters.date_from is not None:
        clauses.append("i.starts_at >= ?")
        params.append(_local_bound(filters.date_from, end=False))
    if filters.date_to is not None:
        clauses.append("i.starts_at < ?")
        params.append(_local_bound(filters.date_to, end=True))
    return " AND ".join(clauses), params


def _finder(terms: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)), re.IGNORECASE)


def make_snippet(body: str, terms: list[str]) -> tuple[str, tuple[tuple[int, int], ...], int]:
    """(snippet, spans, offset of the first match in ``body``) for the text around the first match."""
    finder = _finder(terms)
    first = finder.search(body)
    at = first.start() if first else 0
    start = max(0, at - SNIPPET_BEFORE)
    end = min(len(body), start + SNIPPET_LENGTH)
    if end - start < SNIPPET_LENGTH:
        start = max(0, end - SNIPPET_LENGTH)
    if first and first.end() > end:  # a long phrase: show all of it
        end = first.end()
    # Do not cut an English word in two (look a few characters for a boundary).
    if 0 < start < at:
        for shift in range(min(12, at - start)):
            if not _WORD_CHAR.match(body[start + shift - 1]) or not _WORD_CHAR.match(body[start + shift]):
                start += shift
                break
    if 0 < end < len(body):
        for shift in range(min(12, end - (first.end() if first else start))):
            if not _WORD_CHAR.match(body[end - shift - 1]) or not _WORD_CHAR.match(body[end - shift]):
                end -= shift
                break
    text = " ".join(body[start:end].split())
    if start > 0 and text:
        text = "…" + text
    if end < len(body.rstrip()) and text:
        text = text + "…"
    spans: list[tuple[int, int]] = []
    for match in finder.finditer(text):
        if match.end() > match.start():
            if spans and match.start() <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(spans[-1][1], match.end()))
            else:
                spans.append((match.start(), match.end()))
    return text, tuple(spans), at


@functools.lru_cache(maxsize=64)
def _whole_word(needle: str) -> re.Pattern[str] | None:
    """A pattern for ``needle`` (lower case) as a whole word, when it begins or ends with a Latin letter or digit."""
    if not (_WORD_CHAR.match(needle[0]) or _WORD_CHAR.match(needle[-1])):
        return None
    return re.compile(rf"(?<![0-9a-z]){re.escape(needle)}(?![0-9a-z])")


def score(body: str, terms: list[str], average_length: float) -> float:
    """How well a document matches: BM25's term-frequency and length part, whole words counting more.

    Every candidate holds every term, so BM25's inverse document frequency would rank nothing differently
    between them; leaving it out spares a pass over the whole index for each term.
    """
    text = body.lower()
    norm = BM25_K1 * (1 - BM25_B + BM25_B * len(body) / max(average_length, 1.0))
    total = 0.0
    for term in terms:
        needle = term.lower()
        word = _whole_word(needle)
        frequency = text.count(needle) + (0.5 * len(word.findall(text)) if word else 0.0)
        total += frequency * (BM25_K1 + 1) / (frequency + norm)
    return total


class SearchIndex:
    """Queries the library's full-text index (kept current by the database itself)."""

    def __init__(self, conn: sqlite3.Connection, lock: threading.RLock) -> None:
        self._conn = conn
        self._lock = lock

    def search(self, query: str, filters: SearchFilters | None = None, limit: int = 50,
               language: str = "en") -> list[SearchHit]:
        """The best ``limit`` hits for ``query``: best matches first, then the newest interviews.

        ``language`` ("ja" or "en"): of the speakers' default names ("Me", "Interviewer").
        """
        typed = parse_query(query)
        if not typed or limit <= 0:
            return []
        with self._lock:
            self.sync()
            # Only the forms the library holds: each extra form costs a little in every query.
            groups = [[form for form in variants(term) if self._present(form)] for term in typed]
            if not all(groups):
                return []  # some term occurs in no form at all
            rows = self._matching(groups, filters)
            if not rows:
                return []
            starts = self._starts(sorted({rowid >> _SHIFT for rowid, _ in rows}))
        terms = [form for group in groups for form in group]  # for ranking and highlighting
        average = sum(len(body) for _, body in rows) / len(rows)
        scored = sorted(((score(body, terms, average), starts.get(rowid >> _SHIFT) or "", rowid, body)
                         for rowid, body in rows), reverse=True)
        with self._lock:
            return self._hits(scored[:limit], terms, language)

    def sync(self) -> int:
        """Re-index what changed since the last search (queued by the triggers); returns how many rows."""
        conn = self._conn
        with self._lock:
            pending: int = conn.execute("SELECT count(DISTINCT doc) FROM search_queue").fetchone()[0]
            if not pending:
                return 0
            # BEGIN IMMEDIATE (the transaction helper) takes the write lock first, so a library busy in another
            # program is waited for; a read transaction upgraded to a write would fail at once instead.
            with transaction(conn, self._lock):
                conn.execute("DELETE FROM search_index WHERE rowid IN (SELECT doc FROM search_queue)")
                conn.execute(_REINDEX_SQL)
                conn.execute("DELETE FROM search_queue")
            return pending

    # -- finding documents --
    def _expand(self, term: str) -> list[str] | None:
        """Trigrams that begin with a one- or two-character term; ``None`` when there are too many."""
        folded = term.lower()
        rows = self._conn.execute(
            "SELECT term FROM search_vocab WHERE term >= ? AND term < ? LIMIT ?",
            (folded, folded + "\U0010ffff", MAX_EXPANSION + 1)).fetchall()
        if len(rows) > MAX_EXPANSION:
            return None
        return [row[0] for row in rows]

    def _matching(self, groups: list[list[str]], filters: SearchFilters | None) -> list[tuple[int, str]]:
        """(rowid, text) of the matching documents, at most RANK_WINDOW of them, the newest interviews' first.

        Every group must match; within a group (the forms of one term), any form will do.
        """
        expressions: list[str] = []
        broad: list[list[str]] = []  # groups with a common short form: checked on the text itself
        for group in groups:
            alternatives: list[str] = []
            for term in group:
                if len(term) >= 3:
                    alternatives.append(_quote(term))
                    continue
                trigrams = None if self._common(term) else self._expand(term)
                if trigrams is None:
                    break
                alternatives += [_quote(t) for t in trigrams]
            else:
                if not alternatives:
                    return []  # no document holds any form of this term
                expressions.append("(" + " OR ".join(alternatives) + ")")
                continue
            broad.append(group)
        condition, params = _filter_sql(filters)
        checks = "".join(" AND (" + " OR ".join("instr(lower(f.body), lower(?)) > 0" for _ in group) + ")"
                         for group in broad)
        broad_forms = [form for group in broad for form in group]
        if condition:
            checks += f" AND (f.rowid >> {_SHIFT}) IN (SELECT i.id FROM interviews i WHERE {condition})"
        if expressions:
            sql = ("SELECT f.rowid, f.body FROM search_index f WHERE search_index MATCH ?" + checks +
                   " ORDER BY f.rowid DESC LIMIT ?")
            rows = self._conn.execute(sql, [" AND ".join(expressions), *broad_forms, *params, RANK_WINDOW])
        else:  # only common short terms: read the newest documents until the window is full
            sql = "SELECT f.rowid, f.body FROM search_index f WHERE 1" + checks + " ORDER BY f.rowid DESC LIMIT ?"
            rows = self._conn.execute(sql, [*broad_forms, *params, RANK_WINDOW])
        return [(rowid, body[:-len(PADDING)] if body.endswith(PADDING) else body) for rowid, body in rows]

    def _present(self, form: str) -> bool:
        """Whether some document holds ``form`` (an index lookup, not a scan)."""
        if len(form) >= 3:
            return self._conn.execute("SELECT 1 FROM search_index WHERE search_index MATCH ? LIMIT 1",
                                      (_quote(form),)).fetchone() is not None
        expansion = self._expand(form)
        return expansion is None or bool(expansion)

    def _common(self, term: str) -> bool:
        """Whether a short term occurs in at least COMMON_SHARE of the newest documents.

        Listing the trigrams that begin with such a term would read most of the index (search_vocab
        counts every occurrence); reading the newest documents finds a full window of them sooner.
        """
        found, sampled = self._conn.execute(
            "SELECT total(instr(lower(body), lower(?)) > 0), count(*) FROM"
            " (SELECT body FROM search_index ORDER BY rowid DESC LIMIT ?)", (term, PROBE_DOCUMENTS)).fetchone()
        return bool(sampled > 0 and found >= COMMON_SHARE * sampled)

    def _starts(self, interview_ids: list[int]) -> dict[int, str | None]:
        marks = ",".join("?" * len(interview_ids))
        rows = self._conn.execute(f"SELECT id, starts_at FROM interviews WHERE id IN ({marks})", interview_ids)
        return {row[0]: row[1] for row in rows}

    # -- turning documents into hits --
    def _speaker_names(self, recording_ids: set[int], interviewers: dict[int, str],
                       language: str) -> dict[int, dict[str, str]]:
        """Each recording's speakers' names (``interviewers``: its interview's, by recording)."""
        chosen: dict[int, dict[str, str]] = {recording_id: {} for recording_id in recording_ids}
        if recording_ids:
            for row in self._conn.execute(
                    "SELECT recording_id, speaker, name FROM speaker_names WHERE recording_id IN"
                    f" ({','.join('?' * len(recording_ids))})", sorted(recording_ids)):
                chosen[row["recording_id"]][row["speaker"]] = row["name"]
        return {recording_id: names(language, interviewers.get(recording_id, ""), mine)
                for recording_id, mine in chosen.items()}

    def _hits(self, scored: list[tuple[float, str, int, str]], terms: list[str], language: str) -> list[SearchHit]:
        decoded = [(rowid, rank, body, *_decode(rowid)) for rank, _, rowid, body in scored]
        interview_ids = sorted({d[3] for d in decoded})
        interviews = {r["id"]: r for r in self._conn.execute(
            f"SELECT id, company, position, kind, status, starts_at, interviewers FROM interviews WHERE id IN"
            f" ({','.join('?' * len(interview_ids))})", interview_ids)}
        segment_ids = [d[5] for d in decoded if d[4] == "transcript"]
        segments: dict[int, sqlite3.Row] = {}
        if segment_ids:
            segments = {r["id"]: r for r in self._conn.execute(
                "SELECT s.id, s.start_ms, s.speaker, s.transcript_id, t.recording_id FROM segments s"
                f" JOIN transcripts t ON t.id = s.transcript_id WHERE s.id IN ({','.join('?' * len(segment_ids))})",
                segment_ids)}
        interview_of = {d[5]: d[3] for d in decoded if d[4] == "transcript"}
        with_speakers = {row["recording_id"]: interviews[interview_of[segment_id]]["interviewers"]
                         for segment_id, row in segments.items()
                         if row["speaker"] is not None and interview_of[segment_id] in interviews}
        speaker_names = self._speaker_names(set(with_speakers), with_speakers, language)
        hits: list[SearchHit] = []
        for _rowid, rank, body, interview_id, source, segment_id in decoded:
            interview = interviews.get(interview_id)
            if interview is None:
                continue
            snippet, spans, at = make_snippet(body, terms)
            extra: dict[str, Any] = {}  # SearchHit's note_line, or its recording_id ... speaker_name
            if source == "note":
                extra["note_line"] = body.count("\n", 0, at)
            elif source == "transcript":
                segment = segments.get(segment_id)
                if segment is None:
                    continue
                extra = {"recording_id": segment["recording_id"], "transcript_id": segment["transcript_id"],
                         "segment_id": segment_id, "start_ms": segment["start_ms"]}
                if (speaker := segment["speaker"]) is not None:
                    extra.update(speaker=speaker,
                                 speaker_name=speaker_names[segment["recording_id"]].get(speaker, speaker))
            starts_at = interview["starts_at"]
            hits.append(SearchHit(
                interview_id=interview_id, company=interview["company"], position=interview["position"],
                kind=InterviewKind(interview["kind"]), status=Status(interview["status"]),
                starts_at=datetime.fromisoformat(starts_at) if starts_at else None, source=source,
                snippet=snippet, spans=spans, rank=rank, **extra))
        return hits
