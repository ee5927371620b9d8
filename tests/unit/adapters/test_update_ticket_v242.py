"""update_ticket at 2.42's depth (issue 18, v2.42/tickets.md §20.3): desk transfer to the first stage,
priority by name with its mandatory reason, status, requestor by ID or within the ticket's client, and
TiFlux's 422s in words a person can act on — through the MCP server on the demo tenant over HTTP."""

from __future__ import annotations

import json
from typing import Any

import pytest
from starlette.types import Message, Receive, Scope, Send

from adapters.tiflux.fake.tenant import FakeTenant
from tests.support.demo_client import connect, text_of
from tests.support.fake_api import InstrumentedFakeApi

pytestmark = pytest.mark.anyio


class BodyRecording(InstrumentedFakeApi):
    """The demo tenant over HTTP, keeping the JSON body of every `PUT /tickets/{n}`."""

    def __init__(self) -> None:
        super().__init__(FakeTenant.demo())
        self.puts: list[dict[str, Any]] = []

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "PUT":
            await super().__call__(scope, receive, send)
            return
        chunks: list[bytes] = []

        async def recorded() -> Message:
            message = await receive()
            chunks.append(message.get("body", b""))
            if not message.get("more_body"):
                self.puts.append(json.loads(b"".join(chunks) or b"{}"))
            return message

        await super().__call__(scope, recorded, send)


@pytest.fixture
def api() -> BodyRecording:
    return BodyRecording()


async def call(api: BodyRecording, arguments: dict[str, Any], language: str = "pt-BR") -> Any:
    async with connect(api, language)() as client:  # type: ignore[arg-type]
        return await client.call_tool("update_ticket", arguments)


async def updated(api: BodyRecording, arguments: dict[str, Any], language: str = "pt-BR") -> str:
    result = await call(api, arguments, language)
    assert not result.is_error, text_of(result)
    return text_of(result)


async def refused(api: BodyRecording, arguments: dict[str, Any], language: str = "pt-BR") -> str:
    result = await call(api, arguments, language)
    assert result.is_error, text_of(result)
    assert api.requests == []  # refused before any request
    return text_of(result)


async def rejected(api: BodyRecording, arguments: dict[str, Any], language: str = "pt-BR") -> str:
    result = await call(api, arguments, language)
    assert result.is_error, text_of(result)
    assert len(api.puts) == 1  # sent once, refused by TiFlux
    return text_of(result)


def ticket(api: BodyRecording, number: int) -> dict[str, Any]:
    return api.tenant.tickets.get_ticket(number)


# --- the surface -----------------------------------------------------------------------------------------


async def test_the_new_parameters_are_advertised(api: BodyRecording) -> None:
    async with connect(api)() as client:
        tools = {tool.name: tool for tool in (await client.list_tools()).tools}
    properties = tools["update_ticket"].input_schema["properties"]
    for name in ("priority_name", "priority_change_reason", "status_id", "requestor_id", "requestor_name"):
        assert properties[name]["description"], name


# --- desk transfer ---------------------------------------------------------------------------------------


async def test_a_transfer_by_names_lands_on_the_first_stage_with_the_priority_of_the_target_desk(
    api: BodyRecording,
) -> None:
    text = await updated(
        api,
        {
            "ticket_number": "1040",
            "desk_name": "Suporte N2",
            "priority_name": "alta",
            "priority_change_reason": "Cliente parado",
        },
    )
    assert api.puts == [{"desk_id": 15, "priority_id": 151, "stage_id": 1501}]  # 2.42's capture
    assert "Entrada N2 (ID 1501) — o primeiro da mesa de destino" in text
    assert "não foi enviado" in text  # the reason, refused by TiFlux during a transfer
    assert '`priority_name` "alta" → Alta · ID 151' in text
    state = ticket(api, 1040)
    assert state["desk"]["id"] == 15 and state["stage"]["id"] == 1501 and state["priority"]["id"] == 151


async def test_a_transfer_with_a_stage_keeps_it(api: BodyRecording) -> None:
    text = await updated(api, {"ticket_number": "1040", "desk_id": 15, "stage_name": "análise"})
    assert api.puts == [{"desk_id": 15, "stage_id": 1502}]
    assert "primeiro da mesa" not in text
    paths = [path for _m, path, _q, _t in api.requests]
    assert "/api/v2/desks/15/stages" in paths


