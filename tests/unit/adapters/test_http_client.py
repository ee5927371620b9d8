"""The HTTP conversation with TiFlux: headers, retries that are safe, statuses as domain errors."""

from __future__ import annotations

import logging
import random

import httpx2
import pytest

from adapters.tiflux.errors import NotFoundAs
from adapters.tiflux.http.client import RetryPolicy, TifluxHttpClient, api_path, query
from application.ports.failures import RateLimited, UpstreamUnavailable
from domain.errors import InvalidCredentials, MissingCredentials, NotFound, PermissionDenied, Rejected
from domain.ids import TicketNumber

KEY = "sk-test-very-secret"

pytestmark = pytest.mark.anyio


class Script:
    """A MockTransport handler answering from a list; records what was sent."""

    def __init__(self, *answers: httpx2.Response | Exception) -> None:
        self.answers = list(answers)
        self.requests: list[httpx2.Request] = []

    def __call__(self, request: httpx2.Request) -> httpx2.Response:
        self.requests.append(request)
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer


def make_client(script: Script, sleeps: list[float] | None = None) -> TifluxHttpClient:
    recorded = sleeps if sleeps is not None else []

    async def sleep(seconds: float) -> None:
        recorded.append(seconds)

    http = httpx2.AsyncClient(
        base_url="https://tiflux.test/api/v2",
        transport=httpx2.MockTransport(script),
        headers={"User-Agent": "tiflux-mcp-python/test", "Accept": "application/json"},
    )
    return TifluxHttpClient(http, retry=RetryPolicy(attempts=3), sleep=sleep, rng=random.Random(7))


def ok(body: object, status: int = 200) -> httpx2.Response:
    return httpx2.Response(status, json=body)


async def test_sends_the_key_as_bearer_and_decodes_json() -> None:
    script = Script(ok([{"id": 11}]))
    body = await make_client(script).get(KEY, api_path("desks"), query(active=True, limit=20))
    assert body == [{"id": 11}]
    sent = script.requests[0]
    assert sent.headers["authorization"] == f"Bearer {KEY}"
    assert sent.headers["accept"] == "application/json"
    assert sent.url.path == "/api/v2/desks"
    assert sent.url.params["active"] == "true"


async def test_without_a_key_no_request_leaves() -> None:
    script = Script()
    with pytest.raises(MissingCredentials):
        await make_client(script).get("", api_path("desks"))
    assert script.requests == []


@pytest.mark.parametrize("status", [429, 502, 503, 504])
async def test_reads_are_retried_on_transient_statuses(status: int) -> None:
    script = Script(httpx2.Response(status), ok({"ok": True}))
    sleeps: list[float] = []
    assert await make_client(script, sleeps).get(KEY, "/tickets/1") == {"ok": True}
    assert len(script.requests) == 2
    assert len(sleeps) == 1


async def test_reads_give_up_after_three_attempts() -> None:
    script = Script(httpx2.Response(503), httpx2.Response(503), httpx2.Response(503))
    with pytest.raises(UpstreamUnavailable) as caught:
        await make_client(script).get(KEY, "/desks")
    assert caught.value.reason == "http_503"
    assert not caught.value.write_may_have_happened
    assert len(script.requests) == 3


async def test_a_500_is_not_retried() -> None:
    script = Script(httpx2.Response(500))
    with pytest.raises(UpstreamUnavailable):
        await make_client(script).get(KEY, "/desks")
    assert len(script.requests) == 1


async def test_retry_after_is_honoured() -> None:
    script = Script(httpx2.Response(429, headers={"Retry-After": "3"}), ok([]))
    sleeps: list[float] = []
    await make_client(script, sleeps).get(KEY, "/desks")
    assert sleeps == [3.0]


async def test_a_retry_after_longer_than_we_wait_becomes_rate_limited() -> None:
    script = Script(httpx2.Response(429, headers={"Retry-After": "120"}))
    with pytest.raises(RateLimited) as caught:
        await make_client(script).get(KEY, "/desks")
    assert caught.value.retry_after_seconds == 120
    assert len(script.requests) == 1


async def test_backoff_grows_and_is_bounded() -> None:
    script = Script(httpx2.ReadTimeout("slow"), httpx2.ReadTimeout("slow"), ok([]))
    sleeps: list[float] = []
    await make_client(script, sleeps).get(KEY, "/desks")
    assert len(sleeps) == 2
    assert 0 <= sleeps[0] <= 0.5 and 0 <= sleeps[1] <= 1.0


async def test_a_write_is_never_resent_after_a_timeout() -> None:
    script = Script(httpx2.ReadTimeout("slow"), ok({"id": 1}))
    with pytest.raises(UpstreamUnavailable) as caught:
        await make_client(script).write(KEY, "PUT", "/tickets/1040/close")
    assert caught.value.write_may_have_happened
    assert len(script.requests) == 1


