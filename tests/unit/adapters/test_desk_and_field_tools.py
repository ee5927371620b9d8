"""The desk-detail and custom-field tools through the MCP server in memory, on the demo tenant."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from typing import Any

import pytest
from mcp import Client

from adapters.i18n import CATALOGUES
from adapters.mcp.tools.custom_fields import CUSTOM_FIELD_TOOLS
from adapters.mcp.tools.desks import DESK_DETAIL_TOOLS
from adapters.tiflux.fake.tenant import FakeTenant
from adapters.tiflux.fake.tenant.data import load_demo_data
from domain.custom_fields import AppliedIn, FieldType
from tests.conftest import serve_demo

pytestmark = pytest.mark.anyio

OURS = (*DESK_DETAIL_TOOLS, *CUSTOM_FIELD_TOOLS)
NAMES = [spec.name for spec in OURS]
ROW_IDS = re.compile(r"^\| (\d+) \|", re.MULTILINE)


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


def row_ids(text: str) -> list[int]:
    return [int(found) for found in ROW_IDS.findall(text)]


def section(text: str, title: str) -> str:
    """The lines under `### title`, up to the next blank line."""
    return text.split(f"### {title}\n", 1)[1].split("\n\n", 1)[0]


# --- the surface -----------------------------------------------------------------------------------------


async def test_the_six_tools_are_read_only_with_closed_flat_schemas(client: Client) -> None:
    tools = {tool.name: tool for tool in (await client.list_tools()).tools}
    assert set(NAMES) <= set(tools)
    for name in NAMES:
        tool = tools[name]
        assert "$ref" not in str(tool.input_schema) and "$defs" not in tool.input_schema
        assert tool.annotations is not None and tool.annotations.read_only_hint is True
        assert tool.annotations.destructive_hint is None  # meaningless for a read-only tool (MCP spec)
    for name in ("get_desk", "list_desk_priorities", "list_desk_services_catalogs", "list_entities"):
        assert "required" not in tools[name].input_schema
    assert tools["list_entity_fields"].input_schema["required"] == ["entity_id"]
    assert tools["list_entity_field_options"].input_schema["required"] == ["entity_field_id"]
    applied_in = tools["list_entities"].input_schema["properties"]["applied_in"]
    assert applied_in["type"] == "string" and applied_in["enum"] == [member.value for member in AppliedIn]
    field_type = tools["list_entity_fields"].input_schema["properties"]["field_type"]
    assert field_type["type"] == "string" and field_type["enum"] == [member.value for member in FieldType]


def test_the_specs_belong_to_their_toolsets() -> None:
    assert [spec.name for spec in DESK_DETAIL_TOOLS] == [
        "get_desk",
        "list_desk_priorities",
        "list_desk_services_catalogs",
    ]
    assert [spec.name for spec in CUSTOM_FIELD_TOOLS] == [
        "list_entities",
        "list_entity_fields",
        "list_entity_field_options",
    ]
    assert {spec.toolset for spec in DESK_DETAIL_TOOLS} == {"desks"}
    assert {spec.toolset for spec in CUSTOM_FIELD_TOOLS} == {"custom_fields"}
    assert all(spec.read_only for spec in OURS)


# --- get_desk --------------------------------------------------------------------------------------------


async def test_get_desk_shows_the_configuration_in_words(client: Client) -> None:
    text = await call(client, "get_desk", {"desk_id": 14})
    assert text.startswith('## Mesa Suporte N1 — nome interno "Suporte" · ID 14\n')
    titles = re.findall(r"^### (.+)$", text, re.MULTILINE)
    assert titles == [
        "Identificação",
        "Atendimento",
        "SLA",
        "Comportamento dos tickets",
        "Campos obrigatórios",
    ]
    assert "- **Descrição:** Primeiro nível de atendimento aos clientes" in section(text, "Identificação")
    assert "- **Mesa interna:** não" in text and "- **Recebendo novos tickets:** sim" in text
    attendance = section(text, "Atendimento")
    assert "- **Tipo de apontamento:** com valorização" in attendance
    assert "- **Tipo de atendimento:** externo" in attendance
    assert "- **Tickets podem ser cancelados:** sim" in attendance
    assert "- **Só atendentes podem abrir tickets:** não" in attendance
    sla = section(text, "SLA")
    assert "- **SLA ativo:** sim" in sla and "- **Meta de SLA:** 95" in sla
    behaviour = section(text, "Comportamento dos tickets")
    assert "- **Tipo de revisão:** pelo cliente" in behaviour
    assert "- **Situação de revisão padrão:** revisado" in behaviour
    assert "- **Prazo para reabrir (HH:MM):** 72:00" in behaviour
    assert "- **Comportamento de tickets faturados:** abrir um novo ticket" in behaviour
    assert "- **Comportamento de tickets não faturados:** reabrir o ticket" in behaviour
    required = section(text, "Campos obrigatórios")
    assert "- **Catálogo de serviços obrigatório para fechar:** sim" in required
    assert (
        "- **Campos obrigatórios no formulário:** solicitante, prioridade, catálogo de serviços" in required
    )
    assert "`list_desk_priorities`" in text and "`desk_id=14`" in text


async def test_get_desk_prints_no_raw_key_or_value(client: Client) -> None:
    desk = FakeTenant.demo().desks.get_desk(14)
    text = await call(client, "get_desk", {"desk_id": 14})
    for key in (key for key in desk if "_" in key):  # every configuration key is snake_case
        assert key not in text, key
    for raw in (
        "with_valorization",
        "external",
        "by_client",
        "open_new_ticket",
        "reopen_ticket",
        "requestor",
    ):
        assert raw not in text, raw
    assert "True" not in text and "False" not in text and "None" not in text


async def test_required_fields_as_a_string_as_null_and_as_an_empty_list(client: Client) -> None:
    as_string = await call(client, "get_desk", {"desk_id": 15})
    assert "- **Campos obrigatórios no formulário:** prioridade, catálogo de serviços" in as_string
    assert "priority,services_catalog" not in as_string
    as_null = await call(client, "get_desk", {"desk_id": 13})
    assert "Campos obrigatórios no formulário" not in as_null
    assert "- **Catálogo de serviços obrigatório para abrir:** não" in section(as_null, "Campos obrigatórios")
    as_empty_list = await call(client, "get_desk", {"desk_id": 11})
    assert "- **Campos obrigatórios no formulário:** nenhum" in as_empty_list


async def test_get_desk_omits_null_values(client: Client) -> None:
    text = await call(client, "get_desk", {"desk_id": 16})
    assert text.startswith('## Mesa Infraestrutura (antiga) — nome interno "Infra Legado" · ID 16')
    assert "- **Ativa:** não" in text and "- **Recebendo novos tickets:** não" in text
    assert "Tipo de apontamento" not in text and "Meta de SLA" not in text and "Tipo de revisão" not in text


async def test_get_desk_omits_empty_sections_and_shows_unknown_settings_last() -> None:
    data = load_demo_data()
    data["desks"].append(
        {
            "id": 17,
            "name": "Plantão",
            "display_name": "Plantão",
            "active": True,
            "appointment_type": None,
            "attendance_type": "hybrid",
            "desk_with_sla": None,
            "sla_goal": "",
            "max_open_tickets": 5,
            "auto_close": False,
            "working_hours": {"start": "08:00", "end": "18:00"},
            "channels": ["email", "whatsapp"],
            "notes": "linha 1\nlinha | 2",
            "unused_setting": None,
        }
    )
    async for client in serve(FakeTenant(data)):
        text = await call(client, "get_desk", {"desk_id": 17})
    assert text.startswith("## Mesa Plantão · ID 17\n")
    titles = re.findall(r"^### (.+)$", text, re.MULTILINE)
    assert titles == ["Identificação", "Atendimento", "Outras configurações"]
    assert "- **Tipo de atendimento:** hybrid" in text  # a value we cannot translate, shown as it came
    others = section(text, "Outras configurações")
    assert "- **Max open tickets:** 5" in others
    assert "- **Auto close:** não" in others
    assert '- **Working hours:** {"start": "08:00", "end": "18:00"}' in others
    assert "- **Channels:** email, whatsapp" in others
    assert "- **Notes:** linha 1 linha \\| 2" in others
    assert "Unused setting" not in text


async def test_get_desk_by_name_and_the_id_wins(client: Client) -> None:
    by_name = await call(client, "get_desk", {"desk_name": "cansados"})
    assert by_name.startswith('## Mesa Equipe Cansados — nome interno "Dev - Cansados" · ID 11')
    assert "- **Tipo de apontamento:** sem valorização" in by_name  # the configuration, not the list row
    both = await call(client, "get_desk", {"desk_id": 14, "desk_name": "cansados"})
    assert "· ID 14" in both and "ID 11" not in both


async def test_get_desk_with_an_ambiguous_or_unknown_desk(client: Client) -> None:
    ambiguous = await fail(client, "get_desk", {"desk_name": "dev"})
    assert 'mesa "dev"' in ambiguous and "ID 11" in ambiguous and "ID 12" in ambiguous
    assert await fail(client, "get_desk", {"desk_id": 999}) == "Não encontrado: mesa 999."
    assert "Não encontrado: mesa" in await fail(client, "get_desk", {"desk_name": "financeiro"})


# --- list_desk_priorities --------------------------------------------------------------------------------


async def test_list_desk_priorities_shows_a_page(client: Client) -> None:
    text = await call(client, "list_desk_priorities", {"desk_id": 14})
    assert text.startswith("## Prioridades da mesa Suporte (Suporte N1) · ID 14 — página 1 (4 nesta página)")
    assert "| ID | Nome | Ordem | Primeira resposta | Solução |" in text
    assert "| 141 | Crítica | 1 | 00:30 | 04:00 |" in text
    assert "| 144 | Baixa | 4 | 08:00 | 48:00 |" in text
    assert "Última página (limite 20)." in text and "`priority_id`" in text
    first = await call(client, "list_desk_priorities", {"desk_name": "suporte", "limit": 2})
    assert row_ids(first) == [141, 142] and "`offset=2`" in first


async def test_list_desk_priorities_by_name_ranks_every_priority(client: Client) -> None:
    alta = await call(client, "list_desk_priorities", {"desk_id": 14, "priority_name": "alta"})
    assert row_ids(alta) == [142]
    assert 'com nome parecido com "alta" (1; a mais parecida primeiro)' in alta
    every = await call(client, "list_desk_priorities", {"desk_id": 14, "priority_name": "a"})
    assert row_ids(every) == [142, 141, 143, 144]
    accents = await call(client, "list_desk_priorities", {"desk_id": 14, "priority_name": "CRITICA"})
    assert row_ids(accents) == [141]


async def test_a_priority_name_matching_nothing_is_an_answer(client: Client) -> None:
    text = await call(client, "list_desk_priorities", {"desk_id": 14, "priority_name": "altissima"})
    assert (
        'Nenhuma prioridade da mesa Suporte (Suporte N1) · ID 14 tem nome parecido com "altissima".' in text
    )
    assert "Nomes parecidos: Alta · ID 142." in text
    nothing_close = await call(client, "list_desk_priorities", {"desk_id": 14, "priority_name": "zzz"})
    assert "Nomes parecidos" not in nothing_close


async def test_a_desk_without_priorities_is_an_answer(client: Client) -> None:
    text = await call(client, "list_desk_priorities", {"desk_id": 16})
    assert text.startswith("Nenhuma prioridade na página 1 da mesa Infra Legado")


async def test_the_priority_filter_reads_beyond_the_first_page() -> None:
    data = load_demo_data()
    data["priorities"]["14"] += [
        {"id": 9000 + i, "name": f"Nível {i}", "order": 10 + i, "start_time": "01:00", "end_time": "02:00"}
        for i in range(250)
    ]
    data["priorities"]["14"].append(
        {"id": 9999, "name": "Emergência", "order": 999, "start_time": "00:05", "end_time": "00:30"}
    )
    async for client in serve(FakeTenant(data)):
        text = await call(client, "list_desk_priorities", {"desk_id": 14, "priority_name": "emergencia"})
    assert row_ids(text) == [9999]


# --- list_desk_services_catalogs -------------------------------------------------------------------------


async def test_list_desk_services_catalogs(client: Client) -> None:
    text = await call(client, "list_desk_services_catalogs", {"desk_id": 14})
    assert "| ID | Nome |" in text and row_ids(text) == [61, 62, 63]
    assert "| 63 | Acessos e Permissões |" in text
    assert "`search_catalog_item`" in text and "`catalog_id`" in text
    by_name = await call(
        client, "list_desk_services_catalogs", {"desk_name": "suporte", "catalog_name": "acesso"}
    )
    assert row_ids(by_name) == [63]
    none = await call(client, "list_desk_services_catalogs", {"desk_id": 14, "catalog_name": "financeiro"})
    assert (
        'Nenhum catálogo de serviços da mesa Suporte (Suporte N1) · ID 14 tem nome parecido com "financeiro"'
        in none
    )
    empty = await call(client, "list_desk_services_catalogs", {"desk_id": 16})
    assert empty.startswith("Nenhum catálogo de serviços na página 1 da mesa Infra Legado")


# --- list_entities ---------------------------------------------------------------------------------------


async def test_list_entities(client: Client) -> None:
    text = await call(client, "list_entities", {})
    assert "| ID | Nome | Aplicado em | Ativo |" in text
    assert "| 10 | Classificação do Chamado | tickets | sim |" in text
    assert "| 12 | Dados Cadastrais | clientes | sim |" in text
    assert "| 13 | Equipamento | equipamentos | não |" in text
    assert "Última página (limite 20)." in text and "`list_entity_fields`" in text


@pytest.mark.parametrize(
    ("arguments", "ids", "filters"),
    [
        ({"applied_in": "ticket"}, [10, 11], "_Filtros: aplicadas em tickets._"),
        ({"applied_in": " Client "}, [12], "_Filtros: aplicadas em clientes._"),
        ({"active": False}, [13], "_Filtros: inativas._"),
        ({"name": "dados", "active": True}, [11, 12], '_Filtros: ativas, nome contendo "dados"._'),
    ],
)
async def test_list_entities_filters(
    client: Client, arguments: dict[str, Any], ids: list[int], filters: str
) -> None:
    text = await call(client, "list_entities", arguments)
    assert row_ids(text) == ids and filters in text


async def test_no_entity_is_an_answer(client: Client) -> None:
    text = await call(client, "list_entities", {"applied_in": "equipment", "active": True})
    assert text.startswith("Nenhuma entidade de campos personalizados na página 1.")
    assert "_Filtros: aplicadas em equipamentos, ativas._" in text


# --- list_entity_fields ----------------------------------------------------------------------------------


async def test_list_entity_fields_says_what_each_field_expects(client: Client) -> None:
    text = await call(client, "list_entity_fields", {"entity_id": 10})
    assert text.startswith("## Campos da entidade 10 — página 1 (9 nesta página)")
    assert "| ID | Nome | Tipo | Obrigatório | Valor esperado em update_ticket_entities |" in text
    for row in (
        "| 72 | Observação | texto | não | texto |",
        "| 73 | Data prevista | data | não | data AAAA-MM-DD |",
        "| 74 | Detalhamento | texto longo | não | texto |",
        "| 75 | Valor estimado | moeda | não | decimal com ponto, ex.: 150.55 |",
        "| 76 | Telefone de contato | telefone | não | só dígitos, ex.: 47999999999 |",
        "| 77 | E-mail para retorno | e-mail | não | e-mail, ex.: ana@empresa.com.br |",
        "| 78 | Link do chamado externo | link | não | URL http(s)/ftp |",
        "| 80 | Gravidade | seleção única | sim | ID da opção (list_entity_field_options) |",
        '| 81 | Categoria do Impacto | checkbox (várias opções) | não | "true"/"false" por opção, com '
        "entity_field_option_id |",
    ):
        assert row in text, row
    assert "`entity_field_id`" in text


@pytest.mark.parametrize(
    ("arguments", "ids"),
    [
        ({"entity_id": 10, "field_type": "checkbox"}, [81]),
        ({"entity_id": 10, "field_type": "SINGLE_SELECT"}, [80]),
        ({"entity_id": 10, "required": True}, [80]),
        ({"entity_id": 12, "name": "segmento"}, [85]),
        ({"entity_id": 10, "limit": 2, "offset": 2}, [74, 75]),
    ],
)
async def test_list_entity_fields_filters(client: Client, arguments: dict[str, Any], ids: list[int]) -> None:
    assert row_ids(await call(client, "list_entity_fields", arguments)) == ids


async def test_list_entity_fields_empty_or_unknown(client: Client) -> None:
    empty = await call(client, "list_entity_fields", {"entity_id": 11, "field_type": "date"})
    assert empty.startswith("Nenhum campo na página 1 da entidade 11.") and "_Filtros: tipo data._" in empty
    unknown = await fail(client, "list_entity_fields", {"entity_id": 99})
    assert unknown == "Não encontrado: entidade de campos personalizados 99."


# --- list_entity_field_options ---------------------------------------------------------------------------


async def test_options_of_a_checkbox_and_of_a_single_select(client: Client) -> None:
    checkbox = await call(client, "list_entity_field_options", {"entity_field_id": 81})
    assert "| ID | Valor | Opção nula |" in checkbox
    assert "| 11 | Hardware | não |" in checkbox and "| 14 | (nenhuma) | sim |" in checkbox
    assert "um item por opção" in checkbox and "`entity_field_option_id`" in checkbox
    assert '"true"' in checkbox and '"false"' in checkbox
    select = await call(client, "list_entity_field_options", {"entity_field_id": 80})
    assert row_ids(select) == [21, 22, 23, 24] and "| 24 | (nenhuma) | sim |" in select
    assert "`value` = ID da opção escolhida" in select


async def test_options_filter_and_empty_pages(client: Client) -> None:
    rede = await call(client, "list_entity_field_options", {"entity_field_id": 81, "value": "rede"})
    assert row_ids(rede) == [13] and '_Filtros: valor contendo "rede"._' in rede
    none = await call(client, "list_entity_field_options", {"entity_field_id": 82})
    assert none.startswith("Nenhuma opção na página 1 do campo 82.") and "`list_entity_fields`" in none
    unknown = await fail(client, "list_entity_field_options", {"entity_field_id": 999})
    assert unknown == "Não encontrado: campo personalizado 999."


# --- rejections ------------------------------------------------------------------------------------------

DESK_REQUIRED = "`desk_id`: informe a mesa por `desk_id` (ID) ou `desk_name` (nome)"


@pytest.mark.parametrize(
    ("tool", "arguments", "expected"),
    [
        ("get_desk", {}, DESK_REQUIRED),
        ("list_desk_priorities", {}, DESK_REQUIRED),
        ("list_desk_services_catalogs", {"catalog_name": "infra"}, DESK_REQUIRED),
        ("get_desk", {"desk_id": 0}, "`desk_id`: informe um número inteiro positivo"),
        ("get_desk", {"desk_id": True}, "`desk_id`: informe um número inteiro positivo"),
        ("get_desk", {"desk_id": "abc"}, "`desk_id`"),
        ("get_desk", {"desk_name": ""}, "`desk_name`: não pode ser vazio"),
        ("get_desk", {"desk_name": "--"}, "`desk_name`: não pode ser vazio"),
        ("get_desk", {"desk_id": 14, "offset": 1}, "`offset`: campo desconhecido"),
        (
            "list_desk_priorities",
            {"desk_id": 14, "priority_name": "  "},
            "`priority_name`: não pode ser vazio",
        ),
        (
            "list_desk_priorities",
            {"desk_id": 14, "priority_name": "--"},
            "`priority_name`: não pode ser vazio",
        ),
        ("list_desk_priorities", {"desk_id": 14, "limit": 0}, "`limit`"),
        ("list_desk_services_catalogs", {"desk_id": 14, "name": "x"}, "`name`: campo desconhecido"),
        ("list_entity_fields", {}, "`entity_id`: campo obrigatório ausente"),
        ("list_entity_fields", {"entity_id": 0}, "`entity_id`: informe um número inteiro positivo"),
        ("list_entity_fields", {"entity_id": True}, "`entity_id`: informe um número inteiro positivo"),
        ("list_entity_fields", {"entity_id": 10, "required": "talvez"}, "`required`: informe true ou false"),
        ("list_entity_field_options", {}, "`entity_field_id`: campo obrigatório ausente"),
        ("list_entity_field_options", {"entity_field_id": -1}, "`entity_field_id`"),
        ("list_entity_field_options", {"entity_field_id": 81, "option": 1}, "`option`: campo desconhecido"),
        ("list_entities", {"active": "sim"}, "`active`: informe true ou false"),
        ("list_entities", {"type": "ticket"}, "`type`: campo desconhecido"),
    ],
)
async def test_bad_input_is_refused_naming_the_field(
    client: Client, tool: str, arguments: dict[str, Any], expected: str
) -> None:
    assert expected in await fail(client, tool, arguments)


async def test_no_desk_names_both_ways_to_give_it(client: Client) -> None:
    text = await fail(client, "get_desk", {})
    assert "`desk_id`" in text and "`desk_name`" in text


async def test_an_unknown_applied_in_lists_the_accepted_values(client: Client) -> None:
    text = await fail(client, "list_entities", {"applied_in": "foo"})
    assert text.startswith("Parâmetro inválido `applied_in`: valores aceitos:")
    for member in AppliedIn:
        assert member.value in text
    assert "recebido: 'foo'" in text


async def test_an_unknown_field_type_lists_the_accepted_values(client: Client) -> None:
    text = await fail(client, "list_entity_fields", {"entity_id": 10, "field_type": "number"})
    assert text.startswith("Parâmetro inválido `field_type`: valores aceitos:")
    for member in FieldType:
        assert member.value in text


@pytest.mark.parametrize("language", ["pt-BR", "en"])
def test_the_accepted_values_are_spelled_out_in_both_languages(language: str) -> None:
    messages = CATALOGUES[language]
    for member in AppliedIn:
        assert member.value in messages["rule.applied_in"]
        assert f"custom_fields.applied_in.{member.value}" in messages
    for kind in FieldType:
        assert kind.value in messages["rule.field_type"]
        assert f"custom_fields.type.{kind.value}" in messages
        assert f"custom_fields.expects.{kind.value}" in messages


# --- English ---------------------------------------------------------------------------------------------


async def test_the_tools_speak_english_when_configured() -> None:
    async for client in serve(FakeTenant.demo(), language="en"):
        desk = await call(client, "get_desk", {"desk_id": 14})
        priorities = await call(client, "list_desk_priorities", {"desk_id": 14, "priority_name": "a"})
        fields = await call(client, "list_entity_fields", {"entity_id": 10})
        refused = await fail(client, "get_desk", {})
    assert desk.startswith('## Desk Suporte N1 — internal name "Suporte" · ID 14')
    assert "### Ticket behaviour" in desk and "- **Time entries:** with valorization" in desk
    assert "- **Review type:** by the client" in desk and "- **SLA active:** yes" in desk
    assert 'Priorities of desk Suporte (Suporte N1) · ID 14 named like "a"' in priorities
    assert "| 73 | Data prevista | date | no | date YYYY-MM-DD |" in fields
    assert "give the desk as `desk_id` (ID) or `desk_name` (name)" in refused
