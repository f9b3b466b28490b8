"""The one way to change several rows at once: all or nothing.

    with transaction(conn, lock):
        ...

Outside a transaction this is ``BEGIN IMMEDIATE`` … ``COMMIT`` (``ROLLBACK``
on any exception).  Inside one it is a savepoint: a failing inner step undoes
its own writes and lets the exception through, so an operation made of
several stores' steps (a practice session's interview, recording and plan)
is atomic as a whole while each step stays atomic on its own.
"""

from __future__ import annotations

import itertools
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_savepoints = itertools.count(1)


@contextmanager
def transaction(conn: sqlite3.Connection, lock: threading.RLock) -> Iterator[None]:
    with lock:
        if not conn.in_transaction:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
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
