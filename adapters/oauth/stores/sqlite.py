"""The embedded grant store: one SQLite file (WAL), shared safely by the processes of one host.

SQLite calls are short and run on a worker thread so the event loop never waits on the disk. Expired rows
are invisible at once and deleted now and then.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS grants (
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    expires_at REAL,
    PRIMARY KEY (kind, key)
) WITHOUT ROWID
"""
_LIVE = "(expires_at IS NULL OR expires_at > ?)"
_PURGE = "DELETE FROM grants WHERE expires_at IS NOT NULL AND expires_at <= ?"
PURGE_EVERY = 500


class SqliteGrantStore:
    """`GrantStore` on one SQLite database file (or `:memory:` for a throwaway demo)."""

    def __init__(self, path: str) -> None:
        self._connection = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=10)
        self._lock = threading.Lock()
        self._writes = 0
        with self._lock:
            if path != ":memory:":
                self._connection.execute("PRAGMA journal_mode=WAL")
            self._connection.execute("PRAGMA synchronous=NORMAL")
            self._connection.execute(_SCHEMA)

    async def _run(self, work: Callable[[sqlite3.Connection], T]) -> T:
        def locked() -> T:
            with self._lock:
                return work(self._connection)

        return await asyncio.to_thread(locked)

    def _purge_due(self) -> bool:
        """Every PURGE_EVERY writes, the write also deletes the rows that expired."""
        self._writes += 1
        return self._writes % PURGE_EVERY == 0

    async def put(self, kind: str, key: str, value: str, ttl_seconds: float | None = None) -> None:
        expires_at = time.time() + ttl_seconds if ttl_seconds is not None else None
        purge = self._purge_due()

        def work(db: sqlite3.Connection) -> None:
            db.execute(
                "INSERT OR REPLACE INTO grants (kind, key, value, expires_at) VALUES (?, ?, ?, ?)",
                (kind, key, value, expires_at),
            )
            if purge:
                db.execute(_PURGE, (time.time(),))

        await self._run(work)

    async def get(self, kind: str, key: str) -> str | None:
        def work(db: sqlite3.Connection) -> str | None:
            row = db.execute(
                f"SELECT value FROM grants WHERE kind = ? AND key = ? AND {_LIVE}", (kind, key, time.time())
            ).fetchone()
            return row[0] if row else None

        return await self._run(work)

    async def take(self, kind: str, key: str) -> str | None:
        def work(db: sqlite3.Connection) -> str | None:
            # One statement: the row is gone for everyone the moment one caller reads it.
            row = db.execute(
                f"DELETE FROM grants WHERE kind = ? AND key = ? AND {_LIVE} RETURNING value",
                (kind, key, time.time()),
            ).fetchone()
            return row[0] if row else None

        return await self._run(work)

    async def delete(self, kind: str, key: str) -> None:
        await self._run(lambda db: db.execute("DELETE FROM grants WHERE kind = ? AND key = ?", (kind, key)))

    async def count(self, kind: str, key: str, ttl_seconds: float) -> int:
        purge = self._purge_due()

        def work(db: sqlite3.Connection) -> int:
            now = time.time()
            if purge:
                db.execute(_PURGE, (now,))
            # One statement: a live counter goes up by one, a missing or expired one starts again at 1.
            row = db.execute(
                "INSERT INTO grants (kind, key, value, expires_at) VALUES (?, ?, '1', ?) "
                "ON CONFLICT (kind, key) DO UPDATE SET "
                f"value = CASE WHEN {_LIVE} THEN CAST(CAST(value AS INTEGER) + 1 AS TEXT) ELSE '1' END, "
                f"expires_at = CASE WHEN {_LIVE} THEN expires_at ELSE excluded.expires_at END "
                "RETURNING value",
                (kind, key, now + ttl_seconds, now, now),
            ).fetchone()
            return int(row[0])

        return await self._run(work)

    async def ping(self) -> bool:
        try:
            return await self._run(lambda db: db.execute("SELECT 1").fetchone() == (1,))
        except sqlite3.Error:
            return False

    async def close(self) -> None:
        await self._run(lambda db: db.close())
