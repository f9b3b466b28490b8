"""The one way to change several rows at once: all or nothing.

    with transaction(conn, lock):
        ...

Outside a transaction this is ``BEGIN IMMEDIATE`` … ``COMMIT`` (``ROLLBACK``
on any exception).  Inside one it is a savepoint: a failing inner step undoes
its own writes and lets the exception through, so an operation made of
several stores' steps (a practice session's interview, recording and plan)
is atomic as a whole while each step stays atomic on its own.

:func:`after_commit` defers work that must follow the data and never precede
it (a copy of a consent record in the ledger file): it runs once the outermost
transaction commits, and not at all if it rolls back.
"""

from __future__ import annotations

import itertools
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

_savepoints = itertools.count(1)
_pending: dict[int, list[Callable[[], None]]] = {}  # per connection: what runs after its commit


def after_commit(conn: sqlite3.Connection, action: Callable[[], None]) -> None:
    """Run ``action`` once what this connection is writing is committed (at once outside a transaction)."""
    if conn.in_transaction:
        _pending.setdefault(id(conn), []).append(action)
    else:
        action()


@contextmanager
def transaction(conn: sqlite3.Connection, lock: threading.RLock) -> Iterator[None]:
    with lock:
        if not conn.in_transaction:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                conn.execute("ROLLBACK")
                _pending.pop(id(conn), None)
                raise
            conn.execute("COMMIT")
            for action in _pending.pop(id(conn), ()):
                action()
            return
        name = f"step_{next(_savepoints)}"
        conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            conn.execute(f"ROLLBACK TO {name}")
            conn.execute(f"RELEASE {name}")
            raise
        conn.execute(f"RELEASE {name}")
