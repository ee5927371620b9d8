"""create_ticket's requestor name, looked up within the ticket's client (issue 19, tickets.md §20.2), through
the MCP server over HTTP to the fake TiFlux, with every request recorded."""

from __future__ import annotations

from typing import Any

import pytest

from adapters.tiflux.fake.tenant import FakeTenant
from tests.support.fake_api import InstrumentedFakeApi
from tests.support.faults import Fault
from tests.unit.adapters.test_requestor_tools import api_requests, call, text_of

pytestmark = pytest.mark.anyio

TICKET = {"title": "Sem acesso", "description": "O portal não abre.", "desk_id": 14}


@pytest.fixture
def api() -> InstrumentedFakeApi:
    return InstrumentedFakeApi(FakeTenant.demo())


def requestor_lookups(api: InstrumentedFakeApi) -> list[tuple[str, str, str]]:
    return [r for r in api_requests(api) if r[1].endswith("/requestors")]


def created_requestor(api: InstrumentedFakeApi) -> dict[str, Any]:
    ticket: dict[str, Any] = api.tenant.tickets.get_ticket(1048)["requestor"]
    return ticket


async def test_a_requestor_of_the_client_is_found_in_the_clients_list(api: InstrumentedFakeApi) -> None:
    result = await call(api, "create_ticket", {**TICKET, "client_id": 102, "requestor_name": "Juliana"})
    assert not result.is_error, text_of(result)
    assert requestor_lookups(api) == [("GET", "/clients/102/requestors", "offset=1&limit=10&name=Juliana")]
    assert created_requestor(api)["id"] == 213
    assert '`requestor_name` "Juliana" → Juliana Prado' in text_of(result)


async def test_when_the_clients_list_is_refused_every_clients_list_is_asked(api: InstrumentedFakeApi) -> None:
    api.faults.add(Fault.answer(403).on("GET", "/api/v2/clients/102/requestors"))
    result = await call(api, "create_ticket", {**TICKET, "client_id": 102, "requestor_name": "Juliana"})
    assert not result.is_error, text_of(result)
    assert requestor_lookups(api) == [
        ("GET", "/clients/102/requestors", "offset=1&limit=10&name=Juliana"),
        ("GET", "/requestors", "offset=1&limit=10&name=Juliana"),
    ]
    assert created_requestor(api)["id"] == 213


async def test_a_person_of_another_client_is_not_the_requestor(api: InstrumentedFakeApi) -> None:
    api.faults.add(Fault.answer(403).on("GET", "/api/v2/clients/101/requestors"))
    result = await call(api, "create_ticket", {**TICKET, "client_id": 101, "requestor_name": "Juliana"})
    assert not result.is_error, text_of(result)
    assert created_requestor(api)["id"] not in (213,)
    assert created_requestor(api)["name"] == "Juliana"
    assert 'Solicitante novo: "Juliana"' in text_of(result)


async def test_with_neither_list_readable_the_name_goes_as_given(api: InstrumentedFakeApi) -> None:
    api.faults.add(Fault.answer(403).on("GET", "/api/v2/clients/101/requestors"))
    api.faults.add(Fault.answer(403).on("GET", "/api/v2/requestors"))
    result = await call(api, "create_ticket", {**TICKET, "client_id": 101, "requestor_name": "Carlos Souza"})
    assert not result.is_error, text_of(result)
    assert created_requestor(api)["name"] == "Carlos Souza"


async def test_a_new_requestor_is_then_listed_in_the_client(api: InstrumentedFakeApi) -> None:
    result = await call(api, "create_ticket", {**TICKET, "client_id": 101, "requestor_name": "Paulo Novo"})
    assert not result.is_error, text_of(result)
    listed = await call(api, "list_requestors", {"client_id": 101, "name": "Paulo"}, language="en")
    assert "Paulo Novo" in text_of(listed)


async def test_another_error_of_the_clients_list_is_not_a_new_requestor(api: InstrumentedFakeApi) -> None:
    api.faults.add(Fault.answer(500).on("GET", "/api/v2/clients/102/requestors"), times=5)
    result = await call(api, "create_ticket", {**TICKET, "client_id": 102, "requestor_name": "Juliana"})
    assert result.is_error
    assert [r for r in api_requests(api) if r[0] == "POST"] == []
