"""Hosted mode's fairness: per TiFlux account, a cap on calls in flight and on calls per minute.

One account (one API key, however it authenticated) cannot hold all of the process's workers or spend
TiFlux's rate limit for everyone: past its share it waits briefly for a slot, then gets 429 with
`Retry-After`. Limits are per process; with N replicas an account gets up to N times as much.
"""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass

MAX_TENANTS = 10_000


class TenantBusy(Exception):
    """The account already has its maximum of calls in flight, and none finished in time."""


def tenant_of(api_key: str | None) -> str:
    """A stable, non-reversible name for an account (never the key itself)."""
    return hashlib.sha256((api_key or "").encode()).hexdigest()[:32]


@dataclass
class _Bucket:
    tokens: float
    updated: float


class TenantLimits:
    """Token bucket (rate) and semaphore (concurrency) per account, least recently seen forgotten."""

    def __init__(
        self,
        *,
        concurrency: int,
        per_minute: int,
        burst: int,
        queue_seconds: float = 10.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.concurrency = concurrency
        self.per_minute = per_minute
        self._burst = float(burst)
        self._queue_seconds = queue_seconds
        self._clock = clock
        self._buckets: OrderedDict[str, _Bucket] = OrderedDict()
        self._slots: OrderedDict[str, asyncio.Semaphore] = OrderedDict()

    def retry_after(self, tenant: str) -> float | None:
        """Take one call from the account's bucket: None if allowed, else seconds until it would be."""
        now = self._clock()
        bucket = self._buckets.get(tenant)
        if bucket is None:
            bucket = self._buckets[tenant] = _Bucket(self._burst, now)
            self._forget_oldest(self._buckets)
        self._buckets.move_to_end(tenant)
        rate = self.per_minute / 60.0
        bucket.tokens = min(self._burst, bucket.tokens + (now - bucket.updated) * rate)
        bucket.updated = now
        if bucket.tokens >= 1.0:
            bucket.tokens -= 1.0
            return None
        return (1.0 - bucket.tokens) / rate

    @asynccontextmanager
    async def slot(self, tenant: str) -> AsyncIterator[None]:
        """Hold one of the account's concurrent slots; raises TenantBusy after waiting `queue_seconds`."""
        semaphore = self._slots.get(tenant)
        if semaphore is None:
            semaphore = self._slots[tenant] = asyncio.Semaphore(self.concurrency)
            self._forget_oldest(self._slots)
        self._slots.move_to_end(tenant)
        try:
            await asyncio.wait_for(semaphore.acquire(), timeout=self._queue_seconds)
        except TimeoutError as exc:
            raise TenantBusy() from exc
        try:
            yield
        finally:
            semaphore.release()

    @staticmethod
    def _forget_oldest(table: OrderedDict[str, object]) -> None:
        while len(table) > MAX_TENANTS:
            table.popitem(last=False)
