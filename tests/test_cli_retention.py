"""``main.py retention``: says what goes when; announces (printing is the notice) and deletes only what was
announced at least NOTICE_DAYS ago; --dry-run changes nothing; --keep / --no-keep."""

from __future__ import annotations

from datetime import timedelta

from core import cli
from core.interviews import Status, utc_now
from core.library import Library
from core.ops import retention as ops
from core.retention import NOTICE_DAYS, Policy
from core.settings import RETENTION_REAL_DAYS, Settings
from tests.test_retention import _real


def _two(tmp_path):
    """Two rejected interviews, a year ago, one recording each; retention on at 30 days."""
    Settings().set(RETENTION_REAL_DAYS, 30)
    year_ago = utc_now() - timedelta(days=365)
    with Library.open() as library:
        _, first = _real(library, tmp_path, "Acme", Status.REJECTED, year_ago)
        _, second = _real(library, tmp_path, "Globex", Status.REJECTED, year_ago)
    return first, second


def test_off_by_default_says_so(capsys):
    assert cli.main(["retention"]) == 0
    assert "Retention is off" in capsys.readouterr().out


def test_dry_run_says_and_changes_nothing(tmp_path, capsys):
    first, _ = _two(tmp_path)
    assert cli.main(["retention", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert f"Recording no. {first.id} of Acme" in out and "Globex" in out
    with Library.open() as library:
        assert library.recordings.get(first.id).retention_notice_at is None
    assert first.path.exists()


def test_announces_then_deletes_what_was_announced_long_enough_ago(tmp_path, capsys):
    first, second = _two(tmp_path)
    with Library.open() as library:  # the first one was announced eight days ago (in Upcoming, say)
        library.recordings.announce_retention([first.id], utc_now() - timedelta(days=NOTICE_DAYS + 1))
    assert cli.main(["retention"]) == 0
    out = capsys.readouterr().out
    assert out.index("Deleted now:") < out.index(f"Recording no. {first.id} of Acme") < out.index("Coming")
    assert not first.path.exists() and second.path.exists()
    with Library.open() as library:  # the second one is announced by this run: it goes in seven days
        assert library.recordings.get(second.id).retention_notice_at is not None
        assert ops.run(library, Policy(30), utc_now()).value.deleted == ()


def test_keep_and_no_keep(tmp_path, capsys):
    first, _ = _two(tmp_path)
    assert cli.main(["retention", "--keep", str(first.id)]) == 0
    with Library.open() as library:
        assert library.recordings.get(first.id).keep
        library.recordings.announce_retention([first.id], utc_now() - timedelta(days=NOTICE_DAYS + 1))
    assert cli.main(["retention"]) == 0
    assert first.path.exists()
    assert cli.main(["retention", "--no-keep", str(first.id)]) == 0
    with Library.open() as library:
        assert not library.recordings.get(first.id).keep
    assert cli.main(["retention", "--keep", "999"]) == 4
    assert "does not exist" in capsys.readouterr().err


def test_practice_audio_is_listed_as_audio(tmp_path, capsys):
    from core.settings import RETENTION_PRACTICE_DAYS
    from tests.test_retention import _practice

    Settings().set(RETENTION_PRACTICE_DAYS, 7)
    with Library.open() as library:
        recording, _, _ = _practice(library, tmp_path, at=utc_now() - timedelta(days=30))
    assert cli.main(["retention", "--dry-run"]) == 0
    assert f"The audio of practice recording no. {recording.id}" in capsys.readouterr().out
