"""Requestors, attendants and departments (issue 19) through the MCP server, over HTTP to the fake TiFlux,
with every request recorded."""

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
from tests.support.fake_api import InstrumentedFakeApi
from tests.support.faults import Fault

pytestmark = pytest.mark.anyio


@pytest.fixture
def api() -> InstrumentedFakeApi:
    return InstrumentedFakeApi(FakeTenant.demo())


def connect(api: InstrumentedFakeApi, language: Literal["pt-BR", "en"] = "pt-BR") -> Any:
    @asynccontextmanager
    async def session() -> AsyncIterator[Client]:
        settings = Settings(_env_file=None, backend="fake", api_key=None, language=language)  # type: ignore[call-arg]
        container = create_container(settings)
        container.fake_api.override(providers.Object(api))
        async with Client(container.mcp_server()) as client:
            yield client

    return session()


def text_of(result: Any) -> str:
    return "\n".join(c.text for c in result.content if getattr(c, "type", "") == "text")


def api_requests(api: InstrumentedFakeApi) -> list[tuple[str, str, str]]:
    return [(m, p.removeprefix("/api/v2"), q) for m, p, q, _ in api.requests if p.startswith("/api/v2")]


async def call(
    api: InstrumentedFakeApi, tool: str, args: dict[str, Any], *, language: Literal["pt-BR", "en"] = "pt-BR"
) -> Any:
    async with connect(api, language) as client:
        return await client.call_tool(tool, args)


# --- search_requestor ------------------------------------------------------------------------------------


async def test_search_requestor_asks_every_client_first(api: InstrumentedFakeApi) -> None:
    result = await call(api, "search_requestor", {"name": "Juliana", "can_open_ticket": False})
    text = text_of(result)
    assert not result.is_error, text
    assert "Juliana Prado" in text and "(ID 213)" in text and "Construtora Horizonte (ID 102)" in text
    assert api_requests(api) == [
        ("GET", "/requestors", "offset=1&limit=20&name=Juliana&can_open_ticket=false")
    ]
    page = result.structured_content["page"]
    assert [item["id"] for item in page["items"]] == [213]


async def test_search_requestor_falls_back_to_the_client_on_403(api: InstrumentedFakeApi) -> None:
    api.faults.add(Fault.answer(403).on("GET", "/api/v2/requestors"))
    result = await call(api, "search_requestor", {"name": "ana", "client_name": "clinica"})
    text = text_of(result)
    assert not result.is_error, text
    assert "Ana Ribeiro" in text and "Luciana" not in text and "administrador (403)" in text
    paths = [path for _m, path, _q in api_requests(api)]
    assert paths == ["/requestors", "/clients", "/clients/103/requestors"]
    assert result.structured_content["global_denied"] is True


async def test_search_requestor_403_without_a_client_names_the_permission(api: InstrumentedFakeApi) -> None:
    api.faults.add(Fault.answer(403).on("GET", "/api/v2/requestors"))
    result = await call(api, "search_requestor", {"email": "ana"})
    assert result.is_error
    assert "chaves de administrador" in text_of(result) and "client_id" in text_of(result)


async def test_search_requestor_403_in_english(api: InstrumentedFakeApi) -> None:
    api.faults.add(Fault.answer(403).on("GET", "/api/v2/requestors"))
    result = await call(api, "search_requestor", {"name": "ana"}, language="en")
    assert result.is_error and "administrator keys only" in text_of(result)


async def test_search_requestor_nobody_everywhere_then_the_client(api: InstrumentedFakeApi) -> None:
    result = await call(api, "search_requestor", {"telephone": "(47) 3456-7811", "client_id": 102})
    assert not result.is_error
    assert api_requests(api)[0] == ("GET", "/requestors", "offset=1&limit=20&telephone=4734567811")
    assert "Juliana Prado" in text_of(result)


