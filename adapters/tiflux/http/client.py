"""One HTTP conversation with TiFlux: auth header, timeouts, bounded retries, statuses as domain errors.

Reads (GET) are retried on 429/502/503/504 and network failures with exponential backoff, full jitter and
`Retry-After`. A write is re-sent only when the connection was never established: once a request may have
reached TiFlux, it is never sent again (a duplicate ticket is worse than an error).
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import quote

import httpx2

from adapters.tiflux.errors import NotFoundAs, error_for_status
from domain.errors import MissingCredentials, UpstreamUnavailable
from domain.ids import TicketNumber

logger = logging.getLogger(__name__)

PathSegment = str | int | TicketNumber
QueryValue = str | int | bool | None
RETRYABLE_READ_STATUSES = frozenset({429, 502, 503, 504})


@dataclass(frozen=True)
class RetryPolicy:
    """How patiently reads are retried; at most `attempts` requests in all."""

    attempts: int = 3
    base_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 20.0


def api_path(*segments: PathSegment) -> str:
    """Build `/a/1/b` from fixed words and validated ids; every segment is escaped, none may be empty."""
    parts = []
    for segment in segments:
        if isinstance(segment, bool):
            raise TypeError("a boolean is not a path segment")
        if isinstance(segment, TicketNumber):
            segment = segment.value
        if isinstance(segment, int):
            if segment <= 0:
                raise ValueError("ids in paths are positive")
            parts.append(str(segment))
        elif segment and segment.replace("-", "").replace("_", "").isalnum():
            parts.append(quote(segment, safe=""))
        else:
            raise ValueError("path words are fixed identifiers")
    return "/" + "/".join(parts)


def query(**params: QueryValue | Sequence[int]) -> dict[str, str]:
    """Encode query parameters as the API expects: booleans as true/false, id lists as CSV, None dropped."""
    encoded: dict[str, str] = {}
    for key, value in params.items():
        if value is None:
            continue
        if isinstance(value, bool):
            encoded[key] = "true" if value else "false"
        elif isinstance(value, int | str):
            encoded[key] = str(value)
        elif value:
            encoded[key] = ",".join(str(v) for v in value)
    return encoded


class TifluxHttpClient:
    """Sends requests for any tenant over one shared connection pool; the key travels per call."""

    def __init__(
        self,
        http: httpx2.AsyncClient,
        *,
        retry: RetryPolicy | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        rng: random.Random | None = None,
    ) -> None:
        self._http = http
        self._retry = retry or RetryPolicy()
        self._sleep = sleep
        self._rng = rng or random.Random()

    async def get(
        self,
        api_key: str,
        path: str,
        params: Mapping[str, str] | None = None,
        *,
        not_found: NotFoundAs | None = None,
    ) -> Any:
        """GET a JSON body, retrying what is safe to retry."""
        return await self._send(api_key, "GET", path, params=params, not_found=not_found)

    async def write(
        self,
        api_key: str,
        method: str,
        path: str,
        *,
        not_found: NotFoundAs | None = None,
        **body: Any,
    ) -> Any:
        """POST/PUT once; `body` takes httpx2's `data`, `json`, `files` or `content`."""
        return await self._send(api_key, method, path, not_found=not_found, body=body)

    async def _send(
        self,
        api_key: str,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        not_found: NotFoundAs | None = None,
        body: Mapping[str, Any] | None = None,
    ) -> Any:
        if not api_key:
            raise MissingCredentials()
        is_read = method == "GET"
        headers = {"Authorization": f"Bearer {api_key}"}
        for attempt in range(1, self._retry.attempts + 1):
            last = attempt == self._retry.attempts
            started = time.perf_counter()
            try:
                response = await self._http.request(
                    method, path, params=params, headers=headers, **(body or {})
                )
            except (httpx2.ConnectError, httpx2.ConnectTimeout, httpx2.PoolTimeout) as exc:
                # Nothing reached TiFlux: safe to try again, even for a write.
                logger.warning("%s %s: connection failed (%s)", method, path, type(exc).__name__)
                if last:
                    raise UpstreamUnavailable("network") from exc
                await self._sleep(self._backoff(attempt))
                continue
            except httpx2.TimeoutException as exc:
                logger.warning("%s %s: timed out (%s)", method, path, type(exc).__name__)
                if not is_read or last:
                    raise UpstreamUnavailable("timeout", write_may_have_happened=not is_read) from exc
                await self._sleep(self._backoff(attempt))
                continue
            except httpx2.TransportError as exc:
                logger.warning("%s %s: transport error (%s)", method, path, type(exc).__name__)
                if not is_read or last:
                    raise UpstreamUnavailable("network", write_may_have_happened=not is_read) from exc
                await self._sleep(self._backoff(attempt))
                continue
            elapsed_ms = (time.perf_counter() - started) * 1000
            logger.debug("%s %s -> %s in %.0f ms", method, path, response.status_code, elapsed_ms)
            if is_read and response.status_code in RETRYABLE_READ_STATUSES and not last:
                wait = self._wait_for(response, attempt)
                if wait is not None:
                    await self._sleep(wait)
                    continue
            return _body_or_error(response, is_read=is_read, not_found=not_found)
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _backoff(self, attempt: int) -> float:
        ceiling = min(self._retry.max_delay, self._retry.base_delay * 2 ** (attempt - 1))
        return self._rng.uniform(0, ceiling)

    def _wait_for(self, response: httpx2.Response, attempt: int) -> float | None:
        """Seconds to wait before the next attempt, or None when the server asks for too long a pause."""
        retry_after = _retry_after_seconds(response)
        if retry_after is None:
            return self._backoff(attempt)
        if retry_after > self._retry.max_retry_after:
            return None
        return retry_after


def _retry_after_seconds(response: httpx2.Response) -> float | None:
    raw = response.headers.get("retry-after")
    if not raw:
        return None
    try:
        return max(0.0, float(raw))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(raw)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _body_or_error(response: httpx2.Response, *, is_read: bool, not_found: NotFoundAs | None) -> Any:
    status = response.status_code
    if status < 300:
        if not response.content:
            return None
        if "json" not in response.headers.get("content-type", ""):
            raise UpstreamUnavailable("unexpected_response", write_may_have_happened=not is_read)
        try:
            return response.json()
        except ValueError as exc:
            raise UpstreamUnavailable("unexpected_response", write_may_have_happened=not is_read) from exc
    raise error_for_status(
        status,
        _json_or_none(response),
        is_read=is_read,
        not_found=not_found,
        retry_after_seconds=_retry_after_seconds(response),
    )


def _json_or_none(response: httpx2.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None
