"""TiFlux error responses as domain errors (the HTTP adapter's, whether TiFlux or the fake answers)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from application.ports.failures import RateLimited, UpstreamFailure, UpstreamUnavailable
from domain.errors import DomainError, InvalidCredentials, NotFound, PermissionDenied, Rejected


@dataclass(frozen=True)
class NotFoundAs:
    """What a 404 means for this request, in the user's terms."""

    kind: str
    reference: str


def error_for_status(
    status: int,
    payload: Any,
    *,
    is_read: bool,
    not_found: NotFoundAs | None,
    retry_after_seconds: float | None = None,
) -> DomainError | UpstreamFailure:
    """What an HTTP error status and the API's error body (shape per API.md 0.6) mean: a domain error, or an
    upstream failure (throttled, unavailable)."""
    messages = api_messages(payload)
    if status == 401:
        return InvalidCredentials()
    if status == 403:
        code = payload.get("error_code") if isinstance(payload, dict) else None
        return PermissionDenied(
            detail=messages[0] if messages else None, code=code if isinstance(code, int) else None
        )
    if status == 404:
        target = not_found or NotFoundAs("resource", "")
        return NotFound(target.kind, target.reference)
    if status == 429:
        return RateLimited(retry_after_seconds=retry_after_seconds)
    if 400 <= status < 500:
        return Rejected(messages=tuple(messages) or (f"HTTP {status}",))
    return UpstreamUnavailable(
        f"http_{status}", write_may_have_happened=not is_read, retry_after_seconds=retry_after_seconds
    )


def api_messages(payload: Any) -> list[str]:
    """The API's own words from an error body: `message`, then `detail.error[]`."""
    if not isinstance(payload, dict):
        return []
    found: list[str] = []
    message = payload.get("message") or payload.get("error")
    if isinstance(message, str) and message.strip():
        found.append(message.strip()[:500])
    detail = payload.get("detail")
    errors = detail.get("error") if isinstance(detail, dict) else None
    if isinstance(errors, list):
        found.extend(str(e).strip()[:500] for e in errors if str(e).strip())
    elif isinstance(errors, str) and errors.strip():
        found.append(errors.strip()[:500])
    return found
