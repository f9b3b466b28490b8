"""The consent store and the recording permit: the gate no input stream passes without a saved record.

Records are append-only (the database refuses updates and deletions, except
together with their interview) and hash-chained per interview: each holds the
hash of the one before, so :meth:`ConsentStore.verify` notices a record that
was changed, removed or reordered behind the app's back; the full check
(:func:`core.consent.verify.check_consent`) also compares the ledger and each
recording's sidecar.

The recorder accepts only a :class:`RecordingPermit` issued by
:meth:`ConsentStore.permit` of the library it records for, and re-checks it
against that store (the same connection the recording's rows go into)
immediately before it opens an input stream. A permit built by hand, or one
issued by another library's store, is refused.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import weakref
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from core.consent import ledger as consent_ledger
from core.consent.records import (
    ConsentAnswer,
    ConsentInvalid,
    ConsentKind,
    ConsentMethod,
    ConsentPurpose,
    ConsentRecord,
    ConsentRequired,
    from_row,
    genesis_hash,
    iso,
    require_permission,
    validated,
)
from core.interviews import utc_now
from core.messages import QT_TRANSLATE_NOOP, Message
from core.storage.transaction import after_commit, transaction

log = logging.getLogger(__name__)


def _m(text: str, **params: object) -> Message:
    return Message("Consent", text, params)


# The database's append-only rules, exactly as migration 0002 created them;
# ConsentStore.restore_triggers puts them back when someone removed or altered them.
TRIGGERS = {
    "consent_records_no_update": (
        "CREATE TRIGGER consent_records_no_update BEFORE UPDATE ON consent_records\n"
        "BEGIN\n"
        "    SELECT RAISE(ABORT, 'consent records are append-only');\n"
        "END"),
    "consent_records_no_delete": (
        "CREATE TRIGGER consent_records_no_delete BEFORE DELETE ON consent_records\n"
        "WHEN EXISTS (SELECT 1 FROM interviews WHERE id = OLD.interview_id)\n"
        "BEGIN\n"
        "    SELECT RAISE(ABORT, 'consent records are append-only');\n"
        "END"),
}


@dataclass(frozen=True)
class ChainReport:
    checked: int
    problems: tuple[Message, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


class RecordingPermit:
    """Proof that recording may start, issued only by :meth:`ConsentStore.permit`.

    It names the store that issued it (never a database path of its own) and
    is re-checked against that store's database before every stream opens.
    """

    __slots__ = ("__weakref__", "_store", "consent")

    def __init__(self, consent: ConsentRecord, store: object) -> None:
        self.consent = consent
        self._store = store

    @property
    def store(self) -> object:
        return self._store

    def check(self, store: ConsentStore | None = None) -> ConsentRecord:
        """The saved record, re-read now; raises :class:`ConsentRequired` unless recording may start.

        ``store`` is the consent store of the library the recording goes
        into; the permit must have been issued by exactly that store.
        """
        issuer = self._store
        if store is not None and issuer is not store:
            raise ConsentRequired(_m(QT_TRANSLATE_NOOP(
                "Consent", "This permission belongs to another library, so recording was not started.")))
        if not isinstance(issuer, ConsentStore) or not issuer.issued(self):
            raise ConsentRequired(_not_issued())
        return issuer.recheck(self.consent)

    def __repr__(self) -> str:
        return f"RecordingPermit(consent={self.consent.id})"


def _not_issued() -> Message:
    return _m(QT_TRANSLATE_NOOP(
        "Consent", "This permission was not issued by the library's consent records, "
                   "so recording was not started."))


def _unreadable(error: sqlite3.Error) -> ConsentRequired:
    return ConsentRequired(_m(QT_TRANSLATE_NOOP(
        "Consent", "The consent record could not be read ({detail}); recording was not started."),
        detail=str(error)))


def permit_from(permit: object, store: ConsentStore | None = None) -> ConsentRecord:
    """The gate itself: what every recording path calls before touching the microphone.

    ``store`` is the consent store of the library the recording is for; a
    permit issued by any other store is refused.
    """
    if not isinstance(permit, RecordingPermit):
        raise ConsentRequired(_m(QT_TRANSLATE_NOOP(
            "Consent", "Recording needs a saved consent record first: confirm that everyone agreed.")))
    return permit.check(store)


class ConsentStore:
    """Append-only consent records, hash-chained per interview."""

    def __init__(self, conn: sqlite3.Connection, lock: threading.RLock, database: Path) -> None:
        self._conn = conn
        self._lock = lock
        self._database = database
        self.ledger = consent_ledger.ledger_path(database)
        self._issued: weakref.WeakSet[RecordingPermit] = weakref.WeakSet()

    def add(self, record: ConsentRecord) -> ConsentRecord:
        if record.id is not None:
            raise ValueError("consent records are append-only; this one is saved already")
        if record.kind is not ConsentKind.CONSENT:
            raise ValueError("events are added with add_event")
        item = validated(record)
        with transaction(self._conn, self._lock):
            self._check_interview(item)
            return self._append(item)

    def add_event(self, interview_id: int, kind: ConsentKind, recording_id: int | None = None) -> ConsentRecord:
        """Append what happened to the recordings (a deletion, a withdrawal) to the interview's chain.

        The record says what, when and which recording id, never anything the
        recording held; it never allows recording.
        """
        if kind is ConsentKind.CONSENT:
            raise ValueError("a permission is added with add")
        with transaction(self._conn, self._lock):
            row = self._conn.execute("SELECT kind FROM interviews WHERE id = ?", (interview_id,)).fetchone()
            if row is None:
                raise ConsentInvalid(_m(QT_TRANSLATE_NOOP("Consent", "Interview {id} no longer exists."),
                                        id=interview_id))
            now = utc_now()
            purpose = ConsentPurpose.MOCK if row["kind"] == "mock" else ConsentPurpose.REAL
            item = ConsentRecord(interview_id=interview_id, purpose=purpose, answer=ConsentAnswer.DECLINED,
                                 who="", method=ConsentMethod.SELF, asked_at=now.replace(microsecond=0),
                                 kind=kind, recording_id=recording_id)
            return self._append(item)

    def _append(self, item: ConsentRecord) -> ConsentRecord:
        """Chain ``item`` to its interview's last record and insert it (inside the caller's transaction)."""
        last = self._conn.execute(
            "SELECT hash FROM consent_records WHERE interview_id = ? ORDER BY id DESC LIMIT 1",
            (item.interview_id,)).fetchone()
        item = replace(item, created_at=utc_now(),
                       prev_hash=last["hash"] if last else genesis_hash(item.interview_id))
        item = replace(item, hash=item.computed_hash())
        cursor = self._conn.execute(
            "INSERT INTO consent_records (interview_id, purpose, answer, who, method, asked_at,"
            " request_text, note, created_at, prev_hash, hash, kind, recording_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (item.interview_id, item.purpose.value, item.answer.value, item.who, item.method.value,
             iso(item.asked_at), item.request_text, item.note, iso(item.created_at),
             item.prev_hash, item.hash, item.kind.value, item.recording_id))
        item = replace(item, id=cursor.lastrowid)
        saved = item
        # The ledger copies what is committed: inside a larger operation, only once that commits.
        after_commit(self._conn, lambda: self._remember(saved))
        return item

    def _remember(self, record: ConsentRecord) -> None:
        """Copy a saved record into the ledger; a failure costs the copy, never the record."""
        try:
            consent_ledger.remember(self.ledger, record.to_dict())
        except (OSError, ValueError) as error:
            log.warning("the consent ledger %s was not updated: %s", self.ledger, error)

    def update_ledger(self, records: list[dict[str, Any]], drop: set[int]) -> None:
        """Add ``records`` the ledger lacks and drop the chains of ``drop`` (deleted interviews), in one write."""
        with self._lock:
            try:
                chains = consent_ledger.load(self.ledger)
                changed = chains is None
                chains = chains or {}
                for interview_id in drop & set(chains):
                    del chains[interview_id]
                    changed = True
                if consent_ledger.merge(chains, records) or changed:
                    consent_ledger.save(self.ledger, chains)
            except (OSError, ValueError) as error:
                log.warning("the consent ledger %s was not updated: %s", self.ledger, error)

    def forget_interview(self, interview_id: int) -> None:
        """Drop a deleted interview's chain from the ledger (its records went with it)."""
        with self._lock:
            try:
                consent_ledger.forget(self.ledger, interview_id)
            except (OSError, ValueError) as error:
                log.warning("the consent ledger %s was not updated: %s", self.ledger, error)

    def _check_interview(self, item: ConsentRecord) -> None:
        row = self._conn.execute("SELECT kind FROM interviews WHERE id = ?", (item.interview_id,)).fetchone()
        if row is None:
            raise ConsentInvalid(_m(QT_TRANSLATE_NOOP("Consent", "Interview {id} no longer exists."),
                                    id=item.interview_id))
        if item.purpose is ConsentPurpose.MOCK and row["kind"] != "mock":
            raise ConsentInvalid(_m(QT_TRANSLATE_NOOP(
                "Consent", "This is a real interview: recording needs the interviewer's permission, "
                           "not self-consent.")))

    def get(self, consent_id: int) -> ConsentRecord | None:
        with self._lock:
            row = self._conn.execute("SELECT * FROM consent_records WHERE id = ?", (consent_id,)).fetchone()
        return from_row(row) if row else None

    def for_interview(self, interview_id: int) -> list[ConsentRecord]:
        """The interview's permissions (asked and answered), oldest first; see :meth:`chain` for every record."""
        return [record for record in self.chain(interview_id) if record.kind is ConsentKind.CONSENT]

    def chain(self, interview_id: int) -> list[ConsentRecord]:
        """Every record of the interview's chain, permissions, deletions and withdrawals, oldest first."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT * FROM consent_records WHERE interview_id = ? ORDER BY id", (interview_id,)).fetchall()
        return [from_row(row) for row in rows]

    def permit(self, consent_id: int) -> RecordingPermit:
        """A permit for a saved record that allows recording; raises :class:`ConsentRequired` otherwise."""
        record = self.get(consent_id)
        if record is None:
            raise ConsentRequired(_m(QT_TRANSLATE_NOOP(
                "Consent", "No saved consent record was found, so recording was not started.")))
        permit = RecordingPermit(self.recheck(record), self)
        self._issued.add(permit)
        return permit

    def issued(self, permit: RecordingPermit) -> bool:
        """True for a permit this store handed out (never for one built by hand)."""
        return permit in self._issued

    def recheck(self, record: ConsentRecord) -> ConsentRecord:
        """Re-read ``record`` from this library's database; it must be saved, unchanged and allow recording."""
        try:
            row = self._saved_row(record.id)
        except sqlite3.Error as error:
            raise _unreadable(error) from error
        if row is None:
            raise ConsentRequired(_m(QT_TRANSLATE_NOOP(
                "Consent", "No saved consent record was found, so recording was not started.")))
        saved = from_row(row)
        if saved.hash != record.hash or saved.computed_hash() != saved.hash:
            raise ConsentRequired(_m(QT_TRANSLATE_NOOP(
                "Consent", "The consent record was changed after it was saved, so recording was not started.")))
        require_permission(saved)
        return saved

    def _saved_row(self, consent_id: int | None) -> Any:
        query = "SELECT * FROM consent_records WHERE id = ?"
        try:
            with self._lock:
                return self._conn.execute(query, (consent_id,)).fetchone()
        except sqlite3.ProgrammingError:  # the library was closed since: read its own file
            conn = sqlite3.connect(f"file:{self._database}?mode=ro", uri=True)
            try:
                conn.row_factory = sqlite3.Row
                return conn.execute(query, (consent_id,)).fetchone()
            finally:
                conn.close()

    def raw_records(self) -> list[dict[str, Any]]:
        """Every row of the table as it is (for checking: it may have been edited), by interview and id."""
        with self._lock:
            rows = self._conn.execute("SELECT * FROM consent_records ORDER BY interview_id, id").fetchall()
        return [dict(row) for row in rows]

    def restore_triggers(self) -> tuple[str, ...]:
        """Put back the append-only triggers if they were dropped or altered; returns the names put back."""
        def same(a: str | None, b: str) -> bool:
            return a is not None and " ".join(a.split()).rstrip(";") == " ".join(b.split())

        with self._lock:
            found = dict(self._conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'consent_records'"
            ).fetchall())
            broken = tuple(name for name, sql in TRIGGERS.items() if not same(found.get(name), sql))
            if broken:
                with transaction(self._conn, self._lock):
                    for name in broken:
                        self._conn.execute(f"DROP TRIGGER IF EXISTS {name}")
                        self._conn.execute(TRIGGERS[name])
        return broken

    def sidecar_facts(self, interview_id: int, consent_id: int,
                      previous: dict[str, Any] | None = None) -> dict[str, Any]:
        """What a recording's sidecar keeps: the record it was made under and its chain's head (count, hash).

        What an earlier version of the sidecar holds wins: a record changed, or
        a chain cut short, in the database since then must not overwrite the
        recording's own copy of the evidence.
        """
        previous = previous or {}
        kept = previous.get("consent")
        consent = kept if isinstance(kept, dict) and kept.get("id") == consent_id else None
        if consent is None:
            record = self.get(consent_id)
            consent = record.to_dict() if record else None
        with self._lock:
            chain = [row["hash"] for row in self._conn.execute(
                "SELECT hash FROM consent_records WHERE interview_id = ? ORDER BY id", (interview_id,))]
        head = {"interview_id": interview_id, "records": len(chain), "head": chain[-1] if chain else ""}
        before = previous.get("consent_chain")
        if isinstance(before, dict) and before.get("interview_id") == interview_id \
                and isinstance(before.get("records"), int) and before["records"] > 0:
            count = before["records"]
            if count > len(chain) or chain[count - 1] != before.get("head"):
                head = before
        return {"consent": consent, "consent_chain": head}

    def verify(self) -> ChainReport:
        """Walk every interview's chain; report each record that was changed, removed or reordered."""
        with self._lock:
            rows = self._conn.execute("SELECT * FROM consent_records ORDER BY interview_id, id").fetchall()
        problems: list[Message] = []
        previous: dict[int, str] = {}
        for row in rows:
            record = from_row(row)
            expected_prev = previous.get(record.interview_id, genesis_hash(record.interview_id))
            if record.computed_hash() != record.hash:
                problems.append(_m(QT_TRANSLATE_NOOP(
                    "Consent", "Consent record {id} was changed after it was saved."), id=record.id))
            elif record.prev_hash != expected_prev:
                problems.append(_m(QT_TRANSLATE_NOOP(
                    "Consent", "Consent record {id} does not follow the record before it: "
                               "a record was removed or reordered."), id=record.id))
            previous[record.interview_id] = record.hash
        return ChainReport(len(rows), tuple(problems))


