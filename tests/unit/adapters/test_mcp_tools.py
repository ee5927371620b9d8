"""The three tools through the MCP server in memory: results, and every way a call can be wrong."""

from __future__ import annotations

import pytest
from mcp import Client
from mcp.shared.exceptions import MCPError
from mcp.types import INVALID_PARAMS

from adapters.container import create_container
from adapters.mcp.tools import ALL_TOOLS
from adapters.mcp.toolsets import DEFAULT_TOOLSETS
from adapters.settings import Settings

pytestmark = pytest.mark.anyio


def text_of(result: object) -> str:
    return "\n".join(c.text for c in result.content if getattr(c, "type", "") == "text")  # type: ignore[attr-defined]


async def test_lists_the_tools_with_flat_closed_schemas(mcp_client: Client) -> None:
    tools = {tool.name: tool for tool in (await mcp_client.list_tools()).tools}
    assert list(tools) == [spec.name for spec in ALL_TOOLS if spec.toolset in DEFAULT_TOOLSETS]
    for spec in (spec for spec in ALL_TOOLS if spec.toolset in DEFAULT_TOOLSETS):
        tool = tools[spec.name]
        assert tool.input_schema["type"] == "object"
        assert tool.annotations is not None and bool(tool.annotations.read_only_hint) is spec.read_only
    assert tools["get_ticket"].input_schema["required"] == ["ticket_number"]
    assert tools["close_ticket"].annotations.destructive_hint is True  # type: ignore[union-attr]
    assert tools["create_ticket"].annotations.idempotent_hint is None  # type: ignore[union-attr]  # false: the default


# Every write, with (destructive, idempotent). Reads are read-only, not destructive, idempotent; every tool
# calls TiFlux, so every tool is open-world.
WRITES = {
    "create_ticket": (False, False),
    "update_ticket": (False, True),
    "cancel_ticket": (True, True),
    "close_ticket": (True, True),
    "create_ticket_answer": (False, False),
    "update_ticket_entities": (False, True),
    "create_internal_communication": (False, False),
    "create_appointment": (False, False),
    "create_requestor": (False, False),
    "update_requestor": (False, True),
    "update_requestor_entities": (False, True),
    "create_user": (False, False),
    "update_user": (True, True),
    "create_knowledge": (False, False),
    # tickets area, issue 18
    "reopen_ticket": (True, False),
    "update_ticket_checklist_item": (False, True),
    "delete_ticket_answer": (True, True),
    # chats that act (issue 20): archiving ends the conversation (twice leaves it archived); a message
    # reaches a customer and cannot be taken back (sent twice, it arrives twice)
    "archive_chat": (True, True),
    "send_message": (True, False),
    # tickets area, issue 18: a ticket's files (an upload sent twice attaches the files twice)
    "upload_ticket_files": (False, False),
    "delete_ticket_file": (True, True),
    "delete_ticket_answer_file": (True, True),
    "update_internal_communication": (False, True),
    "delete_internal_communication": (True, True),
    "update_chat": (False, True),  # transferring twice to the same attendant leaves the chat as once
    # equipment and the organisation's service catalogs (issue 21): removals cascade and cannot be undone
    "create_equipment": (False, False),
    "update_equipment": (False, True),
    "create_services_catalog": (False, False),
    "update_services_catalog": (False, True),
    "delete_services_catalog": (True, True),
    "create_services_catalog_area": (False, False),
    "update_services_catalog_area": (False, True),
    "delete_services_catalog_area": (True, True),
    "create_services_catalog_item": (False, False),
    "update_services_catalog_item": (False, True),
    "delete_services_catalog_item": (True, True),
}


