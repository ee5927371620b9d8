"""update_chat and the v2.42 changes to get_chat and the four chat lists (issue 20, v2.42/chats.md §2, §12),
through the MCP server on the demo tenant over HTTP."""

from __future__ import annotations

import json
from typing import Any

import pytest

from adapters.tiflux.fake.tenant import FakeTenant
from tests.support.demo_client import connect, sent, text_of
from tests.support.fake_api import InstrumentedFakeApi
from tests.support.faults import Fault

pytestmark = pytest.mark.anyio


@pytest.fixture
def api() -> InstrumentedFakeApi:
    return InstrumentedFakeApi(FakeTenant.demo())


async def call(api: InstrumentedFakeApi, tool: str, arguments: dict[str, Any], **kw: Any) -> Any:
    async with connect(api, **kw)() as client:
        return await client.call_tool(tool, arguments)


def puts(api: InstrumentedFakeApi) -> list[tuple[str, str, str]]:
    return [request for request in sent(api) if request[0] == "PUT"]


# --- update_chat -----------------------------------------------------------------------------------------


async def test_update_chat_is_listed_as_a_chats_write_that_is_not_destructive(
    api: InstrumentedFakeApi,
) -> None:
    async with connect(api)() as client:
        tools = {tool.name: tool for tool in (await client.list_tools()).tools}
    tool = tools["update_chat"]
    assert tool.input_schema["required"] == ["id"]
    assert tool.annotations is not None
    assert not tool.annotations.read_only_hint and tool.annotations.destructive_hint is False


async def test_a_transfer_by_ids_sends_one_put_and_moves_the_chat(api: InstrumentedFakeApi) -> None:
    result = await call(
        api, "update_chat", {"id": 9003, "user_id": 203, "department_id": 22, "ticket_number": "1041"}
    )
    text = text_of(result)
    assert not result.is_error, text
    assert text.startswith("Chat #9003 atualizado:\n")
    for expected in (
        "- transferido ao atendente ID 203",
        "- transferido ao departamento ID 22",
        "- vinculado ao ticket #1041",
        "Atualizado em ",
    ):
        assert expected in text, expected
    assert puts(api) == [("PUT", "/api/v2/chats/9003", "")]
    chat = api.tenant.chats.get_chat(9003)
    assert chat["responsible"] == {"id": 203, "name": "João Batista Lima"}
    assert chat["department"] == {"id": 22, "name": "Financeiro"}
    assert chat["ticket"]["number"] == 1041
    assert result.structured_content["change"] == {"user_id": 203, "department_id": 22, "ticket_number": 1041}
    assert result.structured_content["chat_id"] == 9003 and "updated_at" in result.structured_content


async def test_the_body_holds_only_what_was_asked_as_integers() -> None:
    api = _BodyRecorder(FakeTenant.demo())
    result = await call(api, "update_chat", {"id": "9003", "department_id": "21"})
    assert not result.is_error, text_of(result)
    assert [json.loads(body) for body in api.bodies] == [{"department_id": 21}]


async def test_an_attendant_and_a_department_by_name_say_what_they_became(api: InstrumentedFakeApi) -> None:
    result = await call(api, "update_chat", {"id": 9003, "user_name": "lima", "department_name": "financ"})
    text = text_of(result)
    assert not result.is_error, text
    assert "- transferido ao atendente ID 203" in text and "- transferido ao departamento ID 22" in text
    assert '`user_name` "lima" → João Batista Lima \\<joao.lima@nuvemdesk.com.br> · ID 203' in text
    assert '`department_name` "financ" → Financeiro · ID 22' in text
    decisions = result.structured_content["decisions"]
    assert [(d["field"], d["record"]["id"]) for d in decisions] == [
        ("user_name", 203),
        ("department_name", 22),
    ]


async def test_an_admin_can_be_found_by_name_unlike_the_official_client(api: InstrumentedFakeApi) -> None:
    result = await call(api, "update_chat", {"id": 9005, "user_name": "Mariana"})
    assert not result.is_error, text_of(result)
    assert api.tenant.chats.get_chat(9005)["responsible"]["id"] == 201


async def test_an_ambiguous_name_lists_the_candidates_and_sends_nothing(api: InstrumentedFakeApi) -> None:
    result = await call(api, "update_chat", {"id": 9003, "user_name": "João"})
    text = text_of(result)
    assert result.is_error and "ID 202" in text and "ID 203" in text, text
    assert puts(api) == []


async def test_an_unknown_name_is_an_error_and_nothing_is_sent(api: InstrumentedFakeApi) -> None:
    result = await call(api, "update_chat", {"id": 9003, "department_name": "Jurídico"})
    assert result.is_error and "Jurídico" in text_of(result)
    assert puts(api) == []


async def test_nothing_to_change_is_refused_before_any_request(api: InstrumentedFakeApi) -> None:
    result = await call(api, "update_chat", {"id": 9003})
    text = text_of(result)
    assert result.is_error and "user_id" in text and "ticket_number" in text
    assert api.requests == []


@pytest.mark.parametrize(
    "arguments",
    [
        {},
        {"id": 0, "user_id": 202},
        {"id": "abc", "user_id": 202},
        {"id": 9003.5, "user_id": 202},
        {"id": 9003, "user_id": -1},
        {"id": 9003, "user_id": True},
        {"id": 9003, "department_id": "x"},
        {"id": 9003, "ticket_number": "abc"},
        {"id": 9003, "user_name": ""},
        {"id": 9003, "user_id": 202, "force": True},
    ],
)
async def test_bad_input_is_refused_before_any_request(
    api: InstrumentedFakeApi, arguments: dict[str, Any]
) -> None:
    result = await call(api, "update_chat", arguments)
    assert result.is_error and "`" in text_of(result), text_of(result)
    assert api.requests == []


