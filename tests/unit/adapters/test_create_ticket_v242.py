"""create_ticket at 2.42's depth (issue 18, v2.42/tickets.md §20.2): the requestor by e-mail is resolved
among the client's people too, through the MCP server on the demo tenant over HTTP."""

from __future__ import annotations

from typing import Any

import pytest

from adapters.i18n import Language
from adapters.tiflux.fake.tenant import FakeTenant
from tests.support.demo_client import connect, text_of
from tests.support.fake_api import InstrumentedFakeApi

pytestmark = pytest.mark.anyio

TICKET = {"title": "Impressora", "description": "Não imprime", "client_id": 101, "desk_id": 15}


async def create(api: InstrumentedFakeApi, arguments: dict[str, Any], language: Language = "pt-BR") -> str:
    async with connect(api, language)() as client:
        result = await client.call_tool("create_ticket", {**TICKET, **arguments})
    assert not result.is_error, text_of(result)
    return text_of(result)


async def test_a_known_e_mail_becomes_the_requestor_id() -> None:
    api = InstrumentedFakeApi(FakeTenant.demo())
    text = await create(
        api, {"requestor_email": "CARLOS.souza@padariapaoquente.com.br", "requestor_name": "X"}
    )
    assert '`requestor_email` "CARLOS.souza@padariapaoquente.com.br" → Carlos Souza' in text
    assert api.tenant.tickets.get_ticket(1048)["requestor"]["id"] == 205
    assert [m for m, _p, _q, _t in api.requests].count("POST") == 1


async def test_an_e_mail_of_another_client_or_unknown_goes_as_given() -> None:
    api = InstrumentedFakeApi(FakeTenant.demo())
    await create(api, {"requestor_email": "beatriz.almeida@construtorahorizonte.com.br"}, "en")
    requestor = api.tenant.tickets.get_ticket(1048)["requestor"]
    assert requestor["email"] == "beatriz.almeida@construtorahorizonte.com.br"
    await create(api, {"requestor_email": "nova.pessoa@padariapaoquente.com.br", "requestor_name": "Nova"})
    created = api.tenant.tickets.get_ticket(1049)["requestor"]
    assert created["email"] == "nova.pessoa@padariapaoquente.com.br" and created["id"] not in (205, 206)