async def test_every_tool_has_a_title_and_the_hints_that_differ_from_the_defaults(mcp_client: Client) -> None:
    """Only the hints that differ from the MCP spec's defaults (readOnlyHint false, idempotentHint false,
    openWorldHint true); destructiveHint and idempotentHint count only for writes, and a write always says
    whether it is destructive (the default, true, included)."""
    listed = (await mcp_client.list_tools()).tools
    assert {spec.name for spec in ALL_TOOLS if not spec.read_only} == set(WRITES)
    for tool in listed:
        assert tool.title and len(tool.title) <= 40 and tool.title[0].isupper(), tool.name
        hints = tool.annotations
        assert hints is not None, tool.name
        assert hints.read_only_hint is (None if tool.name in WRITES else True), tool.name  # None: false
        assert hints.open_world_hint is None, tool.name  # the default: true
        if tool.name in WRITES:
            destructive, idempotent = WRITES[tool.name]
            said = (hints.destructive_hint, hints.idempotent_hint)
            assert said == (destructive, idempotent or None), tool.name
        else:
            assert (hints.destructive_hint, hints.idempotent_hint) == (None, None), tool.name


async def test_get_ticket_shows_the_card(mcp_client: Client) -> None:
    result = await mcp_client.call_tool("get_ticket", {"ticket_number": "1040"})
    assert not result.is_error
    text = text_of(result)
    assert "Ticket #1040 — Impressora fiscal não imprime o cupom" in text
    assert "João Pereira (ID 202)" in text
    assert "Padaria Pão Quente (ID 101)" in text
    assert "<p>" not in text  # HTML description rendered as text


async def test_get_ticket_with_custom_fields(mcp_client: Client) -> None:
    text = text_of(await mcp_client.call_tool("get_ticket", {"ticket_number": 1042, "show_entities": True}))
    assert "Classificação do Chamado (entidade 10)" in text
    assert "Gravidade" in text and "opção 23: Alta" in text
    assert "(vazio)" in text  # shows empty fields too
    filled = text_of(
        await mcp_client.call_tool("get_ticket", {"ticket_number": "1042", "include_filled_entity": True})
    )
    assert "Campos preenchidos" in filled or "Classificação do Chamado" in filled
    assert "Detalhamento" not in filled  # empty field left out


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ({"ticket_number": "../desks"}, "`ticket_number`"),
        ({"ticket_number": "abc"}, "`ticket_number`"),
        ({"ticket_number": ""}, "`ticket_number`"),
        ({}, "`ticket_number`: campo obrigatório ausente"),
        ({"ticket_number": "1040", "show_entity": True}, "`show_entity`: campo desconhecido"),
        ({"ticket_number": "1040", "show_entities": "talvez"}, "`show_entities`: informe true ou false"),
    ],
)
async def test_get_ticket_refuses_bad_input_naming_the_field(
    mcp_client: Client, arguments: dict[str, object], expected: str
) -> None:
    result = await mcp_client.call_tool("get_ticket", arguments)
    assert result.is_error
    assert expected in text_of(result)


async def test_an_unknown_ticket_is_a_clear_error(mcp_client: Client) -> None:
    result = await mcp_client.call_tool("get_ticket", {"ticket_number": "999999"})
    assert result.is_error
    assert text_of(result) == "Não encontrado: ticket #999999."


async def test_list_tickets_by_desk(mcp_client: Client) -> None:
    text = text_of(await mcp_client.call_tool("list_tickets", {"desk_ids": "14"}))
    assert "#1040" in text and "#1047" in text
    assert "#1045" not in text  # closed
    closed = text_of(await mcp_client.call_tool("list_tickets", {"desk_ids": "14", "is_closed": True}))
    assert "#1045" in closed and "#1040" not in closed


async def test_list_tickets_needs_a_filter(mcp_client: Client) -> None:
    result = await mcp_client.call_tool("list_tickets", {"is_closed": False})
    assert result.is_error
    assert "`desk_ids`" in text_of(result) and "`requestor_email`" in text_of(result)


