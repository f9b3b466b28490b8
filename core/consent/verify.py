"""Are the consent records as they were saved? Checked by ``doctor`` and at every start.

:func:`check_consent` compares everything that remembers a consent record:

1. the database's append-only triggers: put back when dropped or altered (and
   reported, since only someone editing the database file can do that);
2. each interview's chain in the table: every record matches its own hash and
   follows the one before it;
3. the consent ledger (:mod:`core.consent.ledger`): every record copied there
   must still be in the table, unchanged. This names the field that changed,
   a record deleted from the middle or the end of its chain, or a whole chain;
4. each recording's sidecar: the record it was made under must be unchanged,
   and the chain must still reach the head the recording saw;
5. each recording's row: the consent hash it was made under.

Chains found intact then bring the ledger up to date (records saved since it
was last written). A chain whose interview was deleted leaves the ledger, as
its records left the database with it; its recordings' sidecars still count.
"""

from __future__ import annotations

import enum
import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core import paths
from core.consent import ledger
from core.consent.records import from_row, genesis_hash, local_time
from core.messages import QT_TRANSLATE_NOOP, Message
from core.recording.files import audio_of_sidecar

if TYPE_CHECKING:
    from core.library import Library
    from core.recording.store import Recording

# The fields a change is reported by, in this order, with their names for people.
FIELDS = {
    "who": QT_TRANSLATE_NOOP("Consent", "who answered"),
    "answer": QT_TRANSLATE_NOOP("Consent", "answer"),
    "method": QT_TRANSLATE_NOOP("Consent", "how"),
    "asked_at": QT_TRANSLATE_NOOP("Consent", "asked at"),
    "request_text": QT_TRANSLATE_NOOP("Consent", "request wording"),
    "note": QT_TRANSLATE_NOOP("Consent", "note"),
    "purpose": QT_TRANSLATE_NOOP("Consent", "kind"),
    "interview_id": QT_TRANSLATE_NOOP("Consent", "interview"),
    "created_at": QT_TRANSLATE_NOOP("Consent", "saved at"),
    "prev_hash": QT_TRANSLATE_NOOP("Consent", "link to the record before"),
}


class Finding(enum.Enum):
    TRIGGERS = "triggers"  # the append-only triggers had been removed or altered (now restored)
    CHANGED = "changed"  # a record's contents differ from what was saved
    DELETED = "deleted"  # a record in the middle of its chain is gone
    DELETED_TAIL = "deleted_tail"  # the last record(s) of a chain are gone
    DELETED_CHAIN = "deleted_chain"  # every record of an interview is gone
    UNLINKED = "unlinked"  # a record does not follow the one before it (found by the chain alone)
    RECORDING = "recording"  # a recording's own consent record, or the chain it saw, is changed or gone
    LEDGER = "ledger"  # the ledger itself could not be read


# Findings are listed recordings first: what the user has most reason to look at.
ORDER = (Finding.RECORDING, Finding.CHANGED, Finding.DELETED_TAIL, Finding.DELETED, Finding.DELETED_CHAIN,
         Finding.UNLINKED, Finding.LEDGER, Finding.TRIGGERS)


@dataclass(frozen=True)
class ConsentProblem:
    finding: Finding
    message: Message
    interview_id: int | None = None
    record_id: int | None = None
    recording: str | None = None  # the audio file, relative to the recordings folder