@pytest.mark.parametrize(
    "args",
    [
        {},
        {"client_id": 103},
        {"name": "ana", "telephone": "abc"},
        {"name": "ana", "limit": 0},
        {"name": "ana", "offset": -1},
        {"name": "ana", "client_id": True},
        {"name": "ana", "client_id": -3},
        {"name": ""},
        {"name": "ana", "unknown": 1},
    ],
)
async def test_search_requestor_refuses_bad_input_before_any_request(
    api: InstrumentedFakeApi, args: dict[str, Any]
) -> None:
    result = await call(api, "search_requestor", args)
    assert result.is_error, text_of(result)
    assert api_requests(api) == []


# --- list_requestors -------------------------------------------------------------------------------------


async def test_list_requestors_of_a_client_by_name_with_filters(api: InstrumentedFakeApi) -> None:
    result = await call(api, "list_requestors", {"client_name": "horizonte", "extension": "31", "limit": 2})
    text = text_of(result)
    assert not result.is_error, text
    assert "Beatriz Almeida" in text and "Juliana" not in text
    assert api_requests(api)[-1] == ("GET", "/clients/102/requestors", "offset=1&limit=2&extension=31")
    assert result.structured_content["client_id"] == 102


async def test_list_requestors_pages_and_caps(api: InstrumentedFakeApi) -> None:
    result = await call(api, "list_requestors", {"client_id": 102, "offset": 2, "limit": 2})
    assert [item["id"] for item in result.structured_content["page"]["items"]] == [213]
    capped = await call(api, "list_requestors", {"client_id": 102, "limit": 500})
    assert api_requests(api)[-1] == ("GET", "/clients/102/requestors", "offset=1&limit=200")
    assert "500" in text_of(capped)


async def test_list_requestors_unknown_client_is_not_found(api: InstrumentedFakeApi) -> None:
    result = await call(api, "list_requestors", {"client_id": 999})
    assert result.is_error and "999" in text_of(result)


@pytest.mark.parametrize(
    "args", [{}, {"client_id": 0}, {"client_id": "abc"}, {"client_id": 102, "limit": -5}]
)
async def test_list_requestors_refuses_bad_input(api: InstrumentedFakeApi, args: dict[str, Any]) -> None:
    result = await call(api, "list_requestors", args)
    assert result.is_error
    assert api_requests(api) == []


# --- get_requestor ---------------------------------------------------------------------------------------


async def test_get_requestor_with_custom_fields_in_english(api: InstrumentedFakeApi) -> None:
    result = await call(
        api, "get_requestor", {"client_id": 103, "requestor_id": 207, "show_entities": True}, language="en"
    )
    text = text_of(result)
    assert not result.is_error, text
    assert "Ana Ribeiro" in text and "Custom fields" in text and "Aprovar compras" in text
    assert api_requests(api) == [("GET", "/clients/103/requestors/207", "include_entity_fields=true")]


async def test_get_requestor_of_another_client_is_not_found(api: InstrumentedFakeApi) -> None:
    result = await call(api, "get_requestor", {"client_id": 101, "requestor_id": 207})
    assert result.is_error
    assert api_requests(api) == [("GET", "/clients/101/requestors/207", "")]


async def test_get_requestor_needs_the_requestor_id(api: InstrumentedFakeApi) -> None:
    result = await call(api, "get_requestor", {"client_id": 103})
    assert result.is_error and "requestor_id" in text_of(result)
    assert api_requests(api) == []


# --- search_technical_user -------------------------------------------------------------------------------


async def test_search_technical_user_filters_on_the_server(api: InstrumentedFakeApi) -> None:
    result = await call(api, "search_technical_user", {"name": "lima"})
    assert [item["id"] for item in result.structured_content["page"]["items"]] == [203]
    by_client = await call(api, "search_technical_user", {"client_id": 101, "desk_id": 14})
    assert [item["id"] for item in by_client.structured_content["page"]["items"]] == [201, 202]
    assert api_requests(api)[-1] == ("GET", "/technical-users", "offset=1&limit=20&desk_id=14&client_id=101")


