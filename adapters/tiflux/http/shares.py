"""Hosted mode's share of the upstream pool: each account may hold at most a few connections to TiFlux.

The process's connections are shared by every tenant; without a share, one account's slow or numerous
calls would take them all and the others would wait for the pool. Past its share, an account's request
waits for one of its own; if none frees up in time it fails as "pool full" (nothing was sent, so a read
may be retried). The account is the verified one (`adapters/accounts.py`), so many keys of one account
still share one share.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import httpx2

MAX_SHARES = 10_000


class UpstreamShares:
    """A semaphore of `per_account` connections per account name (`share_of(api_key)`)."""

    def __init__(self, *, per_account: int, share_of: Callable[[str], str], wait: float) -> None:
        self.per_account = per_account
        self._share_of = share_of
        self._wait = wait
        self._shares: OrderedDict[str, asyncio.Semaphore] = OrderedDict()

    @asynccontextmanager
    async def connection(self, api_key: str) -> AsyncIterator[None]:
        """Hold one of the key's account's connections; `httpx2.PoolTimeout` if none frees up in time."""
        name = self._share_of(api_key)
        share = self._shares.get(name)
        if share is None:
            share = self._shares[name] = asyncio.Semaphore(self.per_account)
            while len(self._shares) > MAX_SHARES:
                self._shares.popitem(last=False)
        self._shares.move_to_end(name)
        try:
            await asyncio.wait_for(share.acquire(), timeout=self._wait)
        except TimeoutError as exc:
            raise httpx2.PoolTimeout("this account's connections to TiFlux are all in use") from exc
        try:
            yield
        finally:
            share.release()
