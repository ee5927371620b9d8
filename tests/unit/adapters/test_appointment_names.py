"""create_appointment's loose service, contract rider and travel charge by name (issue 18, v2.42/tickets.md
§20.12): resolved on the ticket's lists by our policy, through the MCP server on the demo tenant over HTTP."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.adapters.test_appointments_v242 import BodyRecording, call, created, refused

pytestmark = pytest.mark.anyio


@pytest.fixture
def api() -> BodyRecording:
    return BodyRecording()


async def test_a_name_sends_the_same_body_as_its_id() -> None:
    by_id, by_name = BodyRecording(), BodyRecording()
    await created(by_id, {"attendance": "external", "loose_service_id": 401, "shift_id": 501})
    text = await created(
        by_name,
        {
            "attendance": "external",
            "loose_service_name": "visita tecnica avulsa",
            "shift_name": "DESLOCAMENTO CENTRO",
        },
    )
    assert by_name.posts == by_id.posts
    assert '`loose_service_name` "visita tecnica avulsa" → Visita técnica avulsa · ID 401' in text
    assert "Deslocamento Centro · ID 501" in text
    paths = [request for request in by_name.requests if "service-types" in str(request)]
    assert paths  # looked up on the ticket's lists


async def test_a_contract_name_becomes_its_rider_in_english() -> None:
    by_id, by_name = BodyRecording(), BodyRecording()
    await created(by_id, {"attendance": "remote", "contract_rider_id": 3011})
    text = await created(
        by_name, {"attendance": "remote", "contract_name": "Contrato Suporte Mensal 2025"}, "en"
    )
    assert by_name.posts == by_id.posts
    assert by_name.posts[0]["contract_rider_id"] == 3011
    assert "Contrato Suporte Mensal 2025 · rider ID 3011" in text
    assert "What each name became" in text or "became" in text.lower() or "→" in text


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        (
            {"attendance": "remote", "loose_service_id": 401, "loose_service_name": "Ajuste"},
            "loose_service_name",
        ),
        ({"attendance": "remote", "contract_rider_id": 3011, "contract_name": "Antivírus"}, "contract_name"),
        (
            {"attendance": "external", "loose_service_id": 401, "shift_id": 501, "shift_name": "Centro"},
            "shift_name",
        ),
        (
            {"attendance": "remote", "loose_service_name": "Ajuste", "contract_name": "Antivírus"},
            "contract_name",
        ),
        ({"attendance": "remote", "loose_service_name": "Ajuste", "shift_name": "Centro"}, "shift_name"),
        ({"attendance": "remote", "contract_name": "Antivírus", "value": 10}, "value"),
        ({"loose_service_name": "Ajuste"}, "attendance"),
        (
            {
                "attendance": "external",
                "loose_service_name": "Ajuste",
                "shift_name": "Centro",
                "shift_owner_ticket_number": 1041,
            },
            "shift_owner_ticket_number",
        ),
    ],
)
@pytest.mark.parametrize("language", ["pt-BR", "en"])
async def test_cross_field_rules_with_names_send_nothing(
    api: BodyRecording, arguments: dict[str, Any], field: str, language: str
) -> None:
    assert field in await refused(api, arguments, language)


async def test_an_ambiguous_name_asks_and_sends_nothing(api: BodyRecording) -> None:
    result = await call(
        api,
        "create_appointment",
        {
            "ticket_number": "1040",
            "date": "2025-03-14",
            "init_time": "13:00",
            "end_time": "14:30",
            "description": "x",
            "attendance": "external",
            "loose_service_id": 401,
            "shift_name": "Deslocamento",
        },
    )
    text = str(result.content[0].text)
    assert result.is_error, text
    assert "Deslocamento Centro" in text and "Deslocamento Região Norte" in text
    assert api.posts == []


@pytest.mark.parametrize("language", ["pt-BR", "en"])
async def test_an_unknown_name_names_what_exists_and_sends_nothing(api: BodyRecording, language: str) -> None:
    result = await call(
        api,
        "create_appointment",
        {
            "ticket_number": "1040",
            "date": "2025-03-14",
            "init_time": "13:00",
            "end_time": "14:30",
            "description": "x",
            "attendance": "remote",
            "loose_service_name": "Jardinagem",
        },
        language,
    )
    text = str(result.content[0].text)
    assert result.is_error, text
    assert "Jardinagem" in text
    assert "Ajuste em bancada" in text
    assert api.posts == []