async def test_an_unknown_chat_is_a_clear_error(api: InstrumentedFakeApi) -> None:
    result = await call(api, "update_chat", {"id": 99999, "user_id": 202})
    assert result.is_error and "chat 99999" in text_of(result)
    assert "undefined" not in text_of(result)


async def test_a_finished_chat_is_refused_with_a_hint(api: InstrumentedFakeApi) -> None:
    result = await call(api, "update_chat", {"id": 9008, "user_id": 202})
    text = text_of(result)
    assert result.is_error and "chat is not active" in text and "chats finalizados ou cancelados" in text
    assert len(puts(api)) == 1


@pytest.mark.parametrize(
    ("language", "words"), [("pt-BR", "licença de WhatsApp"), ("en", "WhatsApp licence")]
)
async def test_a_403_names_the_permission_and_the_licence(
    api: InstrumentedFakeApi, language: str, words: str
) -> None:
    api.faults.add(Fault.answer(403).on("PUT", "/api/v2/chats/9003"))
    result = await call(api, "update_chat", {"id": 9003, "user_id": 202}, language=language)
    assert result.is_error and words in text_of(result), text_of(result)
    assert len(puts(api)) == 1


async def test_an_update_in_english(api: InstrumentedFakeApi) -> None:
    result = await call(api, "update_chat", {"id": 9003, "department_name": "Comercial"}, language="en")
    text = text_of(result)
    assert text.startswith("Chat #9003 updated:\n- transferred to department ID 24"), text
    assert "Names resolved:" in text


# --- get_chat and the four lists (§12) -------------------------------------------------------------------


async def test_get_chat_shows_the_linked_ticket_with_its_title(api: InstrumentedFakeApi) -> None:
    await call(api, "update_chat", {"id": 9003, "ticket_number": 1041})
    text = text_of(await call(api, "get_chat", {"id": 9003}))
    assert "#1041 — Servidor de arquivos lento após atualização" in text
    untitled = text_of(await call(api, "get_chat", {"id": 9008}))
    assert "#1045 — Sem título" in untitled


async def test_the_lists_show_the_ticket_with_its_title(api: InstrumentedFakeApi) -> None:
    result = await call(api, "list_archived_chats", {})
    assert "ticket #1045 — Sem título" in text_of(result)
    english = await call(api, "list_archived_chats", {}, language="en")
    assert "ticket #1045 — Untitled" in text_of(english)


@pytest.mark.parametrize(
    "tool", ["list_inbox_chats", "list_my_chats", "list_in_attendance_chats", "list_archived_chats"]
)
async def test_every_list_filters_by_creation_date(api: InstrumentedFakeApi, tool: str) -> None:
    result = await call(api, tool, {"created_at_start": "2025-03-14", "created_at_end": "2025-03-14"})
    assert not result.is_error, text_of(result)
    query = sent(api)[0][2]
    assert "created_at_start=2025-03-14T03%3A00%3A00Z" in query
    assert "created_at_end=2025-03-15T02%3A59%3A59Z" in query
    assert "criados desde 14/03/2025 00:00" in text_of(result)
    for chat in result.structured_content["page"].get("items", []):
        assert chat["created_at"].startswith("2025-03-14")


async def test_archived_chats_filter_by_finishing_date(api: InstrumentedFakeApi) -> None:
    result = await call(
        api, "list_archived_chats", {"finished_at_start": "2025-03-11", "finished_at_end": "2025-03-12"}
    )
    ids = [chat["id"] for chat in result.structured_content["page"]["items"]]
    assert ids == [9006, 9007]
    assert "finished_at_start=" in sent(api)[0][2]


async def test_the_other_lists_do_not_take_finishing_dates(api: InstrumentedFakeApi) -> None:
    result = await call(api, "list_inbox_chats", {"finished_at_start": "2025-03-11"})
    assert result.is_error and api.requests == []


@pytest.mark.parametrize(
    "arguments",
    [
        {"created_at_start": "14/03/2025"},
        {"created_at_start": "2025-03-15", "created_at_end": "2025-03-14"},
        {"created_at_end": "ontem"},
    ],
)
async def test_bad_dates_are_refused_before_any_request(
    api: InstrumentedFakeApi, arguments: dict[str, Any]
) -> None:
    result = await call(api, "list_my_chats", arguments)
    assert result.is_error and "created_at" in text_of(result)
    assert api.requests == []


class _BodyRecorder(InstrumentedFakeApi):
    """Keeps the raw body of every PUT, as the API received it."""

    def __init__(self, tenant: FakeTenant) -> None:
        super().__init__(tenant)
        self.bodies: list[bytes] = []

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "PUT":
            await super().__call__(scope, receive, send)
            return
        chunks: list[bytes] = []
        more = True
        while more:
            message = await receive()
            chunks.append(message.get("body", b""))
            more = message.get("more_body", False)
        self.bodies.append(b"".join(chunks))
        done = False

        async def replay() -> dict[str, Any]:
            nonlocal done
            if done:
                return {"type": "http.disconnect"}
            done = True
            return {"type": "http.request", "body": self.bodies[-1], "more_body": False}

        await super().__call__(scope, replay, send)
