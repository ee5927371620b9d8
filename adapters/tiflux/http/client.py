"""One HTTP conversation with TiFlux: auth header, timeouts, bounded retries, statuses as domain errors.

Reads (GET) are retried on 429/502/503/504, on answers cut short and on network failures: at most
`attempts` requests, with exponential backoff and full jitter, honouring `Retry-After`, and never more than
`budget` seconds of waiting in all; when TiFlux asks for a longer pause than the budget has left, the call
stops at once and says when to try again. A write is re-sent only when the connection was never
established: once a request may have reached TiFlux, it is never sent again (a duplicate ticket is worse
than an error) and the error says the outcome is unknown.

Each API key has a circuit breaker (`breaker.py`): after repeated failures its calls fail fast, unsent.
In hosted mode each account holds at most its share of the pool's connections (`shares.py`).
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import random
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import quote

import httpx2

from adapters import progress
from adapters.tiflux.errors import NotFoundAs, error_for_status
from adapters.tiflux.http.breaker import CircuitBreaker, CircuitBreakers
from adapters.tiflux.http.shares import UpstreamShares
from application.ports.failures import CircuitOpen, RateLimited, UpstreamFailure, UpstreamUnavailable
from domain.errors import DomainError, MissingCredentials
from domain.ids import TicketNumber

logger = logging.getLogger(__name__)

PathSegment = str | int | TicketNumber
QueryValue = str | int | bool | None
RETRYABLE_READ_STATUSES = frozenset({429, 502, 503, 504})


@dataclass(frozen=True)
class RetryPolicy:
    """How patiently reads are retried: at most `attempts` requests, `budget` seconds of waiting in all."""

    attempts: int = 3
    base_delay: float = 0.5
    max_delay: float = 8.0
    budget: float = 10.0


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
        breakers: CircuitBreakers | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        rng: random.Random | None = None,
        shares: UpstreamShares | None = None,
    ) -> None:
        self._http = http
        self._shares = shares
        self._retry = retry or RetryPolicy()
        self._breakers = breakers or CircuitBreakers()
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

    async def get_counted(
        self,
        api_key: str,
        path: str,
        params: Mapping[str, str] | None = None,
        *,
        not_found: NotFoundAs | None = None,
    ) -> tuple[Any, int | None]:
        """GET a list and the `X-Total-Items` header (None when absent or not a count)."""
        answered: list[httpx2.Response] = []
        body = await self._send(api_key, "GET", path, params=params, not_found=not_found, answered=answered)
        return body, _total_items(answered[-1]) if answered else None

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
        answered: list[httpx2.Response] | None = None,
    ) -> Any:
        if not api_key:
            raise MissingCredentials()
        breaker = self._breakers.for_key(api_key)
        breaker.admit()
        is_read = method == "GET"
        headers = {"Authorization": f"Bearer {api_key}"}
        waited = 0.0
        attempt = 0
        await progress.step(_progress_message(method, path, body))
        while True:
            attempt += 1
            started = time.perf_counter()
            try:
                async with self._connection(api_key):
                    response = await self._http.request(
                        method, path, params=params, headers=headers, **(body or {})
                    )
            except httpx2.TransportError as exc:
                failure = _transport_failure(exc, is_read=is_read)
                logger.warning("%s %s: %s (%s)", method, path, failure.error, type(exc).__name__)
                if not isinstance(exc, httpx2.PoolTimeout):  # our own pool is full: not TiFlux's fault
                    breaker.failed()
            except httpx2.DecodingError:  # a compressed body that does not decompress: cut short
                logger.warning("%s %s: undecodable body", method, path)
                breaker.failed()
                failure = _Failure(
                    UpstreamUnavailable("invalid_json", write_may_have_happened=not is_read),
                    retry_safe=is_read,
                )
            else:
                elapsed_ms = (time.perf_counter() - started) * 1000
                logger.debug("%s %s -> %s in %.0f ms", method, path, response.status_code, elapsed_ms)
                try:
                    result = _body_or_error(response, is_read=is_read, not_found=not_found)
                except (UpstreamUnavailable, RateLimited) as error:
                    breaker.failed()
                    failure = _answer_failure(error, response, is_read=is_read)
                except DomainError:
                    breaker.succeeded()  # TiFlux answered; the request itself was refused
                    raise
                else:
                    breaker.succeeded()
                    if answered is not None:
                        answered.append(response)
                    return result
            wait = self._next_wait(failure, attempt, waited, breaker)
            if wait is None:
                raise failure.reported(attempt)
            await self._sleep(wait)
            waited += wait

    def _connection(self, api_key: str) -> contextlib.AbstractAsyncContextManager[None]:
        """One of the account's share of connections (hosted), or simply the pool's."""
        if self._shares is None:
            return contextlib.nullcontext()
        return self._shares.connection(api_key)

    def _next_wait(
        self, failure: _Failure, attempt: int, waited: float, breaker: CircuitBreaker
    ) -> float | None:
        """Seconds to wait before trying again, or None when this failure is the answer."""
        if not failure.retry_safe or attempt >= self._retry.attempts:
            return None
        left = self._retry.budget - waited
        if failure.retry_after is not None:
            if failure.retry_after > left:
                return None  # TiFlux wants a longer pause than this call may take: say when to retry
            wait = failure.retry_after
        elif left <= 0:
            return None
        else:
            wait = min(self._backoff(attempt), left)
        try:
            breaker.admit()
        except CircuitOpen:
            return None  # failing fast now; report what actually happened to this call
        return wait

    def _backoff(self, attempt: int) -> float:
        ceiling = min(self._retry.max_delay, self._retry.base_delay * 2 ** (attempt - 1))
        return self._rng.uniform(0, ceiling)


@dataclass(frozen=True)
class _Failure:
    """One failed attempt: the error to report, whether sending again is safe, and any pause asked for."""

    error: UpstreamUnavailable | RateLimited
    retry_safe: bool
    retry_after: float | None = None

    def reported(self, attempts: int) -> UpstreamFailure:
        if isinstance(self.error, UpstreamUnavailable):
            return dataclasses.replace(self.error, attempts=attempts)
        return self.error


_NOTHING_SENT = (httpx2.ConnectError, httpx2.ConnectTimeout, httpx2.PoolTimeout, httpx2.UnsupportedProtocol)


def _transport_failure(exc: httpx2.TransportError, *, is_read: bool) -> _Failure:
    if isinstance(exc, _NOTHING_SENT):
        # Nothing reached TiFlux: safe to try again, even for a write.
        return _Failure(UpstreamUnavailable("network"), retry_safe=True)
    reason = "timeout" if isinstance(exc, httpx2.TimeoutException) else "connection_lost"
    return _Failure(UpstreamUnavailable(reason, write_may_have_happened=not is_read), retry_safe=is_read)


def _answer_failure(
    error: UpstreamUnavailable | RateLimited, response: httpx2.Response, *, is_read: bool
) -> _Failure:
    transient = response.status_code in RETRYABLE_READ_STATUSES or (
        isinstance(error, UpstreamUnavailable) and error.reason == "invalid_json"
    )
    return _Failure(error, retry_safe=is_read and transient, retry_after=_retry_after_seconds(response))


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
            # An HTML page with 200: maintenance, a proxy's error page, or a base URL that is not the API.
            raise UpstreamUnavailable("unexpected_response", write_may_have_happened=not is_read)
        try:
            return response.json()
        except ValueError as exc:  # cut short or garbled on the way
            raise UpstreamUnavailable("invalid_json", write_may_have_happened=not is_read) from exc
    raise error_for_status(
        status,
        _json_or_none(response),
        is_read=is_read,
        not_found=not_found,
        retry_after_seconds=_retry_after_seconds(response),
    )


def _total_items(response: httpx2.Response) -> int | None:
    """The `x-total-items` header as a count; absent or not a number → None."""
    raw = response.headers.get("x-total-items", "").strip()
    return int(raw) if raw.isascii() and raw.isdigit() else None


def _json_or_none(response: httpx2.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


def _progress_message(method: str, path: str, body: Mapping[str, Any] | None) -> str:
    """What the person is waiting for: the request, and for uploads how many files."""
    parts = (body or {}).get("files") or ()
    files = sum(1 for _name, part in parts if part and part[0])  # text parts carry no file name
    return f"{method} {path} ({files} file(s))" if files else f"{method} {path}"
