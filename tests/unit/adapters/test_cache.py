"""The per-tenant reference cache: hits within the TTL, one request for concurrent misses, no sharing."""

from __future__ import annotations

import anyio
import pytest

from adapters.tiflux.cache import TenantCaches, TtlCache

pytestmark = pytest.mark.anyio


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Counter:
    def __init__(self, delay: float = 0.0) -> None:
        self.calls = 0
        self.delay = delay

    async def __call__(self) -> int:
        self.calls += 1
        if self.delay:
            await anyio.sleep(self.delay)
        return self.calls


async def test_a_value_is_reused_until_it_expires() -> None:
    clock, fetch = Clock(), Counter()
    cache = TtlCache(300, clock=clock)
    assert await cache.get_or_fetch("desks", fetch) == 1
    clock.now += 299
    assert await cache.get_or_fetch("desks", fetch) == 1
    clock.now += 2
    assert await cache.get_or_fetch("desks", fetch) == 2
    assert fetch.calls == 2


async def test_concurrent_misses_share_one_request() -> None:
    cache, fetch = TtlCache(300), Counter(delay=0.05)
    results: list[int] = []

    async def ask() -> None:
        results.append(await cache.get_or_fetch("users", fetch))

    async with anyio.create_task_group() as group:
        for _ in range(5):
            group.start_soon(ask)
    assert results == [1] * 5
    assert fetch.calls == 1


async def test_failures_are_not_cached() -> None:
    cache = TtlCache(300)
    attempts = 0

    async def flaky() -> str:
        nonlocal attempts
        attempts += 1
        if attempts == 1:
            raise RuntimeError("TiFlux hiccup")
        return "ok"

    with pytest.raises(RuntimeError):
        await cache.get_or_fetch("desks", flaky)
    assert await cache.get_or_fetch("desks", flaky) == "ok"


async def test_entries_are_bounded() -> None:
    cache = TtlCache(300, max_entries=2)
    for key in ("a", "b", "c"):
        await cache.get_or_fetch(key, Counter())
    fetch = Counter()
    await cache.get_or_fetch("a", fetch)
    assert fetch.calls == 1  # "a" was dropped as the least recently used


def test_each_key_has_its_own_cache() -> None:
    caches = TenantCaches(300)
    assert caches.for_key("key-a") is caches.for_key("key-a")
    assert caches.for_key("key-a") is not caches.for_key("key-b")