async def test_a_transfer_says_it_in_english(api: BodyRecording) -> None:
    text = await updated(api, {"ticket_number": "1040", "desk_id": 15}, "en")
    assert "the target desk's first, as none was given" in text


async def test_a_transfer_between_unlinked_desks_is_explained(api: BodyRecording) -> None:
    text = await rejected(api, {"ticket_number": "1040", "desk_id": 13})
    assert "não está vinculada à mesa atual" in text and "priority_id" in text
    assert ticket(api, 1040)["desk"]["id"] == 14


async def test_a_transfer_into_a_desk_that_requires_a_catalog_item_is_explained(api: BodyRecording) -> None:
    text = await rejected(api, {"ticket_number": "1041", "desk_id": 14}, "en")
    assert "requires a catalog item" in text and "catalog_item_name" in text
    await updated(api, {"ticket_number": "1041", "desk_id": 14, "catalog_item_name": "toner"})
    assert api.puts[-1] == {"desk_id": 14, "stage_id": 1401, "services_catalogs_item_id": 7002}


# --- priority --------------------------------------------------------------------------------------------


async def test_a_priority_by_name_on_the_current_desk_goes_with_its_reason(api: BodyRecording) -> None:
    text = await updated(
        api, {"ticket_number": "1040", "priority_name": "crítica", "priority_change_reason": " Loja parada "}
    )
    assert api.puts == [{"priority_id": 141, "priority_change_reason": "Loja parada"}]
    assert "não foi enviado" not in text and ticket(api, 1040)["priority"]["id"] == 141
    paths = [path for _m, path, _q, _t in api.requests]
    assert paths[:2] == ["/api/v2/tickets/1040", "/api/v2/desks/14/priorities"]  # the ticket's desk


@pytest.mark.parametrize(
    "arguments",
    [
        {"priority_id": 141},
        {"priority_name": "alta"},
        {"priority_id": 141, "priority_change_reason": "   "},
        {"priority_change_reason": "sem prioridade"},
    ],
)
async def test_a_priority_change_without_its_reason_is_refused(
    api: BodyRecording, arguments: dict[str, Any]
) -> None:
    text = await refused(api, {"ticket_number": "1040", **arguments})
    assert "priority" in text


async def test_the_reason_rule_in_english(api: BodyRecording) -> None:
    text = await refused(api, {"ticket_number": "1040", "priority_id": 141}, "en")
    assert "`priority_change_reason`" in text and "ask the user" in text


async def test_an_unknown_priority_name_sends_nothing(api: BodyRecording) -> None:
    result = await call(
        api, {"ticket_number": "1040", "priority_name": "gigante", "priority_change_reason": "x"}
    )
    assert result.is_error and "gigante" in text_of(result)
    assert api.puts == []


# --- status and requestor --------------------------------------------------------------------------------


async def test_the_status(api: BodyRecording) -> None:
    await updated(api, {"ticket_number": "1047", "status_id": 4})
    assert api.puts == [{"status_id": 4}] and ticket(api, 1047)["status"]["name"] == "Em andamento"


async def test_the_requestor_by_id(api: BodyRecording) -> None:
    await updated(api, {"ticket_number": "1043", "client_id": 103, "requestor_id": 207})
    assert api.puts == [{"client_id": 103, "requestor_id": 207}]
    assert ticket(api, 1043)["requestor"]["id"] == 207


async def test_the_requestor_by_name_among_the_ticket_s_client(api: BodyRecording) -> None:
    text = await updated(api, {"ticket_number": "1040", "requestor_name": "carlos"})
    assert api.puts == [{"requestor_id": 205}]
    assert '`requestor_name` "carlos" → Carlos Souza' in text


async def test_a_requestor_of_another_client_is_not_found(api: BodyRecording) -> None:
    result = await call(api, {"ticket_number": "1040", "requestor_name": "beatriz"})
    assert result.is_error and "beatriz" in text_of(result)
    assert api.puts == []


async def test_a_requestor_of_the_new_client_by_name(api: BodyRecording) -> None:
    await updated(api, {"ticket_number": "1040", "client_id": 102, "requestor_name": "beatriz"})
    assert api.puts == [{"client_id": 102, "requestor_id": 206}]


async def test_a_requestor_id_of_another_client_is_explained(api: BodyRecording) -> None:
    text = await rejected(api, {"ticket_number": "1040", "requestor_id": 206})
    assert "outro cliente" in text
