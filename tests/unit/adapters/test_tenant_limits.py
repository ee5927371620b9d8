"""Per-account fairness in hosted mode: the rate bucket and the concurrency slots."""

from __future__ import annotations

import anyio
import pytest

from adapters.mcp.tenant_limits import TenantBusy, TenantLimits, tenant_of


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_burst_is_allowed_then_calls_come_at_the_rate() -> None:
    clock = Clock()
    limits = TenantLimits(concurrency=2, per_minute=60, burst=3, clock=clock)
    assert [limits.retry_after("a") for _ in range(3)] == [None, None, None]
    assert limits.retry_after("a") == pytest.approx(1.0)  # one per second
    clock.now += 1.0
    assert limits.retry_after("a") is None
    assert limits.retry_after("b") is None  # another account has its own bucket


def test_the_bucket_refills_only_up_to_the_burst() -> None:
    clock = Clock()
    limits = TenantLimits(concurrency=2, per_minute=60, burst=2, clock=clock)
    clock.now += 3600
    assert [limits.retry_after("a") for _ in range(3)][-1] is not None


@pytest.mark.anyio
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


@pytest.mark.anyio
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


def test_an_account_is_named_without_its_key() -> None:
    name = tenant_of("tfx-secret-key")
    assert "tfx-secret-key" not in name and len(name) == 32 and name == tenant_of("tfx-secret-key")
