"""create_user, get_user, update_user (issue 19, people.md §2.2–2.5) through the MCP server, over HTTP to the
fake TiFlux, with every request recorded: technical groups by name, licences and deactivation asked first,
writes sent once, a 403 that says an administrator's key is needed, bad input refused before any request."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any, Literal

import pytest
from dependency_injector import providers
from mcp import Client

from adapters.container import create_container
from adapters.settings import Settings
from adapters.tiflux.fake.tenant import FakeTenant
from tests.support.elicitation import Person
from tests.support.fake_api import InstrumentedFakeApi
from tests.support.faults import Fault
from tests.unit.adapters.test_requestor_tools import api_requests, text_of

pytestmark = pytest.mark.anyio

PATRICIA = {"name": "Patrícia Gomes", "email": "patricia.gomes@nuvemdesk.com.br"}


@pytest.fixture
def api() -> InstrumentedFakeApi:
    return InstrumentedFakeApi(FakeTenant.demo())


@asynccontextmanager
async def session(
    api: InstrumentedFakeApi, person: Person | None = None, language: Literal["pt-BR", "en"] = "pt-BR"
) -> AsyncIterator[Client]:
    settings = Settings(_env_file=None, backend="fake", api_key=None, language=language, toolsets="all")  # type: ignore[call-arg]
    container = create_container(settings)
    container.fake_api.override(providers.Object(api))
    extra: dict[str, Any] = {"elicitation_callback": person} if person else {}
    async with Client(container.mcp_server(), **extra) as client:
        yield client


async def call(
    api: InstrumentedFakeApi,
    tool: str,
    args: dict[str, Any],
    *,
    person: Person | None = None,
    language: Literal["pt-BR", "en"] = "pt-BR",
) -> Any:
    async with session(api, person, language) as client:
        return await client.call_tool(tool, args)


def writes(api: InstrumentedFakeApi) -> list[tuple[str, str, str]]:
    return [r for r in api_requests(api) if r[0] in ("POST", "PUT")]


# --- create_user -----------------------------------------------------------------------------------------


async def test_create_user_in_a_group_by_name_asks_first_with_the_licences(api: InstrumentedFakeApi) -> None:
    person = Person()
    args = {**PATRICIA, "technical_group_name": "n2", "tickets_license": True, "whatsapp_license": False}
    result = await call(api, "create_user", args, person=person)
    assert not result.is_error, text_of(result)
    assert person.questions == [
        "Criar o agente Patrícia Gomes <patricia.gomes@nuvemdesk.com.br> (um novo acesso ao TiFlux; "
        "retira WhatsApp, concede Tickets)?"
    ]
    assert api_requests(api) == [
        ("GET", "/technical-groups", "offset=1&limit=200"),
        ("POST", "/users", ""),
    ]
    created = api.tenant.agents.get_user(209)
    assert (created["name"], created["technical_group_id"], created["tickets_license"]) == (
        "Patrícia Gomes",
        32,
        True,
    )
    text = text_of(result)
    assert "Agente criado: Patrícia Gomes · ID 209" in text and "Atendimento N2 · ID 32" in text
    assert result.structured_content["agent"]["licences"]["tickets_license"] is True


@pytest.mark.parametrize("answer", [Person("decline"), Person("accept", confirm=False)])
async def test_a_declined_create_user_sends_nothing(api: InstrumentedFakeApi, answer: Person) -> None:
    result = await call(api, "create_user", {**PATRICIA, "technical_group_id": 32}, person=answer)
    assert result.is_error
    assert writes(api) == [] and 209 not in api.tenant.people._state.users


async def test_an_ambiguous_group_is_a_choice_and_nothing_is_sent(api: InstrumentedFakeApi) -> None:
    result = await call(api, "create_user", {**PATRICIA, "technical_group_name": "atendimento"})
    assert result.is_error
    assert "Atendimento N1" in text_of(result) and "Atendimento N2" in text_of(result)
    assert writes(api) == []


async def test_an_unknown_group_is_not_found_and_nothing_is_sent(api: InstrumentedFakeApi) -> None:
    result = await call(api, "create_user", {**PATRICIA, "technical_group_name": "Financeiro"}, language="en")
    assert result.is_error and "Financeiro" in text_of(result)
    assert writes(api) == []


async def test_create_user_is_sent_once_when_the_outcome_is_unknown(api: InstrumentedFakeApi) -> None:
    api.faults.add(Fault.answer(502).on("POST", "/api/v2/users"), times=3)
    result = await call(api, "create_user", {**PATRICIA, "technical_group_id": 32})
    assert result.is_error
    assert writes(api) == [("POST", "/users", "")]


async def test_a_403_says_an_administrators_key_is_needed(api: InstrumentedFakeApi) -> None:
    api.faults.add(Fault.answer(403).on("POST", "/api/v2/users"))
    result = await call(api, "create_user", {**PATRICIA, "technical_group_id": 32}, language="en")
    assert result.is_error and "administrator keys only" in text_of(result)


@pytest.mark.parametrize(
    "args",
    [
        {"name": "Patrícia", "technical_group_id": 32},
        {**PATRICIA},
        {**PATRICIA, "email": "patricia"},
        {**PATRICIA, "name": "", "technical_group_id": 32},
        {**PATRICIA, "technical_group_id": 0},
        {**PATRICIA, "technical_group_id": True},
        {**PATRICIA, "technical_group_id": 32, "tickets_license": "sim"},
        {**PATRICIA, "technical_group_id": 32, "user": {}},
    ],
)
async def test_create_user_refuses_bad_input_before_any_request(
    api: InstrumentedFakeApi, args: dict[str, Any]
) -> None:
    result = await call(api, "create_user", args)
    assert result.is_error, text_of(result)
    assert api_requests(api) == []


def test_the_agent_body_is_bare_and_leaves_out_licences_not_given() -> None:
    from adapters.tiflux.wire.agents import agent_changes_json, new_agent_json
    from domain.agents import AgentChanges, Licences, NewAgent, TechnicalGroupId
    from domain.ids import ClientId

    body = new_agent_json(NewAgent("P", "p@x.com.br", TechnicalGroupId(32), Licences(tickets_license=True)))
    assert body == {"name": "P", "email": "p@x.com.br", "technical_group_id": 32, "tickets_license": True}
    changes = AgentChanges(
        active=True,
        client_ids=(ClientId(102), ClientId(104)),
        country_code="55",
        licences=Licences(tickets_license=True),
        technical_group_id=TechnicalGroupId(33),
    )
    assert list(agent_changes_json(changes).items()) == [
        ("active", True),
        ("client_ids", [102, 104]),
        ("country_code", "55"),
        ("tickets_license", True),
        ("technical_group_id", 33),
    ]


# --- get_user --------------------------------------------------------------------------------------------


async def test_get_user_shows_a_user_in_full(api: InstrumentedFakeApi) -> None:
    result = await call(api, "get_user", {"user_id": 203})
    text = text_of(result)
    assert not result.is_error, text
    assert "João Batista Lima · ID 203" in text and "102, 104" in text and "atendente" in text
    assert api_requests(api) == [("GET", "/users/203", "")]
    assert result.structured_content["client_ids"] == [102, 104]


async def test_get_user_in_english_and_an_unknown_user(api: InstrumentedFakeApi) -> None:
    result = await call(api, "get_user", {"user_id": 201}, language="en")
    assert not result.is_error and "administrator" in text_of(result) and "Signature" in text_of(result)
    missing = await call(api, "get_user", {"user_id": 999})
    assert missing.is_error


@pytest.mark.parametrize(
    "args", [{}, {"user_id": "abc"}, {"user_id": 2.5}, {"user_id": -1}, {"user_id": True}]
)
async def test_get_user_refuses_bad_ids(api: InstrumentedFakeApi, args: dict[str, Any]) -> None:
    result = await call(api, "get_user", args)
    assert result.is_error and api_requests(api) == []


# --- update_user -----------------------------------------------------------------------------------------


async def test_update_user_without_licences_or_deactivation_is_not_asked(api: InstrumentedFakeApi) -> None:
    person = Person()
    args = {"user_id": 203, "extension": "233", "technical_group_name": "desenvolvimento"}
    result = await call(api, "update_user", args, person=person)
    assert not result.is_error, text_of(result)
    assert person.questions == []
    assert writes(api) == [("PUT", "/users/203", "")]
    stored = api.tenant.agents.get_user(203)
    assert (stored["extension"], stored["technical_group_id"]) == ("233", 33)
    assert "`extension`, `technical_group_id`" in text_of(result)


async def test_deactivating_asks_first_and_a_decline_sends_nothing(api: InstrumentedFakeApi) -> None:
    person = Person("decline")
    result = await call(api, "update_user", {"user_id": 202, "active": False}, person=person)
    assert result.is_error
    assert person.questions == ["Alterar o usuário 202: desativa o usuário (ele perde o acesso)?"]
    assert writes(api) == [] and api.tenant.agents.get_user(202)["active"] is True


async def test_changing_licences_asks_first_in_english(api: InstrumentedFakeApi) -> None:
    person = Person()
    args = {"user_id": 203, "client_ids": "102,104", "country_code": "55", "tickets_license": True}
    result = await call(api, "update_user", args, person=person, language="en")
    assert not result.is_error, text_of(result)
    assert person.questions == ["Change user 203: grants Tickets?"]
    assert writes(api) == [("PUT", "/users/203", "")]


@pytest.mark.parametrize(
    "args",
    [
        {"user_id": 203},
        {"name": "x"},
        {"user_id": 0, "name": "x"},
        {"user_id": 203, "email": "nope"},
        {"user_id": 203, "telephone": "abc"},
        {"user_id": 203, "client_ids": "102,abc"},
        {"user_id": 203, "country_code": "+55"},
        {"user_id": 203, "active": "no"},
        {"user_id": 203, "technical_group_name": ""},
    ],
)
async def test_update_user_refuses_bad_input_before_any_request(
    api: InstrumentedFakeApi, args: dict[str, Any]
) -> None:
    result = await call(api, "update_user", args)
    assert result.is_error, text_of(result)
    assert api_requests(api) == []


async def test_the_users_toolset_is_off_by_default(api: InstrumentedFakeApi) -> None:
    settings = Settings(_env_file=None, backend="fake", api_key=None)  # type: ignore[call-arg]
    container = create_container(settings)
    container.fake_api.override(providers.Object(api))
    async with Client(container.mcp_server()) as client:
        names = {tool.name for tool in (await client.list_tools()).tools}
    assert not names & {"create_user", "get_user", "update_user"}


# --- search_user's fallback for keys that may not list users (§5.2) ---------------------------------------


async def test_search_user_without_the_users_permission_asks_the_technical_groups(
    api: InstrumentedFakeApi,
) -> None:
    api.faults.add(Fault.answer(403).on("GET", "/api/v2/users"), times=5)
    result = await call(api, "search_user", {"name": "joao", "type": "attendant", "active": True})
    text = text_of(result)
    assert not result.is_error, text
    assert "João Pereira" in text and "João Batista Lima" in text and "Fernanda" not in text
    assert "membros dos grupos técnicos" in text
    paths = [path for _m, path, _q in api_requests(api)]
    assert paths[0] == "/users" and paths[1] == "/technical-groups"
    assert sorted(paths[2:]) == [f"/technical-groups/{g}/users" for g in (31, 32, 33)]
    assert result.structured_content["via_groups"] is True


async def test_search_user_fallback_finds_an_inactive_one_when_asked(api: InstrumentedFakeApi) -> None:
    api.faults.add(Fault.answer(403).on("GET", "/api/v2/users"), times=5)
    result = await call(api, "search_user", {"name": "fernanda", "active": False}, language="en")
    assert not result.is_error and "Fernanda Oliveira" in text_of(result)
    assert "by name only" in text_of(result)


async def test_search_user_when_no_group_answers_keeps_the_403(api: InstrumentedFakeApi) -> None:
    api.faults.add(Fault.answer(403).on("GET", "/api/v2/users"), times=5)
    for group in (31, 32, 33):
        api.faults.add(Fault.answer(403).on("GET", f"/api/v2/technical-groups/{group}/users"), times=5)
    result = await call(api, "search_user", {"name": "joao"})
    assert result.is_error


async def test_search_user_with_the_users_permission_does_not_ask_the_groups(
    api: InstrumentedFakeApi,
) -> None:
    result = await call(api, "search_user", {"name": "joao"})
    assert not result.is_error
    assert all(not path.startswith("/technical-groups") for _m, path, _q in api_requests(api))
