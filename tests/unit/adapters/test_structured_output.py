"""Every tool answers with `structuredContent` beside its Markdown, in the shape its spec declares
(`output_model`); customer text is cleaned there too."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

import pytest
from mcp import Client
from pydantic import ConfigDict, with_config
from typing_extensions import TypedDict

from adapters.mcp.structured import declared_shape, structured
from adapters.mcp.tools import ALL_TOOLS
from adapters.tiflux.fake.tenant import FakeTenant
from tests.conftest import serve_demo
from tests.e2e.test_secrets import SESSION

pytestmark = pytest.mark.anyio
INVISIBLE = "\u200b\u202e\u2066\ufeff"


@pytest.fixture
async def client() -> AsyncIterator[Client]:
    async with asynccontextmanager(serve_demo)(FakeTenant.demo()) as connected:
        yield connected


def first_calls() -> dict[str, dict[str, object]]:
    """One successful call of each tool on the demo tenant."""
    calls: dict[str, dict[str, object]] = {}
    for name, arguments in SESSION:  # the first, successful call of each tool in the secrets session
        calls.setdefault(name, arguments)
    calls["get_internal_communication"] = {"ticket_number": "1040", "communication_id": 3101}
    calls["create_appointment"] = {
        "ticket_number": "1042",
        "date": "2025-03-14",
        "init_time": "09:00",
        "end_time": "10:00",
        "description": "Análise",
    }
    # field 73 of ticket 1042 is a date (the secrets session only needs the call to reach TiFlux)
    calls["update_ticket_entities"] = {
        "ticket_number": "1042",
        "entities": [{"entity_field_id": 73, "value": "2025-01-15"}],
    }
    assert set(calls) >= {spec.name for spec in ALL_TOOLS}
    return calls


# The other shape of the tools whose answer has two: a name found among all, or one catalog item.
OTHER_SHAPES: list[tuple[str, dict[str, object]]] = [
    ("list_desk_priorities", {"desk_id": 14, "priority_name": "alta"}),
    ("list_desk_services_catalogs", {"desk_id": 14, "catalog_name": "infra"}),
    ("search_catalog_item", {"desk_id": 14, "catalog_item_name": "impressora"}),
]


async def test_every_tool_answers_with_structured_content_of_its_declared_shape(client: Client) -> None:
    specs = {spec.name: spec for spec in ALL_TOOLS}
    calls = first_calls()
    for name, arguments in [*((spec.name, calls[spec.name]) for spec in ALL_TOOLS), *OTHER_SHAPES]:
        result = await client.call_tool(name, arguments)
        assert not result.is_error, (name, result.content)
        data = result.structured_content
        assert isinstance(data, dict) and data, name
        json.dumps(data)  # JSON all the way down
        assert declared_shape(specs[name].output_model).validate_python(data) == data, name  # strict, closed


async def test_the_other_shapes_are_the_other_branch_of_their_declaration(client: Client) -> None:
    keys = {}
    for name, arguments in OTHER_SHAPES:
        data = (await client.call_tool(name, arguments)).structured_content
        assert data is not None
        keys[name] = set(data)
    assert keys["list_desk_priorities"] == keys["list_desk_services_catalogs"] == {"desk", "term", "items"}
    assert keys["search_catalog_item"] == {"desk", "item"}


def test_a_result_that_does_not_fit_its_declared_shape_still_goes_out(
    caplog: pytest.LogCaptureFixture,
) -> None:
    @with_config(ConfigDict(extra="forbid", strict=True))
    class Declared(TypedDict):
        id: int

    @dataclass
    class Result:
        id: int
        secret_title: str

    data = structured(Result(7, "Cliente Confidencial"), Declared)
    assert data == {"id": 7, "secret_title": "Cliente Confidencial"}
    assert "secret_title" in caplog.text and "Confidencial" not in caplog.text  # where, never what


async def test_the_ticket_is_data_with_its_description_as_plain_text(client: Client) -> None:
    data = (await client.call_tool("get_ticket", {"ticket_number": "1040"})).structured_content
    assert data is not None
    assert data["number"] == 1040 and data["desk"]["id"] == 14
    assert "<" not in data["description"] and "ERRO 07" in data["description"]
    assert "description_html" not in data


async def test_errors_carry_no_structured_content(client: Client) -> None:
    result = await client.call_tool("get_ticket", {"ticket_number": "abc"})
    assert result.is_error and result.structured_content is None


def test_customer_text_is_cleaned_and_html_bodies_become_text() -> None:
    @dataclass
    class Note:
        id: int
        text_html: str
        author: str | None = None
        tags: tuple[str, ...] = ()

    data = structured(Note(7, f"<p>Oi{INVISIBLE}<script>x()</script></p>", f"Ana{INVISIBLE}"))
    assert data == {"id": 7, "text": "Oi", "author": "Ana"}
    assert structured([1, 2]) == {"result": [1, 2]}
