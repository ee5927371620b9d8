"""TiFlux misbehaving, played by the fake over real HTTP with its fault switch: reads retried within a
bounded budget, writes sent once and their unknown outcome said, every failure a clear error, and the
circuit breaker failing fast, through the HTTP adapter and through the tools."""

from __future__ import annotations

import random
import socket
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx2
import pytest
from dependency_injector import providers
from mcp import Client

from adapters.container import create_container
from adapters.settings import Settings
from adapters.tiflux.fake.tenant import FakeTenant
from adapters.tiflux.http.breaker import CircuitBreakers
from adapters.tiflux.http.client import RetryPolicy, TifluxHttpClient
from adapters.tiflux.http.gateway import HttpTifluxGateway
from application.commands import NewTicket
from application.ports.failures import CircuitOpen, RateLimited, UpstreamFailure, UpstreamUnavailable
from domain.ids import ClientId, DeskId, TicketNumber
from domain.paging import PageRequest
from tests.support.faults import Fault, FaultPlan

pytestmark = pytest.mark.anyio

KEY = "sk-faults-0a1b2c3d"
TICKET = TicketNumber(1040)
# Timeouts are the one place real time passes: the client gives up after SHORT, the fake stalls for LONG.
SHORT = 0.4
LONG = 3.0

TRANSIENT_READ_FAULTS = {
    "429": Fault.answer(429),
    "429 Retry-After": Fault.answer(429, retry_after="2"),
    "502": Fault.answer(502),
    "503": Fault.answer(503),
    "504": Fault.answer(504),
    "HTML 502": Fault.html_page(502),
    "truncated JSON": Fault.truncated_json(),
    "body cut by the connection": Fault.truncated_json(cut_connection=True),
    "timeout before the body": Fault.stall_before_body(LONG),
    "timeout after the body": Fault.stall_after_body(LONG),
    "connection reset": Fault.reset(),
}
ALL_FAULTS = {**TRANSIENT_READ_FAULTS, "500": Fault.answer(500), "HTML 200": Fault.html_page(200)}


@dataclass
class Upstream:
    """The fake TiFlux on 127.0.0.1 with its fault plan, and what one client saw of it."""

    live: Any
    tenant: FakeTenant
    faults: FaultPlan
    sleeps: list[float] = field(default_factory=list)

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)

    def sent(self, method: str | None = None) -> list[str]:
        return [f"{r.method} {r.path}" for r in self.live.captured if method in (None, r.method)]

    def client(
        self, http: httpx2.AsyncClient, *, retry: RetryPolicy | None = None, breakers: Any = None
    ) -> TifluxHttpClient:
        return TifluxHttpClient(
            http,
            retry=retry or RetryPolicy(),
            breakers=breakers or CircuitBreakers(threshold=100),
            sleep=self.sleep,
            rng=random.Random(7),
        )


@pytest.fixture
def upstream(live_fake_api: Any, tenant: FakeTenant) -> Upstream:
    app = live_fake_api.serve(tenant)
    return Upstream(live_fake_api, tenant, app.faults)


@pytest.fixture
async def gateway(upstream: Upstream) -> AsyncIterator[HttpTifluxGateway]:
    timeout = httpx2.Timeout(SHORT, connect=5)
    async with httpx2.AsyncClient(base_url=upstream.live.base_url, timeout=timeout) as http:
        yield HttpTifluxGateway(upstream.client(http), KEY)


def ticket_is_closed(tenant: FakeTenant) -> bool:
    return bool(tenant.tickets.get_ticket(int(TICKET.value))["is_closed"])


# --- reads ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fault", TRANSIENT_READ_FAULTS.values(), ids=TRANSIENT_READ_FAULTS.keys())
async def test_a_read_rides_out_one_transient_fault(
    upstream: Upstream, gateway: HttpTifluxGateway, fault: Fault
) -> None:
    upstream.faults.add(fault)
    ticket = await gateway.tickets.get(TICKET)
    assert ticket.number == TICKET
    assert upstream.sent() == ["GET /api/v2/tickets/1040"] * 2
    assert len(upstream.sleeps) == 1
    assert upstream.faults.pending() == []


@pytest.mark.parametrize("fault", TRANSIENT_READ_FAULTS.values(), ids=TRANSIENT_READ_FAULTS.keys())
async def test_a_read_stops_after_three_attempts_within_the_budget(
    upstream: Upstream, gateway: HttpTifluxGateway, fault: Fault
) -> None:
    upstream.faults.add(fault, times=3)
    with pytest.raises((UpstreamUnavailable, RateLimited)) as caught:
        await gateway.desks.list(active=True, name=None, page=PageRequest())
    assert upstream.sent() == ["GET /api/v2/desks"] * 3
    assert len(upstream.sleeps) == 2 and sum(upstream.sleeps) <= 10
    if isinstance(caught.value, UpstreamUnavailable):
        assert caught.value.attempts == 3 and not caught.value.write_may_have_happened


