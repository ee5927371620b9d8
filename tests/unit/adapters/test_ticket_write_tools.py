"""The write tools through the MCP layer on the demo tenant."""

from __future__ import annotations

from typing import Any

import pytest
from mcp import Client

from adapters.container import create_container
from adapters.settings import Settings
from adapters.tiflux.fake.tenant import FakeTenant

pytestmark = pytest.mark.anyio


def text_of(result: Any) -> str:
    return "\n".join(c.text for c in result.content if getattr(c, "type", "") == "text")


async def call(client: Client, tool: str, arguments: dict[str, Any]) -> tuple[bool, str]:
    result = await client.call_tool(tool, arguments)
    return bool(result.is_error), text_of(result)


async def test_create_ticket_by_names(mcp_client: Client, tenant: FakeTenant) -> None:
    failed, text = await call(
        mcp_client,
        "create_ticket",
        {
            "title": "Impressora sem toner",
            "description": "A impressora do **escritório** está sem toner.\nPrecisa trocar hoje.",
            "client_name": "padaria",
            "desk_name": "suporte",
            "catalog_item_name": "toner",
            "responsible_name": "lima",
            "requestor_name": "Carlos",
            "followers": "gerente@padaria.com.br",
        },
    )
    assert not failed, text
    assert "Ticket #1048 criado" in text
    assert '`desk_name` "suporte" → Suporte (Suporte N1) · ID 14' in text
    assert '`catalog_item_name` "toner" → Troca de toner' in text
    assert '`responsible_name` "lima" → João Batista Lima' in text
    stored = tenant.tickets.get_ticket(1048)
    assert stored["description"] == (
        "<p>A impressora do <strong>escritório</strong> está sem toner.<br>\nPrecisa trocar hoje.</p>\n"
    )
    assert stored["services_catalog"]["id"] == 7002
    assert stored["requestor"]["id"] == 205
    assert stored["responsible"]["id"] == 203


async def test_create_ticket_with_a_new_requestor(mcp_client: Client, tenant: FakeTenant) -> None:
    failed, text = await call(
        mcp_client,
        "create_ticket",
        {"title": "t", "description": "d", "client_id": 101, "desk_id": 14, "requestor_name": "Paulo Novo"},
    )
    assert not failed, text
    assert 'Solicitante novo: "Paulo Novo"' in text
    assert tenant.tickets.get_ticket(1048)["requestor"]["name"] == "Paulo Novo"


async def test_create_ticket_with_a_parent(mcp_client: Client) -> None:
    failed, text = await call(
        mcp_client,
        "create_ticket",
        {
            "title": "filho",
            "description": "d",
            "client_id": 101,
            "desk_id": 14,
            "parent_ticket_number": "#1040",
        },
    )
    assert not failed and "**Ticket pai:** #1040" in text


async def test_create_ticket_uses_configured_defaults(tenant: FakeTenant) -> None:
    from dependency_injector import providers

    settings = Settings(_env_file=None, backend="fake", default_client_id=102, default_desk_id=11)  # type: ignore[call-arg]
    container = create_container(settings)
    container.fake_tenant.override(providers.Object(tenant))
    async with Client(container.mcp_server()) as client:
        failed, text = await call(client, "create_ticket", {"title": "t", "description": "d"})
    assert not failed, text
    assert "`client_id`, `desk_id`" in text
    assert tenant.tickets.get_ticket(1048)["desk"]["id"] == 11


async def test_a_default_priority_goes_only_to_tickets_of_the_default_desk(tenant: FakeTenant) -> None:
    """Priority 143 is desk 14's: a ticket for another desk goes without it (TiFlux would refuse it)."""
    from dependency_injector import providers

    settings = Settings(  # type: ignore[call-arg]
        _env_file=None, backend="fake", default_client_id=101, default_desk_id=14, default_priority_id=143
    )
    container = create_container(settings)
    container.fake_tenant.override(providers.Object(tenant))
    async with Client(container.mcp_server()) as client:
        other, other_text = await call(
            client, "create_ticket", {"title": "t", "description": "d", "desk_id": 11}
        )
        own, own_text = await call(client, "create_ticket", {"title": "t", "description": "d"})
    assert not other and not own, (other_text, own_text)
    assert (
        tenant.tickets.get_ticket(1048)["desk"]["id"] == 11
        and tenant.tickets.get_ticket(1048)["priority"] is None
    )
    assert tenant.tickets.get_ticket(1049)["priority"]["id"] == 143


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"description": "d", "client_id": 1, "desk_id": 14}, "title"),
        ({"title": "", "description": "d", "client_id": 1, "desk_id": 14}, "title"),
        ({"title": "t", "client_id": 1, "desk_id": 14}, "description"),
        ({"title": "t", "description": "d", "desk_id": 14}, "client_id"),
        ({"title": "t", "description": "d", "client_id": 101}, "desk_id"),
        ({"title": "t", "description": "d", "client_id": 101, "desk_id": 14, "followers": "x@"}, "followers"),
        (
            {"title": "t", "description": "d", "client_id": 101, "desk_id": 14, "requestor_email": "ana"},
            "requestor_email",
        ),
        (
            {"title": "t", "description": "d", "client_id": 101, "desk_id": 14, "parent_ticket_number": "0"},
            "parent_ticket_number",
        ),
        ({"title": "t", "description": "d", "client_id": 0, "desk_id": 14}, "client_id"),
        ({"title": "t", "description": "d", "client_id": 101, "desk_name": "dev"}, "mesa"),
    ],
)
async def test_create_ticket_refuses_bad_input(
    mcp_client: Client, arguments: dict[str, Any], field: str
) -> None:
    failed, text = await call(mcp_client, "create_ticket", arguments)
    assert failed, text
    assert field in text


