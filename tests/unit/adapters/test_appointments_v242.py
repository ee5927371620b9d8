"""Valued appointments and the 2.42 fields of list_appointments (issue 18, v2.42/tickets.md §20.12-13),
through the MCP server on the demo tenant over HTTP, the requests recorded."""

from __future__ import annotations

import json
from typing import Any

import pytest
from starlette.types import Message, Receive, Scope, Send

from adapters.tiflux.fake.tenant import FakeTenant
from tests.support.demo_client import connect, text_of
from tests.support.fake_api import InstrumentedFakeApi

pytestmark = pytest.mark.anyio

BASE = {
    "ticket_number": "1040",
    "date": "2025-03-14",
    "init_time": "13:00",
    "end_time": "14:30",
    "description": "Troca da guilhotina.",
}


class BodyRecording(InstrumentedFakeApi):
    """The demo tenant over HTTP, keeping the JSON body of every POST."""

    def __init__(self) -> None:
        super().__init__(FakeTenant.demo())
        self.posts: list[dict[str, Any]] = []

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST":
            await super().__call__(scope, receive, send)
            return
        chunks: list[bytes] = []

        async def recorded() -> Message:
            message = await receive()
            chunks.append(message.get("body", b""))
            if not message.get("more_body"):
                self.posts.append(json.loads(b"".join(chunks) or b"{}"))
            return message

        await super().__call__(scope, recorded, send)


@pytest.fixture
def api() -> BodyRecording:
    return BodyRecording()


async def call(api: BodyRecording, tool: str, arguments: dict[str, Any], language: str = "pt-BR") -> Any:
    async with connect(api, language)() as client:  # type: ignore[arg-type]
        return await client.call_tool(tool, arguments)


async def created(api: BodyRecording, arguments: dict[str, Any], language: str = "pt-BR") -> str:
    result = await call(api, "create_appointment", {**BASE, **arguments}, language)
    assert not result.is_error, text_of(result)
    return text_of(result)


async def refused(api: BodyRecording, arguments: dict[str, Any], language: str = "pt-BR") -> str:
    result = await call(api, "create_appointment", {**BASE, **arguments}, language)
    assert result.is_error, text_of(result)
    assert api.requests == []  # refused before any request
    return text_of(result)


async def test_a_valued_appointment_sends_2_42_s_body_and_shows_its_value(api: BodyRecording) -> None:
    text = await created(
        api,
        {
            "attendance": "external",
            "loose_service_id": 401,
            "shift_id": 501,
            "value": 180,
            "external_user_name": "Rafael Nunes (TecnoSul)",
        },
    )
    assert api.posts == [
        {
            "date": "2025-03-14",
            "init_time": "13:00",
            "end_time": "14:30",
            "description": "Troca da guilhotina.",
            "attendance": 1,
            "attendance_kind": 1,
            "loose_service_id": 401,
            "shift_id": 501,
            "value": 180,
            "external_user_name": "Rafael Nunes (TecnoSul)",
        }
    ]  # 2.42's capture
    assert "Executor externo: Rafael Nunes (TecnoSul)" in text and "Valor: R$ 180,00" in text
    assert "Visita técnica avulsa" in text


async def test_a_contract_rider_with_a_shared_ride_and_warranty(api: BodyRecording) -> None:
    text = await created(
        api,
        {
            "attendance": "external",
            "contract_rider_id": 3041,
            "shift_owner_ticket_number": "#1047",
            "guarantee": True,
        },
        "en",
    )
    body = api.posts[0]
    assert body["attendance_kind"] == 2 and body["contract_rider_id"] == 3041
    assert body["shift_owner_ticket_number"] == 1047 and body["guarantee"] is True
    assert "Travel charged on: #1047" in text and "R$ 0.00" in text


async def test_a_valued_desk_without_the_valuation_says_what_it_needs(api: BodyRecording) -> None:
    result = await call(api, "create_appointment", BASE)
    assert result.is_error and "Esta mesa valoriza apontamentos: informe `attendance`" in text_of(result)
    assert len(api.posts) == 1  # sent once, refused by TiFlux


async def test_an_external_executor_alone_fits_any_desk(api: BodyRecording) -> None:
    await created(api, {"ticket_number": "1042", "external_user_name": "Equipe TecnoSul"})
    assert api.posts[0]["external_user_name"] == "Equipe TecnoSul" and "attendance" not in api.posts[0]


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"attendance": "external", "loose_service_id": 401, "contract_rider_id": 3041}, "contract_rider_id"),
        (
            {
                "attendance": "external",
                "loose_service_id": 401,
                "shift_id": 501,
                "shift_owner_ticket_number": "1047",
            },
            "shift_owner_ticket_number",
        ),
        ({"attendance": "remote", "loose_service_id": 401, "shift_id": 501}, "shift_id"),
        ({"attendance": "external", "loose_service_id": 401, "value": 10, "guarantee": True}, "value"),
        ({"attendance": "external", "contract_rider_id": 3041, "value": 10}, "value"),
        ({"loose_service_id": 401}, "attendance"),
        ({"attendance": "internal"}, "attendance"),
        ({"attendance": "external", "loose_service_id": 401, "value": -1}, "value"),
        ({"attendance": "external", "loose_service_id": 401, "value": 10_000_000}, "value"),
        ({"attendance": "external", "loose_service_id": 401, "value": 1.005}, "value"),
        ({"external_user_name": "<b>x</b>"}, "external_user_name"),
        ({"attendance": "onsite", "loose_service_id": 401}, "attendance"),
    ],
)
async def test_every_cross_field_rule_is_checked_before_sending(
    api: BodyRecording, arguments: dict[str, Any], field: str
) -> None:
    text = await refused(api, arguments)
    assert f"`{field}`" in text


async def test_list_appointments_shows_the_executor_and_the_shared_ride(api: BodyRecording) -> None:
    result = await call(api, "list_appointments", {"ticket_number": "1047"})
    text = text_of(result)
    assert "Executor externo: Rafael Nunes (TecnoSul)" in text
    assert "Deslocamento de: #1040 — Impressora fiscal não imprime o cupom" in text
    structured = result.structured_content["page"]["items"][0]
    assert structured["external_user_name"] == "Rafael Nunes (TecnoSul)"
    assert structured["valorization"]["shift_owner"] == {
        "number": 1040,
        "title": "Impressora fiscal não imprime o cupom",
    }
