"""Where hosted mode keeps what it granted: clients, pending authorisations, codes and tokens.

The store is deliberately dumb: every record is an opaque string under a `kind` and a `key`, with an
optional lifetime. Whoever calls it hashes tokens before they become keys and encrypts secrets before they
become values, so a store (a SQLite file, a Redis instance) never holds anything usable on its own.
"""

from __future__ import annotations

from typing import Protocol


class GrantStore(Protocol):
    """Records with a lifetime, shared by every replica that uses the same store."""

    async def put(self, kind: str, key: str, value: str, ttl_seconds: float | None = None) -> None:
        """Create or replace a record; it disappears `ttl_seconds` from now (never, when None)."""
        ...

    async def get(self, kind: str, key: str) -> str | None:
        """The record's value, or None when it never existed, expired or was deleted."""
        ...

    async def take(self, kind: str, key: str) -> str | None:
        """Read and delete in one step: of several concurrent callers exactly one gets the value."""
        ...

    async def delete(self, kind: str, key: str) -> None:
        """Remove a record; removing a missing one is not an error."""
        ...

    async def count(self, kind: str, key: str, ttl_seconds: float) -> int:
        """Add one to a counter and return the new count (1 the first time); of concurrent callers each
        gets a different count. The counter disappears `ttl_seconds` after its first hit."""
        ...

    async def ping(self) -> bool:
        """Whether the store answers (for `/health`)."""
        ...

    async def close(self) -> None:
        """Release connections; the store is not used afterwards."""
        ...
