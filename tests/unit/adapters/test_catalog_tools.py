"""The service-catalog tools (opt-in toolset `catalogs`) through the MCP server, on the demo tenant over
HTTP: lists, names resolved at every level (the exact name first), writes, and removals that count what
goes with them and send nothing when the count fails or the person declines."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from typing import Any

import pytest
from mcp import Client

from adapters.i18n import Language
from adapters.mcp.tools.catalog_items import CATALOG_ITEM_TOOLS
from adapters.mcp.tools.catalogs import CATALOG_TOOLS
from adapters.tiflux.fake.tenant import FakeTenant
from tests.support import demo_client
from tests.support.demo_client import call, fail, sent, text_of
from tests.support.elicitation import Person
from tests.support.fake_api import InstrumentedFakeApi
from tests.support.faults import Fault

pytestmark = pytest.mark.anyio

IDS = re.compile(r"· ID (\d+)$", re.MULTILINE)
ROW_IDS = re.compile(r"^\| (\d+) \|", re.MULTILINE)
API = "/api/v2"


def connect(api: InstrumentedFakeApi, language: Language = "pt-BR", toolsets: str = "catalogs") -> Any:
    return demo_client.connect(api, language, toolsets)


@pytest.fixture
def tenant() -> FakeTenant:
    return FakeTenant.demo()


@pytest.fixture
def api(tenant: FakeTenant) -> InstrumentedFakeApi:
    return InstrumentedFakeApi(tenant)


@pytest.fixture
async def client(api: InstrumentedFakeApi) -> AsyncIterator[Client]:
    async with connect(api)() as connected:
        yield connected


def deletes(api: InstrumentedFakeApi) -> list[tuple[str, str, str]]:
    return [request for request in sent(api) if request[0] == "DELETE"]


def area_ids(tenant: FakeTenant, catalog_id: int) -> list[int]:
    return [area["id"] for area in tenant.catalogs.list_areas(catalog_id, limit=200).items]


# --- the toolset -----------------------------------------------------------------------------------------


async def test_the_toolset_is_opt_in_and_removals_are_destructive(api: InstrumentedFakeApi) -> None:
    names = {spec.name for spec in (*CATALOG_TOOLS, *CATALOG_ITEM_TOOLS)}
    assert len(names) == 12
    async with connect(api, toolsets="")() as default:
        assert not names & {tool.name for tool in (await default.list_tools()).tools}
    async with connect(api)() as chosen:
        tools = {tool.name: tool for tool in (await chosen.list_tools()).tools}
    assert set(tools) == names
    for name, tool in tools.items():
        hints = tool.annotations
        assert hints is not None
        assert bool(hints.read_only_hint) is name.startswith("list_")
        assert bool(hints.destructive_hint) is name.startswith("delete_")


# --- catalogs --------------------------------------------------------------------------------------------


async def test_list_services_catalogs_counts_and_filters(client: Client, api: InstrumentedFakeApi) -> None:
    text, data = await call(client, "list_services_catalogs", {})
    assert IDS.findall(text) == ["51", "52", "53", "54", "61", "62", "63", "64", "65", "66"]
    assert "(10 no total)" in text and data["total"] == 10
    text, _ = await call(client, "list_services_catalogs", {"name": "infra"})
    assert IDS.findall(text) == ["61", "64"]
    assert sent(api)[-1] == ("GET", f"{API}/services-catalogs", "offset=1&limit=20&name=infra")


async def test_create_rename_and_a_taken_name(client: Client, api: InstrumentedFakeApi) -> None:
    text, data = await call(client, "create_services_catalog", {"name": "Recursos Humanos"})
    assert "Recursos Humanos · ID 67" in text and data == {"id": 67, "name": "Recursos Humanos"}
    text = await fail(client, "create_services_catalog", {"name": "mobile"})
    assert "já está em uso" in text and "list_services_catalogs" in text
    assert [r[0] for r in sent(api)] == ["POST", "POST"]  # sent once each, never retried
    text, _ = await call(client, "update_services_catalog", {"id": 62, "name": "Sistemas Corporativos"})
    assert "Catálogo 62 renomeado: Sistemas Corporativos." in text
    text = await fail(client, "update_services_catalog", {"id": 999, "name": "X"})
    assert "999" in text


async def test_a_403_names_the_role(client: Client, api: InstrumentedFakeApi) -> None:
    api.faults.add(Fault.answer(403))
    text = await fail(client, "create_services_catalog", {"name": "Novo"})
    assert "service_catalogs_manage" in text and "40301" in text
    assert [r[0] for r in sent(api)] == ["POST"]


# --- areas and names -------------------------------------------------------------------------------------


async def test_an_exact_catalog_name_wins_over_a_longer_one(client: Client, api: InstrumentedFakeApi) -> None:
    text, data = await call(client, "list_services_catalog_areas", {"catalog_name": "infraestrutura"})
    assert IDS.findall(text) == ["611", "612"]
    assert '"infraestrutura" → Infraestrutura · ID 61.' in text
    assert data["catalog_id"] == 61 and data["resolved"][0]["record"]["id"] == 61
    assert sent(api) == [
        ("GET", f"{API}/services-catalogs", "offset=1&limit=200&name=infraestrutura"),
        ("GET", f"{API}/services-catalogs/61/areas", "offset=1&limit=20"),
    ]


async def test_a_partial_catalog_name_matching_two_is_a_choice(client: Client) -> None:
    text = await fail(client, "list_services_catalog_areas", {"catalog_name": "infra"})
    assert "Infraestrutura · ID 61" in text and "Infraestrutura Avançada · ID 64" in text


async def test_a_catalog_name_the_filter_misses_is_searched_locally(
    client: Client, api: InstrumentedFakeApi
) -> None:
    text, _ = await call(client, "list_services_catalog_areas", {"catalog_name": "Gerais Serviços"})
    assert IDS.findall(text) == ["651", "652"]
    assert [r[2] for r in sent(api)][:2] == [
        "offset=1&limit=200&name=Gerais+Servi%C3%A7os",
        "offset=1&limit=200",
    ]


@pytest.mark.parametrize(
    ("tool", "arguments", "field"),
    [
        ("list_services_catalog_areas", {}, "catalog_id"),
        ("create_services_catalog_area", {"name": "Telefonia"}, "catalog_id"),
        ("list_services_catalog_items", {}, "area_id"),
        (
            "list_services_catalog_items",
            {"catalog_name": "Infraestrutura"},
            "area_id",
        ),
        ("list_services_catalog_items", {"area_name": "Rede"}, "area_name"),
        (
            "create_services_catalog_item",
            {"name": "X", "start_time": "1:00", "end_time": "0:30", "area_id": 612},
            "end_time",
        ),
        (
            "create_services_catalog_item",
            {"name": "X", "start_time": "1:60", "end_time": "2:00", "area_id": 612},
            "start_time",
        ),
        (
            "create_services_catalog_item",
            {"name": "X", "start_time": "1000:00", "end_time": "2:00", "area_id": 612},
            "start_time",
        ),
        ("update_services_catalog_item", {"id": 7004, "area_id": 612}, "name"),
        ("update_services_catalog_item", {"id": 7004, "end_time": "6h"}, "end_time"),
        ("delete_services_catalog_area", {"id": 612}, "catalog_id"),
        ("delete_services_catalog_item", {"id": 7004, "area_name": "Rede"}, "area_name"),
    ],
)
async def test_missing_context_and_bad_times_are_refused_before_any_request(
    api: InstrumentedFakeApi, tool: str, arguments: dict[str, Any], field: str
) -> None:
    async with connect(api)(Person()) as client:  # a person who would say yes: still nothing is sent
        text = await fail(client, tool, arguments)
    assert f"`{field}`" in text
    assert api.requests == []


async def test_area_writes_in_a_catalog_named(client: Client, tenant: FakeTenant) -> None:
    text, data = await call(
        client,
        "create_services_catalog_area",
        {"catalog_name": "Infraestrutura", "name": "Telefonia"},
    )
    assert "Área criada no catálogo 61: Telefonia · ID 613." in text and data["area"]["id"] == 613
    text = await fail(client, "create_services_catalog_area", {"catalog_id": 61, "name": "rede"})
    assert "já está em uso" in text
    text, _ = await call(
        client, "update_services_catalog_area", {"catalog_id": 61, "id": 612, "name": "Rede e Wi-Fi"}
    )
    assert "Área 612 do catálogo 61 renomeada: Rede e Wi-Fi." in text
    assert "Rede e Wi-Fi" in str(tenant.catalogs.list_items(612).items)


# --- items ----------------------------------------------------------------------------------------------


async def test_items_of_an_area_named_within_a_catalog_named(
    client: Client, api: InstrumentedFakeApi
) -> None:
    text, data = await call(
        client,
        "list_services_catalog_items",
        {"catalog_name": "Infraestrutura", "area_name": "rede"},
    )
    assert ROW_IDS.findall(text) == ["7003", "7004"]
    assert '"rede" → Rede (Infraestrutura) · ID 612.' in text and data["area_id"] == 612
    assert [path for _m, path, _q in sent(api)] == [
        f"{API}/services-catalogs",
        f"{API}/services-catalogs/61/areas",
        f"{API}/services-catalogs-areas/612/items",
    ]
    text, _ = await call(client, "list_services_catalog_items", {"area_id": 651})
    assert "| 6503 | Chaveiro | — | — |" in text
    text, _ = await call(client, "list_services_catalog_items", {"area_id": 652})
    assert "Nenhum item ativo" in text


async def test_create_and_update_an_item(client: Client, tenant: FakeTenant) -> None:
    text, data = await call(
        client,
        "create_services_catalog_item",
        {
            "area_id": 521,
            "name": "Crash no app",
            "start_time": "02:00",
            "end_time": "120:30",
        },
    )
    assert "Crash no app" in text and "120:30" in text and data["item"]["end_time"] == "120:30"
    text, data = await call(
        client,
        "update_services_catalog_item",
        {"area_id": 612, "id": 7004, "end_time": "06:00"},
    )
    assert "`end_time`" in text and data["fields"] == ["end_time"]
    stored = next(i for i in tenant.catalogs.list_items(612).items if i["id"] == 7004)
    assert stored["end_time"] == "06:00" and stored["name"] == "Lentidão na rede"


async def test_the_api_refuses_an_end_before_the_stored_start(client: Client) -> None:
    text = await fail(
        client,
        "update_services_catalog_item",
        {"area_id": 612, "id": 7004, "end_time": "00:10"},
    )
    assert "end_time" in text and "start_time" in text


# --- removals --------------------------------------------------------------------------------------------


async def test_removing_a_catalog_shows_the_cascade_and_removes_it(
    api: InstrumentedFakeApi, tenant: FakeTenant
) -> None:
    person = Person()
    async with connect(api)(person) as client:
        text, data = await call(client, "delete_services_catalog", {"id": 61})
    assert person.questions[0].startswith(
        "Remover o catálogo 61? O TiFlux desativa junto 2 área(s), 4 item(ns)"
    )
    assert "atividades recorrentes" in person.questions[0]
    assert "Catálogo 61 removido." in text and data["cascade"] == {"areas": 2, "items": 4}
    assert deletes(api) == [("DELETE", f"{API}/services-catalogs/61", "")]
    assert 61 not in [c["id"] for c in tenant.catalogs.list_catalogs(limit=200).items]


@pytest.mark.parametrize("answer", [Person("decline"), Person("accept", confirm=False)])
async def test_a_declined_removal_sends_no_delete(
    api: InstrumentedFakeApi, tenant: FakeTenant, answer: Person
) -> None:
    async with connect(api)(answer) as client:
        for tool, arguments in (
            ("delete_services_catalog", {"id": 61}),
            ("delete_services_catalog_area", {"catalog_id": 61, "id": 612}),
            ("delete_services_catalog_item", {"area_id": 612, "id": 7004}),
        ):
            text = await fail(client, tool, arguments)
            assert "não confirmou" in text
    assert sent(api) and deletes(api) == []
    assert area_ids(tenant, 61) == [611, 612]


@pytest.mark.parametrize("with_person", [True, False])
async def test_a_failed_count_sends_no_delete(
    api: InstrumentedFakeApi, tenant: FakeTenant, with_person: bool
) -> None:
    api.faults.add(Fault.answer(500).on("GET", f"{API}/services-catalogs-areas/612/items"), times=10)
    async with connect(api)(Person() if with_person else None) as client:
        text = await fail(client, "delete_services_catalog", {"id": 61})
        assert "500" in text or "indispon" in text.lower()
        text = await fail(client, "delete_services_catalog_area", {"catalog_id": 61, "id": 612})
    assert deletes(api) == []
    assert area_ids(tenant, 61) == [611, 612]


async def test_an_unknown_catalog_is_not_removed(api: InstrumentedFakeApi) -> None:
    async with connect(api)(Person()) as client:
        text = await fail(client, "delete_services_catalog", {"id": 999})
    assert "999" in text and "Nada foi enviado." in text
    assert deletes(api) == []


async def test_without_a_form_the_count_is_made_and_reported(api: InstrumentedFakeApi) -> None:
    async with connect(api)() as client:
        text, _ = await call(client, "delete_services_catalog", {"id": 66})
        assert "0 área(s), 0 item(ns)" in text
        text, data = await call(
            client, "delete_services_catalog_area", {"catalog_name": "Infraestrutura", "id": 612}
        )
    assert "Área 612 removida do catálogo 61; desativados junto: 2 item(ns)." in text and data["items"] == 2
    assert deletes(api) == [
        ("DELETE", f"{API}/services-catalogs/66", ""),
        ("DELETE", f"{API}/services-catalogs/61/areas/612", ""),
    ]


async def test_removing_an_item_asks_and_a_204_is_success(
    api: InstrumentedFakeApi, tenant: FakeTenant
) -> None:
    person = Person()
    async with connect(api)(person) as client:
        text, _ = await call(
            client,
            "delete_services_catalog_item",
            {"catalog_id": 61, "area_name": "Rede", "id": 7004},
        )
    assert person.questions == ['Remover o item 7004 da área "Rede" (catálogo 61)? Não se desfaz.']
    assert "Item 7004 removido da área 612." in text
    assert [i["id"] for i in tenant.catalogs.list_items(612).items] == [7003]


# --- English ---------------------------------------------------------------------------------------------


async def test_english(api: InstrumentedFakeApi) -> None:
    person = Person("decline")
    async with connect(api, "en")(person) as client:
        text, _ = await call(client, "list_services_catalog_areas", {"catalog_id": 65})
        assert "Areas of catalog 65 — page 1: 2 (2 in total)" in text
        text, _ = await call(client, "list_services_catalog_items", {"area_id": 611})
        assert "| ID | Name | Response SLA | Solution SLA |" in text
        result = await client.call_tool("delete_services_catalog", {"id": 65})
    assert result.is_error and person.questions[0].startswith(
        "Remove catalog 65? TiFlux deactivates with it 2 area(s), 3 item(s)"
    )
    assert text_of(result)