@pytest.mark.parametrize("status", [429, 502, 503])
async def test_a_write_is_never_resent_after_an_answer(status: int) -> None:
    script = Script(httpx2.Response(status), ok({"id": 1}))
    with pytest.raises((UpstreamUnavailable, RateLimited)):
        await make_client(script).write(KEY, "POST", "/tickets", data={"title": "x"})
    assert len(script.requests) == 1


async def test_a_write_is_retried_when_the_connection_never_opened() -> None:
    script = Script(httpx2.ConnectError("refused"), ok({"ticket": {"ticket_number": 1048}}))
    body = await make_client(script).write(KEY, "POST", "/tickets", data={"title": "x"})
    assert body == {"ticket": {"ticket_number": 1048}}
    assert len(script.requests) == 2


async def test_network_failure_on_reads_is_unavailable_after_retries() -> None:
    script = Script(httpx2.ConnectError("a"), httpx2.ConnectError("b"), httpx2.ConnectError("c"))
    with pytest.raises(UpstreamUnavailable) as caught:
        await make_client(script).get(KEY, "/desks")
    assert caught.value.reason == "network"


@pytest.mark.parametrize(
    ("status", "body", "error"),
    [
        (401, {"message": "Unauthorized"}, InvalidCredentials),
        (403, {"message": "Access denied", "error_code": 40301}, PermissionDenied),
        (422, {"message": "Validation failed", "detail": {"error": ["end_time < init_time"]}}, Rejected),
        (400, {"message": "bad"}, Rejected),
    ],
)
async def test_statuses_become_domain_errors(status: int, body: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        await make_client(Script(ok(body, status))).get(KEY, "/x")


async def test_a_422_keeps_the_apis_own_words() -> None:
    body = {"message": "Validation failed", "detail": {"error": ["end_time must be >= init_time"]}}
    with pytest.raises(Rejected) as caught:
        await make_client(Script(ok(body, 422))).write(KEY, "POST", "/tickets/1/appointments", json={})
    assert caught.value.messages == ("Validation failed", "end_time must be >= init_time")


async def test_a_404_says_what_was_not_found() -> None:
    with pytest.raises(NotFound) as caught:
        await make_client(Script(ok({"message": "x"}, 404))).get(
            KEY, "/tickets/9", not_found=NotFoundAs("ticket", "#9")
        )
    assert (caught.value.kind, caught.value.reference) == ("ticket", "#9")


async def test_a_non_json_success_is_an_unexpected_response() -> None:
    script = Script(
        httpx2.Response(200, text="<html>maintenance</html>", headers={"content-type": "text/html"})
    )
    with pytest.raises(UpstreamUnavailable) as caught:
        await make_client(script).get(KEY, "/desks")
    assert caught.value.reason == "unexpected_response"


async def test_the_key_never_reaches_the_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    script = Script(httpx2.ConnectError("refused"), httpx2.Response(503), ok([]))
    await make_client(script).get(KEY, "/desks")
    assert KEY not in caplog.text


@pytest.mark.parametrize("bad", ["../desks", "", "a/b", "x y", "tickets?x=1", "%2e%2e"])
def test_path_words_must_be_plain_identifiers(bad: str) -> None:
    with pytest.raises(ValueError):
        api_path("tickets", bad)


def test_path_ids_must_be_positive_integers() -> None:
    assert api_path("tickets", TicketNumber(1040), "stages-slas") == "/tickets/1040/stages-slas"
    assert api_path("entity_fields", 81, "options") == "/entity_fields/81/options"
    with pytest.raises(ValueError):
        api_path("desks", 0)
    with pytest.raises(TypeError):
        api_path("desks", True)


def test_query_encoding_matches_the_api() -> None:
    assert query(is_closed=False, desk_ids=[14, 15], name=None, email="a@b.c", empty=[]) == {
        "is_closed": "false",
        "desk_ids": "14,15",
        "email": "a@b.c",
    }


def test_a_key_that_cannot_travel_in_a_header_is_refused_before_any_request() -> None:
    from adapters.container import HttpGateways
    from domain.errors import InvalidCredentials

    gateways = HttpGateways(client=None, cache_ttl=0)  # type: ignore[arg-type]  # never reached
    for bad in ("chave com espaço", "tfx-açúcar", "tfx\nkey", "tfx\x00key"):
        with pytest.raises(InvalidCredentials):
            gateways(bad)


def test_a_pasted_key_loses_the_spaces_around_it() -> None:
    from adapters.settings import Settings

    assert Settings(_env_file=None, api_key="  tfx-key-123\n").api_key_value == "tfx-key-123"  # type: ignore[call-arg]
