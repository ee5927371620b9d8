"""get_billings_history and list_contracts (toolset `finance`, issue 20, v2.42/chats.md §8, §9, §14),
through the MCP server on the demo tenant over HTTP."""

from __future__ import annotations

from typing import Any

import pytest

from adapters.tiflux.fake.tenant import FakeTenant
from tests.support.demo_client import connect, sent, text_of
from tests.support.fake_api import InstrumentedFakeApi
from tests.support.faults import Fault

pytestmark = pytest.mark.anyio

BILLINGS = "/api/v2/reports/billings/history"


@pytest.fixture
def api() -> InstrumentedFakeApi:
    return InstrumentedFakeApi(FakeTenant.demo())


async def call(
    api: InstrumentedFakeApi, tool: str, arguments: dict[str, Any], language: Any = "pt-BR"
) -> Any:
    async with connect(api, language, toolsets="finance")() as client:
        return await client.call_tool(tool, arguments)


async def test_the_finance_tools_are_opt_in_and_read_only(api: InstrumentedFakeApi) -> None:
    async with connect(api)() as client:
        default = {tool.name for tool in (await client.list_tools()).tools}
    assert not default & {"get_billings_history", "list_contracts"}
    async with connect(api, toolsets="finance")() as client:
        tools = {tool.name: tool for tool in (await client.list_tools()).tools}
    assert set(tools) == {"get_billings_history", "list_contracts"}
    assert all(t.annotations is not None and t.annotations.read_only_hint for t in tools.values())


# --- get_billings_history --------------------------------------------------------------------------------


async def test_billings_with_the_sum_without_reversals_and_the_total(api: InstrumentedFakeApi) -> None:
    result = await call(api, "get_billings_history", {})
    text = text_of(result)
    assert not result.is_error, text
    assert text.startswith("## Faturamentos — página 1 (7 nesta página, 7 no total)")
    assert (
        "| 5102 | Construtora Horizonte | 03/02/2025 | 20/02/2025 | 1288 | Faturado | R$ 28.963,20 |" in text
    )
    assert "| 5103 | Clínica Vida Plena | 10/02/2025 | 25/02/2025 | — | Estornado | R$ 170,05 |" in text
    assert (
        "| 5107 | Transportes Rápido Sul | 07/03/2025 | 22/03/2025 | 1305 | Estornado | R$ 1.234,50 |" in text
    )
    assert "Soma desta página, sem estornos: R$ 62.033,25." in text
    assert "Estornos nesta página (fora da soma): 2, R$ 1.404,55." in text
    data = result.structured_content
    assert data["page"]["total"] == 7 and data["sums"] == {
        "billed": "62033.25",
        "reversals": 2,
        "reversed": "1404.55",
    }
    assert sent(api) == [("GET", BILLINGS, "offset=1&limit=20")]


async def test_a_client_by_name_a_kind_and_a_period_go_to_tiflux(api: InstrumentedFakeApi) -> None:
    result = await call(
        api,
        "get_billings_history",
        {
            "client_name": "Horizonte",
            "type": "billed",
            "billing_start_date": "2025-03-01",
            "billing_end_date": "2025-03-31",
        },
    )
    text = text_of(result)
    assert not result.is_error, text
    assert [b["id"] for b in result.structured_content["page"]["items"]] == [5105]
    assert "faturados de 01/03/2025 a 31/03/2025; cliente 102; só faturados (sem estornos)" in text
    assert '`client_name` "Horizonte" → Construtora Horizonte' in text
    assert sent(api)[-1] == (
        "GET",
        BILLINGS,
        "offset=1&limit=20&billing_start_date=2025-03-01&billing_end_date=2025-03-31&client_id=102&_type=billed",
    )


async def test_reversals_only(api: InstrumentedFakeApi) -> None:
    result = await call(api, "get_billings_history", {"type": "reversed"})
    assert [b["id"] for b in result.structured_content["page"]["items"]] == [5103, 5107]
    assert "Soma desta página, sem estornos: R$ 0,00." in text_of(result)


async def test_an_inactive_client_is_not_found_and_nothing_is_listed(api: InstrumentedFakeApi) -> None:
    result = await call(api, "get_billings_history", {"client_name": "Rápido Sul"})
    assert result.is_error and "Rápido Sul" in text_of(result)
    assert all(path != BILLINGS for _m, path, _q in sent(api))


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"billing_start_date": "2025-03-01"}, "billing_end_date"),
        ({"due_end_date": "2025-03-01"}, "due_start_date"),
        ({"billing_start_date": "2025-03-31", "billing_end_date": "2025-03-01"}, "billing_end_date"),
        ({"billing_start_date": "01/03/2025", "billing_end_date": "2025-03-31"}, "billing_start_date"),
        ({"type": "estornado"}, "type"),
        ({"client_id": 0}, "client_id"),
        ({"nfe_number": "abc"}, "nfe_number"),
        ({"ticket_number": "x"}, "ticket_number"),
    ],
)
async def test_bad_input_is_refused_before_any_request(
    api: InstrumentedFakeApi, arguments: dict[str, Any], field: str
) -> None:
    result = await call(api, "get_billings_history", arguments)
    assert result.is_error and f"`{field}`" in text_of(result), text_of(result)
    assert api.requests == []


