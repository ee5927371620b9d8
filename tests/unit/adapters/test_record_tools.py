"""The record tools through the MCP layer on the demo tenant."""

from __future__ import annotations

import base64
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from mcp import Client

from adapters.tiflux.fake.tenant import FakeTenant

pytestmark = pytest.mark.anyio


def text_of(result: Any) -> str:
    return "\n".join(c.text for c in result.content if getattr(c, "type", "") == "text")


async def ok(client: Client, tool: str, arguments: dict[str, Any]) -> str:
    result = await client.call_tool(tool, arguments)
    assert not result.is_error, text_of(result)
    return text_of(result)


async def refused(client: Client, tool: str, arguments: dict[str, Any]) -> str:
    result = await client.call_tool(tool, arguments)
    assert result.is_error, text_of(result)
    return text_of(result)


async def test_list_and_read_internal_communications(mcp_client: Client) -> None:
    listing = await ok(mcp_client, "list_internal_communications", {"ticket_number": "1040"})
    assert "**#3101**" in listing and "**#3103**" in listing and "📎 2 arquivo(s)" in listing
    note = await ok(
        mcp_client, "get_internal_communication", {"ticket_number": "1040", "communication_id": 3102}
    )
    assert "Comunicação interna #3102 — ticket #1040" in note and "**Anexos:** 2 arquivo(s)" in note
    empty = await ok(mcp_client, "list_internal_communications", {"ticket_number": "1041"})
    assert "Nenhuma comunicação interna no ticket #1041" in empty


async def test_add_a_note_with_files(mcp_client: Client, tenant: FakeTenant, tmp_path: Path) -> None:
    log = tmp_path / "erro.log"
    log.write_bytes(b"linha 1\nlinha 2\n")
    text = await ok(
        mcp_client,
        "create_internal_communication",
        {
            "ticket_number": "1040",
            "text": "Fornecedor **confirmou**.",
            "files": [str(log)],
            "files_base64": [
                {"filename": "print.png", "content": base64.b64encode(b"\x89PNG fake").decode()}
            ],
        },
    )
    assert "criada no ticket #1040" in text and "erro.log" in text and "print.png" in text
    stored = tenant.records.list_internal_communications(1040, offset=1, limit=20)[-1]
    assert stored["text"] == "<p>Fornecedor <strong>confirmou</strong>.</p>\n"
    assert {f["name"] for f in tenant.records.list_ticket_files(1040)} >= {"erro.log", "print.png"}


async def test_answer_with_a_file(mcp_client: Client, tenant: FakeTenant) -> None:
    content = base64.b64encode(b"%PDF-1.4 relatorio").decode()
    text = await ok(
        mcp_client,
        "create_ticket_answer",
        {
            "ticket_number": "1040",
            "text": "Segue o relatório.",
            "files_base64": [{"filename": "r.pdf", "content": content}],
        },
    )
    assert "Resposta enviada" in text
    assert "r.pdf" in {f["name"] for f in tenant.records.list_ticket_files(1040)}


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"files_base64": [{"filename": "a.txt", "content": "@@@"}]}, "files_base64[0]"),
        ({"files": ["/nao/existe.txt"]}, "files[0]"),
        ({"files": ["/"]}, "files[0]"),
        ({"files_base64": [{"filename": f"{i}.txt", "content": "YQ=="} for i in range(11)]}, "files"),
    ],
)
async def test_bad_attachments_are_refused(mcp_client: Client, arguments: dict[str, Any], field: str) -> None:
    text = await refused(
        mcp_client, "create_internal_communication", {"ticket_number": "1040", "text": "x", **arguments}
    )
    assert f"`{field}`" in text


async def test_ticket_files(mcp_client: Client) -> None:
    text = await ok(mcp_client, "get_ticket_files", {"ticket_number": "1040"})
    assert "470,83 KB" in text and "1,46 MB" in text and "2 GB" in text and "1 KB" in text
    assert "Nenhum arquivo" in await ok(mcp_client, "get_ticket_files", {"ticket_number": "1042"})


async def test_stage_history(mcp_client: Client) -> None:
    text = await ok(mcp_client, "get_ticket_stages_slas", {"ticket_number": "1045"})
    assert "**Triagem (ID 1401)** — ✅ SLA cumprido" in text and "tempo no expediente 00:25" in text
    empty = await ok(mcp_client, "get_ticket_stages_slas", {"ticket_number": "1042"})
    assert "não tem SLA ativo" in empty


async def test_appointments_with_valorization(mcp_client: Client) -> None:
    text = await ok(mcp_client, "list_appointments", {"ticket_number": "1040"})
    assert "Atendimento: externo · Tipo: avulso — Visita técnica avulsa" in text
    assert "Deslocamento: Deslocamento Centro (R$ 35,00)" in text and "Valor manual" in text
    assert "Valor: R$ 170,05" in text and "Localização: -26.3044, -48.8487" in text
    plain = await ok(mcp_client, "list_appointments", {"ticket_number": "1042"})
    assert "Valor:" not in plain


async def test_record_an_appointment(mcp_client: Client, tenant: FakeTenant) -> None:
    text = await ok(
        mcp_client,
        "create_appointment",
        {
            "ticket_number": "1042",
            "date": "2025-01-15",
            "init_time": "09:00",
            "end_time": "10:30",
            "description": "Análise",
        },
    )
    assert "Apontamento registrado no ticket #1042" in text and "09:00–10:30" in text
    assert tenant.appointments.list_appointments(1042, offset=1, limit=20)[-1]["description"] == "Análise"


async def test_a_valued_desk_refuses_appointments_with_a_reason(mcp_client: Client) -> None:
    text = await refused(
        mcp_client,
        "create_appointment",
        {
            "ticket_number": "1040",
            "date": "2025-01-15",
            "init_time": "09:00",
            "end_time": "10:00",
            "description": "x",
        },
    )
    assert "Esta mesa valoriza apontamentos" in text


TOMORROW = (date.today() + timedelta(days=2)).isoformat()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"date": TOMORROW}, "date"),
        ({"date": "2025-02-30"}, "date"),
        ({"date": "15/01/2025"}, "date"),
        ({"init_time": "25:00"}, "init_time"),
        ({"end_time": "08:00"}, "end_time"),
        ({"description": ""}, "description"),
    ],
)
async def test_appointments_are_checked_before_sending(
    mcp_client: Client, tenant: FakeTenant, changes: dict[str, Any], field: str
) -> None:
    arguments = {"ticket_number": "1042", "date": "2025-01-15", "init_time": "09:00", "end_time": "10:00"}
    arguments["description"] = "x"
    text = await refused(mcp_client, "create_appointment", {**arguments, **changes})
    assert f"`{field}`" in text
    assert len(tenant.appointments.list_appointments(1042, offset=1, limit=20)) == 2


async def test_list_appointments_range_is_checked(mcp_client: Client) -> None:
    text = await refused(
        mcp_client,
        "list_appointments",
        {"ticket_number": "1040", "start_date": "2025-03-10", "end_date": "2025-03-01"},
    )
    assert "`end_date`" in text
