"""Hosted mode's fairness: per TiFlux account, a cap on calls in flight and on calls per minute.

One account (however many keys or tokens it uses) cannot hold all of the process's workers or spend
TiFlux's rate limit for everyone: past its share it waits briefly for a slot, then gets 429 with
`Retry-After`. Keys not yet seen to work are not an account: they all share one small budget (`UNVERIFIED`).
Rates live in memory, or in Redis when the grant store is Redis, so that they hold across replicas;
calls in flight are counted per process.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Protocol, TypeVar

logger = logging.getLogger(__name__)

MAX_TENANTS = 10_000
UNVERIFIED = "unverified-keys"  # the one name every key not yet checked is limited under
_T = TypeVar("_T")


class TenantBusy(Exception):
    """The account already has its maximum of calls in flight, and none finished in time."""


class RateBuckets(Protocol):
    """Token buckets by name: `take` spends one token, or says how long until one is there."""

    async def take(self, name: str, *, per_minute: int, burst: int) -> float | None:
        """None if a token was taken; else seconds until one would be."""
        ...

    async def close(self) -> None: ...


@dataclass
class _Bucket:
    tokens: float
    updated: float


class MemoryRateBuckets:
    """Buckets in this process (one replica), least recently used forgotten past MAX_TENANTS."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._buckets: OrderedDict[str, _Bucket] = OrderedDict()

    async def take(self, name: str, *, per_minute: int, burst: int) -> float | None:
        return self.take_now(name, per_minute=per_minute, burst=burst)

    def take_now(self, name: str, *, per_minute: int, burst: int) -> float | None:
        now = self._clock()
        bucket = self._buckets.get(name)
        if bucket is None:
            bucket = self._buckets[name] = _Bucket(float(burst), now)
            _forget_oldest(self._buckets)
        self._buckets.move_to_end(name)
        rate = per_minute / 60.0
        bucket.tokens = min(float(burst), bucket.tokens + (now - bucket.updated) * rate)
        bucket.updated = now
        if bucket.tokens >= 1.0:
            bucket.tokens -= 1.0
            return None
        return (1.0 - bucket.tokens) / rate

    async def close(self) -> None:
        return None


# One atomic step of a token bucket, on Redis's clock (replicas' clocks need not agree).
_TAKE = """
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local state = redis.call('HMGET', KEYS[1], 'tokens', 'updated')
local tokens = tonumber(state[1]) or burst
local updated = tonumber(state[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - updated) * rate)
local wait = 0
if tokens >= 1 then tokens = tokens - 1 else wait = (1 - tokens) / rate end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'updated', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
return tostring(wait)
"""


class RedisRateBuckets:
    """Buckets on the Redis server the replicas share; if it does not answer, this replica's own."""

    PREFIX = "tiflux-mcp:rate:"

    def __init__(self, url: str) -> None:
        from redis.asyncio import Redis

        self._redis = Redis.from_url(url, decode_responses=True, socket_timeout=2.0)
        self._script = self._redis.register_script(_TAKE)
        self._fallback = MemoryRateBuckets()

    async def take(self, name: str, *, per_minute: int, burst: int) -> float | None:
        from redis.exceptions import RedisError

        try:
            answer = await self._script(keys=[self.PREFIX + name], args=[per_minute / 60.0, burst])
        except (RedisError, OSError) as exc:
            logger.warning(
                "rate limits: Redis did not answer (%s); limiting in this replica", type(exc).__name__
            )
            return self._fallback.take_now(name, per_minute=per_minute, burst=burst)
        wait = float(answer)
        return wait if wait > 0 else None

    async def close(self) -> None:
        await self._redis.aclose()


def rate_buckets_for(store_url: str) -> RateBuckets:
    """Redis buckets when the grant store is Redis (replicas), else this process's."""
    if store_url.split(":", 1)[0].lower() in ("redis", "rediss", "unix"):
        return RedisRateBuckets(store_url)
    return MemoryRateBuckets()


class TenantLimits:
    """Per name (an account, or UNVERIFIED): a token bucket (rate) and a semaphore (calls in flight)."""

    def __init__(
        self,
        *,
        concurrency: int,
        per_minute: int,
        burst: int,
        queue_seconds: float = 10.0,
        rates: RateBuckets | None = None,
    ) -> None:
        self.concurrency = concurrency
        self.per_minute = per_minute
        self._burst = burst
        self._queue_seconds = queue_seconds
        self._rates: RateBuckets = rates or MemoryRateBuckets()
        self._slots: OrderedDict[str, asyncio.Semaphore] = OrderedDict()

    async def retry_after(self, name: str) -> float | None:
        """Take one call from the name's bucket: None if allowed, else seconds until it would be."""
        return await self._rates.take(name, per_minute=self.per_minute, burst=self._burst)

    @asynccontextmanager
    async def slot(self, name: str) -> AsyncIterator[None]:
        """Hold one of the name's concurrent slots; raises TenantBusy after waiting `queue_seconds`."""
        semaphore = self._slots.get(name)
        if semaphore is None:
            semaphore = self._slots[name] = asyncio.Semaphore(self.concurrency)
            _forget_oldest(self._slots)
        self._slots.move_to_end(name)
        try:
            await asyncio.wait_for(semaphore.acquire(), timeout=self._queue_seconds)
        except TimeoutError as exc:
            raise TenantBusy() from exc
        try:
            yield
        finally:
            semaphore.release()

    async def close(self) -> None:
        await self._rates.close()


def _forget_oldest(table: OrderedDict[str, _T]) -> None:
    while len(table) > MAX_TENANTS:
        table.popitem(last=False)
