"""The four lookup tools through the MCP server in memory, on the demo tenant (or a bigger copy of it)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from mcp import Client

from adapters.tiflux.fake.tenant import FakeTenant
from adapters.tiflux.fake.tenant.data import load_demo_data
from tests.conftest import serve_demo

pytestmark = pytest.mark.anyio


def text_of(result: Any) -> str:
    return "\n".join(c.text for c in result.content if getattr(c, "type", "") == "text")


serve = serve_demo


@pytest.fixture
async def client() -> AsyncIterator[Client]:
    async for connected in serve(FakeTenant.demo()):
        yield connected


async def call(client: Client, tool: str, arguments: dict[str, Any]) -> str:
    result = await client.call_tool(tool, arguments)
    assert not result.is_error, text_of(result)
    return text_of(result)


async def fail(client: Client, tool: str, arguments: dict[str, Any]) -> str:
    result = await client.call_tool(tool, arguments)
    assert result.is_error, text_of(result)
    return text_of(result)


# --- the surface -----------------------------------------------------------------------------------------


async def test_the_four_tools_are_read_only_with_closed_schemas(client: Client) -> None:
    tools = {tool.name: tool for tool in (await client.list_tools()).tools}
    lookups = ["search_client", "search_user", "search_stage", "search_catalog_item"]
    assert [name for name in tools if name in lookups] == lookups
    for name in lookups:
        tool = tools[name]
        assert "$ref" not in str(tool.input_schema)
        assert tool.annotations is not None and tool.annotations.read_only_hint is True
    assert tools["search_client"].input_schema["required"] == ["client_name"]
    assert tools["search_user"].input_schema["required"] == ["name"]
    assert tools["search_user"].input_schema["properties"]["type"]["enum"] == [
        "client",
        "attendant",
        "admin",
    ]
    assert "required" not in tools["search_stage"].input_schema


# --- search_client ---------------------------------------------------------------------------------------


async def test_search_client_ignores_accents(client: Client) -> None:
    text = await call(client, "search_client", {"client_name": "clinica"})
    assert "**Clínica Vida Plena** (ID 103)" in text
    assert "razão social: Clínica Médica Vida Plena Ltda - ME" in text
    assert "ativo: sim" in text
    assert "`client_id`" in text and "`client_name`" in text


async def test_search_client_falls_back_to_a_local_search(client: Client) -> None:
    # The API's substring filter finds nothing for words out of order; the local policy does.
    text = await call(client, "search_client", {"client_name": "vida clínica"})
    assert "(ID 103)" in text


async def test_search_client_lists_every_match(client: Client) -> None:
    text = await call(client, "search_client", {"client_name": "a"})
    assert "(ID 101)" in text and "(ID 102)" in text and "(ID 103)" in text
    assert "(3 encontrado(s))" in text


async def test_search_client_never_lists_inactive_clients(client: Client) -> None:
    text = await call(client, "search_client", {"client_name": "Transportes Rápido Sul"})
    assert text.startswith('Nenhum cliente ativo encontrado para "Transportes Rápido Sul".')
    assert "104" not in text


async def test_search_client_suggests_close_names_when_nothing_matches(client: Client) -> None:
    text = await call(client, "search_client", {"client_name": "Construtora Horisonte"})
    assert "Nenhum cliente ativo encontrado" in text
    assert "Nomes parecidos: Construtora Horizonte" in text and "ID 102" in text


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ({}, "`client_name`: campo obrigatório ausente"),
        ({"client_name": ""}, "`client_name`: não pode ser vazio"),
        ({"client_name": "   "}, "`client_name`: não pode ser vazio"),
        ({"client_name": "--"}, "`client_name`: não pode ser vazio"),
        ({"client_name": "x" * 201}, "`client_name`: no máximo 200 caracteres"),
        ({"client_name": 42}, "`client_name`: informe um texto"),
        ({"client_name": "a", "active": False}, "`active`: campo desconhecido"),
    ],
)
async def test_search_client_refuses_bad_input(
    client: Client, arguments: dict[str, Any], expected: str
) -> None:
    assert expected in await fail(client, "search_client", arguments)


# --- search_user -----------------------------------------------------------------------------------------


async def test_search_user_matches_name_and_email_without_accents(client: Client) -> None:
    text = await call(client, "search_user", {"name": "joao"})
    assert "**João Pereira** (ID 202) · joao.pereira@nuvemdesk.com.br · atendente · ativo" in text
    assert "(ID 203)" in text
    assert "`responsible_id`" in text
    by_email = await call(client, "search_user", {"name": "clinicavidaplena"})
    assert "**Ana Ribeiro** (ID 207)" in by_email and "· cliente ·" in by_email


async def test_search_user_pages_over_the_matches(client: Client) -> None:
    first = await call(client, "search_user", {"name": "João", "limit": 1})
    assert "(ID 202)" in first and "(ID 203)" not in first
    assert "2 encontrado(s), página 1" in first
    assert "`offset=2`" in first
    second = await call(client, "search_user", {"name": "João", "limit": 1, "offset": 2})
    assert "2. **João Batista Lima** (ID 203)" in second and "(ID 202)" not in second
    assert "Última página" in second
    beyond = await call(client, "search_user", {"name": "João", "limit": 1, "offset": 3})
    assert "A página 3 está vazia" in beyond and "última página é 2" in beyond


async def test_search_user_filters_by_type_and_state(client: Client) -> None:
    admins = await call(client, "search_user", {"name": "mariana", "type": "admin"})
    assert "(ID 201)" in admins and "administrador" in admins and "_Filtros: administradores._" in admins
    assert "Nenhum usuário" in await call(client, "search_user", {"name": "mariana", "type": "attendant"})
    inactive = await call(client, "search_user", {"name": "nuvemdesk", "active": False})
    assert "**Fernanda Oliveira** (ID 204)" in inactive and "· inativo" in inactive
    assert "(ID 202)" not in inactive
    everyone = await call(client, "search_user", {"name": "fernanda"})
    assert "(ID 204)" in everyone  # no state filter when `active` is absent


async def test_search_user_searches_beyond_the_first_api_page() -> None:
    data = load_demo_data()
    data["users"] += [
        {"id": 1000 + i, "name": f"Pessoa {i}", "email": f"p{i}@x.com", "_type": "client", "active": True}
        for i in range(250)
    ]
    data["users"].append(
        {"id": 2000, "name": "Zuleica Ramos", "email": "zuleica@x.com", "_type": "client", "active": True}
    )
    async for client in serve(FakeTenant(data)):
        text = await call(client, "search_user", {"name": "zuleica"})
        assert "**Zuleica Ramos** (ID 2000)" in text


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({}, "name"),
        ({"name": " "}, "name"),
        ({"name": "."}, "name"),
        ({"name": "ana", "type": "requestor"}, "type"),
        ({"name": "ana", "active": "talvez"}, "active"),
        ({"name": "ana", "offset": 0}, "offset"),
        ({"name": "ana", "limit": 0}, "limit"),
        ({"name": "ana", "email": "a@b.c"}, "email"),
    ],
)
async def test_search_user_refuses_bad_input(client: Client, arguments: dict[str, Any], field: str) -> None:
    assert f"`{field}`" in await fail(client, "search_user", arguments)


# --- search_stage ----------------------------------------------------------------------------------------


async def test_search_stage_by_desk_id(client: Client) -> None:
    text = await call(client, "search_stage", {"desk_id": 14})
    assert "Estágios da mesa Suporte (Suporte N1) · ID 14" in text
    assert "1. **Triagem** (ID 1401) · ordem 1 · inicial · tempo máximo 01:00" in text
    assert "**Em atendimento** (ID 1402) · ordem 2 · intermediário" in text
    assert "**Resolvido** (ID 1405) · ordem 5 · final · sem tempo máximo" in text
    assert "`stage_id`" in text


async def test_search_stage_by_desk_name_and_the_id_wins(client: Client) -> None:
    by_name = await call(client, "search_stage", {"desk_name": "cansados"})
    assert "ID 11" in by_name and "**To do** (ID 1101)" in by_name
    both = await call(client, "search_stage", {"desk_id": 14, "desk_name": "cansados"})
    assert "(ID 1401)" in both and "(ID 1101)" not in both


async def test_search_stage_pages(client: Client) -> None:
    first = await call(client, "search_stage", {"desk_id": 14, "limit": 2})
    assert "(ID 1402)" in first and "(ID 1403)" not in first and "`offset=2`" in first
    third = await call(client, "search_stage", {"desk_id": 14, "limit": 2, "offset": 3})
    assert "(ID 1405)" in third and "Última página" in third


async def test_search_stage_with_an_ambiguous_or_unknown_desk(client: Client) -> None:
    ambiguous = await fail(client, "search_stage", {"desk_name": "suport"})
    assert 'mesa "suport"' in ambiguous and "ID 14" in ambiguous and "ID 15" in ambiguous
    assert await fail(client, "search_stage", {"desk_id": 999}) == "Não encontrado: mesa 999."
    assert "Não encontrado: mesa" in await fail(client, "search_stage", {"desk_name": "financeiro"})


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ({}, "`desk_id`: informe a mesa por `desk_id` (ID) ou `desk_name` (nome)"),
        ({"desk_id": 0}, "`desk_id`: informe um número inteiro positivo"),
        ({"desk_id": -3}, "`desk_id`"),
        ({"desk_id": "abc"}, "`desk_id`"),
        ({"desk_id": True}, "`desk_id`"),
        ({"desk_id": 14.5}, "`desk_id`"),
        ({"desk_name": ""}, "`desk_name`"),
        ({"desk_name": "x" * 201}, "`desk_name`"),
        ({"desk_id": 14, "limit": 0}, "`limit`"),
        ({"desk_id": 14, "offset": -1}, "`offset`"),
        ({"desk_id": 14, "stage": "x"}, "`stage`: campo desconhecido"),
    ],
)
async def test_search_stage_refuses_bad_input(
    client: Client, arguments: dict[str, Any], expected: str
) -> None:
    assert expected in await fail(client, "search_stage", arguments)


# --- search_catalog_item ---------------------------------------------------------------------------------


async def test_search_catalog_item_lists_by_free_text(client: Client) -> None:
    text = await call(client, "search_catalog_item", {"desk_id": 14, "search": "rede"})
    assert "**Configuração de VPN** (ID 7003) · área Rede (ID 612) · catálogo Infraestrutura (ID 61)" in text
    assert "(ID 7004)" in text and "(ID 7001)" not in text
    assert '_Filtros: texto "rede"._' in text


async def test_search_catalog_item_lists_by_area_or_catalog(client: Client) -> None:
    area = await call(client, "search_catalog_item", {"desk_name": "suporte", "area_id": 611})
    assert "(ID 7001)" in area and "(ID 7002)" in area and "(ID 7003)" not in area
    catalog = await call(client, "search_catalog_item", {"desk_id": 14, "catalog_id": 63})
    assert "(ID 7007)" in catalog and "(ID 7008)" in catalog and "(ID 7001)" not in catalog


async def test_search_catalog_item_without_results_is_not_an_error(client: Client) -> None:
    text = await call(client, "search_catalog_item", {"desk_id": 14, "search": "teleporte"})
    assert (
        'Nenhum item de catálogo da mesa Suporte (Suporte N1) · ID 14 corresponde a: texto "teleporte"'
        in text
    )


async def test_search_catalog_item_by_name_shows_the_item(client: Client) -> None:
    text = await call(client, "search_catalog_item", {"desk_id": 14, "catalog_item_name": "toner"})
    assert "Item de catálogo Troca de toner (ID 7002)" in text
    assert "**Área:** Impressão (ID 611)" in text and "**Catálogo:** Infraestrutura (ID 61)" in text
    assert "**Tempo inicial:** 01:00" in text and "**Tempo final:** 04:00" in text


async def test_search_catalog_item_by_an_ambiguous_name_asks_to_choose(client: Client) -> None:
    text = await fail(client, "search_catalog_item", {"desk_id": 14, "catalog_item_name": "instalacao"})
    assert 'item de catálogo "instalacao"' in text
    assert "ID 7001" in text and "ID 7006" in text and "ID 7002" not in text
    narrowed = await call(
        client, "search_catalog_item", {"desk_id": 14, "catalog_item_name": "instalacao", "catalog_id": 62}
    )
    assert "(ID 7006)" in narrowed


async def test_search_catalog_item_by_an_unknown_name_suggests(client: Client) -> None:
    text = await fail(client, "search_catalog_item", {"desk_id": 14, "catalog_item_name": "troca de tonner"})
    assert text.startswith('Não encontrado: item de catálogo "troca de tonner".')
    assert "Você quis dizer: Troca de toner" in text


async def test_search_catalog_item_by_name_reads_every_page() -> None:
    data = load_demo_data()
    area, catalog = {"id": 611, "name": "Impressão"}, {"id": 61, "name": "Infraestrutura"}
    filler = [
        {
            "id": 8000 + i,
            "name": f"Item {i}",
            "area": area,
            "catalog": catalog,
            "start_time": None,
            "end_time": None,
        }
        for i in range(210)
    ]
    last = {"id": 9999, "name": "Calibração de plotter", "area": area, "catalog": catalog}
    data["services_catalog_items"]["14"] = [*filler, *data["services_catalog_items"]["14"], last]
    async for client in serve(FakeTenant(data)):
        text = await call(client, "search_catalog_item", {"desk_id": 14, "catalog_item_name": "plotter"})
        assert "Calibração de plotter (ID 9999)" in text


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ({"search": "rede"}, "`desk_id`: informe a mesa por `desk_id` (ID) ou `desk_name` (nome)"),
        (
            {"desk_id": 14},
            "`search`: informe pelo menos um de `search` (texto livre), `catalog_item_name` (nome do item), "
            "`area_id` ou `catalog_id`",
        ),
        ({"desk_id": 14, "area_id": 0}, "`area_id`"),
        ({"desk_id": 14, "catalog_id": "x"}, "`catalog_id`"),
        ({"desk_id": 0, "search": "rede"}, "`desk_id`"),
        ({"desk_id": 14, "search": ""}, "`search`"),
        ({"desk_id": 14, "catalog_item_name": "  "}, "`catalog_item_name`"),
        ({"desk_id": 14, "catalog_item_name": "..."}, "`catalog_item_name`"),
        ({"desk_id": 14, "search": "x" * 201}, "`search`"),
        ({"desk_id": 14, "search": "rede", "limit": "x"}, "`limit`"),
        ({"desk_id": 14, "name": "rede"}, "`name`: campo desconhecido"),
    ],
)
async def test_search_catalog_item_refuses_bad_input(
    client: Client, arguments: dict[str, Any], expected: str
) -> None:
    assert expected in await fail(client, "search_catalog_item", arguments)


async def test_search_catalog_item_with_an_unknown_desk(client: Client) -> None:
    assert await fail(client, "search_catalog_item", {"desk_id": 999, "search": "rede"}) == (
        "Não encontrado: mesa 999."
    )
    assert "ID 11" in await fail(client, "search_catalog_item", {"desk_name": "dev", "search": "bug"})


# --- English ---------------------------------------------------------------------------------------------


async def test_the_lookups_speak_english_when_configured() -> None:
    async for client in serve(FakeTenant.demo(), language="en"):
        users = await call(client, "search_user", {"name": "João", "limit": 1})
        assert 'Users — "João": 2 found, page 1 (1 on this page)' in users
        assert "attendant · active" in users
        stages = await call(client, "search_stage", {"desk_id": 14})
        assert "order 1 · initial · max time 01:00" in stages
        missing = await fail(client, "search_catalog_item", {"desk_id": 14})
        assert missing.startswith("Invalid parameter `search`: give at least one of `search`")
        clients = await call(client, "search_client", {"client_name": "clinica"})
        assert "legal name: Clínica Médica Vida Plena Ltda - ME · active: yes" in clients
