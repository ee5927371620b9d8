"""Desk names the API's exact filter misses are looked up among every page of active desks (v2.42 assets.md
C.1), through the MCP server and the HTTP adapter on a fake tenant with thousands of desks."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.responses import JSONResponse
from starlette.types import Receive, Scope, Send

from adapters.tiflux.fake.tenant import FakeTenant
from adapters.tiflux.fake.tenant.data import load_demo_data
from tests.support import demo_client
from tests.support.demo_client import call, fail, sent
from tests.support.fake_api import InstrumentedFakeApi

pytestmark = pytest.mark.anyio

DESKS = "/api/v2/desks"


def crowded(extra: int, target_at: int) -> InstrumentedFakeApi:
    """The demo tenant with `extra` more active desks; desk 90000 + `target_at` is "Plantão Noturno"."""
    data: dict[str, Any] = load_demo_data()
    template = data["desks"][0]
    for n in range(extra):
        name = "Plantão Noturno" if n == target_at else f"Fila {n:05d}"
        data["desks"].append({**template, "id": 90000 + n, "name": name, "display_name": name})
    return InstrumentedFakeApi(FakeTenant(data))


async def test_a_name_the_filter_misses_is_found_on_a_later_page() -> None:
    api = crowded(2300, target_at=2250)  # on page 12: past the 10 pages other lookups read
    async with demo_client.connect(api, "pt-BR")() as client:
        text, data = await call(client, "get_desk", {"desk_name": "plantao noturno"})
    assert data["id"] == 92250 and "Plantão Noturno" in text
    requests = [r for r in sent(api) if r[1] == DESKS]
    assert requests[0][2] == "active=true&name=plantao+noturno&offset=1&limit=200"
    pages = [query for _method, _path, query in requests[1:]]
    assert pages == [f"active=true&offset={n}&limit=200" for n in range(1, 13)]  # 12th page is short


class FailingPage(InstrumentedFakeApi):
    """The fake, except that page 2 of the desks answers 503 (every time it is asked)."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        query = scope.get("query_string", b"")
        if scope.get("path") == DESKS and b"offset=2&" in query and b"name=" not in query:
            self.requests.append(("GET", DESKS, query.decode(), None))
            await JSONResponse({"message": "unavailable"}, status_code=503)(scope, receive, send)
            return
        await super().__call__(scope, receive, send)


async def test_a_failed_page_fails_the_lookup_instead_of_a_false_not_found() -> None:
    api = crowded(450, target_at=440)
    failing = FailingPage(api.tenant)
    async with demo_client.connect(failing, "pt-BR")() as client:
        text = await fail(client, "get_desk", {"desk_name": "plantao noturno"})
    assert "não encontrad" not in text.lower() and "503" in text
    assert any("offset=2&" in query for _m, _p, query in sent(failing))