async def test_list_tickets_pages(mcp_client: Client) -> None:
    first = text_of(await mcp_client.call_tool("list_tickets", {"desk_ids": "14", "limit": 1}))
    assert "offset=2" in first
    second = text_of(await mcp_client.call_tool("list_tickets", {"desk_ids": "14", "limit": 1, "offset": 2}))
    assert "#1047" in second


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"desk_ids": "14,abc"}, "desk_ids"),
        ({"desk_ids": "0"}, "desk_ids"),
        ({"desk_ids": ",".join(str(i) for i in range(1, 17))}, "desk_ids"),
        ({"desk_ids": "14", "limit": 0}, "limit"),
        ({"desk_ids": "14", "limit": "x"}, "limit"),
        ({"desk_ids": "14", "offset": 0}, "offset"),
        ({"desk_ids": "14", "start_datetime": "ontem"}, "start_datetime"),
        ({"desk_ids": "14", "start_datetime": "2025-03-31", "end_datetime": "2025-03-01"}, "end_datetime"),
        ({"desk_ids": "14", "date_type": "updated_at"}, "date_type"),
        ({"desk_ids": "14", "date_type": "created_at"}, "start_datetime"),
        ({"requestor_email": "not-an-email"}, "requestor_email"),
        ({"stage_name": "triagem"}, "stage_name"),
        ({"desk_ids": "14,15", "stage_name": "triagem"}, "stage_name"),
        ({"desk_name": "  "}, "desk_name"),
        ({"desk_name": "x" * 201}, "desk_name"),
        ({"desk_name": "cansados", "requestor_name": "Ana"}, "requestor_name"),
    ],
)
async def test_list_tickets_refuses_bad_input(
    mcp_client: Client, arguments: dict[str, object], field: str
) -> None:
    result = await mcp_client.call_tool("list_tickets", arguments)
    assert result.is_error, text_of(result)
    assert f"`{field}`" in text_of(result)


async def test_list_tickets_by_created_date_range(mcp_client: Client) -> None:
    inside = await mcp_client.call_tool(
        "list_tickets", {"desk_ids": "14", "start_datetime": "2025-03-10", "end_datetime": "2025-03-10"}
    )
    assert "#1040" in text_of(inside) and "#1047" not in text_of(inside)


async def test_list_desks(mcp_client: Client) -> None:
    text = text_of(await mcp_client.call_tool("list_desks", {}))
    assert "| 11 | Dev - Cansados | Equipe Cansados |" in text
    assert "Infra Legado" not in text
    inactive = text_of(await mcp_client.call_tool("list_desks", {"active": False}))
    assert "Infra Legado" in inactive
    exact = text_of(await mcp_client.call_tool("list_desks", {"name": "suporte n1"}))
    assert "| 14 |" in exact and "| 15 |" not in exact


async def test_an_unknown_tool_is_the_protocol_error_invalid_params(mcp_client: Client) -> None:
    """The spec's answer to a tool name the server does not have: JSON-RPC -32602, not a tool result."""
    with pytest.raises(MCPError) as raised:
        await mcp_client.call_tool("delete_everything", {})
    assert raised.value.code == INVALID_PARAMS
    assert "delete_everything" in raised.value.message


async def test_resources_are_not_advertised_when_there_are_none(mcp_client: Client) -> None:
    capabilities = mcp_client.server_capabilities
    assert capabilities is not None
    assert capabilities.tools is not None and capabilities.resources is None


async def test_answers_in_english_when_configured() -> None:
    english = create_container(Settings(_env_file=None, backend="fake", language="en"))  # type: ignore[call-arg]
    async with Client(english.mcp_server()) as client:
        bad = await client.call_tool("get_ticket", {"ticket_number": "abc"})
        assert (
            text_of(bad)
            == "Invalid parameter `ticket_number`: a positive integer, e.g. 1040 (received: 'abc')."
        )
        card = text_of(await client.call_tool("get_ticket", {"ticket_number": "1040"}))
        assert "**Responsible:** João Pereira (ID 202)" in card and "attendant" in card


async def test_a_limit_over_200_is_capped_and_said(mcp_client: Client) -> None:
    text = text_of(await mcp_client.call_tool("list_tickets", {"desk_ids": "14", "limit": 500}))
    assert "Pedido limit=500; a API entrega no máximo 200 por página." in text
