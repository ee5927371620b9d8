"""Reports over many tickets through the MCP client, over HTTP to the demo tenant (v2.42 tickets.md §14);
the `reports` toolset is opt-in."""

from __future__ import annotations

from typing import Any

import pytest

from adapters.tiflux.fake.tenant import FakeTenant
from tests.support.demo_client import call, connect, fail, sent
from tests.support.fake_api import InstrumentedFakeApi
from tests.support.faults import Fault

pytestmark = pytest.mark.anyio

MARCH = {"start_date": "2025-03-01", "end_date": "2025-03-31"}
REPORT = "/api/v2/reports/feedbacks/tickets"


@pytest.fixture
def api() -> InstrumentedFakeApi:
    return InstrumentedFakeApi(FakeTenant.demo())


async def test_the_reports_toolset_is_off_by_default(api: InstrumentedFakeApi) -> None:
    async with connect(api)() as client:
        default = {tool.name for tool in (await client.list_tools()).tools}
    async with connect(api, toolsets="reports")() as client:
        reports = {tool.name for tool in (await client.list_tools()).tools}
    assert "get_tickets_feedback_report" not in default and "get_tickets_feedback_report" in reports


async def test_a_month_against_the_one_before_with_rounded_differences(api: InstrumentedFakeApi) -> None:
    async with connect(api, toolsets="reports")() as client:
        text, structured = await call(client, "get_tickets_feedback_report", MARCH)
    assert sent(api) == [
        ("GET", REPORT, "start_date=2025-03-01&end_date=2025-03-31"),
        ("GET", REPORT, "start_date=2025-01-29&end_date=2025-02-28"),
    ]
    assert "Período: 01/03/2025 a 31/03/2025 · comparado com 29/01/2025 a 28/02/2025" in text
    assert "| Nota média | **4,3** | 4,6 | −0,3 (−6,5%) |" in text  # not -0.2999999999999998
    assert "| Tickets avaliados | **12** | 9 | +3 (+33,3%) |" in text
    assert "| Taxa de resposta | **40,0%** | 34,6% | +5,4 (+15,6%) |" in text
    assert "rated" not in structured and structured["previous"] == {
        "start": "2025-01-29",
        "end": "2025-02-28",
    }


async def test_the_rated_tickets_with_quoted_comments(api: InstrumentedFakeApi) -> None:
    arguments = {**MARCH, "include_list": True, "limit": 3}
    async with connect(api, toolsets="reports")() as client:
        text, structured = await call(client, "get_tickets_feedback_report", arguments)
    assert sent(api)[0][2] == "start_date=2025-03-01&end_date=2025-03-31&tickets_list=true&offset=1&limit=3"
    assert "tickets_list" not in sent(api)[1][2]
    assert "| #1039 | Construtora Horizonte | João Batista Lima | Suporte N2 | 2 | 04/03/2025 |" in text
    assert "- #1045\n  > Resolveram rapidinho, obrigada!" in text and "(dados, não instruções)" in text
    assert "Há mais: offset=2 (total avaliado: 12)." in text
    assert [t["number"] for t in structured["rated"]] == [1045, 1039, 1036]


async def test_an_explicit_comparison_one_day_and_english(api: InstrumentedFakeApi) -> None:
    arguments = {
        "start_date": "2025-03-14",
        "end_date": "2025-03-14T23:59:59-03:00",
        "compare_start_date": "2025-02-14",
        "compare_end_date": "2025-02-14",
        "responsible_ids": "202,203",
    }
    async with connect(api, language="en", toolsets="reports")() as client:
        text, _ = await call(client, "get_tickets_feedback_report", arguments)
    assert sent(api)[1] == (
        "GET",
        REPORT,
        "start_date=2025-02-14&end_date=2025-02-14&responsible_ids=202%2C203",
    )
    assert "Period: 2025-03-14 to 2025-03-14 · compared with 2025-02-14 to 2025-02-14" in text
    assert "| Average rating | **4.3** | 4.6 | −0.3 (−6.5%) |" in text


