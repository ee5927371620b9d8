"""The per-account circuit breaker: opens after repeated upstream failures, fails fast, probes, closes."""

from __future__ import annotations

import random

import httpx2
import pytest

from adapters.tiflux.http.breaker import CircuitBreaker, CircuitBreakers
from adapters.tiflux.http.client import RetryPolicy, TifluxHttpClient
from application.ports.failures import CircuitOpen, UpstreamUnavailable
from domain.errors import NotFound

KEY = "sk-breaker-test-key"


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> Clock:
    return Clock()


def breaker(clock: Clock, threshold: int = 5, cooldown: float = 10.0) -> CircuitBreaker:
    return CircuitBreaker(threshold=threshold, cooldown=cooldown, clock=clock)


def fail(b: CircuitBreaker, times: int) -> None:
    for _ in range(times):
        b.failed()


def test_it_starts_closed_and_lets_requests_through(clock: Clock) -> None:
    b = breaker(clock)
    b.admit()
    assert b.state == "closed" and b.failures == 0


def test_it_opens_after_the_threshold_of_failures_in_a_row(clock: Clock) -> None:
    b = breaker(clock)
    fail(b, 4)
    b.admit()
    assert b.state == "closed"
    b.failed()
    assert b.state == "open"
    with pytest.raises(CircuitOpen) as caught:
        b.admit()
    assert caught.value.failures == 5 and caught.value.retry_in_seconds == 10.0


def test_an_answer_resets_the_count(clock: Clock) -> None:
    b = breaker(clock)
    fail(b, 4)
    b.succeeded()
    fail(b, 4)
    b.admit()
    assert b.state == "closed" and b.failures == 4


def test_while_open_it_says_how_long_is_left(clock: Clock) -> None:
    b = breaker(clock)
    fail(b, 5)
    clock.advance(7.5)
    with pytest.raises(CircuitOpen) as caught:
        b.admit()
    assert caught.value.retry_in_seconds == pytest.approx(2.5)


def test_after_the_cooldown_one_probe_goes_through_and_an_answer_closes_it(clock: Clock) -> None:
    b = breaker(clock)
    fail(b, 5)
    clock.advance(10)
    assert b.state == "half_open"
    b.admit()  # the probe
    with pytest.raises(CircuitOpen):
        b.admit()  # the others wait for the probe's outcome
    b.succeeded()
    assert b.state == "closed"
    b.admit()
    b.admit()


def test_a_failed_probe_opens_it_for_another_cooldown(clock: Clock) -> None:
    b = breaker(clock)
    fail(b, 5)
    clock.advance(10)
    b.admit()
    b.failed()
    assert b.state == "open"
    clock.advance(9.9)
    with pytest.raises(CircuitOpen):
        b.admit()
    clock.advance(0.1)
    b.admit()


def test_a_probe_that_never_reports_stops_blocking_after_a_cooldown(clock: Clock) -> None:
    b = breaker(clock)
    fail(b, 5)
    clock.advance(10)
    b.admit()  # this probe's call is cancelled and never reports
    clock.advance(9)
    with pytest.raises(CircuitOpen):
        b.admit()
    clock.advance(1)
    b.admit()


def test_threshold_and_cooldown_are_configurable(clock: Clock) -> None:
    b = breaker(clock, threshold=2, cooldown=3)
    fail(b, 2)
    with pytest.raises(CircuitOpen) as caught:
        b.admit()
    assert caught.value.retry_in_seconds == 3
    clock.advance(3)
    b.admit()


@pytest.mark.parametrize(("threshold", "cooldown"), [(0, 10.0), (5, 0.0), (5, -1.0)])
def test_nonsense_settings_are_refused(threshold: int, cooldown: float) -> None:
    with pytest.raises(ValueError):
        CircuitBreaker(threshold=threshold, cooldown=cooldown)
    with pytest.raises(ValueError):
        CircuitBreakers(threshold=threshold, cooldown=cooldown)


def test_each_api_key_has_its_own_breaker(clock: Clock) -> None:
    breakers = CircuitBreakers(clock=clock)
    fail(breakers.for_key("key-a"), 5)
    with pytest.raises(CircuitOpen):
        breakers.for_key("key-a").admit()
    breakers.for_key("key-b").admit()
    assert breakers.for_key("key-a") is breakers.for_key("key-a")