@pytest.mark.parametrize(
    ("fault", "reason"),
    [
        (Fault.answer(429), None),
        (Fault.answer(503), "http_503"),
        (Fault.html_page(502), "http_502"),
        (Fault.truncated_json(), "invalid_json"),
        (Fault.truncated_json(cut_connection=True), "connection_lost"),
        (Fault.stall_before_body(LONG), "timeout"),
        (Fault.stall_after_body(LONG), "timeout"),
        (Fault.reset(), "connection_lost"),
    ],
    ids=lambda value: value.kind if isinstance(value, Fault) else "",
)
async def test_each_fault_is_named(
    upstream: Upstream, gateway: HttpTifluxGateway, fault: Fault, reason: str | None
) -> None:
    upstream.faults.add(fault, times=3)
    with pytest.raises(UpstreamFailure) as caught:
        await gateway.tickets.get(TICKET)
    if reason is None:
        assert isinstance(caught.value, RateLimited)
    else:
        assert isinstance(caught.value, UpstreamUnavailable) and caught.value.reason == reason


async def test_a_500_is_reported_without_retrying(upstream: Upstream, gateway: HttpTifluxGateway) -> None:
    upstream.faults.add(Fault.answer(500))
    with pytest.raises(UpstreamUnavailable) as caught:
        await gateway.tickets.get(TICKET)
    assert (caught.value.reason, caught.value.attempts) == ("http_500", 1)
    assert len(upstream.sent()) == 1 and upstream.sleeps == []


async def test_an_html_page_with_200_is_a_clear_error_not_a_crash(
    upstream: Upstream, gateway: HttpTifluxGateway
) -> None:
    upstream.faults.add(Fault.html_page(200))
    with pytest.raises(UpstreamUnavailable) as caught:
        await gateway.tickets.get(TICKET)
    assert caught.value.reason == "unexpected_response"
    assert len(upstream.sent()) == 1


async def test_retry_after_is_honoured_while_the_budget_lasts(
    upstream: Upstream, gateway: HttpTifluxGateway
) -> None:
    upstream.faults.add(Fault.answer(429, retry_after="4"), times=2)
    page = await gateway.desks.list(active=True, name=None, page=PageRequest())
    assert len(page) > 0
    assert upstream.sleeps == [4.0, 4.0]
    assert len(upstream.sent()) == 3


async def test_a_retry_after_beyond_the_remaining_budget_stops_and_says_when(
    upstream: Upstream, gateway: HttpTifluxGateway
) -> None:
    upstream.faults.add(Fault.answer(429, retry_after="6"), times=3)
    with pytest.raises(RateLimited) as caught:
        await gateway.desks.list(active=True, name=None, page=PageRequest())
    assert upstream.sleeps == [6.0]  # 6 s waited; 6 more would pass the 10 s budget
    assert caught.value.retry_after_seconds == 6.0
    assert len(upstream.sent()) == 2


async def test_a_503_asking_for_a_long_pause_is_reported_at_once(
    upstream: Upstream, gateway: HttpTifluxGateway
) -> None:
    upstream.faults.add(Fault.answer(503, retry_after="30"))
    with pytest.raises(UpstreamUnavailable) as caught:
        await gateway.tickets.get(TICKET)
    assert (caught.value.reason, caught.value.retry_after_seconds) == ("http_503", 30.0)
    assert len(upstream.sent()) == 1 and upstream.sleeps == []


async def test_backoff_never_waits_past_a_small_budget(upstream: Upstream) -> None:
    upstream.faults.add(Fault.answer(503), times=3)
    async with httpx2.AsyncClient(base_url=upstream.live.base_url, timeout=5) as http:
        tiflux = upstream.client(http, retry=RetryPolicy(base_delay=5, max_delay=5, budget=0.3))
        with pytest.raises(UpstreamUnavailable):
            await tiflux.get(KEY, "/desks")
    assert len(upstream.sent()) <= 3 and sum(upstream.sleeps) <= 0.3


async def test_an_unreachable_tiflux_is_a_network_error_after_three_tries(upstream: Upstream) -> None:
    async with httpx2.AsyncClient(base_url=f"http://127.0.0.1:{closed_port()}/api/v2", timeout=2) as http:
        with pytest.raises(UpstreamUnavailable) as caught:
            await upstream.client(http).get(KEY, "/desks")
    assert (caught.value.reason, caught.value.attempts) == ("network", 3)
    assert not caught.value.write_may_have_happened


