"""One SQLite transaction around a change that spans several rows (an interview, its follow-ups, its events)."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def transaction(conn: sqlite3.Connection, lock: threading.RLock) -> Iterator[None]:
    """All or nothing; inside another transaction it simply joins it (the lock is re-entrant)."""
    with lock:
        if conn.in_transaction:
            yield
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
