"""Notes with revisions, note templates and time links (core, real SQLite files)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from core.consent import ConsentAnswer, ConsentMethod, ConsentPurpose, ConsentRecord
from core.interviews import Interview, InterviewKind
from core.library import Library
from core.note_templates import Builtin, TemplateError, builtin_text, fill, last_declined, values_for
from core.notes import REVISION_SPAN, RevisionNotFoundError, SaveReason
from core.timecodes import find_time_links, format_timecode, linkify, time_link_at

T0 = datetime(2026, 11, 20, 5, 0, tzinfo=UTC)


@pytest.fixture
def lib():
    with Library.open() as library:
        yield library


def _interview(lib: Library, company: str = "株式会社サンプル") -> Interview:
    return lib.interviews.add(Interview(company=company, kind=InterviewKind.REAL, position="営業"))


def test_typing_is_coalesced_into_one_revision_per_span(lib):
    item = _interview(lib)
    assert lib.notes.save(item.id, "a", now=T0)
    assert lib.notes.save(item.id, "ab", now=T0 + timedelta(seconds=30))
    assert not lib.notes.save(item.id, "ab", now=T0 + timedelta(seconds=40)), "unchanged text is not saved again"
    lib.notes.save(item.id, "abc", now=T0 + REVISION_SPAN + timedelta(seconds=1))
    revisions = lib.notes.revisions(item.id)
    assert [r.body for r in revisions] == ["abc", "ab"]
    assert revisions[1].saved_at == T0 + timedelta(seconds=30) and revisions[1].created_at == T0
    assert lib.notes.get(item.id) == "abc"


def test_restore_brings_back_an_old_version_and_loses_nothing(lib):
    item = _interview(lib)
    lib.notes.save(item.id, "first draft", now=T0)
    lib.notes.save(item.id, "", now=T0 + REVISION_SPAN * 2)  # everything deleted by mistake
    first = lib.notes.revisions(item.id)[-1]
    assert lib.notes.restore(item.id, first.id) == "first draft"
    assert lib.notes.get(item.id) == "first draft"
    revisions = lib.notes.revisions(item.id)
    assert [(r.body, r.reason) for r in revisions] == [
        ("first draft", SaveReason.RESTORE), ("", SaveReason.EDIT), ("first draft", SaveReason.EDIT)]
    # Typing after a restore starts its own revision: the restored text stays a version of its own.
    lib.notes.save(item.id, "first draft, continued")
    assert len(lib.notes.revisions(item.id)) == 4


def test_restore_refuses_another_interviews_revision(lib):
    a, b = _interview(lib, "A社"), _interview(lib, "B社")
    lib.notes.save(a.id, "A's notes")
    revision = lib.notes.revisions(a.id)[0]
    with pytest.raises(RevisionNotFoundError):
        lib.notes.restore(b.id, revision.id)
    assert lib.notes.get(b.id) == ""


def test_insert_template_keeps_existing_notes_and_is_idempotent(lib):
    item = _interview(lib)
    lib.notes.save(item.id, "メモ：年収の話が出た")
    body = lib.notes.insert_template(item.id, "# テンプレート\n")
    assert body == "# テンプレート\n\nメモ：年収の話が出た"
    assert lib.notes.insert_template(item.id, "# テンプレート\n") == body
    assert [r.reason for r in lib.notes.revisions(item.id)] == [SaveReason.TEMPLATE, SaveReason.EDIT]


def test_deleting_the_interview_deletes_its_revisions(lib):
    item = _interview(lib)
    lib.notes.save(item.id, "x")
    lib.delete_interview(item.id)
    assert lib.notes.revisions(item.id) == []


@pytest.mark.parametrize("language", ["ja", "en"])
def test_builtin_templates_exist_in_both_languages(lib, language):
    templates = lib.templates.all(language)
    assert [t.builtin for t in templates] == list(Builtin)
    recall = builtin_text(Builtin.RECALL, language)
    expected = {
        "ja": ["聞かれた質問", "自分の回答", "面接官の反応", "うまくいったこと", "改善したいこと",
               "まだ聞きたいこと", "話に出た条件", "労働条件通知書", "次のステップと日付"],
        "en": ["Questions they asked", "What I answered", "Their reactions", "What went well",
               "What to improve", "Questions I still have", "Conditions mentioned",
               "written notice of employment terms", "Next steps and dates"],
    }[language]
    for heading in expected:
        assert heading in recall
    declined = builtin_text(Builtin.DECLINED, language)
    assert "{declined_at}" in declined and ("5分" in declined if language == "ja" else "Five minutes" in declined)
    review = builtin_text(Builtin.MOCK_REVIEW, language)
    assert ("つなぎ言葉" in review) if language == "ja" else ("fillers" in review)


def test_templates_can_be_edited_reset_and_added(lib):
    lib.templates.edit_builtin(Builtin.RECALL, "ja", "# 自分用の振り返り\n")
    recall = lib.templates.builtin(Builtin.RECALL, "ja")
    assert recall.edited and recall.body == "# 自分用の振り返り\n"
    assert lib.templates.builtin(Builtin.RECALL, "en").body == builtin_text(Builtin.RECALL, "en")
    lib.templates.reset_builtin(Builtin.RECALL, "ja")
    assert lib.templates.builtin(Builtin.RECALL, "ja").body == builtin_text(Builtin.RECALL, "ja")

    own = lib.templates.add("ja", "  逆質問メモ ", "## 聞いたこと\n")
    assert own.name == "逆質問メモ"
    lib.templates.update(own.id, "逆質問メモ（最終）", "## 聞いたこと\n## 答え\n")
    names = [t.name for t in lib.templates.all("ja") if t.builtin is None]
    assert names == ["逆質問メモ（最終）"] and lib.templates.all("en")[3:] == []
    with pytest.raises(TemplateError):
        lib.templates.add("ja", "", "body")
    with pytest.raises(TemplateError):
        lib.templates.update(own.id, "name", "   ")
    lib.templates.delete(own.id)
    with pytest.raises(TemplateError):
        lib.templates.delete(own.id)


def test_fill_replaces_known_placeholders_only():
    item = Interview(company="Acme", kind=InterviewKind.REAL, position="Engineer",
                     starts_at=datetime(2026, 11, 24, 1, 0, tzinfo=UTC))
    declined = datetime(2026, 11, 24, 1, 5, tzinfo=UTC)
    values = values_for(item, declined_at=declined)
    text = fill("{company} / {position} / {date} / {declined_at} / {unknown} / {}", values)
    local_date = item.starts_at.astimezone().strftime("%Y-%m-%d")
    assert text == (f"Acme / Engineer / {local_date} / {declined.astimezone().strftime('%Y-%m-%d %H:%M')}"
                    " / {unknown} / {}")


def test_the_declined_time_is_never_left_as_a_placeholder():
    """Issue 17, item 12: the quick capture from the Templates menu said 「{declined_at}」."""
    now = datetime(2026, 12, 3, 9, 30, tzinfo=UTC)
    assert fill("{declined_at}", values_for(None, now=now)) == now.astimezone().strftime("%Y-%m-%d %H:%M")
    agreed = ConsentRecord(interview_id=1, purpose=ConsentPurpose.REAL, answer=ConsentAnswer.AGREED, who="x",
                           method=ConsentMethod.IN_PERSON, asked_at=datetime(2026, 12, 2, 9, 0, tzinfo=UTC))
    first = replace(agreed, answer=ConsentAnswer.DECLINED, asked_at=datetime(2026, 12, 1, 9, 0, tzinfo=UTC))
    last = replace(first, asked_at=datetime(2026, 12, 1, 10, 0, tzinfo=UTC))
    assert last_declined([agreed, last, first]) == last.asked_at
    assert last_declined([agreed]) is None


def test_time_links_are_found_formatted_and_linkified():
    assert format_timecode(754_900) == "[12:34]"
    assert format_timecode(3_723_000) == "[1:02:03]"
    assert format_timecode(-5) == "[00:00]"
    text = "開始 [00:05] 志望動機 [12:34]、[1:02:03] 終了 [99:99] [3:4] [link](x) [12:34](https://e.x)"
    links = find_time_links(text)
    assert [link.ms for link in links] == [5_000, 754_000, 3_723_000]
    assert text[links[1].start:links[1].end] == "[12:34]"
    assert time_link_at(text, links[1].start + 3).ms == 754_000
    assert time_link_at(text, links[1].end) is None
    assert linkify("see [00:05] and [12:34](https://e.x)") == "see [00:05](furikaeri-time:5000) and [12:34](https://e.x)"


def test_notes_written_before_revisions_become_the_first_revision(tmp_path):
    import sqlite3

    from core.storage import db

    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    for migration in db.migrations()[:4]:  # a library from before note revisions
        conn.executescript(f"BEGIN;\n{migration.sql}\nPRAGMA user_version = {migration.version};\nCOMMIT;")
    conn.execute("INSERT INTO interviews (company, kind, created_at, updated_at) VALUES ('旧社', 'real', 'x', 'x')")
    conn.execute("INSERT INTO notes VALUES (1, '古いメモ', '2026-01-01T00:00:00+00:00')")
    conn.close()
    with Library.open(path) as lib:
        [revision] = lib.notes.revisions(1)
        assert revision.body == "古いメモ" and revision.reason is SaveReason.EDIT
        lib.notes.save(1, "古いメモ、追記")  # long after: a revision of its own
        assert [r.body for r in lib.notes.revisions(1)] == ["古いメモ、追記", "古いメモ"]
