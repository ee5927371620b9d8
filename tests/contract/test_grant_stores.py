"""One contract, two grant stores: SQLite (embedded) and Redis (replicas), both real."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import anyio
import pytest

from adapters.oauth.stores import UnknownStoreUrl, open_grant_store, sqlite_path
from application.ports.grants import GrantStore

pytestmark = pytest.mark.anyio


@pytest.fixture(params=["sqlite", "redis"])
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[GrantStore]:
    if request.param == "sqlite":
        opened = open_grant_store(f"sqlite:///{tmp_path}/grants.db")
    else:
        opened = open_grant_store(request.getfixturevalue("redis_url"))
        await opened.delete("t", "k")  # the server is shared by the session: start from a clean slate
    yield opened
    await opened.close()


async def test_a_record_can_be_put_read_replaced_and_deleted(store: GrantStore) -> None:
    await store.put("t", "k", "one")
    assert await store.get("t", "k") == "one"
    await store.put("t", "k", "two")
    assert await store.get("t", "k") == "two"
    await store.delete("t", "k")
    assert await store.get("t", "k") is None
    await store.delete("t", "k")  # deleting a missing record is fine


async def test_kinds_are_separate_namespaces(store: GrantStore) -> None:
    await store.put("a", "same", "A")
    await store.put("b", "same", "B")
    assert (await store.get("a", "same"), await store.get("b", "same")) == ("A", "B")
    await store.delete("a", "same")
    await store.delete("b", "same")


async def test_a_record_disappears_after_its_lifetime(store: GrantStore) -> None:
    await store.put("t", "short", "v", ttl_seconds=0.2)
    await store.put("t", "long", "v", ttl_seconds=60)
    assert await store.get("t", "short") == "v"
    await anyio.sleep(0.4)
    assert await store.get("t", "short") is None
    assert await store.take("t", "short") is None
    assert await store.get("t", "long") == "v"
    await store.delete("t", "long")


async def test_take_gives_the_value_to_exactly_one_of_many_concurrent_callers(store: GrantStore) -> None:
    await store.put("code", "c1", "grant", ttl_seconds=60)
    winners: list[str | None] = []

    async def contender() -> None:
        winners.append(await store.take("code", "c1"))

    async with anyio.create_task_group() as group:
        for _ in range(20):
            group.start_soon(contender)
    assert winners.count("grant") == 1 and winners.count(None) == 19
    assert await store.get("code", "c1") is None


async def test_values_keep_every_character(store: GrantStore) -> None:
    value = '{"nome": "Ação ✓", "quebra": "a\\nb", "nulo": "\\u0000"}'
    await store.put("t", "unicode", value)
    assert await store.get("t", "unicode") == value
    await store.delete("t", "unicode")


async def test_a_counter_counts_every_concurrent_hit_once_and_starts_again_after_its_lifetime(
    store: GrantStore,
) -> None:
    await store.delete("rate", "src")
    counts: list[int] = []

    async def hit() -> None:
        counts.append(await store.count("rate", "src", ttl_seconds=0.5))

    async with anyio.create_task_group() as group:
        for _ in range(25):
            group.start_soon(hit)
    assert sorted(counts) == list(range(1, 26))  # no hit lost, none counted twice
    assert await store.count("rate", "other", ttl_seconds=0.5) == 1  # one counter per key
    await anyio.sleep(0.7)
    assert await store.count("rate", "src", ttl_seconds=60) == 1  # a new window
    assert await store.count("rate", "src", ttl_seconds=0.1) == 2  # the window keeps its first lifetime
    await anyio.sleep(0.3)
    assert await store.count("rate", "src", ttl_seconds=60) == 3
    await store.delete("rate", "src")
    await store.delete("rate", "other")


async def test_the_store_answers_ping(store: GrantStore) -> None:
    assert await store.ping() is True


async def test_an_unreachable_redis_says_so_on_ping() -> None:
    store = open_grant_store("redis://127.0.0.1:1/0")
    assert await store.ping() is False
    await store.close()


async def test_sqlite_records_survive_a_restart(tmp_path: Path) -> None:
    first = open_grant_store(f"sqlite:///{tmp_path}/g.db")
    await first.put("client", "abc", "registered")
    await first.close()
    second = open_grant_store(f"sqlite:///{tmp_path}/g.db")
    assert await second.get("client", "abc") == "registered"
    await second.close()


def test_store_urls_are_understood_or_refused_with_what_to_write(tmp_path: Path) -> None:
    assert sqlite_path("sqlite://:memory:") == ":memory:"
    assert sqlite_path(f"sqlite:///{tmp_path}/x/y.db") == f"{tmp_path}/x/y.db"
    assert (tmp_path / "x").is_dir()
    with pytest.raises(UnknownStoreUrl, match="sqlite:///"):
        open_grant_store("postgres://db/1")
    with pytest.raises(UnknownStoreUrl, match="file path"):
        open_grant_store("sqlite://")
