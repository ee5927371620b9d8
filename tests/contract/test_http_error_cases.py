"""TiFlux's error answers, served over real HTTP by tiny stand-ins, as the HTTP adapter and the tools see
them: the right domain error, the API's own words kept, reads retried and writes never, the key never
shown."""

from __future__ import annotations

import json
import random
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from datetime import date
from typing import Any

import httpx2
import pytest
from mcp import Client

from adapters.container import create_container
from adapters.settings import Settings
from adapters.tiflux.http.client import RetryPolicy, TifluxHttpClient
from adapters.tiflux.http.gateway import HttpTifluxGateway
from application.commands import NewAppointment, NewTicket
from application.ports.failures import RateLimited, UpstreamUnavailable
from application.queries import ChatFilter
from domain.chats import ChatList
from domain.errors import NotFound, PermissionDenied, Rejected
from domain.ids import ChatId, ClientId, CommunicationId, DeskId, EntityFieldId, EntityId, TicketNumber
from domain.paging import PageRequest
from tests.contract.openapi_requests import validated_requests  # noqa: F401 - every request is checked

pytestmark = pytest.mark.anyio

KEY = "sk-live-9f8e7d6c5b4a-SEGREDO"
JSON = [(b"content-type", b"application/json")]
HTML = [(b"content-type", b"text/html; charset=utf-8")]
BAD_GATEWAY = b"<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>"
VALIDATION = {
    "message": "Validation failed",
    "detail": {"error": ["Desk uses appointments with valorization"]},
}

Answer = tuple[int, list[tuple[bytes, bytes]], bytes]


def answer(status: int, body: object = None, headers: list[tuple[bytes, bytes]] | None = None) -> Answer:
    if isinstance(body, bytes):
        return status, headers or HTML, body
    return status, (headers or []) + JSON, json.dumps(body if body is not None else {}).encode()


class Scripted:
    """Answers each request with the next scripted answer (the last one repeats), reading the body first."""

    def __init__(self, *answers: Answer) -> None:
        self.answers = list(answers)
        self.served = 0

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        more = True
        while more:
            message = await receive()
            more = message.get("more_body", False)
        status, headers, body = self.answers[min(self.served, len(self.answers) - 1)]
        self.served += 1
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


@pytest.fixture
def serve(live_fake_api: Any) -> Iterator[Callable[..., Any]]:
    def install(*answers: Answer) -> Any:
        live_fake_api.app.target = Scripted(*answers)
        live_fake_api.app.captured = []
        return live_fake_api

    yield install


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
async def gateway(live_fake_api: Any, sleeps: list[float]) -> AsyncIterator[HttpTifluxGateway]:
    async def sleep(seconds: float) -> None:
        sleeps.append(seconds)

    async with httpx2.AsyncClient(base_url=live_fake_api.base_url, timeout=5) as http:
        client = TifluxHttpClient(http, retry=RetryPolicy(attempts=3), sleep=sleep, rng=random.Random(7))
        yield HttpTifluxGateway(client, KEY)


def requests(live: Any) -> list[str]:
    return [f"{r.method} {r.path}" for r in live.captured]


# --- the adapter --------------------------------------------------------------------------------------------

NOT_FOUND_CALLS: list[tuple[Callable[[HttpTifluxGateway], Awaitable[object]], str, str]] = [
    (lambda g: g.tickets.get(TicketNumber(1040)), "ticket", "#1040"),
    (lambda g: g.tickets.close(TicketNumber(1040)), "ticket", "#1040"),
    (lambda g: g.desks.get(DeskId(14)), "desk", "14"),
    (lambda g: g.desks.stages(DeskId(14), PageRequest()), "desk", "14"),
    (lambda g: g.communications.get(TicketNumber(1040), CommunicationId(3102)), "communication", "3102"),
    (lambda g: g.chats.get(ChatId(9008)), "chat", "9008"),
    (
        lambda g: g.custom_fields.fields(
            EntityId(10), field_type=None, required=None, name=None, page=PageRequest()
        ),
        "entity",
        "10",
    ),
    (
        lambda g: g.custom_fields.options(EntityFieldId(81), value=None, page=PageRequest()),
        "entity_field",
        "81",
    ),
]


@pytest.mark.parametrize(("call", "kind", "reference"), NOT_FOUND_CALLS)
async def test_a_404_is_not_found_of_the_kind_the_call_asked_for(
    serve: Any, gateway: HttpTifluxGateway, call: Any, kind: str, reference: str
) -> None:
    live = serve(answer(404, {"message": "Not Found", "error_code": 40401}))
    with pytest.raises(NotFound) as caught:
        await call(gateway)
    assert caught.value.kind == kind and reference in caught.value.reference
    assert len(live.captured) == 1


@pytest.mark.parametrize("code", [40301, 40304])
async def test_a_403_keeps_its_error_code(serve: Any, gateway: HttpTifluxGateway, code: int) -> None:
    serve(answer(403, {"message": "Access denied", "error_code": code}))
    with pytest.raises(PermissionDenied) as caught:
        await gateway.stage_history.list(TicketNumber(1045), PageRequest())
    assert (caught.value.code, caught.value.detail) == (code, "Access denied")


async def test_a_422_keeps_the_apis_words(serve: Any, gateway: HttpTifluxGateway) -> None:
    live = serve(answer(422, VALIDATION))
    with pytest.raises(Rejected) as caught:
        await gateway.appointments.create(
            TicketNumber(1040), NewAppointment(date(2025, 3, 13), "09:00", "10:30", "Ajuste")
        )
    assert tuple(caught.value.messages) == ("Validation failed", "Desk uses appointments with valorization")
    assert requests(live) == ["POST /api/v2/tickets/1040/appointments"]


