"""A circuit breaker per TiFlux account: after repeated upstream failures, calls fail fast for a while.

Closed, requests go through, and `threshold` failed requests in a row open the breaker. Open, every call
fails at once with `CircuitOpen` and nothing is sent, for `cooldown` seconds. Then one probe is let
through (half-open): if TiFlux answers, the breaker closes; if not, it opens again for another cooldown.
A probe that never reports (its call was cancelled) stops holding the others back after one cooldown.

A failure is TiFlux failing, not TiFlux refusing: a 404 or a 422 is an answer, so it closes the breaker.
"""

from __future__ import annotations

import hashlib
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Literal

from application.ports.failures import CircuitOpen

DEFAULT_THRESHOLD = 5
DEFAULT_COOLDOWN = 10.0
MAX_TENANTS = 10_000

State = Literal["closed", "open", "half_open"]


class CircuitBreaker:
    """Counts consecutive upstream failures of one account and decides whether a request may leave."""

    def __init__(
        self,
        *,
        threshold: int = DEFAULT_THRESHOLD,
        cooldown: float = DEFAULT_COOLDOWN,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if threshold < 1:
            raise ValueError("threshold must be at least 1")
        if cooldown <= 0:
            raise ValueError("cooldown must be positive")
        self._threshold = threshold
        self._cooldown = cooldown
        self._clock = clock
        self._failures = 0
        self._opened_at: float | None = None
        self._probe_since: float | None = None

    @property
    def state(self) -> State:
        if self._opened_at is None:
            return "closed"
        return "open" if self._clock() < self._opened_at + self._cooldown else "half_open"

    @property
    def failures(self) -> int:
        """Failed requests in a row so far."""
        return self._failures

    def admit(self) -> None:
        """Let one request leave, or raise `CircuitOpen` (nothing must be sent then)."""
        if self._opened_at is None:
            return
        now = self._clock()
        closes_at = self._opened_at + self._cooldown
        if now < closes_at:
            raise CircuitOpen(self._failures, closes_at - now)
        if self._probe_since is not None and now < self._probe_since + self._cooldown:
            # Another request is already finding out whether TiFlux is back.
            raise CircuitOpen(self._failures, self._probe_since + self._cooldown - now)
        self._probe_since = now

    def succeeded(self) -> None:
        """TiFlux answered (whatever it said): the account's calls flow again."""
        self._failures = 0
        self._opened_at = None
        self._probe_since = None

    def failed(self) -> None:
        """TiFlux failed one request (network, timeout, 429, 5xx, an answer that is not its JSON)."""
        self._failures += 1
        if self._opened_at is not None or self._failures >= self._threshold:
            self._opened_at = self._clock()
            self._probe_since = None


class CircuitBreakers:
    """One breaker per API key, found by a hash of the key; least recently used accounts are forgotten."""

    def __init__(
        self,
        *,
        threshold: int = DEFAULT_THRESHOLD,
        cooldown: float = DEFAULT_COOLDOWN,
        clock: Callable[[], float] = time.monotonic,
        max_tenants: int = MAX_TENANTS,
    ) -> None:
        CircuitBreaker(threshold=threshold, cooldown=cooldown)  # fail at construction on bad settings
        self._threshold = threshold
        self._cooldown = cooldown
        self._clock = clock
        self._max_tenants = max_tenants
        self._tenants: OrderedDict[str, CircuitBreaker] = OrderedDict()

    def for_key(self, api_key: str) -> CircuitBreaker:
        tenant = hashlib.sha256(api_key.encode()).hexdigest()
        breaker = self._tenants.get(tenant)
        if breaker is None:
            breaker = CircuitBreaker(threshold=self._threshold, cooldown=self._cooldown, clock=self._clock)
            self._tenants[tenant] = breaker
            while len(self._tenants) > self._max_tenants:
                self._tenants.popitem(last=False)
        self._tenants.move_to_end(tenant)
        return breaker
