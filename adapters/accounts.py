"""Hosted mode's accounts: which TiFlux account a key belongs to, learnt once and remembered for a while.

A key is asked about once (`GET /users/me`) and the answer is kept per key hash — a working key for
`ok_ttl` seconds, a refused one for `refused_ttl` — in a bounded table (least recently used forgotten).
Limits, upstream connection shares and attachment folders are keyed by the account this names, never by
the raw header: many keys of one account share its limits, and a key that never worked has no account.
Only the key's SHA-256 is kept; the account name is the TiFlux user id (`user-201`).
"""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass

MAX_REMEMBERED_KEYS = 10_000

# The account of the hosted request being served (set by the credential gate, read by the attachments
# folder). Unset over stdio and for requests that were never let through.
CURRENT_ACCOUNT: ContextVar[str | None] = ContextVar("tiflux_account", default=None)


def key_hash(api_key: str) -> str:
    """A stable, non-reversible name for a key (never the key itself)."""
    return hashlib.sha256(api_key.encode()).hexdigest()[:32]


def account_name(user_id: int) -> str:
    """The account a TiFlux user's keys and tokens share: also its attachments subfolder's name."""
    return f"user-{int(user_id)}"


class KeyRefused(Exception):
    """TiFlux refused the key (remembered for a while, so it is not asked again)."""


@dataclass
class _Verdict:
    account: str | None  # None: refused
    expires: float


class KnownAccounts:
    """Key hash → account, for keys TiFlux was asked about; also answers "whose share is this request?"."""

    def __init__(
        self,
        *,
        ok_ttl: float = 600.0,
        refused_ttl: float = 60.0,
        capacity: int = MAX_REMEMBERED_KEYS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._ok_ttl = ok_ttl
        self._refused_ttl = refused_ttl
        self._capacity = capacity
        self._clock = clock
        self._verdicts: OrderedDict[str, _Verdict] = OrderedDict()
        self._checks: dict[str, asyncio.Future[str]] = {}

    def recall(self, api_key: str) -> str | None:
        """The key's account if it was seen to work lately; raises KeyRefused if it was refused lately;
        None if nothing is known (the key must be checked)."""
        name = key_hash(api_key)
        verdict = self._verdicts.get(name)
        if verdict is None:
            return None
        if verdict.expires <= self._clock():
            del self._verdicts[name]
            return None
        self._verdicts.move_to_end(name)
        if verdict.account is None:
            raise KeyRefused()
        return verdict.account

    def share_of(self, api_key: str) -> str:
        """The name a request's upstream share is kept under: its account, else the key's own hash."""
        try:
            account = self.recall(api_key)
        except KeyRefused:
            account = None
        return account or f"key-{key_hash(api_key)}"

    def checking(self, api_key: str) -> bool:
        """Whether TiFlux is being asked about this key right now (a call may wait for that answer)."""
        return key_hash(api_key) in self._checks

    async def check(self, api_key: str, ask: Callable[[str], Awaitable[str]]) -> str:
        """The key's account, asking TiFlux (`ask`) once however many requests bring the same unknown key.

        `ask` returns the account or raises: `KeyRefused` is remembered; any other error (TiFlux down)
        is not, and reaches every request that waited on this check.
        """
        known = self.recall(api_key)  # answered while this call waited for its turn to ask
        if known is not None:
            return known
        name = key_hash(api_key)
        running = self._checks.get(name)
        if running is not None:
            try:
                return await asyncio.shield(running)
            except asyncio.CancelledError:
                if not running.cancelled():  # this request was cancelled, not the check
                    raise
                return await self.check(api_key, ask)  # the request that asked went away: ask again
        future: asyncio.Future[str] = asyncio.get_running_loop().create_future()
        self._checks[name] = future
        try:
            account = await ask(api_key)
        except KeyRefused as exc:
            self._remember(name, None, self._refused_ttl)
            future.set_exception(exc)
            raise
        except asyncio.CancelledError:
            future.cancel()
            raise
        except Exception as exc:
            future.set_exception(exc)
            raise
        else:
            self._remember(name, account, self._ok_ttl)
            future.set_result(account)
            return account
        finally:
            del self._checks[name]
            if future.done() and not future.cancelled():
                future.exception()  # retrieved: no "never retrieved" warning when nobody else waited

    def remember(self, api_key: str, account: str) -> None:
        """A key known to work by other means (an OAuth grant whose key was checked at approval)."""
        self._remember(key_hash(api_key), account, self._ok_ttl)

    def _remember(self, name: str, account: str | None, ttl: float) -> None:
        self._verdicts[name] = _Verdict(account, self._clock() + ttl)
        self._verdicts.move_to_end(name)
        while len(self._verdicts) > self._capacity:
            self._verdicts.popitem(last=False)