async def test_a_429_on_a_read_waits_as_told_and_retries_once(
    serve: Any, gateway: HttpTifluxGateway, sleeps: list[float]
) -> None:
    live = serve(answer(429, {"message": "Too Many Requests"}, [(b"retry-after", b"1")]), answer(200, []))
    page = await gateway.chats.list(ChatList.INBOX, ChatFilter(), PageRequest())
    assert list(page) == []
    assert sleeps == [1.0]
    assert requests(live) == ["GET /api/v2/chats/inbox"] * 2


async def test_a_429_on_a_write_is_rate_limited_and_sent_once(
    serve: Any, gateway: HttpTifluxGateway, sleeps: list[float]
) -> None:
    live = serve(answer(429, {"message": "Too Many Requests"}, [(b"retry-after", b"1")]), answer(201, {}))
    with pytest.raises(RateLimited) as caught:
        await gateway.tickets.create(NewTicket("t", "<p>d</p>", ClientId(101), DeskId(14)))
    assert caught.value.retry_after_seconds == 1.0
    assert requests(live) == ["POST /api/v2/tickets"]
    assert sleeps == []


async def test_an_html_502_on_a_read_is_retried_then_unavailable(
    serve: Any, gateway: HttpTifluxGateway, sleeps: list[float]
) -> None:
    live = serve(answer(502, BAD_GATEWAY))
    with pytest.raises(UpstreamUnavailable) as caught:
        await gateway.desks.list(active=True, name=None, page=PageRequest())
    assert caught.value.reason == "http_502" and not caught.value.write_may_have_happened
    assert requests(live) == ["GET /api/v2/desks"] * 3
    assert len(sleeps) == 2


async def test_an_html_502_on_a_write_is_sent_once(serve: Any, gateway: HttpTifluxGateway) -> None:
    live = serve(answer(502, BAD_GATEWAY))
    with pytest.raises(UpstreamUnavailable) as caught:
        await gateway.tickets.cancel(TicketNumber(1040))
    assert caught.value.reason == "http_502" and caught.value.write_may_have_happened
    assert len(live.captured) == 1


async def test_a_200_in_html_is_an_unexpected_response(serve: Any, gateway: HttpTifluxGateway) -> None:
    live = serve(answer(200, b"<html><body>Manutencao programada</body></html>"))
    with pytest.raises(UpstreamUnavailable) as caught:
        await gateway.tickets.get(TicketNumber(1040))
    assert caught.value.reason == "unexpected_response"
    assert len(live.captured) == 1


# --- through the tools -----------------------------------------------------------------------------------


@pytest.fixture
async def mcp(live_fake_api: Any) -> AsyncIterator[Client]:
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None, backend="http", api_key=KEY, api_base_url=live_fake_api.base_url
    )
    async with Client(create_container(settings).mcp_server()) as client:
        yield client


async def text_of(client: Client, tool: str, arguments: dict[str, Any]) -> str:
    result = await client.call_tool(tool, arguments)
    assert result.is_error, result.content
    text: str = result.content[0].text  # type: ignore[union-attr]
    assert KEY not in text and KEY[:12] not in text
    return text


async def test_stage_history_without_permission_says_so(serve: Any, mcp: Client) -> None:
    live = serve(answer(403, {"message": "Access denied", "error_code": 40301}))
    text = await text_of(mcp, "get_ticket_stages_slas", {"ticket_number": "1045"})
    assert text.startswith("Sem permissão no TiFlux para ver este histórico (código 40301).")
    assert requests(live) == ["GET /api/v2/tickets/1045/stages-slas"]


async def test_stage_history_without_the_licence_says_so(serve: Any, mcp: Client) -> None:
    serve(answer(403, {"message": "Tickets module not licensed", "error_code": 40304}))
    text = await text_of(mcp, "get_ticket_stages_slas", {"ticket_number": "1045"})
    assert text.startswith("A conta não tem licença do módulo de Tickets do TiFlux (código 40304).")


async def test_a_refused_appointment_says_why(serve: Any, mcp: Client) -> None:
    live = serve(answer(422, VALIDATION))
    text = await text_of(
        mcp,
        "create_appointment",
        {
            "ticket_number": "1040",
            "date": "2025-03-13",
            "init_time": "09:00",
            "end_time": "10:30",
            "description": "x",
        },
    )
    assert "O TiFlux recusou a requisição" in text
    assert "Validation failed" in text and "Desk uses appointments with valorization" in text
    assert "Esta mesa valoriza apontamentos: informe `attendance`" in text
    assert requests(live) == ["POST /api/v2/tickets/1040/appointments"]


@pytest.mark.parametrize(
    ("answers", "tool", "arguments"),
    [
        (
            (answer(401, {"message": "Unauthorized", "error_code": 40101}),),
            "get_ticket",
            {"ticket_number": "1040"},
        ),
        ((answer(404, {"message": "Not Found"}),), "get_ticket", {"ticket_number": "1040"}),
        ((answer(403, {"message": "Access denied"}),), "list_desks", {}),
        ((answer(500, {"message": "Internal error"}),), "close_ticket", {"ticket_number": "1040"}),
        ((answer(200, b"<html>oops</html>"),), "get_ticket_files", {"ticket_number": "1040"}),
    ],
)
async def test_the_key_never_appears_in_an_answer(
    serve: Any, mcp: Client, answers: tuple[Answer, ...], tool: str, arguments: dict[str, Any]
) -> None:
    live = serve(*answers)
    await text_of(mcp, tool, arguments)
    assert live.captured and all(r.headers["authorization"] == f"Bearer {KEY}" for r in live.captured)