@pytest.mark.parametrize(
    ("language", "words"),
    [("pt-BR", '"Faturar serviços avulsos e contratos"'), ("en", "Tickets licence")],
)
async def test_a_403_names_the_invoicing_permission_and_the_tickets_licence(
    api: InstrumentedFakeApi, language: str, words: str
) -> None:
    api.faults.add(Fault.answer(403).on("GET", BILLINGS))
    result = await call(api, "get_billings_history", {}, language)
    assert result.is_error and words in text_of(result), text_of(result)


async def test_billings_in_english(api: InstrumentedFakeApi) -> None:
    text = text_of(await call(api, "get_billings_history", {}, "en"))
    assert text.startswith("## Billings — page 1 (7 on this page, 7 in total)")
    assert "| 5101 | Padaria Pão Quente | 2025-02-03 | 2025-02-20 | 1287 | Paid | R$ 850.00 |" in text
    assert "This page's sum, without reversals: R$ 62,033.25." in text


# --- list_contracts --------------------------------------------------------------------------------------


async def test_active_contracts_by_default_and_said_so(api: InstrumentedFakeApi) -> None:
    result = await call(api, "list_contracts", {})
    text = text_of(result)
    assert text.startswith("## Contratos — página 1 (3 nesta página, 3 no total)")
    assert "Só contratos ativos (padrão)" in text
    assert (
        "| 302 | Gestão de TI - Construtora Horizonte | Construtora Horizonte | Outsourcing de TI | "
        "Horas cumulativas | Ativo | 30/06/2026 | 01/07/2025 | R$ 31.200,00 |" in text
    )
    assert [c["id"] for c in result.structured_content["page"]["items"]] == [301, 302, 304]
    assert sent(api) == [("GET", "/api/v2/contracts", "offset=1&limit=20&status=actives")]


async def test_every_status_with_details(api: InstrumentedFakeApi) -> None:
    result = await call(
        api, "list_contracts", {"status": ["actives", "readjust", "expired"], "include_details": True}
    )
    text = text_of(result)
    assert [c["id"] for c in result.structured_content["page"]["items"]] == [301, 302, 303, 304, 305]
    assert "Pendente de reajuste" in text and "Inativo (cancelado)" in text and "Por ticket" in text
    assert "  #301: cliente 101 · tipo 3 · duração 12 meses · reajuste a cada 12 meses" in text
    assert "Só contratos ativos" not in text
    assert sent(api)[0][2] == "offset=1&limit=20&status=actives%2Creadjust%2Cexpired"


async def test_filters_by_client_and_type(api: InstrumentedFakeApi) -> None:
    result = await call(api, "list_contracts", {"client_ids": "101", "contract_type_ids": "5"})
    assert [c["id"] for c in result.structured_content["page"]["items"]] == [304]
    assert sent(api)[0][2] == "offset=1&limit=20&client_ids=101&contract_type_ids=5&status=actives"


@pytest.mark.parametrize(("language", "words"), [("pt-BR", "Valores ocultos"), ("en", "Amounts hidden")])
async def test_hidden_amounts_are_said_never_shown_as_zero(
    api: InstrumentedFakeApi, language: str, words: str
) -> None:
    api.tenant.finance.values_visible = False
    result = await call(api, "list_contracts", {"include_details": True}, language)
    text = text_of(result)
    assert words in text and "Visualizar valores dos tickets" in text
    assert "R$" not in text
    assert result.structured_content["values_hidden"] is True
    assert all("total_value" not in c for c in result.structured_content["page"]["items"])


@pytest.mark.parametrize(
    ("arguments", "field"),
    [({"status": "ativos"}, "status"), ({"client_ids": "a,b"}, "client_ids"), ({"limit": 0}, "limit")],
)
async def test_bad_contract_filters_are_refused_before_any_request(
    api: InstrumentedFakeApi, arguments: dict[str, Any], field: str
) -> None:
    result = await call(api, "list_contracts", arguments)
    assert result.is_error and f"`{field}`" in text_of(result), text_of(result)
    assert api.requests == []


async def test_an_empty_page_says_only_active_ones_were_asked(api: InstrumentedFakeApi) -> None:
    result = await call(api, "list_contracts", {"client_ids": "103"}, "en")
    assert not result.is_error
    assert text_of(result).startswith("No contracts found on page 1.")
    assert "Active contracts only" in text_of(result)
