"""Progress of one tool call, for clients that asked for it (MCP progress notifications) and for a person
at a terminal. The call's reporter lives in a context variable set by the runtime, so the HTTP adapter can
say "page 3 of the desks" or "sending 4 files (60 MB)" without every port carrying it.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

logger = logging.getLogger(__name__)

Report = Callable[[float, float | None, str | None], Awaitable[None]]

_CURRENT: ContextVar[Report | None] = ContextVar("tiflux_progress", default=None)
_STEPS: ContextVar[list[int] | None] = ContextVar("tiflux_progress_steps", default=None)


@contextmanager
def reporting(report: Report | None) -> Iterator[None]:
    """Within this block, `step` sends progress through `report` (nothing happens when it is None)."""
    token, steps = _CURRENT.set(report), _STEPS.set([0])
    try:
        yield
    finally:
        _CURRENT.reset(token)
        _STEPS.reset(steps)


async def step(message: str) -> None:
    """One more unit of work done (a request sent, a page read); the total is not known in advance."""
    report, steps = _CURRENT.get(), _STEPS.get()
    if report is None or steps is None:
        return
    steps[0] += 1
    try:
        await report(steps[0], None, message)
    except Exception:  # a client that went away must not fail the call
        logger.debug("progress notification not delivered", exc_info=True)