@dataclass(frozen=True)
class ConsentCheck:
    records: int
    chains: int
    recordings: int
    problems: tuple[ConsentProblem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def triggers_restored(self) -> bool:
        return any(p.finding is Finding.TRIGGERS for p in self.problems)

    def summary(self) -> Message:
        if self.ok:
            return _m(QT_TRANSLATE_NOOP(
                "Consent", "{records} record(s) in {chains} chain(s) unchanged; {recordings} recording(s) checked"),
                records=self.records, chains=self.chains, recordings=self.recordings)
        return _m(QT_TRANSLATE_NOOP(
            "Consent", "Consent records were changed or deleted outside Furikaeri ({count} finding(s)):"),
            count=len(self.problems))


def _m(text: str, **params: object) -> Message:
    return Message("Consent", text, params)


def _short(digest: object) -> str:
    return str(digest)[:12] if digest else "—"


def _when(value: object) -> str:
    try:
        return local_time(datetime.fromisoformat(str(value)))
    except ValueError:
        return str(value)


def _described(record: dict[str, Any]) -> Message:
    params = {"who": record.get("who", ""), "asked": _when(record.get("asked_at", ""))}
    if record.get("kind") == "deletion":
        return _m(QT_TRANSLATE_NOOP("Consent", "recording no. {recording} deleted {asked}"),
                  recording=record.get("recording_id"), asked=params["asked"])
    if record.get("kind") == "withdrawn":
        return _m(QT_TRANSLATE_NOOP("Consent", "permission withdrawn {asked}"), asked=params["asked"])
    if record.get("answer") == "declined":
        return _m(QT_TRANSLATE_NOOP("Consent", "{who} declined, asked {asked}"), **params)
    return _m(QT_TRANSLATE_NOOP("Consent", "{who} agreed, asked {asked}"), **params)


def _changes(saved: dict[str, Any], found: dict[str, Any]) -> list[Message]:
    return [_m(QT_TRANSLATE_NOOP("Consent", "{field}: “{before}” → “{after}”"),
               field=_m(label), before=saved.get(name), after=found.get(name))
            for name, label in FIELDS.items() if str(saved.get(name)) != str(found.get(name))]


def _own_hash(row: dict[str, Any]) -> str | None:
    """The hash the row's contents have now (None when they are not even a record any more)."""
    try:
        return from_row(row).computed_hash()
    except (ValueError, KeyError, TypeError):
        return None


class _Check:
    """One check. What remembers a record is read before the table, so that a record saved meanwhile
    (the app or a command recording at the same time) is never taken for a deleted one."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.store = library.consent
        self.problems: list[ConsentProblem] = []
        self.troubled: set[int] = set()  # interviews with a finding: their chain is not copied to the ledger
        self.rows: list[dict[str, Any]] = []
        self.by_id: dict[int, dict[str, Any]] = {}
        self.chains: dict[int, list[dict[str, Any]]] = {}
        self.companies: dict[int, str] = {}

    def read_table(self) -> None:
        self.rows = self.store.raw_records()
        self.by_id = {row["id"]: row for row in self.rows}
        for row in self.rows:
            self.chains.setdefault(row["interview_id"], []).append(row)
        self.companies = {item.id: item.company for item in self.library.interviews.all() if item.id is not None}

    def interview(self, interview_id: int, company: str | None = None) -> Message:
        company = self.companies.get(interview_id, company)
        if company is None:
            return _m(QT_TRANSLATE_NOOP("Consent", "the deleted interview no. {id}"), id=interview_id)
        return _m(QT_TRANSLATE_NOOP("Consent", "the interview with {company} (no. {id})"),
                  company=company, id=interview_id)

    def add(self, finding: Finding, message: Message, interview_id: int | None = None,
            record_id: int | None = None, recording: str | None = None) -> None:
        self.problems.append(ConsentProblem(finding, message, interview_id, record_id, recording))
        if interview_id is not None:
            self.troubled.add(interview_id)

    # -- 1. the triggers ------------------------------------------------------------
    def triggers(self) -> None:
        restored = self.store.restore_triggers()
        if restored:
            self.add(Finding.TRIGGERS, _m(QT_TRANSLATE_NOOP(
                "Consent", "The protection that keeps consent records from being changed or deleted had been "
                           "removed from the database ({names}), so it was edited outside Furikaeri. "
                           "The protection has been restored."), names=", ".join(restored)))

    # -- 2. the chains in the table ---------------------------------------------------
    def table_chains(self) -> dict[int, Finding]:
        """Each record's own problem by id: CHANGED (contents against its hash) or UNLINKED."""
        found: dict[int, Finding] = {}
        for interview_id, chain in self.chains.items():
            expected_prev = genesis_hash(interview_id)
            for row in chain:
                if _own_hash(row) != row["hash"]:
                    found[row["id"]] = Finding.CHANGED
                elif row["prev_hash"] != expected_prev:
                    found[row["id"]] = Finding.UNLINKED
                expected_prev = row["hash"]
        return found

    # -- 3. the ledger ----------------------------------------------------------------
    def load_ledger(self) -> ledger.Chains | None:
        path = self.store.ledger
        try:
            return ledger.load(path)
        except (OSError, ledger.LedgerUnreadableError) as error:
            backup = path.with_name(f"{path.name}.unreadable-{datetime.now():%Y%m%d-%H%M%S}")
            try:
                os.replace(path, backup)
            except OSError:
                backup = path
            self.add(Finding.LEDGER, _m(QT_TRANSLATE_NOOP(
                "Consent", "The copy of the consent records kept beside the database ({path}) could not be read "
                           "({detail}); it was set aside as {backup} and made again from the database."),
                path=str(path), detail=str(error), backup=backup.name))
            return None

    def against_ledger(self, copies: ledger.Chains) -> set[int]:
        """Compare every copied record with the table; returns the ids it reported."""
        reported: set[int] = set()
        for interview_id, records in copies.items():
            chain = self.chains.get(interview_id, [])
            if not chain and interview_id not in self.companies:
                continue  # the interview was deleted, and its records with it
            where = self.interview(interview_id)
            if not chain:
                self.add(Finding.DELETED_CHAIN, _m(QT_TRANSLATE_NOOP(
                    "Consent", "All {count} consent record(s) of {interview} were deleted from the database."),
                    count=len(records), interview=where), interview_id)
                reported.update(r["id"] for r in records)
                continue
            last_id = chain[-1]["id"]
            for saved in records:
                row = self.by_id.get(saved["id"])
                if row is None:
                    if saved["id"] > last_id:
                        text = QT_TRANSLATE_NOOP(
                            "Consent", "Consent record {id} of {interview} was deleted from the database ({record}); "
                                       "it was the last of its chain.")
                        finding = Finding.DELETED_TAIL
                    else:
                        text = QT_TRANSLATE_NOOP(
                            "Consent", "Consent record {id} of {interview} was deleted from the database ({record}).")
                        finding = Finding.DELETED
                    self.add(finding, _m(text, id=saved["id"], interview=where, record=_described(saved)),
                             interview_id, saved["id"])
                    reported.add(saved["id"])
                elif row["hash"] != saved["hash"] or _changes(saved, row):
                    self.add(Finding.CHANGED, _m(QT_TRANSLATE_NOOP(
                        "Consent", "Consent record {id} of {interview} was changed after it was saved: {changes} "
                                   "(hash when saved {expected}, now {found})."),
                        id=saved["id"], interview=where, changes=_changes(saved, row) or _hash_only(),
                        expected=_short(saved["hash"]), found=_short(_own_hash(row) or row["hash"])),
                        interview_id, saved["id"])
                    reported.add(saved["id"])
        return reported

    def own_findings(self, own: dict[int, Finding], reported: set[int]) -> None:
        """What the chain alone shows, where the ledger did not already explain it."""
        for record_id, finding in own.items():
            row = self.by_id[record_id]
            interview_id = row["interview_id"]
            if record_id in reported or (finding is Finding.UNLINKED and interview_id in self.troubled):
                continue
            where = self.interview(interview_id)
            if finding is Finding.CHANGED:
                message = _m(QT_TRANSLATE_NOOP(
                    "Consent", "Consent record {id} of {interview} was changed after it was saved: its contents "
                               "no longer match its hash (saved {expected}, now {found})."),
                    id=record_id, interview=where, expected=_short(row["hash"]), found=_short(_own_hash(row)))
            else:
                message = _m(QT_TRANSLATE_NOOP(
                    "Consent", "Consent record {id} of {interview} does not follow the record before it: "
                               "a record was removed or reordered."), id=record_id, interview=where)
            self.add(finding, message, interview_id, record_id)

    # -- 4. and 5. the recordings -----------------------------------------------------------
    @staticmethod
    def read_sidecars() -> list[tuple[str, dict[str, Any]]]:
        """Each recording's sidecar that carries a consent record, by its audio file's name."""
        root = paths.recordings_dir()
        found = []
        for path in sorted(root.glob("*/*.json")):
            data = _read(path)
            if data is not None and isinstance(data.get("consent"), dict) and "recording" in data:
                found.append((audio_of_sidecar(path.relative_to(root).as_posix()), data))
        return found

    def sidecar(self, name: str, data: dict[str, Any]) -> bool:
        saved = data["consent"]
        interview_id = saved.get("interview_id")
        company = (data.get("interview") or {}).get("company")
        where = self.interview(interview_id, company) if isinstance(interview_id, int) else name
        row = self.by_id.get(saved.get("id"))
        if row is None:
            self.add(Finding.RECORDING, _m(QT_TRANSLATE_NOOP(
                "Consent", "Recording {recording} of {interview} was made under consent record {id} ({record}), "
                           "which was deleted from the database."),
                recording=name, interview=where, id=saved.get("id"), record=_described(saved)),
                interview_id, saved.get("id"), name)
            return True
        if row["hash"] != saved.get("hash") or _changes(saved, row):
            self.add(Finding.RECORDING, _m(QT_TRANSLATE_NOOP(
                "Consent", "Consent record {id}, under which recording {recording} of {interview} was made, "
                           "was changed: {changes} (hash kept with the recording {expected}, now {found})."),
                id=row["id"], recording=name, interview=where, changes=_changes(saved, row) or _hash_only(),
                expected=_short(saved.get("hash")), found=_short(_own_hash(row) or row["hash"])),
                interview_id, row["id"], name)
            return True
        head = data.get("consent_chain")
        if isinstance(head, dict) and isinstance(head.get("records"), int) and head["records"] > 0:
            chained_id = head.get("interview_id")
            chain = self.chains.get(chained_id, []) if isinstance(chained_id, int) else []
            count = head["records"]
            if count > len(chain) or chain[count - 1]["hash"] != head.get("head"):
                self.add(Finding.RECORDING, _m(QT_TRANSLATE_NOOP(
                    "Consent", "When recording {recording} of {interview} was saved, the interview had {count} "
                               "consent record(s), the last with hash {expected}; the database now has {found} "
                               "and not that one: consent records were deleted."),
                    recording=name, interview=where, count=count, expected=_short(head.get("head")),
                    found=len(chain)), interview_id, None, name)
                return True
        return False

    def recording_rows(self, recordings: list[Recording], reported: set[str]) -> None:
        for recording in recordings:
            if recording.file in reported:
                continue
            row = self.by_id.get(recording.consent_id)
            if row is not None and row["hash"] == recording.consent_hash:
                continue
            where = self.interview(recording.interview_id)
            if row is None:
                message = _m(QT_TRANSLATE_NOOP(
                    "Consent", "Recording {recording} of {interview} was made under consent record {id}, "
                               "which was deleted from the database."),
                    recording=recording.file, interview=where, id=recording.consent_id)
            else:
                message = _m(QT_TRANSLATE_NOOP(
                    "Consent", "Recording {recording} of {interview} was made under consent record {id} with hash "
                               "{expected}; the database now holds hash {found}."),
                    recording=recording.file, interview=where, id=recording.consent_id,
                    expected=_short(recording.consent_hash), found=_short(row["hash"]))
            self.add(Finding.RECORDING, message, recording.interview_id, recording.consent_id, recording.file)

    # -- bringing the ledger up to date -------------------------------------------------
    def update_ledger(self, copies: ledger.Chains | None, own: dict[int, Finding]) -> None:
        """Copy the records of intact chains the ledger lacks; drop the chains of deleted interviews."""
        deleted = {key for key in (copies or {}) if key not in self.chains and key not in self.companies}
        intact = [from_row(row).to_dict() for interview_id, rows in self.chains.items()
                  if interview_id not in self.troubled and not any(row["id"] in own for row in rows)
                  for row in rows]
        self.store.update_ledger(intact, deleted)


def _hash_only() -> Message:
    return _m(QT_TRANSLATE_NOOP("Consent", "no field differs, only the hash"))


def _read(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def check_consent(library: Library) -> ConsentCheck:
    """Check every consent record against the ledger and the recordings; restore the triggers if needed.

    Safe to run from a background thread (the library serialises its access).
    """
    check = _Check(library)
    check.triggers()
    copies = check.load_ledger()
    sidecars = check.read_sidecars()
    recordings = library.recordings.all()
    check.read_table()
    own = check.table_chains()
    reported = check.against_ledger(copies) if copies is not None else set()
    named = {name for name, data in sidecars if check.sidecar(name, data)}
    check.recording_rows(recordings, named)
    check.own_findings(own, reported)
    check.update_ledger(copies, own)
    problems = sorted(check.problems, key=lambda problem: ORDER.index(problem.finding))
    return ConsentCheck(len(check.rows), len(check.chains), len(sidecars), tuple(problems))
