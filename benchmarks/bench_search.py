#!/usr/bin/env python3
"""Library search over a large generated library: index build, query times, against a plain scan.

    uv run benchmarks/bench_search.py [--interviews 1000] [--hours 500] [--repeat 15] [--dir DIR]

Generates a library in a temporary ``FURIKAERI_HOME`` (deleted afterwards):
``--interviews`` interviews (half real, half mock, ten statuses, spread over
two years, 1 in 10 undated), each with one recording, its transcript and
notes; about ``--hours`` hours of speech in all, half Japanese at about 300
characters a minute, half English at about 150 words a minute, in segments of
5-10 s, written from seeded phrase lists.  One interview in five also has an
older, superseded transcript, and one segment in fifty a correction.

The data goes in at schema version 5 (before the search index) by bulk SQL;
then the index build is timed as what it really is for a user: migration 0006
backfilling the whole library on the first start of this version.  Also timed:
saving one more hour-long transcript through ``TranscriptStore.save`` (the
triggers index it as it is stored).

Query times (p50/p95 over ``--repeat`` runs of each query, limit 50) for
Japanese terms of three characters or more, two-character Japanese terms,
English words, common and rare, several terms, and with filters.  The
baseline, measured in the same run, is a plain scan: ``LIKE '%term%'`` over
the same newest transcripts' segments, notes and interviews, newest
interviews first, limit 50.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SEED = 20261203
JA_CHARS_PER_MIN = 300
EN_WORDS_PER_MIN = 150

JA_OPENERS = ["えーと、", "そうですね、", "はい、", "まず、", "正直に申し上げると、", "例えば、", "その上で、",
              "一方で、", "結論から申しますと、", "具体的には、", "前職では、", "学生時代は、", "入社後は、",
              "現在は、"]
JA_TOPICS = ["志望動機", "自己PR", "転職理由", "退職理由", "キャリアプラン", "年収", "勤務地", "残業", "リモートワーク",
             "チームでの役割", "挫折経験", "成功体験", "長所", "短所", "リーダーシップ", "顧客対応", "新規事業",
             "営業成績", "プロジェクト管理", "品質改善", "採用面接", "一次面接", "最終面接", "逆質問", "研修制度",
             "評価制度", "福利厚生", "業務内容", "配属先", "海外展開", "データ分析", "業務効率化", "後輩の育成"]
JA_MIDDLES = ["について", "に関して", "を通じて", "のために", "の中で", "を踏まえて", "に向けて", "という点で"]
JA_PREDICATES = ["お話ししたいと思います。", "大切にしてきました。", "取り組んでまいりました。", "学びました。",
                 "改善を重ねました。", "成果を出すことができました。", "貢献したいと考えております。",
                 "課題を感じていました。", "強みだと考えています。", "御社で活かせると思います。",
                 "確認させていただけますか。", "教えていただけますでしょうか。", "大変勉強になりました。",
                 "数字で示すことを意識しました。", "周りと協力して進めました。", "粘り強く続けました。"]
JA_RARE = ["量子コンピュータ", "珈琲", "鰻", "宇宙航空", "半導体製造装置", "伝統工芸"]

EN_OPENERS = ["So,", "Well,", "Honestly,", "In my last role,", "To be specific,", "For example,", "At university,",
              "In the first year,", "Looking back,", "After that,", "Um,", "I think", "Actually,"]
EN_SUBJECTS = ["I", "my team", "our group", "the client", "my manager", "we", "the company", "the project"]
EN_VERBS = ["led", "improved", "designed", "reviewed", "supported", "launched", "measured", "negotiated",
            "built", "planned", "tested", "presented", "organised", "simplified", "delivered", "mentored"]
EN_OBJECTS = ["the onboarding process", "a customer feedback survey", "our sales pipeline", "a data dashboard",
              "the release schedule", "a training programme", "the hiring plan", "a new product line",
              "the support backlog", "a pricing experiment", "the quarterly budget", "an internal tool",
              "the team's weekly meeting", "a migration to the cloud", "the quality checklist"]
EN_TAILS = ["which cut costs by twenty percent.", "and the team learned a lot from it.", "under a tight deadline.",
            "with three colleagues from other departments.", "and I would do it again.", "before the launch.",
            "because customers kept asking for it.", "and it taught me to communicate early.",
            "so that everyone could see the progress.", "even though it was difficult at first.",
            "and my experience there is why I applied.", "which is where my interest in this role comes from."]
EN_RARE = ["kubernetes", "blockchain", "ornithology", "calligraphy", "semiconductor", "marathon"]

COMPANIES = ["株式会社サンプル", "テック未来株式会社", "北海商事", "Example Corp.", "Globex Japan", "みらい銀行",
             "Initech", "さくら製作所", "Umbrella KK", "青空システムズ", "Hooli Tokyo", "東都物産"]
POSITIONS = ["営業", "エンジニア", "企画職", "Product manager", "Data analyst", "人事", "経理", "Designer",
             "カスタマーサクセス", "Software engineer"]
STATUSES = ["scheduled", "done", "waiting", "passed", "rejected", "offer", "declined", "cancelled", "no_show", "done"]

QUERIES = {  # name: (query, filters as keyword arguments of SearchFilters)
    "ja ≥3 common (志望動機)": ("志望動機", {}),
    "ja ≥3 common (成果を出す)": ("成果を出す", {}),
    "ja ≥3 rare (量子コンピュータ)": ("量子コンピュータ", {}),
    "ja 2 chars common (面接)": ("面接", {}),
    "ja 2 chars common (年収)": ("年収", {}),
    "ja 2 chars (志望)": ("志望", {}),
    "ja 2 chars rare (珈琲)": ("珈琲", {}),
    "ja 1 char rare (鰻)": ("鰻", {}),
    "ja 1 char common (の)": ("の", {}),
    "en common (experience)": ("experience", {}),
    "en common (team)": ("team", {}),
    "en rare (kubernetes)": ("kubernetes", {}),
    "en 2 chars (AI)": ("AI", {}),
    "en two terms (customer feedback)": ("customer feedback", {}),
    "ja two terms (年収 勤務地)": ("年収 勤務地", {}),
    "en + filter kind=mock": ("experience", {"kind": "mock"}),
    "ja + filter company": ("志望動機", {"company": "サンプル"}),
    "ja 2 chars + date range": ("面接", {"date_from": date(2026, 1, 1), "date_to": date(2026, 3, 31)}),
    "en + status=offer": ("team", {"status": "offer"}),
}


def ja_segment(rng: random.Random, chars: int) -> str:
    text = ""
    while len(text) < chars:
        part = rng.choice(JA_OPENERS) + rng.choice(JA_TOPICS) + rng.choice(JA_MIDDLES)
        if rng.random() < 0.002:
            part += rng.choice(JA_RARE) + "の"
        text += part + rng.choice(JA_PREDICATES)
    return text


def en_segment(rng: random.Random, words: int) -> str:
    parts: list[str] = []
    while sum(p.count(" ") + 1 for p in parts) < words:
        sentence = f"{rng.choice(EN_OPENERS)} {rng.choice(EN_SUBJECTS)} {rng.choice(EN_VERBS)} {rng.choice(EN_OBJECTS)}"
        if rng.random() < 0.002:
            sentence += f" using {rng.choice(EN_RARE)}"
        parts.append(f"{sentence} {rng.choice(EN_TAILS)}")
    return " ".join(parts)


def transcript_rows(rng: random.Random, language: str, seconds: float):
    """(start_ms, end_ms, text) segments of 5-10 s covering ``seconds`` of speech."""
    at = 0
    while at < seconds * 1000:
        length = rng.randint(5000, 10000)
        minutes = length / 60000
        text = (ja_segment(rng, int(JA_CHARS_PER_MIN * minutes)) if language == "ja"
                else en_segment(rng, int(EN_WORDS_PER_MIN * minutes)))
        yield at, at + length, text
        at += length


def notes_text(rng: random.Random, language: str) -> str:
    if language == "ja":
        lines = ["# 面接の振り返り", "## 聞かれた質問"] + [f"- {rng.choice(JA_TOPICS)}について" for _ in range(5)]
        lines += ["## 次に改善したいこと", ja_segment(rng, 80),
                  "## 話に出た条件", f"- 年収：{rng.randint(400, 900)}万円"]
    else:
        lines = ["# Interview review", "## Questions"] + [f"- about {rng.choice(EN_OBJECTS)}" for _ in range(5)]
        lines += ["## To improve", en_segment(rng, 30), "## Conditions", f"- salary {rng.randint(40, 90)}k"]
    return "\n".join(lines) + "\n"


def apply_migrations(conn: sqlite3.Connection, up_to: int) -> None:
    from core.storage import db

    for migration in db.migrations():
        if migration.version <= up_to:
            conn.executescript(f"BEGIN;\n{migration.sql}\nPRAGMA user_version = {migration.version};\nCOMMIT;")


def generate(path: Path, interviews: int, hours: float) -> dict:
    """Bulk-insert the library at schema 5; returns counts."""
    rng = random.Random(SEED)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA foreign_keys = ON")
    apply_migrations(conn, 5)
    seconds_each = hours * 3600 / interviews
    now = datetime(2026, 11, 22, tzinfo=UTC).isoformat()
    first_day = datetime(2025, 1, 6, 1, 0, tzinfo=UTC)
    counts = {"segments": 0, "characters": 0, "notes": 0, "transcripts": 0}
    segment_id = 0
    conn.execute("BEGIN")
    for number in range(1, interviews + 1):
        language = "ja" if number % 2 else "en"
        kind = "real" if rng.random() < 0.5 else "mock"
        starts = (None if number % 10 == 0
                  else first_day + timedelta(days=rng.randint(0, 700), hours=rng.randint(0, 9)))
        conn.execute(
            "INSERT INTO interviews (id, company, position, kind, stage, status, starts_at, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, '', ?, ?, ?, ?)",
            (number, rng.choice(COMPANIES), rng.choice(POSITIONS), kind, rng.choice(STATUSES),
             starts.isoformat() if starts else None, now, now))
        conn.execute(
            "INSERT INTO consent_records (id, interview_id, purpose, answer, who, method, asked_at, created_at,"
            " prev_hash, hash) VALUES (?, ?, 'mock', 'agreed', 'me', 'self', ?, ?, '', ?)",
            (number, number, now, now, f"hash{number}"))
        conn.execute(
            "INSERT INTO recordings (id, interview_id, consent_id, consent_hash, file, samplerate, channels,"
            " started_at, duration_ms, state) VALUES (?, ?, ?, ?, ?, 48000, 1, ?, ?, 'completed')",
            (number, number, number, f"hash{number}", f"{number}/a.wav", now, int(seconds_each * 1000)))
        versions = 2 if number % 5 == 0 else 1
        for version in range(versions):
            seconds = seconds_each if version == versions - 1 else min(seconds_each, 300)
            cursor = conn.execute(
                "INSERT INTO transcripts (recording_id, source, language, duration_ms, model, created_at)"
                " VALUES (?, ?, ?, ?, 'base', ?)",
                (number, f"{number}/a.wav", language, int(seconds * 1000), f"2026-11-0{version + 1}T00:00:00+00:00"))
            counts["transcripts"] += 1
            rows = []
            for idx, (start, end, text) in enumerate(transcript_rows(rng, language, seconds)):
                segment_id += 1
                corrected = text.replace("、", "。", 1) if rng.random() < 0.02 else None
                rows.append((segment_id, cursor.lastrowid, idx, start, end, text, corrected))
                if version == versions - 1:
                    counts["segments"] += 1
                    counts["characters"] += len(corrected or text)
            conn.executemany("INSERT INTO segments (id, transcript_id, idx, start_ms, end_ms, text, corrected_text)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        conn.execute("INSERT INTO notes (interview_id, body, updated_at) VALUES (?, ?, ?)",
                     (number, notes_text(rng, language), now))
        counts["notes"] += 1
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return counts


def baseline(conn: sqlite3.Connection, term: str, filters: dict, limit: int = 50) -> list:
    """A plain scan over the same documents, newest interviews first (LIKE is case-insensitive for ASCII)."""
    where, params = [], []
    if filters.get("kind"):
        where.append("i.kind = ?")
        params.append(filters["kind"])
    if filters.get("status"):
        where.append("i.status = ?")
        params.append(filters["status"])
    if filters.get("company"):
        where.append("i.company LIKE ?")
        params.append(f"%{filters['company']}%")
    if filters.get("date_from"):
        where.append("i.starts_at >= ?")
        params.append(filters["date_from"].isoformat())
    if filters.get("date_to"):
        where.append("i.starts_at < ?")
        params.append((filters["date_to"] + timedelta(days=1)).isoformat())
    likes = " AND ".join("d.body LIKE ?" for _ in term.split())
    like_params = [f"%{t}%" for t in term.split()]
    sql = (
        "WITH docs(interview_id, body) AS ("
        " SELECT r.interview_id, COALESCE(s.corrected_text, s.text) FROM segments s"
        " JOIN transcripts t ON t.id = s.transcript_id JOIN recordings r ON r.id = t.recording_id"
        " WHERE t.id = (SELECT id FROM transcripts WHERE recording_id = r.id ORDER BY created_at DESC, id DESC LIMIT 1)"
        " UNION ALL SELECT interview_id, body FROM notes"
        " UNION ALL SELECT id, company || char(10) || position FROM interviews)"
        " SELECT d.interview_id, d.body FROM docs d JOIN interviews i ON i.id = d.interview_id"
        f" WHERE {likes}" + "".join(f" AND {w}" for w in where) + " ORDER BY i.starts_at DESC LIMIT ?")
    return conn.execute(sql, [*like_params, *params, limit]).fetchall()


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--interviews", type=int, default=1000)
    parser.add_argument("--hours", type=float, default=500.0)
    parser.add_argument("--repeat", type=int, default=15, help="runs of each query")
    parser.add_argument("--dir", type=Path, default=None, help="where to put the temporary library")
    args = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="furikaeri-bench-search-", dir=args.dir))
    os.environ["FURIKAERI_HOME"] = str(home)
    from core import paths
    from core.interviews import InterviewKind, Status
    from core.library import Library
    from core.search import SearchFilters
    from core.transcription.model import Segment, Transcript, TranscriptionSettings

    try:
        path = paths.database_path()
        paths.ensure_private_dir(path.parent)
        started = time.perf_counter()
        counts = generate(path, args.interviews, args.hours)
        size_before = path.stat().st_size
        print(f"generated {args.interviews} interviews, {args.hours:g} h of speech: {counts['segments']:,} segments"
              f" ({counts['characters'] / 1e6:.1f} M characters) in the newest transcripts, "
              f"{counts['transcripts']:,} transcripts, {counts['notes']:,} notes; "
              f"{size_before / 1e6:.0f} MB, in {time.perf_counter() - started:.0f} s")
        print(f"SQLite {sqlite3.sqlite_version}, {os.cpu_count()} CPUs")
        print()

        started = time.perf_counter()
        library = Library.open()  # applies 0006 (the index, built from the whole library) and the later ones
        build_s = time.perf_counter() - started
        library._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size_after = path.stat().st_size
        documents = library._conn.execute("SELECT count(*) FROM search_index").fetchone()[0]
        print(f"index build (migration 0006, applied with the later ones on first start): {build_s:.1f} s"
              f" for {documents:,} documents; "
              f"database {size_before / 1e6:.0f} MB -> {size_after / 1e6:.0f} MB "
              f"(+{(size_after - size_before) / 1e6:.0f} MB)")

        rng = random.Random(SEED + 1)
        segments = tuple(Segment(start, end, text) for start, end, text in transcript_rows(rng, "ja", 3600))
        extra = Transcript("1/a.wav", "ja", 3_600_000, TranscriptionSettings(), segments=segments, recording_id=1)
        conn = library._conn
        conn.execute("SAVEPOINT bench")  # the baseline: the same rows without the index's triggers, rolled back
        for trigger in ("search_transcript_insert", "search_segment_insert"):
            conn.execute(f"DROP TRIGGER {trigger}")
        started = time.perf_counter()
        _save_plain(conn, extra)
        plain_s = time.perf_counter() - started
        conn.execute("ROLLBACK TO bench")
        conn.execute("RELEASE bench")
        started = time.perf_counter()
        library.transcripts.save(extra)
        indexed_s = time.perf_counter() - started
        started = time.perf_counter()
        synced = library.search.sync()
        sync_s = time.perf_counter() - started
        print(f"saving a 1-hour transcript ({len(segments)} segments) through TranscriptStore.save: "
              f"{indexed_s * 1000:.1f} ms (bare inserts without the triggers: {plain_s * 1000:.1f} ms, "
              f"ratio {indexed_s / plain_s:.2f}x); indexing it at the next search: {sync_s * 1000:.1f} ms "
              f"({synced} rows, the superseded transcript's included)")
        print()

        raw = sqlite3.connect(path)
        header = f"{'query':36} {'hits':>5} {'p50 ms':>8} {'p95 ms':>8}   {'scan p50':>9} {'scan p95':>9} {'ratio':>7}"
        print(header)
        print("-" * len(header))
        all_times: dict[str, list[float]] = {"ja": [], "en": []}
        for name, (query, options) in QUERIES.items():
            filters = SearchFilters(
                kind=InterviewKind(options["kind"]) if "kind" in options else None,
                status=Status(options["status"]) if "status" in options else None,
                company=options.get("company"), date_from=options.get("date_from"), date_to=options.get("date_to"))
            library.search.search(query, filters)  # warm
            times = []
            for _ in range(args.repeat):
                started = time.perf_counter()
                hits = library.search.search(query, filters)
                times.append((time.perf_counter() - started) * 1000)
            scans = []
            for _ in range(max(3, args.repeat // 3)):
                started = time.perf_counter()
                baseline(raw, query, options)
                scans.append((time.perf_counter() - started) * 1000)
            all_times["ja" if name.startswith("ja") else "en"].extend(times)
            p95, scan_p95 = percentile(times, 0.95), percentile(scans, 0.95)
            print(f"{name:36} {len(hits):5} {statistics.median(times):8.1f} {p95:8.1f}   "
                  f"{statistics.median(scans):9.1f} {scan_p95:9.1f} {p95 / scan_p95:6.3f}x")
        print()
        for language, times in all_times.items():
            print(f"all {language} queries: p50 {statistics.median(times):.1f} ms, p95 {percentile(times, 0.95):.1f} ms"
                  f" (target <= 50 ms)")
        raw.close()
        library.close()
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return 0


def _save_plain(conn: sqlite3.Connection, transcript) -> None:
    """The inserts TranscriptStore.save makes, without the index's triggers (the baseline)."""
    cursor = conn.execute(
        "INSERT INTO transcripts (recording_id, source, language, duration_ms, model, created_at)"
        " VALUES (?, ?, ?, ?, 'base', ?)",
        (transcript.recording_id, transcript.source, transcript.language, transcript.duration_ms,
         datetime.now(UTC).isoformat()))
    first = conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM segments").fetchone()[0]
    conn.executemany(
        "INSERT INTO segments (id, transcript_id, idx, start_ms, end_ms, text) VALUES (?, ?, ?, ?, ?, ?)",
        [(first + idx, cursor.lastrowid, idx, s.start_ms, s.end_ms, s.text)
         for idx, s in enumerate(transcript.segments)])


if __name__ == "__main__":
    sys.exit(main())