# --- writes --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fault", ALL_FAULTS.values(), ids=ALL_FAULTS.keys())
async def test_a_write_is_sent_once_whatever_goes_wrong(
    upstream: Upstream, gateway: HttpTifluxGateway, fault: Fault
) -> None:
    upstream.faults.add(fault, times=3)
    with pytest.raises((UpstreamUnavailable, RateLimited)) as caught:
        await gateway.tickets.close(TICKET)
    assert upstream.sent() == ["PUT /api/v2/tickets/1040/close"]
    assert upstream.sleeps == []
    if isinstance(caught.value, UpstreamUnavailable):  # a 429 is a refusal: nothing was done
        assert caught.value.write_may_have_happened and caught.value.attempts == 1


@pytest.mark.parametrize(
    ("fault", "applied"),
    [
        (Fault.stall_after_body(LONG), True),
        (Fault.truncated_json(), True),
        (Fault.truncated_json(cut_connection=True), True),
        (Fault.stall_before_body(LONG), False),
        (Fault.reset(), False),
    ],
    ids=["timeout after the body", "truncated", "cut", "timeout before the body", "reset"],
)
async def test_the_outcome_is_unknown_whether_or_not_tiflux_applied_it(
    upstream: Upstream, gateway: HttpTifluxGateway, fault: Fault, applied: bool
) -> None:
    upstream.faults.add(fault)
    with pytest.raises(UpstreamUnavailable) as caught:
        await gateway.tickets.close(TICKET)
    assert caught.value.write_may_have_happened
    assert ticket_is_closed(upstream.tenant) is applied


async def test_a_create_that_timed_out_made_exactly_one_ticket(
    upstream: Upstream, gateway: HttpTifluxGateway
) -> None:
    before = upstream.tenant.tickets.list_tickets(offset=1, limit=200).total
    upstream.faults.add(Fault.stall_after_body(LONG).on("POST", "/api/v2/tickets"))
    with pytest.raises(UpstreamUnavailable) as caught:
        await gateway.tickets.create(NewTicket("Sem rede", "<p>x</p>", ClientId(101), DeskId(14)))
    assert caught.value.reason == "timeout" and caught.value.write_may_have_happened
    assert upstream.sent("POST") == ["POST /api/v2/tickets"]
    assert upstream.tenant.tickets.list_tickets(offset=1, limit=200).total == before + 1


async def test_a_write_that_never_connected_is_tried_again(upstream: Upstream) -> None:
    async with httpx2.AsyncClient(base_url=f"http://127.0.0.1:{closed_port()}/api/v2", timeout=2) as http:
        with pytest.raises(UpstreamUnavailable) as caught:
            await upstream.client(http).write(KEY, "PUT", "/tickets/1040/close")
    assert (caught.value.reason, caught.value.attempts) == ("network", 3)
    assert not caught.value.write_may_have_happened  # nothing ever reached TiFlux


# --- the circuit breaker -------------------------------------------------------------------------------


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


async def test_repeated_failures_open_the_breaker_and_calls_fail_fast_unsent(upstream: Upstream) -> None:
    clock = Clock()
    upstream.faults.add(Fault.answer(503), times=5)
    async with httpx2.AsyncClient(base_url=upstream.live.base_url, timeout=5) as http:
        gateway = HttpTifluxGateway(
            upstream.client(http, breakers=CircuitBreakers(threshold=5, cooldown=8, clock=clock)), KEY
        )
        for _ in range(2):
            with pytest.raises(UpstreamUnavailable):
                await gateway.tickets.get(TICKET)
        assert len(upstream.sent()) == 5
        for call in (gateway.tickets.get(TICKET), gateway.tickets.close(TICKET)):
            with pytest.raises(CircuitOpen) as caught:
                await call
            assert (caught.value.failures, caught.value.retry_in_seconds) == (5, 8)
        assert len(upstream.sent()) == 5 and not ticket_is_closed(upstream.tenant)
        clock.now = 8
        assert (await gateway.tickets.get(TICKET)).number == TICKET
        await gateway.tickets.close(TICKET)
    assert len(upstream.sent()) == 7 and ticket_is_closed(upstream.tenant)


# --- through the tools ---------------------------------------------------------------------------------


@dataclass
class Tools:
    call: Callable[[str, dict[str, Any]], Awaitable[tuple[bool, str]]]
    clock: Clock


