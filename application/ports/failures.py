"""How a port says TiFlux could not answer this call: the network, TiFlux's service, or our own pause after
repeated failures. These are not rules of the domain; the MCP runtime explains them like domain errors."""

from __future__ import annotations

from dataclasses import dataclass


class UpstreamFailure(Exception):
    """Base of every failure to reach TiFlux or get its answer."""


@dataclass
class RateLimited(UpstreamFailure):
    """TiFlux asked us to slow down; retry after the given number of seconds if known."""

    retry_after_seconds: float | None = None

    def __str__(self) -> str:
        return "rate limited"


@dataclass
class UpstreamUnavailable(UpstreamFailure):
    """TiFlux could not be reached or failed (network, timeout, 5xx, an answer that is not its JSON).

    `attempts` counts the requests made for this call (reads are retried); `retry_after_seconds` is the
    pause TiFlux's last answer asked for (`Retry-After`), if it asked for one.
    """

    reason: str
    write_may_have_happened: bool = False
    attempts: int = 1
    retry_after_seconds: float | None = None

    def __str__(self) -> str:
        return f"TiFlux unavailable: {self.reason}"


@dataclass
class CircuitOpen(UpstreamFailure):
    """TiFlux failed several times in a row for this account, so calls fail fast for a while, unsent."""

    failures: int
    retry_in_seconds: float

    def __str__(self) -> str:
        return f"TiFlux paused after {self.failures} failures"