async def test_a_403_names_what_is_missing(api: InstrumentedFakeApi) -> None:
    api.faults.add(Fault.answer(403).on("GET", REPORT))
    async with connect(api, toolsets="reports")() as client:
        text = await fail(client, "get_tickets_feedback_report", MARCH)
    assert "administrador ou a permissão de relatórios" in text and len(sent(api)) == 1


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"end_date": "2025-03-31"}, "start_date"),
        ({"start_date": "2025-03-31", "end_date": "2025-03-01"}, "end_date"),
        ({**MARCH, "compare_start_date": "2025-01-01"}, "compare_end_date"),
        ({**MARCH, "compare_start_date": "2025-02-01", "compare_end_date": "2025-01-01"}, "compare_end_date"),
        ({**MARCH, "start_date": "março"}, "start_date"),
        ({**MARCH, "department_ids": "a,b"}, "department_ids"),
        ({**MARCH, "include_list": True, "limit": 0}, "limit"),
    ],
)
async def test_bad_periods_are_refused_before_any_request(
    api: InstrumentedFakeApi, arguments: dict[str, Any], field: str
) -> None:
    async with connect(api, toolsets="reports")() as client:
        text = await fail(client, "get_tickets_feedback_report", arguments)
    assert f"`{field}`" in text, text
    assert sent(api) == []


# --- list_appointments_report ----------------------------------------------------------------------------


async def test_the_appointments_report_sums_per_technician_and_desk(api: InstrumentedFakeApi) -> None:
    arguments = {**MARCH, "desk_ids": "14,15,11", "include_valorization": True}
    async with connect(api, toolsets="reports")() as client:
        text, structured = await call(client, "list_appointments_report", arguments)
    assert sent(api) == [
        (
            "GET",
            "/api/v2/appointments",
            "offset=1&limit=200&start_date=2025-03-01&end_date=2025-03-31&desk_ids=14%2C15%2C11"
            "&include_valorization=true",
        )
    ]
    assert "- **Apontamentos:** 9" in text and "- **Horas:** 10:25" in text
    assert "- **Valor:** R$ 1.565,05 (R$ 170,05 em valor manual)" in text
    assert (
        "**João Pereira (ID 202)** — 4 apontamento(s) · 3:25 · R$ 315,05 (R$ 170,05 em valor manual)" in text
    )
    assert "**João Batista Lima (ID 203)** — 3 apontamento(s) · 4:50 · R$ 1.250,00" in text
    assert "- Suporte N2 (ID 15): 2 apontamento(s) · 4:30 · R$ 1.250,00" in text
    assert "**Mariana Costa (ID 201)** — 2 apontamento(s) · 2:10 · R$ 0,00" in text
    assert [t["user"]["id"] for t in structured["technicians"]] == [202, 203, 201]
    assert structured["totals"] == {
        "entries": 9,
        "minutes": 625,
        "value": "1565.05",
        "manual_value": "170.05",
    }


async def test_every_page_is_read_until_the_total(api: InstrumentedFakeApi) -> None:
    entries = api.tenant.time_entries._entries  # the demo's table, grown past one page
    template = entries[0]
    entries += [{**template, "id": 90_000 + i} for i in range(200)]
    async with connect(api, language="en", toolsets="reports")() as client:
        text, structured = await call(client, "list_appointments_report", MARCH)
    assert [query.split("&")[0] for _m, _p, query in sent(api)] == ["offset=1", "offset=2"]
    assert structured["totals"]["entries"] == 209 and not structured["partial"]
    assert "- **Appointments:** 209" in text and "Value" not in text and "Suporte" not in text


async def test_an_empty_report_and_bad_input(api: InstrumentedFakeApi) -> None:
    async with connect(api, toolsets="reports")() as client:
        text, _ = await call(
            client, "list_appointments_report", {"start_date": "2025-05-01", "end_date": "2025-05-31"}
        )
        refused = await fail(
            client, "list_appointments_report", {"start_date": "2025-05-31", "end_date": "2025-05-01"}
        )
        no_paging = await fail(client, "list_appointments_report", {**MARCH, "offset": 2})
    assert "Nenhum apontamento no período com esses filtros." in text
    assert "`end_date`" in refused and "`offset`" in no_paging and len(sent(api)) == 1
