"""Grant stores: SQLite (one process or one host) and Redis (several replicas), one contract."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from application.ports.grants import GrantStore


class UnknownStoreUrl(ValueError):
    """The store URL names no store we have."""


def open_grant_store(url: str) -> GrantStore:
    """`sqlite:///path/file.db` (or `sqlite://:memory:`) or `redis://host:port/db` (`rediss://` too)."""
    scheme = urlsplit(url).scheme
    if scheme == "sqlite":
        from adapters.oauth.stores.sqlite import SqliteGrantStore

        return SqliteGrantStore(sqlite_path(url))
    if scheme in ("redis", "rediss", "unix"):
        from adapters.oauth.stores.redis import RedisGrantStore

        return RedisGrantStore(url)
    raise UnknownStoreUrl(
        "TIFLUX_MCP_STORE_URL must start with sqlite:/// (a file) or redis:// (several replicas)"
    )


def sqlite_path(url: str) -> str:
    """The file a `sqlite://` URL names: `sqlite:///rel.db`, `sqlite:////abs.db`, `sqlite://:memory:`."""
    rest = url[len("sqlite://") :]
    if rest in (":memory:", "/:memory:"):
        return ":memory:"
    path = unquote(rest[1:] if rest.startswith("/") else rest)
    if not path:
        raise UnknownStoreUrl("a sqlite:/// store URL needs a file path, e.g. sqlite:///var/tiflux-mcp.db")
    Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
    return str(Path(path).expanduser())