async def test_update_ticket_changes_only_what_was_asked(mcp_client: Client, tenant: FakeTenant) -> None:
    failed, text = await call(
        mcp_client,
        "update_ticket",
        {"ticket_number": "1040", "stage_name": "aguardando cliente", "title": "Novo"},
    )
    assert not failed, text
    assert "Ticket #1040 atualizado" in text and "`stage_id`" in text and "`title`" in text
    assert '`stage_name` "aguardando cliente" → Aguardando cliente · ID 1403' in text
    assert tenant.tickets.get_ticket(1040)["stage"]["id"] == 1403
    assert tenant.tickets.get_ticket(1040)["responsible"]["id"] == 202


async def test_update_ticket_accepts_ticket_id_and_unassigns(mcp_client: Client, tenant: FakeTenant) -> None:
    failed, text = await call(mcp_client, "update_ticket", {"ticket_id": "1040", "responsible_id": None})
    assert not failed, text
    assert tenant.tickets.get_ticket(1040)["responsible"] is None
    assert "**Responsável:** não atribuído" in text


async def test_update_ticket_with_nothing_to_change_is_refused(mcp_client: Client) -> None:
    failed, text = await call(mcp_client, "update_ticket", {"ticket_number": "1040"})
    assert failed and "nada a alterar" in text


async def test_close_and_close_again(mcp_client: Client) -> None:
    failed, text = await call(mcp_client, "close_ticket", {"ticket_number": "1040"})
    assert not failed, text
    assert "Ticket #1040 fechado" in text and "status Em andamento, estágio Em atendimento" in text
    failed, again = await call(mcp_client, "close_ticket", {"ticket_number": "1040"})
    assert not failed and "já estava encerrado" in again


async def test_cancel(mcp_client: Client) -> None:
    failed, text = await call(mcp_client, "cancel_ticket", {"ticket_number": 1047})
    assert not failed and "Ticket #1047 cancelado" in text and "Ticket 1047 cancelled successfully" in text


@pytest.mark.parametrize("tool", ["close_ticket", "cancel_ticket"])
async def test_finishing_needs_a_ticket_number(mcp_client: Client, tool: str) -> None:
    failed, text = await call(mcp_client, tool, {})
    assert failed and "`ticket_number`" in text


async def test_answer_the_client(mcp_client: Client) -> None:
    failed, text = await call(
        mcp_client,
        "create_ticket_answer",
        {"ticket_number": "1040", "text": "Olá! A peça chega **amanhã**.", "with_signature": True},
    )
    assert not failed, text
    assert "Resposta enviada ao cliente no ticket #1040" in text
    assert "**Com assinatura:** sim" in text and "> Olá! A peça chega **amanhã**." in text


async def test_answer_needs_text(mcp_client: Client) -> None:
    failed, text = await call(mcp_client, "create_ticket_answer", {"ticket_number": "1040", "text": ""})
    assert failed and "`text`" in text


async def test_fill_custom_fields(mcp_client: Client, tenant: FakeTenant) -> None:
    failed, text = await call(
        mcp_client,
        "update_ticket_entities",
        {
            "ticket_number": "1042",
            "entities": [
                {"entity_field_id": 72, "value": "Erro confirmado"},
                {"entity_field_id": 73, "value": "2025-01-15"},
                {"entity_field_id": 81, "entity_field_option_id": 12, "value": "true"},
            ],
        },
    )
    assert not failed, text
    assert "Itens enviados:** 3" in text and "Observação (72): Erro confirmado" in text


@pytest.mark.parametrize(
    ("entities", "field"),
    [
        ([], "entities"),
        ([{"entity_field_id": 72, "value": "x"}] * 51, "entities"),
        ([{"entity_field_id": 73, "value": "15/01/2025"}], "entities[0].value"),
        ([{"entity_field_id": 75, "value": "R$ 10"}], "entities[0].value"),
        ([{"entity_field_id": 78, "value": "javascript:alert(1)"}], "entities[0].value"),
        ([{"entity_field_id": 81, "value": "sim"}], "entities[0].value"),
        ([{"entity_field_id": 72}], "entities.0.value"),
        ([{"entity_field_id": 999, "value": "x"}], "entities[0].entity_field_id"),
        ([{"entity_field_id": 72, "value": "x", "extra": 1}], "entities.0.extra"),
    ],
)
async def test_custom_field_values_are_checked(mcp_client: Client, entities: list[Any], field: str) -> None:
    failed, text = await call(
        mcp_client, "update_ticket_entities", {"ticket_number": "1042", "entities": entities}
    )
    assert failed, text
    assert f"`{field}`" in text
