"""Editing and removing internal communications through the MCP client, over HTTP to the demo tenant
(v2.42 tickets.md §15, §16)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from adapters.tiflux.fake.tenant import FakeTenant
from tests.support.demo_client import call, connect, fail, sent
from tests.support.elicitation import Person
from tests.support.fake_api import InstrumentedFakeApi

pytestmark = pytest.mark.anyio


@pytest.fixture
def api() -> InstrumentedFakeApi:
    return InstrumentedFakeApi(FakeTenant.demo())


def notes(api: InstrumentedFakeApi) -> dict[int, str]:
    return {n["id"]: n["text"] for n in api.tenant.records.list_internal_communications(1040)}


async def test_an_own_note_is_edited_once_as_html(api: InstrumentedFakeApi) -> None:
    arguments = {
        "ticket_number": "1040",
        "communication_id": 3103,
        "text": "Peça **entregue**; troca amanhã.",
    }
    async with connect(api)() as client:
        text, structured = await call(client, "update_internal_communication", arguments)
    assert sent(api) == [("PUT", "/api/v2/tickets/1040/internal_communications/3103", "")]
    assert api.requests[0][3] == "application/json"
    assert notes(api)[3103].startswith("<p>Peça <strong>entregue</strong>; troca amanhã.</p>")
    assert "## Comunicação interna #3103 do ticket #1040 alterada" in text
    assert "**Autor:** Mariana Costa (ID 201)" in text and "> Peça entregue; troca amanhã." in text
    assert structured["note"]["id"] == 3103 and structured["number"] == 1040


async def test_someone_elses_note_is_refused_saying_only_the_author_may(api: InstrumentedFakeApi) -> None:
    arguments = {"ticket_number": "1040", "communication_id": 3101, "text": "x"}
    async with connect(api)() as client:
        pt = await fail(client, "update_internal_communication", arguments)
    async with connect(api, language="en")() as client:
        en = await fail(client, "update_internal_communication", arguments)
    assert "só o autor de uma comunicação interna pode alterá-la" in pt and "40301" in pt
    assert "only the author of an internal communication may change it" in en
    assert len(sent(api)) == 2 and not notes(api)[3101].startswith("x")


async def test_an_unknown_note_is_not_found(api: InstrumentedFakeApi) -> None:
    async with connect(api)() as client:
        text = await fail(
            client,
            "update_internal_communication",
            {"ticket_number": "1040", "communication_id": 9, "text": "x"},
        )
    assert "Não encontrado: comunicação interna 9 (ticket #1040)." in text


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"ticket_number": "1040", "communication_id": 3103}, "text"),
        ({"ticket_number": "1040", "communication_id": 3103, "text": "   "}, "text"),
        ({"ticket_number": "1040", "text": "x"}, "communication_id"),
        ({"ticket_number": "1040", "communication_id": 0, "text": "x"}, "communication_id"),
        ({"communication_id": 3103, "text": "x"}, "ticket_number"),
    ],
)
async def test_bad_edits_are_refused_before_any_request(
    api: InstrumentedFakeApi, arguments: dict[str, Any], field: str
) -> None:
    async with connect(api)() as client:
        text = await fail(client, "update_internal_communication", arguments)
    assert f"`{field}`" in text and sent(api) == []


async def test_deleting_a_note_shows_author_and_first_lines_then_deletes_once(
    api: InstrumentedFakeApi,
) -> None:
    person = Person()
    async with connect(api)(person) as client:
        text, structured = await call(
            client, "delete_internal_communication", {"ticket_number": "1040", "communication_id": 3103}
        )
    assert person.questions == [
        "Apagar do ticket #1040 a comunicação interna #3103 de Mariana Costa? Não há como desfazer.\n"
        "> Peça de reposição solicitada ao fornecedor. Previsão: 2 dias úteis."
    ]
    assert [r for r in sent(api) if r[0] == "DELETE"] == [
        ("DELETE", "/api/v2/tickets/1040/internal_communications/3103", "")
    ]
    assert "Comunicação interna #3103 apagada do ticket #1040." in text
    assert structured == {"number": 1040, "communication_id": 3103} and 3103 not in notes(api)


@pytest.mark.parametrize("person", [Person("decline"), Person("cancel"), Person("accept", confirm=False)])
async def test_a_declined_note_delete_sends_nothing(api: InstrumentedFakeApi, person: Person) -> None:
    async with connect(api)(person) as client:
        text = await fail(
            client, "delete_internal_communication", {"ticket_number": "1040", "communication_id": 3102}
        )
    assert "não confirmou" in text and [r for r in sent(api) if r[0] == "DELETE"] == []
    assert 3102 in notes(api)


async def test_an_unknown_note_is_asked_about_by_number_in_english(api: InstrumentedFakeApi) -> None:
    person = Person()
    async with connect(api, language="en")(person) as client:
        text = await fail(
            client, "delete_internal_communication", {"ticket_number": "1040", "communication_id": 77}
        )
    assert person.questions == ["Delete internal communication #77 of ticket #1040? It cannot be undone."]
    assert "internal communication 77 (ticket #1040)" in text


async def test_bad_delete_input_is_refused_before_any_request_or_question(api: InstrumentedFakeApi) -> None:
    person = Person()
    async with connect(api)(person) as client:
        for arguments in (
            {"ticket_number": "1040"},
            {"communication_id": 3103},
            {"ticket_number": "x", "communication_id": 1},
        ):
            await fail(client, "delete_internal_communication", arguments)
        tools = {tool.name: tool for tool in (await client.list_tools()).tools}
    assert sent(api) == [] and person.questions == []
    hints = tools["delete_internal_communication"].annotations
    assert hints is not None and hints.destructive_hint is True
    assert json.dumps(tools["update_internal_communication"].input_schema).count("communication_id") == 2


# --- list_pre_appointments -------------------------------------------------------------------------------


async def test_running_timers_in_a_table_with_the_total(api: InstrumentedFakeApi) -> None:
    async with connect(api)() as client:
        text, structured = await call(client, "list_pre_appointments", {"ticket_number": "1040", "limit": 1})
    assert sent(api) == [("GET", "/api/v2/tickets/1040/pre-appointments", "offset=1&limit=1")]
    assert "## Pré-apontamentos do ticket #1040 — página 1 (1 de 2)" in text
    assert "| 4901 | 14/03/2025 | 11:10 | em andamento | João Pereira (ID 202) |" in text
    assert "offset=2" in text and "list_appointments" in text
    assert structured["page"]["items"][0]["id"] == 4901 and structured["page"]["total"] == 2


async def test_no_timers_in_english_and_an_unknown_ticket(api: InstrumentedFakeApi) -> None:
    async with connect(api, language="en")() as client:
        empty, _ = await call(client, "list_pre_appointments", {"ticket_number": "1042"})
        one, _ = await call(client, "list_pre_appointments", {"ticket_number": "1041"})
        missing = await fail(client, "list_pre_appointments", {"ticket_number": "999"})
    assert "No timers on ticket #1042 (page 1): none is running." in empty
    assert "| 4903 | 2025-03-14 | 08:00 | running | João Batista Lima (ID 203) |" in one
    assert "ticket #999" in missing


async def test_a_timer_403_names_the_permission(api: InstrumentedFakeApi) -> None:
    from tests.support.faults import Fault

    api.faults.add(Fault.answer(403).on("GET", "/api/v2/tickets/1040/pre-appointments"))
    async with connect(api)() as client:
        text = await fail(client, "list_pre_appointments", {"ticket_number": "1040"})
    assert "Criar e editar apontamentos" in text


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"ticket_number": "10a"}, "ticket_number"),
        ({"ticket_number": "1040", "limit": 0}, "limit"),
        ({"ticket_number": "1040", "offset": 0}, "offset"),
    ],
)
async def test_bad_timer_input_is_refused_before_any_request(
    api: InstrumentedFakeApi, arguments: dict[str, Any], field: str
) -> None:
    async with connect(api)() as client:
        text = await fail(client, "list_pre_appointments", arguments)
    assert f"`{field}`" in text and sent(api) == []
