"""list_tickets at 2.42's depth (issue 18, v2.42/tickets.md §20.5, §1 zero diagnosis), through the MCP
server on the demo tenant over HTTP, the requests recorded."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs

import pytest

from adapters.tiflux.fake.tenant import FakeTenant
from tests.support.demo_client import connect, text_of
from tests.support.fake_api import InstrumentedFakeApi

pytestmark = pytest.mark.anyio


@pytest.fixture
def api() -> InstrumentedFakeApi:
    return InstrumentedFakeApi(FakeTenant.demo())


async def call(api: InstrumentedFakeApi, arguments: dict[str, Any], language: str = "pt-BR") -> Any:
    async with connect(api, language)() as client:  # type: ignore[arg-type]
        return await client.call_tool("list_tickets", arguments)


async def listed(api: InstrumentedFakeApi, arguments: dict[str, Any], language: str = "pt-BR") -> str:
    result = await call(api, arguments, language)
    assert not result.is_error, text_of(result)
    return text_of(result)


async def refused(api: InstrumentedFakeApi, arguments: dict[str, Any], language: str = "pt-BR") -> str:
    result = await call(api, arguments, language)
    assert result.is_error, text_of(result)
    assert ticket_queries(api) == []  # refused before any request
    return text_of(result)


def ticket_queries(api: InstrumentedFakeApi) -> list[dict[str, str]]:
    """The query of every `GET /tickets`, in order."""
    return [
        {key: values[0] for key, values in parse_qs(query).items()}
        for method, path, query, _type in api.requests
        if method == "GET" and path == "/api/v2/tickets"
    ]


def numbers(text: str) -> list[int]:
    return [int(line.split("**#", 1)[1].split("**", 1)[0]) for line in text.splitlines() if "**#" in line]


# --- the surface -----------------------------------------------------------------------------------------


async def test_the_new_parameters_are_advertised_and_is_closed_is_only_accepted(
    api: InstrumentedFakeApi,
) -> None:
    async with connect(api)() as client:
        tools = {tool.name: tool for tool in (await client.list_tools()).tools}
    properties = tools["list_tickets"].input_schema["properties"]
    for name in (
        "filter_by",
        "group_by",
        "sla_expiring_before",
        "priority_ids",
        "priority_name",
        "services_catalogs_item_ids",
        "catalog_query",
        "responsible_name",
    ):
        assert name in properties, name
    assert properties["filter_by"]["enum"] == ["open", "closed", "canceled", "all"]
    assert properties["group_by"]["enum"] == ["day", "week", "month", "desk"]
    assert "is_closed" not in properties
    text = await listed(api, {"desk_ids": "14", "is_closed": True})  # a 2.3.0 caller still works
    assert numbers(text) == [1045, 1046]


# --- status ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filter_by", "expected", "is_closed"),
    [
        ("open", [1040, 1047], "false"),
        ("closed", [1045], "true"),
        ("canceled", [1046], "true"),
        ("all", [1040, 1045, 1046, 1047], "false"),
    ],
)
async def test_filter_by_picks_tickets_by_state(
    api: InstrumentedFakeApi, filter_by: str, expected: list[int], is_closed: str
) -> None:
    text = await listed(api, {"desk_ids": "14", "filter_by": filter_by})
    assert numbers(text) == expected
    sent = ticket_queries(api)[0]
    assert sent["filter_by"] == filter_by and sent["is_closed"] == is_closed
    assert list(sent)[:4] == ["offset", "limit", "filter_by", "is_closed"]


async def test_a_contradicting_is_closed_is_refused(api: InstrumentedFakeApi) -> None:
    text = await refused(api, {"desk_ids": "14", "filter_by": "open", "is_closed": True})
    assert "`is_closed`" in text and "filter_by" in text


async def test_solved_in_time_assumes_closed_tickets_and_says_so(api: InstrumentedFakeApi) -> None:
    text = await listed(
        api, {"desk_ids": "14", "date_type": "solved_in_time", "start_datetime": "2025-03-01"}
    )
    assert numbers(text) == [1045]
    assert "Status assumido: fechados" in text
    assert ticket_queries(api)[0]["filter_by"] == "closed"


async def test_solved_in_time_with_open_tickets_is_refused(api: InstrumentedFakeApi) -> None:
    arguments = {"desk_ids": "14", "date_type": "solved_in_time", "start_datetime": "2025-03-01"}
    text = await refused(api, {**arguments, "filter_by": "open"})
    assert "`date_type`" in text and "filter_by=closed" in text


async def test_an_unknown_state_is_refused(api: InstrumentedFakeApi) -> None:
    text = await refused(api, {"desk_ids": "14", "filter_by": "pending"})
    assert "filter_by" in text


# --- the new filters -------------------------------------------------------------------------------------


async def test_sla_expiring_before_lists_open_unpaused_tickets_due_by_then(api: InstrumentedFakeApi) -> None:
    text = await listed(api, {"desk_ids": "14", "sla_expiring_before": "2025-03-10T23:59:59-03:00"})
    assert numbers(text) == [1040]  # 1047 is due on the 14th; 1045/1046 are closed
    assert ticket_queries(api)[0]["sla_expiring_before"] == "2025-03-11T02:59:59Z"
    text = await listed(api, {"desk_ids": "14,15", "sla_expiring_before": "2025-03-14"})
    assert numbers(text) == [1040, 1047]  # 1041 is paused


async def test_sla_expiring_before_alone_is_a_narrow_enough_filter(api: InstrumentedFakeApi) -> None:
    assert numbers(await listed(api, {"sla_expiring_before": "2025-03-14"})) == [1040, 1047]
    assert ticket_queries(api)[0]["sla_expiring_before"] == "2025-03-15T02:59:59Z"  # the day's end, local


async def test_sla_expiring_before_is_for_open_tickets_only(api: InstrumentedFakeApi) -> None:
    text = await refused(api, {"desk_ids": "14", "filter_by": "closed", "sla_expiring_before": "2025-03-14"})
    assert "`sla_expiring_before`" in text


async def test_priorities_by_id(api: InstrumentedFakeApi) -> None:
    text = await listed(api, {"priority_ids": "144", "filter_by": "all"})
    assert numbers(text) == [1046, 1047]
    assert ticket_queries(api)[0]["priority_ids"] == "144"


async def test_a_priority_by_name_is_looked_up_in_the_desk_and_said(api: InstrumentedFakeApi) -> None:
    text = await listed(api, {"desk_name": "Suporte", "priority_name": "alta"})
    assert numbers(text) == [1040]
    assert "prioridade Alta (ID 142)" in text
    assert ticket_queries(api)[-1]["priority_ids"] == "142"
    assert ("GET", "/api/v2/desks/14/priorities") in [(m, p) for m, p, _q, _t in api.requests]


async def test_a_priority_name_needs_one_desk(api: InstrumentedFakeApi) -> None:
    text = await refused(api, {"client_ids": "101", "priority_name": "alta"})
    assert "`priority_name`" in text and "única mesa" in text
    await refused(api, {"desk_ids": "14,15", "priority_name": "alta"})


async def test_an_unknown_priority_name_lists_nothing(api: InstrumentedFakeApi) -> None:
    result = await call(api, {"desk_ids": "14", "priority_name": "urgentíssima"})
    assert result.is_error and "urgentíssima" in text_of(result)
    assert ticket_queries(api) == []


async def test_catalog_items_by_id(api: InstrumentedFakeApi) -> None:
    text = await listed(api, {"desk_ids": "14", "services_catalogs_item_ids": "7001,7002"})
    assert numbers(text) == [1040, 1047]
    assert ticket_queries(api)[0]["services_catalogs_item_ids"] == "7001,7002"


async def test_a_catalog_search_within_the_desk_becomes_item_ids(api: InstrumentedFakeApi) -> None:
    text = await listed(api, {"desk_ids": "14", "catalog_query": "rede", "filter_by": "all"})
    assert numbers(text) == [1046]
    assert "itens de catálogo" in text and "(ID 7004)" in text
    searches = [q for m, p, q, _t in api.requests if p == "/api/v2/desks/14/services-catalogs-items"]
    assert searches and all("name=rede" in q for q in searches)
    assert ticket_queries(api)[0]["services_catalogs_item_ids"].split(",")[-1] == "7004"


async def test_a_catalog_search_needs_the_desk_and_a_match(api: InstrumentedFakeApi) -> None:
    await refused(api, {"client_ids": "101", "catalog_query": "rede"})
    result = await call(api, {"desk_ids": "14", "catalog_query": "nada-disso"})
    assert result.is_error and "nada-disso" in text_of(result)
    assert ticket_queries(api) == []


async def test_the_responsible_by_name(api: InstrumentedFakeApi) -> None:
    text = await listed(api, {"desk_ids": "14", "responsible_name": "lima", "filter_by": "all"})
    assert numbers(text) == [1046]
    assert "responsável João Batista Lima (ID 203)" in text
    assert ticket_queries(api)[0]["responsible_ids"] == "203"


async def test_each_ticket_shows_its_priority_and_catalog(api: InstrumentedFakeApi) -> None:
    text = await listed(api, {"desk_ids": "14"})
    assert "prioridade Alta · catálogo Infraestrutura › Impressão › Instalação de impressora" in text


# --- totals and the zero diagnosis -----------------------------------------------------------------------


async def test_the_total_comes_from_the_header(api: InstrumentedFakeApi) -> None:
    text = await listed(api, {"desk_ids": "14", "filter_by": "all", "limit": 1})
    assert "— 4 no total" in text.splitlines()[0]
    english = await listed(api, {"desk_ids": "14", "filter_by": "all", "limit": 1}, "en")
    assert "— 4 in all" in english.splitlines()[0]


async def test_an_empty_list_blamed_on_the_status(api: InstrumentedFakeApi) -> None:
    text = await listed(api, {"desk_ids": "14", "catalog_query": "rede"})
    assert numbers(text) == []
    assert "é o filtro de status que zera" in text
    probe = ticket_queries(api)[-1]
    assert probe["filter_by"] == "all" and probe["limit"] == "1"


async def test_an_empty_list_blamed_on_the_period(api: InstrumentedFakeApi) -> None:
    arguments = {
        "desk_ids": "14",
        "filter_by": "all",
        "start_datetime": "2024-01-01",
        "end_datetime": "2024-12-31",
    }
    text = await listed(api, arguments, "en")
    assert "the period is what empties the result" in text
    probes = ticket_queries(api)[1:]
    assert len(probes) == 1 and "start_datetime" not in probes[0]  # filter_by=all needs no status probe


async def test_an_empty_list_confirmed_empty(api: InstrumentedFakeApi) -> None:
    text = await listed(api, {"desk_ids": "16", "start_datetime": "2025-03-01"})
    assert "confirmado, não há tickets" in text
    assert len(ticket_queries(api)) == 3  # the listing, every state, and outside the period


async def test_a_later_empty_page_is_not_diagnosed(api: InstrumentedFakeApi) -> None:
    await listed(api, {"desk_ids": "14", "offset": 9})
    assert len(ticket_queries(api)) == 1


# --- group_by --------------------------------------------------------------------------------------------


async def test_counts_per_month_fill_the_months_without_tickets(api: InstrumentedFakeApi) -> None:
    arguments = {
        "desk_ids": "14",
        "group_by": "month",
        "start_datetime": "2024-12-01",
        "end_datetime": "2025-04-30",
    }
    text = await listed(api, arguments)
    assert "## Tickets por mês — 107 no total" in text
    rows = [line for line in text.splitlines() if line.startswith("| 20")]
    assert rows == [
        "| 2024-12 | 0 |",
        "| 2025-01 | 41 |",
        "| 2025-02 | 37 |",
        "| 2025-03 | 29 |",
        "| 2025-04 | 0 |",
    ]
    assert "2 período(s) sem tickets" in text
    sent = ticket_queries(api)
    assert len(sent) == 1 and sent[0]["group_by"] == "month" and sent[0]["limit"] == "200"


async def test_counts_per_day_and_week_and_the_earlier_period(api: InstrumentedFakeApi) -> None:
    days = {"desk_ids": "14", "group_by": "day", "start_datetime": "2025-03-09", "end_datetime": "2025-03-15"}
    text = await listed(api, days, "en")
    rows = [line for line in text.splitlines() if line.startswith("| 2025")]
    assert (
        rows[0] == "| 2025-03-09 | 0 |"
        and rows[1] == "| 2025-03-10 | 3 |"
        and rows[-1] == "| 2025-03-15 | 0 |"
    )
    earlier = {**days, "start_datetime": "2025-03-03", "end_datetime": "2025-03-08"}
    assert "| 2025-03-03 |" in await listed(api, earlier, "en")  # the comparison fixture
    weeks = await listed(api, {"desk_ids": "14", "group_by": "week"})
    assert "## Tickets por semana" in weeks and "| 2025-W01 | 5 |" in weeks


async def test_counts_per_desk(api: InstrumentedFakeApi) -> None:
    text = await listed(api, {"client_ids": "101", "group_by": "desk"}, "en")
    assert "## Tickets per desk — 107 in all" in text and "| Suporte N2 | 21 |" in text


async def test_counts_of_nothing_are_diagnosed(api: InstrumentedFakeApi) -> None:
    text = await listed(api, {"desk_ids": "13", "filter_by": "closed", "group_by": "month"})
    assert "Nenhum ticket nestes filtros." in text and "é o filtro de status que zera" in text


async def test_group_by_alone_is_enough_of_a_filter(api: InstrumentedFakeApi) -> None:
    assert "Tickets por mês" in await listed(api, {"group_by": "month"})


async def test_a_grouped_range_is_at_most_366_days(api: InstrumentedFakeApi) -> None:
    arguments = {
        "desk_ids": "14",
        "group_by": "day",
        "start_datetime": "2024-01-01",
        "end_datetime": "2025-03-31",
    }
    text = await refused(api, arguments)
    assert "`end_datetime`" in text and "366" in text
    english = await refused(api, arguments, "en")
    assert "366 days" in english


async def test_an_unknown_grouping_is_refused(api: InstrumentedFakeApi) -> None:
    await refused(api, {"desk_ids": "14", "group_by": "year"})


async def test_the_structured_answer_declares_the_counts(api: InstrumentedFakeApi) -> None:
    result = await call(
        api,
        {"desk_ids": "14", "group_by": "month", "start_datetime": "2024-12-01", "end_datetime": "2025-03-31"},
    )
    counts = result.structured_content["counts"]
    assert counts["group_by"] == "month" and counts["total"] == 107
    assert counts["buckets"][0] == {"period": "2024-12", "count": 0, "filled": True}
    result = await call(api, {"desk_ids": "14", "catalog_query": "rede"})
    assert result.structured_content["zero_cause"] == "status"