async def test_search_technical_user_403_names_the_licence(api: InstrumentedFakeApi) -> None:
    api.faults.add(Fault.answer(403).on("GET", "/api/v2/technical-users"))
    result = await call(api, "search_technical_user", {"name": "joao"})
    assert result.is_error and "licença ativa do módulo de Tickets" in text_of(result)


@pytest.mark.parametrize("args", [{"desk_id": "abc"}, {"client_id": 2.5}, {"limit": 0}, {"name": ""}])
async def test_search_technical_user_refuses_bad_input(
    api: InstrumentedFakeApi, args: dict[str, Any]
) -> None:
    result = await call(api, "search_technical_user", args)
    assert result.is_error
    assert api_requests(api) == []


# --- list_departments ------------------------------------------------------------------------------------


async def test_list_departments_by_name(api: InstrumentedFakeApi) -> None:
    result = await call(api, "list_departments", {"name": "FINAN"})
    assert "| 22 | Financeiro |" in text_of(result)
    assert api_requests(api) == [("GET", "/departments", "limit=20&offset=1&name=FINAN")]


async def test_list_departments_empty_explains_the_scope_in_english(api: InstrumentedFakeApi) -> None:
    result = await call(api, "list_departments", {"name": "zzz"}, language="en")
    assert not result.is_error and "attendant group" in text_of(result)


async def test_list_departments_refuses_a_negative_limit(api: InstrumentedFakeApi) -> None:
    result = await call(api, "list_departments", {"limit": -5})
    assert result.is_error and api_requests(api) == []


async def test_list_departments_403_names_the_permission(api: InstrumentedFakeApi) -> None:
    api.faults.add(Fault.answer(403).on("GET", "/api/v2/departments"))
    result = await call(api, "list_departments", {})
    assert result.is_error and "grupo de atendimento" in text_of(result)


# --- the responsible's name, through /technical-users -----------------------------------------------------


async def test_a_non_admin_key_assigns_a_ticket_by_the_responsible_name(api: InstrumentedFakeApi) -> None:
    api.faults.add(Fault.answer(403).on("GET", "/api/v2/users"), times=10)
    result = await call(
        api,
        "create_ticket",
        {
            "title": "Impressora",
            "description": "Não imprime.",
            "client_id": 101,
            "desk_id": 14,
            "responsible_name": "lima",
        },
    )
    assert not result.is_error, text_of(result)
    paths = [path for _m, path, _q in api_requests(api)]
    assert "/technical-users" in paths and "/users" not in paths
    number = result.structured_content["ticket"]["number"]
    assert api.tenant.tickets.get_ticket(number)["responsible"]["id"] == 203


# --- create_requestor, update_requestor ------------------------------------------------------------------


async def test_create_requestor_adds_one_to_the_client_by_name(api: InstrumentedFakeApi) -> None:
    args = {
        "client_name": "clínica",
        "name": "Renata Lopes",
        "email": "renata.lopes@clinicavidaplena.com.br",
        "telephone": "(47) 98888-7777",
        "can_open_ticket": True,
        "country": "br",
    }
    result = await call(api, "create_requestor", args)
    assert not result.is_error, text_of(result)
    assert api_requests(api)[-1] == ("POST", "/clients/103/requestors", "")
    stored = api.tenant.requestors.get_requestor(103, 214)
    assert (stored["name"], stored["telephone"], stored["can_open_ticket"]) == (
        "Renata Lopes",
        "47988887777",
        True,
    )
    assert "ID 214" in text_of(result)


def test_the_requestor_body_is_not_wrapped_and_leaves_out_what_was_not_given() -> None:
    from adapters.tiflux.wire.requestors import new_requestor_json, requestor_changes_json
    from domain.requestors import NewRequestor, RequestorChanges

    assert new_requestor_json(NewRequestor("Renata", "r@x.com.br", can_open_ticket=False, country="BR")) == {
        "name": "Renata",
        "email": "r@x.com.br",
        "can_open_ticket": False,
        "country": "BR",
    }
    assert requestor_changes_json(RequestorChanges(telephone="47999990001", extension="4")) == {
        "telephone": "47999990001",
        "extension": "4",
    }


