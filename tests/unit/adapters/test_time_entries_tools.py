"""The organisation's appointments through the MCP client, over HTTP to the demo tenant (v2.42 tickets.md
§17): a period, technicians and desks by ID or name, values on request."""

from __future__ import annotations

from typing import Any

import pytest

from adapters.tiflux.fake.tenant import FakeTenant
from tests.support.demo_client import call, connect, fail, sent
from tests.support.fake_api import InstrumentedFakeApi
from tests.support.faults import Fault

pytestmark = pytest.mark.anyio

MARCH = {"start_date": "2025-03-01", "end_date": "2025-03-31"}


@pytest.fixture
def api() -> InstrumentedFakeApi:
    return InstrumentedFakeApi(FakeTenant.demo())


async def test_a_period_of_desks_with_values(api: InstrumentedFakeApi) -> None:
    arguments = {**MARCH, "desk_ids": "14,11", "include_valorization": True, "limit": 50}
    async with connect(api)() as client:
        text, structured = await call(client, "list_appointments_global", arguments)
    assert sent(api) == [
        (
            "GET",
            "/api/v2/appointments",
            "offset=1&limit=50&start_date=2025-03-01&end_date=2025-03-31&desk_ids=14%2C11&include_valorization=true",
        )
    ]
    assert "## Apontamentos de 01/03/2025 a 31/03/2025 — página 1 (7 de 7)" in text
    assert "- **#4701** · 14/03/2025 · 10:30–11:00" in text
    assert "Executor externo: Rafael Nunes (TecnoSul)" in text
    assert "Deslocamento de: #1040 — Impressora fiscal não imprime o cupom" in text
    assert "Atendimento: externo · R$ 85,00" in text and "R$ 170,05 · ✋ valor manual" in text
    assert "#4602" not in text  # desk 15
    assert [e["id"] for e in structured["page"]["items"]][:2] == [4801, 4401]
    assert structured["page"]["total"] == 7 and structured["query"]["desk_ids"] == [14, 11]


async def test_names_resolve_and_the_answer_says_what_they_became(api: InstrumentedFakeApi) -> None:
    arguments = {**MARCH, "user_name": "lima", "desk_name": "suporte n2", "include_valorization": True}
    async with connect(api)() as client:
        text, structured = await call(client, "list_appointments_global", arguments)
    assert sent(api)[-1][2].endswith("&user_ids=203&desk_ids=15&include_valorization=true")
    assert '`user_name` "lima" → João Batista Lima' in text and '`desk_name` "suporte n2" →' in text
    assert [e["id"] for e in structured["page"]["items"]] == [4601, 4602]
    assert "R$ 1.250,00" in text and "pode ignorar o filtro de técnico" in text


async def test_iso_moments_count_as_their_days_and_english(api: InstrumentedFakeApi) -> None:
    arguments = {"start_date": "2025-03-12T00:00:00-03:00", "end_date": "2025-03-12", "user_ids": "201"}
    async with connect(api, language="en")() as client:
        text, structured = await call(client, "list_appointments_global", arguments)
    assert "start_date=2025-03-12&end_date=2025-03-12&user_ids=201" in sent(api)[0][2]
    assert "## Appointments from 2025-03-12 to 2025-03-12 — page 1 (1 of 1)" in text
    assert "valorization" not in structured["page"]["items"][0]
    assert "may ignore the technician filter" in text


async def test_nothing_in_the_period(api: InstrumentedFakeApi) -> None:
    async with connect(api)() as client:
        text, _ = await call(
            client, "list_appointments_global", {"start_date": "2025-04-01", "end_date": "2025-04-30"}
        )
    assert "Nenhum apontamento de 01/04/2025 a 30/04/2025 com esses filtros (página 1)." in text


async def test_an_ambiguous_or_unknown_desk_name_sends_no_listing(api: InstrumentedFakeApi) -> None:
    async with connect(api)() as client:
        ambiguous = await fail(client, "list_appointments_global", {**MARCH, "desk_name": "dev"})
        unknown = await fail(client, "list_appointments_global", {**MARCH, "desk_name": "financeiro"})
    assert "dev" in ambiguous and "financeiro" in unknown
    assert all(path != "/api/v2/appointments" for _m, path, _q in sent(api))


async def test_a_403_names_the_reports_permission(api: InstrumentedFakeApi) -> None:
    api.faults.add(Fault.answer(403).on("GET", "/api/v2/appointments"))
    async with connect(api)() as client:
        text = await fail(client, "list_appointments_global", MARCH)
    assert "Visualizar relatórios dos técnicos" in text


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"end_date": "2025-03-31"}, "start_date"),
        ({"start_date": "2025-03-01"}, "end_date"),
        ({"start_date": "2025-03-31", "end_date": "2025-03-01"}, "end_date"),
        ({"start_date": "01/03/2025", "end_date": "2025-03-31"}, "start_date"),
        ({**MARCH, "desk_ids": "14,x"}, "desk_ids"),
        ({**MARCH, "user_ids": ",".join(str(i) for i in range(1, 17))}, "user_ids"),
        ({**MARCH, "limit": 0}, "limit"),
        ({**MARCH, "include_valorization": "sim"}, "include_valorization"),
    ],
)
async def test_bad_input_is_refused_before_any_request(
    api: InstrumentedFakeApi, arguments: dict[str, Any], field: str
) -> None:
    async with connect(api)() as client:
        text = await fail(client, "list_appointments_global", arguments)
    assert f"`{field}`" in text, text
    assert sent(api) == []
