"""Per-account fairness in hosted mode: rate buckets (in memory and on Redis), concurrency slots, shares of
the upstream pool, and the table of keys TiFlux was asked about."""

from __future__ import annotations

import anyio
import httpx2
import pytest

from adapters.accounts import KeyRefused, KnownAccounts, key_hash
from adapters.mcp.tenant_limits import MemoryRateBuckets, RedisRateBuckets, TenantBusy, TenantLimits
from adapters.tiflux.http.shares import UpstreamShares

pytestmark = pytest.mark.anyio


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


async def test_a_burst_is_allowed_then_calls_come_at_the_rate() -> None:
    clock = Clock()
    limits = TenantLimits(concurrency=2, per_minute=60, burst=3, rates=MemoryRateBuckets(clock))
    assert [await limits.retry_after("a") for _ in range(3)] == [None, None, None]
    assert await limits.retry_after("a") == pytest.approx(1.0)  # one per second
    clock.now += 1.0
    assert await limits.retry_after("a") is None
    assert await limits.retry_after("b") is None  # another account has its own bucket


async def test_the_bucket_refills_only_up_to_the_burst() -> None:
    clock = Clock()
    limits = TenantLimits(concurrency=2, per_minute=60, burst=2, rates=MemoryRateBuckets(clock))
    clock.now += 3600
    assert [await limits.retry_after("a") for _ in range(3)][-1] is not None


async def test_redis_buckets_are_one_bucket_for_every_replica(redis_url: str) -> None:
    replica_a, replica_b = RedisRateBuckets(redis_url), RedisRateBuckets(redis_url)
    try:
        name = "test-account-shared"
        taken = [await replica.take(name, per_minute=6, burst=3) for replica in (replica_a, replica_b) * 2]
        assert taken[:3] == [None, None, None]  # the burst, spent across both replicas ...
        assert taken[3] is not None and 9 <= taken[3] <= 10.5  # ... then one per 10 s, on either
        assert await replica_b.take("test-account-other", per_minute=6, burst=3) is None
    finally:
        await replica_a.close()
        await replica_b.close()


async def test_without_redis_a_replica_limits_on_its_own() -> None:
    unreachable = RedisRateBuckets("redis://127.0.0.1:9/0")  # the discard port: nothing answers
    try:
        assert [await unreachable.take("a", per_minute=60, burst=2) for _ in range(3)][-1] is not None
    finally:
        await unreachable.close()


async def test_an_account_past_its_concurrency_waits_then_is_told_it_is_busy() -> None:
    limits = TenantLimits(concurrency=1, per_minute=600, burst=60, queue_seconds=0.05)
    async with limits.slot("a"):
        with pytest.raises(TenantBusy):
            async with limits.slot("a"):
                pass
        async with limits.slot("b"):  # other accounts are not held up
            pass
    async with limits.slot("a"):  # released
        pass


async def test_a_waiting_call_gets_the_slot_when_one_finishes() -> None:
    limits = TenantLimits(concurrency=1, per_minute=600, burst=60, queue_seconds=2)
    order: list[str] = []

    async def first() -> None:
        async with limits.slot("a"):
            order.append("first in")
            await anyio.sleep(0.05)
            order.append("first out")

    async def second() -> None:
        await anyio.sleep(0.01)
        async with limits.slot("a"):
            order.append("second in")

    async with anyio.create_task_group() as group:
        group.start_soon(first)
        group.start_soon(second)
    assert order == ["first in", "first out", "second in"]


def test_a_key_is_named_without_itself() -> None:
    name = key_hash("tfx-secret-key")
    assert "tfx-secret-key" not in name and len(name) == 32 and name == key_hash("tfx-secret-key")


async def test_a_key_is_asked_about_once_however_many_calls_bring_it() -> None:
    accounts = KnownAccounts()
    asked: list[str] = []

    async def ask(key: str) -> str:
        asked.append(key)
        await anyio.sleep(0.05)
        return "user-201"

    results: list[str] = []

    async def call() -> None:
        results.append(await accounts.check("key-A", ask))

    async with anyio.create_task_group() as group:
        for _ in range(20):
            group.start_soon(call)
    assert results == ["user-201"] * 20 and len(asked) == 1
    assert accounts.recall("key-A") == "user-201"
    assert accounts.share_of("key-A") == "user-201"
    assert accounts.share_of("key-B") == f"key-{key_hash('key-B')}"  # unknown: its own share


async def test_answers_are_remembered_for_their_time_only() -> None:
    clock = Clock()
    accounts = KnownAccounts(ok_ttl=600, refused_ttl=60, clock=clock)

    async def refuse(_key: str) -> str:
        raise KeyRefused()

    async def accept(_key: str) -> str:
        return "user-7"

    with pytest.raises(KeyRefused):
        await accounts.check("junk", refuse)
    with pytest.raises(KeyRefused):
        accounts.recall("junk")  # refused without asking again ...
    clock.now += 61
    assert accounts.recall("junk") is None  # ... for a minute
    await accounts.check("good", accept)
    clock.now += 599
    assert accounts.recall("good") == "user-7"
    clock.now += 2
    assert accounts.recall("good") is None


async def test_a_failed_check_is_not_remembered() -> None:
    accounts = KnownAccounts()

    async def down(_key: str) -> str:
        raise ConnectionError("TiFlux down")

    with pytest.raises(ConnectionError):
        await accounts.check("key", down)
    assert accounts.recall("key") is None


async def test_the_table_is_bounded() -> None:
    accounts = KnownAccounts(capacity=3)
    for index in range(5):
        accounts.remember(f"key-{index}", f"user-{index}")
    assert accounts.recall("key-0") is None and accounts.recall("key-4") == "user-4"


async def test_an_accounts_keys_share_one_share_of_upstream_connections() -> None:
    accounts = KnownAccounts()
    accounts.remember("key-1", "user-201")
    accounts.remember("key-2", "user-201")  # another key of the same user
    shares = UpstreamShares(per_account=1, share_of=accounts.share_of, wait=0.05)
    async with shares.connection("key-1"):
        with pytest.raises(httpx2.PoolTimeout):  # nothing sent: a read may be retried
            async with shares.connection("key-2"):
                pass
        async with shares.connection("key-of-someone-else"):  # another account is not held up
            pass
    async with shares.connection("key-2"):  # released
        pass