async def tools_on(upstream: Upstream, language: str) -> AsyncIterator[Tools]:
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None,
        backend="http",
        api_key=KEY,
        api_base_url=upstream.live.base_url,
        read_timeout=SHORT,
        language=language,
        cache_ttl=0,
    )
    container = create_container(settings)
    clock = Clock()
    container.tiflux_client.override(
        providers.Singleton(
            TifluxHttpClient,
            http=container.http_client,
            breakers=providers.Object(CircuitBreakers(threshold=5, cooldown=10, clock=clock)),
            sleep=upstream.sleep,
            rng=providers.Object(random.Random(7)),
        )
    )
    async with Client(container.mcp_server()) as client:

        async def call(tool: str, arguments: dict[str, Any]) -> tuple[bool, str]:
            result = await client.call_tool(tool, arguments)
            text: str = result.content[0].text  # type: ignore[union-attr]
            assert KEY not in text
            return result.is_error, text

        yield Tools(call, clock)


@pytest.fixture
async def tools(upstream: Upstream) -> AsyncIterator[Tools]:
    async for tools in tools_on(upstream, "pt-BR"):
        yield tools


@pytest.fixture
async def tools_en(upstream: Upstream) -> AsyncIterator[Tools]:
    async for tools in tools_on(upstream, "en"):
        yield tools


async def test_a_failing_read_says_what_happened_and_to_retry_later(upstream: Upstream, tools: Tools) -> None:
    upstream.faults.add(Fault.answer(503), times=3)
    is_error, text = await tools.call("get_ticket", {"ticket_number": "1040"})
    assert is_error
    assert text == (
        "O TiFlux está indisponível no momento (HTTP 503). Foram feitas 3 tentativas. "
        "Costuma ser passageiro: tente de novo em um ou dois minutos."
    )


async def test_a_rate_limit_longer_than_the_budget_says_when(upstream: Upstream, tools_en: Tools) -> None:
    upstream.faults.add(Fault.answer(429, retry_after="45"))
    is_error, text = await tools_en.call("list_desks", {})
    assert is_error and text == "TiFlux asked to slow down. Try again in 45 s."
    assert len(upstream.sent()) == 1


@pytest.mark.parametrize(
    ("fault", "expected"),
    [
        (Fault.html_page(200), "algo que não é o JSON da API"),
        (Fault.truncated_json(), "chegou cortada ou corrompida"),
        (Fault.reset(), "fechou a conexão"),
        (Fault.stall_before_body(LONG), "não respondeu a tempo"),
    ],
    ids=["html", "truncated", "reset", "timeout"],
)
async def test_every_read_fault_is_a_clear_error(
    upstream: Upstream, tools: Tools, fault: Fault, expected: str
) -> None:
    upstream.faults.add(fault, times=3)
    is_error, text = await tools.call("get_ticket", {"ticket_number": "1040"})
    assert is_error and expected in text
    assert "Traceback" not in text and "Error" not in text


async def test_an_unknown_write_outcome_is_reported_as_unknown(upstream: Upstream, tools: Tools) -> None:
    upstream.faults.add(Fault.stall_after_body(LONG).on("PUT"))
    is_error, text = await tools.call("close_ticket", {"ticket_number": "1040"})
    assert is_error
    assert text == (
        "O TiFlux não respondeu a tempo. Resultado desconhecido: a alteração pode ter sido aplicada no "
        "TiFlux ou não, e ela não foi reenviada. Confira com get_ticket (ou list_tickets, no caso de um "
        "ticket novo) antes de tentar de novo."
    )
    assert upstream.sent("PUT") == ["PUT /api/v2/tickets/1040/close"]
    assert ticket_is_closed(upstream.tenant)


async def test_an_unknown_write_outcome_in_english(upstream: Upstream, tools_en: Tools) -> None:
    upstream.faults.add(Fault.reset().on("PUT"))
    is_error, text = await tools_en.call("close_ticket", {"ticket_number": "1040"})
    assert is_error and text.startswith("TiFlux closed the connection without a complete answer.")
    assert "Outcome unknown" in text and "not re-sent" in text
    assert upstream.sent("PUT") == ["PUT /api/v2/tickets/1040/close"]


async def test_the_breaker_says_calls_are_paused_and_sends_nothing(upstream: Upstream, tools: Tools) -> None:
    upstream.faults.add(Fault.answer(502), times=5)
    for _ in range(2):
        is_error, _text = await tools.call("get_ticket", {"ticket_number": "1040"})
        assert is_error
    sent = len(upstream.sent())
    is_error, text = await tools.call("close_ticket", {"ticket_number": "1040"})
    assert is_error
    assert text == (
        "O TiFlux falhou 5 vezes seguidas para esta conta, então as chamadas a ele estão pausadas por 10 s "
        "para que se recupere; esta requisição não foi enviada. Tente de novo em 10 s."
    )
    assert len(upstream.sent()) == sent and not ticket_is_closed(upstream.tenant)
    tools.clock.now = 10
    is_error, _text = await tools.call("close_ticket", {"ticket_number": "1040"})
    assert not is_error and ticket_is_closed(upstream.tenant)


def closed_port() -> int:
    """A loopback port nobody listens on (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port
