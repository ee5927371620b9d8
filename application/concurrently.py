"""Independent lookups of one call, run at the same time, failing as if they had run one after another.

A call that names a desk, a client and a responsible waits for the slowest lookup instead of the sum of
the three. Every lookup runs to its end (they only read), and when several fail, the failure raised is
the first one in argument order: the same error a sequential run would have reported, whatever finished
first.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any, TypeVar, overload

A = TypeVar("A")
B = TypeVar("B")
C = TypeVar("C")


@overload
async def concurrently(first: Awaitable[A], second: Awaitable[B], /) -> tuple[A, B]: ...


@overload
async def concurrently(
    first: Awaitable[A], second: Awaitable[B], third: Awaitable[C], /
) -> tuple[A, B, C]: ...


async def concurrently(*lookups: Awaitable[Any]) -> tuple[Any, ...]:
    """Await the lookups together; their results in argument order, or the first failure in that order."""
    outcomes = await asyncio.gather(*lookups, return_exceptions=True)
    for outcome in outcomes:
        if isinstance(outcome, BaseException):
            raise outcome
    return tuple(outcomes)
