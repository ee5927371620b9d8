"""Domain errors as short, actionable sentences; never a traceback, never a secret."""

from __future__ import annotations

import math

from adapters.i18n import Translator
from adapters.presenters.markdown.labels import label
from adapters.presenters.markdown.text import inline
from application.ports.failures import CircuitOpen, RateLimited, UpstreamFailure, UpstreamUnavailable
from domain.errors import (
    Ambiguous,
    DomainError,
    InvalidCredentials,
    InvalidInput,
    MissingCredentials,
    MissingFilter,
    NotFound,
    PermissionDenied,
    Rejected,
)


def present_error(error: DomainError | UpstreamFailure, t: Translator) -> str:
    match error:
        case InvalidInput(field=field, rule=rule, params=params):
            return t("error.invalid_input", field=field, accepted=t(f"rule.{rule}", **params))
        case MissingFilter(fields=fields):
            return t("error.missing_filter", fields=", ".join(f"`{f}`" for f in fields))
        case NotFound(kind=kind, reference=reference, suggestions=suggestions):
            text = t("error.not_found", kind=_kind(kind, t), reference=inline(reference))
            if suggestions:
                text += " " + t(
                    "error.not_found.suggestions",
                    suggestions=", ".join(inline(label(s, t)) for s in suggestions),
                )
            return text
        case Ambiguous(kind=kind, term=term, options=options):
            listed = "\n".join(f"- {inline(label(option, t))}" for option in options)
            return t("error.ambiguous", kind=_kind(kind, t), term=inline(term), candidates=listed)
        case MissingCredentials():
            return t("error.missing_credentials")
        case InvalidCredentials():
            return t("error.invalid_credentials")
        case PermissionDenied(permission=str(permission)) if t.has(f"error.permission.needs.{permission}"):
            return t(f"error.permission.needs.{permission}")
        case PermissionDenied(detail=detail, code=code):
            if code is not None and t.has(f"error.permission.{code}"):
                return t(f"error.permission.{code}")
            if detail:
                return t("error.permission_denied.detail", detail=inline(detail, limit=200))
            return t("error.permission_denied")
        case Rejected(messages=messages, hint=hint):
            text = t("error.rejected", messages="; ".join(inline(m, limit=300) for m in messages))
            return f"{text}\n{t(f'hint.{hint}')}" if hint and t.has(f"hint.{hint}") else text
        case RateLimited(retry_after_seconds=seconds):
            if seconds is None:
                return t("error.rate_limited.unknown")
            return t("error.rate_limited", seconds=_seconds(seconds))
        case UpstreamUnavailable():
            return _upstream_unavailable(error, t)
        case CircuitOpen(failures=failures, retry_in_seconds=seconds):
            return t("error.circuit_open", failures=failures, seconds=_seconds(seconds))
    return t("error.internal", ref=type(error).__name__)


def _kind(kind: str, t: Translator) -> str:
    key = f"kind.{kind}"
    return t(key) if t.has(key) else kind


def _upstream_unavailable(error: UpstreamUnavailable, t: Translator) -> str:
    """What happened, how often it was tried, then either "the outcome is unknown" or when to retry."""
    parts = [_what_happened(error.reason, t)]
    if error.attempts > 1:
        parts.append(t("error.upstream.attempts", attempts=error.attempts))
    if error.write_may_have_happened:
        parts.append(t("error.upstream.write_unknown"))
    elif error.retry_after_seconds is not None:
        parts.append(t("error.upstream.retry_in", seconds=_seconds(error.retry_after_seconds)))
    else:
        advice = f"error.upstream.advice.{error.reason}"
        parts.append(t(advice) if t.has(advice) else t("error.upstream.advice"))
    return " ".join(parts)


def _what_happened(reason: str, t: Translator) -> str:
    if reason.startswith("http_"):
        return t("error.upstream.http", status=reason.removeprefix("http_"))
    key = f"error.upstream.{reason}"
    return t(key) if t.has(key) else t("error.upstream.network")


def _seconds(seconds: float) -> int:
    return max(1, math.ceil(seconds))
