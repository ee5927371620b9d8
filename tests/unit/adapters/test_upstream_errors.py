"""TiFlux failures in words: what happened, how often it was tried, and either when to retry or that a
change's outcome is unknown."""

from __future__ import annotations

import pytest

from adapters.i18n import Translator
from adapters.presenters.markdown.errors import present_error
from application.ports.failures import CircuitOpen, RateLimited, UpstreamFailure, UpstreamUnavailable

PT, EN = Translator("pt-BR"), Translator("en")


@pytest.mark.parametrize(
    ("error", "text"),
    [
        (
            UpstreamUnavailable("http_503", attempts=3),
            "TiFlux is unavailable right now (HTTP 503). Tried 3 times. "
            "This is usually temporary: try again in a minute or two.",
        ),
        (
            UpstreamUnavailable("http_500"),
            "TiFlux is unavailable right now (HTTP 500). "
            "This is usually temporary: try again in a minute or two.",
        ),
        (
            UpstreamUnavailable("http_503", retry_after_seconds=29.2),
            "TiFlux is unavailable right now (HTTP 503). Try again in 30 s.",
        ),
        (
            UpstreamUnavailable("timeout", attempts=3),
            "TiFlux did not answer in time. Tried 3 times. "
            "This is usually temporary: try again in a minute or two.",
        ),
        (
            UpstreamUnavailable("connection_lost", attempts=2),
            "TiFlux closed the connection without a complete answer. Tried 2 times. "
            "This is usually temporary: try again in a minute or two.",
        ),
        (
            UpstreamUnavailable("invalid_json"),
            "TiFlux's answer arrived cut off or garbled (invalid JSON). "
            "This is usually temporary: try again in a minute or two.",
        ),
        (
            UpstreamUnavailable("network", attempts=3),
            "Could not connect to TiFlux. Tried 3 times. Check the network and `TIFLUX_API_BASE_URL`; "
            "if both are right, TiFlux may be down: try again in a few minutes.",
        ),
        (
            UpstreamUnavailable("unexpected_response"),
            "TiFlux answered with something other than the API's JSON (e.g. an HTML maintenance or error "
            "page). TiFlux may be under maintenance: try again in a few minutes. If it keeps happening, "
            "check that `TIFLUX_API_BASE_URL` points to the API (it ends in /api/v2).",
        ),
        (RateLimited(12), "TiFlux asked to slow down. Try again in 12 s."),
        (RateLimited(None), "TiFlux asked to slow down. Try again in a minute."),
        (
            CircuitOpen(failures=5, retry_in_seconds=7.2),
            "TiFlux failed 5 times in a row for this account, so calls to it are paused for 8 s to let it "
            "recover; this request was not sent. Try again in 8 s.",
        ),
    ],
)
def test_each_failure_says_what_happened_and_what_to_do(error: UpstreamFailure, text: str) -> None:
    assert present_error(error, EN) == text


@pytest.mark.parametrize(
    "reason", ["timeout", "connection_lost", "http_502", "invalid_json", "unexpected_response"]
)
def test_a_write_that_may_have_happened_is_never_advised_to_be_retried(reason: str) -> None:
    text = present_error(UpstreamUnavailable(reason, write_may_have_happened=True), EN)
    assert text.endswith(
        "Outcome unknown: the change may or may not have been applied in TiFlux, and it was not re-sent. "
        "Check with get_ticket (or list_tickets, for a new ticket) before trying again."
    )
    assert "try again in" not in text.lower()


def test_in_portuguese_by_default() -> None:
    assert present_error(UpstreamUnavailable("timeout", write_may_have_happened=True), PT) == (
        "O TiFlux não respondeu a tempo. Resultado desconhecido: a alteração pode ter sido aplicada no "
        "TiFlux ou não, e ela não foi reenviada. Confira com get_ticket (ou list_tickets, no caso de um "
        "ticket novo) antes de tentar de novo."
    )
    assert present_error(CircuitOpen(failures=5, retry_in_seconds=10), PT) == (
        "O TiFlux falhou 5 vezes seguidas para esta conta, então as chamadas a ele estão pausadas por 10 s "
        "para que se recupere; esta requisição não foi enviada. Tente de novo em 10 s."
    )


def test_an_unknown_reason_still_reads_as_a_connection_problem() -> None:
    assert present_error(UpstreamUnavailable("gremlins"), EN).startswith("Could not connect to TiFlux.")