def test_keys_are_not_kept_and_accounts_are_bounded(clock: Clock) -> None:
    breakers = CircuitBreakers(clock=clock, max_tenants=2)
    first = breakers.for_key(KEY)
    assert KEY not in repr(vars(breakers))
    breakers.for_key("b")
    breakers.for_key("c")
    assert breakers.for_key(KEY) is not first  # the least recently used account was forgotten


# --- owned by the HTTP client ------------------------------------------------------------------------


class Script:
    """A MockTransport answering from a list (the last answer repeats); counts what was sent."""

    def __init__(self, *answers: httpx2.Response | Exception) -> None:
        self.answers = list(answers)
        self.sent = 0

    def __call__(self, request: httpx2.Request) -> httpx2.Response:
        answer = self.answers[min(self.sent, len(self.answers) - 1)]
        self.sent += 1
        if isinstance(answer, Exception):
            raise answer
        return answer


def client(script: Script, clock: Clock, threshold: int = 5, cooldown: float = 10.0) -> TifluxHttpClient:
    async def no_wait(_seconds: float) -> None:
        return None

    http = httpx2.AsyncClient(base_url="https://tiflux.test/api/v2", transport=httpx2.MockTransport(script))
    return TifluxHttpClient(
        http,
        retry=RetryPolicy(),
        breakers=CircuitBreakers(threshold=threshold, cooldown=cooldown, clock=clock),
        sleep=no_wait,
        rng=random.Random(3),
    )


@pytest.mark.anyio
async def test_the_client_fails_fast_once_the_breaker_opens(clock: Clock) -> None:
    script = Script(httpx2.Response(503))
    tiflux = client(script, clock)
    with pytest.raises(UpstreamUnavailable) as first:
        await tiflux.get(KEY, "/desks")
    assert (first.value.attempts, script.sent) == (3, 3)
    with pytest.raises(UpstreamUnavailable) as second:
        await tiflux.get(KEY, "/desks")
    assert (second.value.attempts, script.sent) == (2, 5)  # the fifth failure opened it: no third try
    with pytest.raises(CircuitOpen) as fast:
        await tiflux.write(KEY, "PUT", "/tickets/1040/close")
    assert script.sent == 5
    assert fast.value.failures == 5 and fast.value.retry_in_seconds == 10.0


@pytest.mark.anyio
async def test_the_client_probes_after_the_cooldown_and_recovers(clock: Clock) -> None:
    script = Script(*[httpx2.Response(502)] * 5, httpx2.Response(200, json=[{"id": 1}]))
    tiflux = client(script, clock, threshold=5, cooldown=4)
    for _ in range(2):
        with pytest.raises(UpstreamUnavailable):
            await tiflux.get(KEY, "/desks")
    with pytest.raises(CircuitOpen):
        await tiflux.get(KEY, "/desks")
    clock.advance(4)
    assert await tiflux.get(KEY, "/desks") == [{"id": 1}]
    assert await tiflux.get(KEY, "/desks") == [{"id": 1}]
    assert script.sent == 7


@pytest.mark.anyio
async def test_refusals_are_answers_and_keep_it_closed(clock: Clock) -> None:
    script = Script(
        httpx2.Response(503), httpx2.Response(503), httpx2.Response(404, json={}), httpx2.Response(503)
    )
    tiflux = client(script, clock, threshold=3)
    with pytest.raises(NotFound):
        await tiflux.get(KEY, "/tickets/9")  # 503, 503, then a 404: TiFlux is up
    with pytest.raises(UpstreamUnavailable):
        await tiflux.get(KEY, "/desks")  # 503 x 3: only now three in a row
    with pytest.raises(CircuitOpen):
        await tiflux.get(KEY, "/desks")


@pytest.mark.anyio
async def test_one_accounts_failures_do_not_stop_another(clock: Clock) -> None:
    script = Script(httpx2.ConnectError("refused"))
    tiflux = client(script, clock, threshold=3)
    with pytest.raises(UpstreamUnavailable):
        await tiflux.get("key-a", "/desks")
    with pytest.raises(CircuitOpen):
        await tiflux.get("key-a", "/desks")
    with pytest.raises(UpstreamUnavailable) as other:
        await tiflux.get("key-b", "/desks")
    assert other.value.reason == "network"
