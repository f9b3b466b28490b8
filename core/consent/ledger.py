"""The consent ledger: a copy of every consent record, kept outside the database.

The table's triggers refuse edits, but anyone holding the database file can
drop them. The hash chain then shows a changed record or a gap in the middle,
but not a record removed from the end of a chain, nor a whole chain removed.
So every saved record is also copied here, into ``<database>.consent.json``
beside the database (``library.consent.json``), rewritten atomically;
:func:`core.consent_verify.check_consent` compares the two.

The ledger is a lower bound: a record saved but not yet copied (a crash in
between, two processes at the same instant) is added at the next clean check.
A chain leaves the ledger only when its interview is deleted.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from core.fsutil import atomic_write_text

FORMAT = 1
NOTICE = ("A copy of Furikaeri's consent records, to detect records changed or removed from the database. "
          "Private: do not publish.")

Chains = dict[int, list[dict[str, Any]]]  # interview id -> its records (plain dicts with "id" and "hash"), by id


class LedgerUnreadableError(ValueError):
    """The ledger file exists but is not a ledger (damaged, or edited by hand)."""


def ledger_path(database: Path) -> Path:
    database = Path(database)
    return database.with_name(f"{database.stem}.consent.json")


def load(path: Path) -> Chains | None:
    """The chains in the ledger, or None when there is no ledger yet."""
    try:
        text = Path(path).read_text("utf-8")
    except FileNotFoundError:
        return None
    except UnicodeDecodeError as error:
        raise LedgerUnreadableError(str(error)) from error
    try:
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("chains"), dict):
            raise LedgerUnreadableError("not a consent ledger")
        chains: Chains = {}
        for key, records in data["chains"].items():
            if not isinstance(records, list) or not all(
                    isinstance(r, dict) and isinstance(r.get("id"), int) and isinstance(r.get("hash"), str)
                    for r in records):
                raise LedgerUnreadableError(f"the chain of interview {key} is damaged")
            chains[int(key)] = sorted(records, key=lambda r: r["id"])
        return chains
    except (json.JSONDecodeError, ValueError) as error:
        raise LedgerUnreadableError(str(error)) from error


def save(path: Path, chains: Chains) -> None:
    data = {"format": FORMAT, "notice": NOTICE,
            "chains": {str(key): chains[key] for key in sorted(chains) if chains[key]}}
    atomic_write_text(Path(path), json.dumps(data, ensure_ascii=False, indent=1))


def merge(chains: Chains, records: Iterable[dict[str, Any]]) -> bool:
    """Add the records the ledger does not hold yet (never replacing one it holds); True if any was added."""
    added = False
    for record in records:
        chain = chains.setdefault(int(record["interview_id"]), [])
        if all(known["id"] != record["id"] for known in chain):
            chain.append(dict(record))
            chain.sort(key=lambda r: r["id"])
            added = True
    return added


def remember(path: Path, record: dict[str, Any]) -> None:
    """Copy one saved record into the ledger.

    Raises :class:`LedgerUnreadableError` rather than overwrite a damaged ledger.
    """
    chains = load(path) or {}
    if merge(chains, [record]):
        save(path, chains)


def forget(path: Path, interview_id: int) -> None:
    chains = load(path)
    if chains is not None and chains.pop(interview_id, None) is not None:
        save(path, chains)
