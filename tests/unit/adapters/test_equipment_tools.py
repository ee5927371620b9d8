"""The equipment tools (opt-in toolset) through the MCP server, on the demo tenant over HTTP."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from typing import Any

import pytest
from mcp import Client

from adapters.i18n import Language
from adapters.mcp.tools.equipment import EQUIPMENT_TOOLS
from adapters.tiflux.fake.tenant import FakeTenant
from tests.support import demo_client
from tests.support.demo_client import call, fail, sent
from tests.support.fake_api import InstrumentedFakeApi
from tests.support.faults import Fault

pytestmark = pytest.mark.anyio

ROW_IDS = re.compile(r"^\| (\d+) \|", re.MULTILINE)


def connect(api: InstrumentedFakeApi, language: Language = "pt-BR", toolsets: str = "all") -> Any:
    return demo_client.connect(api, language, toolsets)


@pytest.fixture
def api() -> InstrumentedFakeApi:
    return InstrumentedFakeApi(FakeTenant.demo())


@pytest.fixture
async def client(api: InstrumentedFakeApi) -> AsyncIterator[Client]:
    async with connect(api)() as connected:
        yield connected


async def test_the_toolset_is_opt_in_and_reads_but_two_tools(api: InstrumentedFakeApi) -> None:
    names = {spec.name for spec in EQUIPMENT_TOOLS}
    async with connect(api, toolsets="")() as default:
        assert not names & {tool.name for tool in (await default.list_tools()).tools}
    async with connect(api, toolsets="equipment")() as chosen:
        tools = {tool.name: tool for tool in (await chosen.list_tools()).tools}
    assert set(tools) == names
    writes = {"create_equipment", "update_equipment"}
    assert all(
        tool.annotations is not None and bool(tool.annotations.read_only_hint) is (name not in writes)
        for name, tool in tools.items()
    )


async def test_list_equipment_types_and_groups(client: Client, api: InstrumentedFakeApi) -> None:
    text, data = await call(client, "list_equipment_types", {"name": "serv"})
    assert ROW_IDS.findall(text) == ["4204"] and "(1 no total)" in text
    assert data["total"] == 1
    text, data = await call(client, "list_equipment_groups", {"client_name": "padaria"})
    assert ROW_IDS.findall(text) == ["4101", "4102"]
    assert 'Cliente "padaria" → Padaria Pão Quente' in text
    assert sent(api)[-1] == ("GET", "/api/v2/equipment-groups", "offset=1&limit=20&client_id=101")


async def test_list_equipments_shows_agent_online_and_ip_only_with_an_agent(
    client: Client, api: InstrumentedFakeApi
) -> None:
    text, data = await call(client, "list_equipments", {})
    assert ROW_IDS.findall(text)[:6] == ["4001", "4002", "4003", "4004", "4005", "4006"]
    assert (
        "| 4001 | NB-FIN-01 | Padaria Pão Quente (ID 101) | Estação | Escritório | 3.8.2 | sim | "
        "192.168.10.21 |" in text
    )
    assert (
        "| 4006 | Roteador Filial Sul | Transportes Rápido Sul (ID 104) | Hardware | Filial Sul | "
        "sem agente | "
        "— | — |" in text
    )
    assert "ProBook" not in text  # maker only when asked
    assert data["listed"]["total"] == 6
    text, _ = await call(client, "list_equipments", {"hardware": True, "client_id": 101})
    assert "HP ProBook 440 G8" in text and "Microsoft Windows 11 Pro" in text
    assert sent(api)[-1] == (
        "GET",
        "/api/v2/equipments",
        "offset=1&limit=20&client_id=101&include_manufacturer=true&include_system=true",
    )


async def test_get_equipment_tells_the_hardware_and_inventory_in_words(client: Client) -> None:
    text, data = await call(client, "get_equipment", {"equipment_id": 4001})
    assert text.startswith("## Recurso: NB-FIN-01 · ID 4001")
    for expected in (
        "**Processador:** 11th Gen Intel(R) Core(TM) i5-1135G7 @ 2.40GHz",
        "**Memória:** 15.7 GB",
        "**Fabricante:** HP ProBook 440 G8 · série 5CD1234XYZ",
        "**Placa-mãe:** HP · BIOS T76 Ver. 01.14.00",
        "**Sistema operacional:** Microsoft Windows 11 Pro · 10.0.22631 · 64 bits",
        "**Windows Update:** 3 pendente(s); há atualizações críticas pendentes",
        "### Discos (2)",
        "- C:: 476.3 GB, 62% em uso",
        "MAC 3C:F0:11:AA:BB:01",
        "- HP LaserJet M428 Financeiro · padrão · porta 192.168.10.50",
        "- Windows Defender · ativo · atualizado",
        "**Garantia até:** 15/02/2027",
    ):
        assert expected in text, expected
    assert data["memory_gb"] == 15.7 and data["disks"][0]["name"] == "C:"


async def test_an_equipment_without_agent_says_it_has_no_inventory(client: Client) -> None:
    text, _ = await call(client, "get_equipment", {"equipment_id": 4006})
    assert "Sem inventário" in text and "Nome de rede" in text


async def test_softwares_send_no_paging_and_are_paged_locally(
    client: Client, api: InstrumentedFakeApi
) -> None:
    text, data = await call(client, "list_equipment_softwares", {"equipment_id": 4001, "limit": 5})
    assert "página 1: 5 (7 no total)" in text and "offset=2" in text
    text, _ = await call(client, "list_equipment_softwares", {"equipment_id": 4001, "limit": 5, "offset": 2})
    assert "página 2: 2 (7 no total)" in text and "última" in text.lower()
    assert data["total"] == 7
    assert sent(api) == [("GET", "/api/v2/equipments/4001/softwares", "")] * 2
    text, _ = await call(client, "list_equipment_softwares", {"equipment_id": 4004})
    assert "Nenhum software" in text


async def test_unknown_equipment_and_a_licence_403(client: Client, api: InstrumentedFakeApi) -> None:
    assert "4999" in await fail(client, "get_equipment", {"equipment_id": 4999})
    assert "4999" in await fail(client, "list_equipment_softwares", {"equipment_id": 4999})
    api.faults.add(Fault.answer(403))
    assert "Visualizar recursos" in await fail(client, "list_equipments", {})


@pytest.mark.parametrize(
    ("tool", "arguments"),
    [
        ("get_equipment", {"equipment_id": "abc"}),
        ("get_equipment", {}),
        ("list_equipment_softwares", {"equipment_id": 0}),
        ("list_equipments", {"client_id": True}),
        ("list_equipments", {"hardware": "sim"}),
        ("list_equipment_types", {"name": ""}),
        ("list_equipment_groups", {"limit": 0}),
    ],
)
async def test_bad_input_is_refused_before_any_request(
    client: Client, api: InstrumentedFakeApi, tool: str, arguments: dict[str, Any]
) -> None:
    assert "Parâmetro inválido" in await fail(client, tool, arguments)
    assert api.requests == []


async def test_english_output(api: InstrumentedFakeApi) -> None:
    async with connect(api, "en")() as client:
        text, _ = await call(client, "get_equipment", {"equipment_id": 4001})
        assert (
            "**Memory:** 15.7 GB" in text
            and "### Disks (2)" in text
            and "**Warranty until:** 2027-02-15" in text
        )
        text, _ = await call(client, "list_equipments", {})
        assert (
            "| 4006 | Roteador Filial Sul | Transportes Rápido Sul (ID 104) | Hardware | Filial Sul | "
            "no agent |" in text
        )