async def test_create_requestor_is_sent_once_when_the_outcome_is_unknown(api: InstrumentedFakeApi) -> None:
    api.faults.add(Fault.answer(502).on("POST", "/api/v2/clients/103/requestors"), times=3)
    result = await call(api, "create_requestor", {"client_id": 103, "name": "Renata", "email": "r@x.com.br"})
    assert result.is_error
    assert [r for r in api_requests(api) if r[0] == "POST"] == [("POST", "/clients/103/requestors", "")]
    assert "Resultado desconhecido" in text_of(result) and "não foi reenviada" in text_of(result)


@pytest.mark.parametrize(
    "args",
    [
        {"client_id": 103, "name": "Renata"},
        {"client_id": 103, "name": "Renata", "email": "nope"},
        {"client_id": 103, "name": "Renata", "email": "r@x.com.br", "telephone": "abc"},
        {"client_id": 103, "name": "Renata", "email": "r@x.com.br", "telephone": "123"},
        {"client_id": 103, "name": "Renata", "email": "r@x.com.br", "country": "Brasil"},
        {"client_id": 103, "name": "", "email": "r@x.com.br"},
        {"name": "Renata", "email": "r@x.com.br"},
        {"client_id": 103, "name": "Renata", "email": "r@x.com.br", "user": {}},
    ],
)
async def test_create_requestor_refuses_bad_input(api: InstrumentedFakeApi, args: dict[str, Any]) -> None:
    result = await call(api, "create_requestor", args)
    assert result.is_error, text_of(result)
    assert api_requests(api) == []


async def test_update_requestor_changes_only_what_is_given_in_english(api: InstrumentedFakeApi) -> None:
    args = {"client_id": 103, "requestor_id": 207, "telephone": "47999990001", "extension": "4"}
    result = await call(api, "update_requestor", args, language="en")
    assert not result.is_error, text_of(result)
    assert "Fields changed" in text_of(result) and "`telephone`, `extension`" in text_of(result)
    stored = api.tenant.requestors.get_requestor(103, 207)
    assert (stored["telephone"], stored["extension"], stored["name"]) == ("47999990001", "4", "Ana Ribeiro")
    assert [r for r in api_requests(api) if r[0] == "PUT"] == [("PUT", "/clients/103/requestors/207", "")]


@pytest.mark.parametrize(
    "args",
    [
        {"client_id": 103, "requestor_id": 207},
        {"client_id": 103, "requestor_id": 207, "email": "nope"},
        {"client_id": 103, "requestor_id": 0, "name": "Ana"},
        {"client_id": 103, "name": "Ana"},
        {"client_id": 103, "requestor_id": 207, "country": "BR"},
    ],
)
async def test_update_requestor_refuses_bad_input(api: InstrumentedFakeApi, args: dict[str, Any]) -> None:
    result = await call(api, "update_requestor", args)
    assert result.is_error, text_of(result)
    assert api_requests(api) == []


async def test_update_requestor_of_another_client_is_not_found(api: InstrumentedFakeApi) -> None:
    result = await call(api, "update_requestor", {"client_id": 101, "requestor_id": 207, "name": "Ana"})
    assert result.is_error
    assert api.tenant.requestors.get_requestor(103, 207)["name"] == "Ana Ribeiro"


async def test_list_requestors_403_says_the_key_needs_access_to_the_client(api: InstrumentedFakeApi) -> None:
    api.faults.add(Fault.answer(403).on("GET", "/api/v2/clients/102/requestors"))
    result = await call(api, "list_requestors", {"client_id": 102}, language="en")
    assert result.is_error and "needs access to the client" in text_of(result)
