"""get_ticket at 2.42's depth (tickets.md §20.1), against the fake over HTTP with the requests recorded."""

from __future__ import annotations

from typing import Any, Literal

import pytest

from adapters.tiflux.fake.tenant import FakeTenant
from tests.support.fake_api import InstrumentedFakeApi
from tests.unit.adapters.test_requestor_tools import api_requests, connect, text_of

pytestmark = pytest.mark.anyio

WARNING = {
    "pt-BR": "Atenção: o TiFlux também enviou campos fora das entidades:",
    "en": "Warning: TiFlux also sent fields outside the entities:",
}
REQUIRED = {"pt-BR": "campo 80, obrigatório", "en": "field 80, required"}


def _tenant_with_2_42_fields() -> FakeTenant:
    """1042 with a checkbox whose `options` is null and a header option with neither id nor value."""
    tenant = FakeTenant.demo()
    fields: list[dict[str, Any]] = tenant._state.ticket_entities[1042][0]["entity_fields"]
    fields.append(
        {
            "entity_field_id": 99,
            "name": "Sem opções",
            "field_type": "checkbox",
            "required": False,
            "value": None,
            "options": None,
        }
    )
    gravidade = next(f for f in fields if f["entity_field_id"] == 80)
    gravidade["options"].append({"id": None, "title": "Cabeçalho", "value": None})
    return tenant


@pytest.mark.parametrize("language", ["pt-BR", "en"])
async def test_required_marker_root_fields_and_marked_options(language: Literal["pt-BR", "en"]) -> None:
    api = InstrumentedFakeApi(_tenant_with_2_42_fields())
    arguments = {"ticket_number": 1042, "show_entities": True, "include_filled_entity": True}
    async with connect(api, language) as client:
        result = await client.call_tool("get_ticket", arguments)
    text = text_of(result)
    assert not result.is_error, text
    assert REQUIRED[language] in text
    assert WARNING[language] in text and text.index(WARNING[language]) > text.index("Gravidade")
    assert "Sem opções" in text  # options: null tolerated
    assert "Cabeçalho" not in text  # an option with neither id nor value is not a marked one
    groups = result.structured_content["custom_fields"]
    assert groups[0]["entity_id"] == 10 and "entity_id" not in groups[-1]  # the root fields, after the entity
    assert any(f["field_id"] == 80 and f["required"] for f in groups[0]["fields"])
    root = [f["field_id"] for f in groups[-1]["fields"]]
    assert 72 in root and 74 not in root  # the filled ones
    assert [(m, p) for m, p, _ in api_requests(api)] == [("GET", "/tickets/1042")]


async def test_entities_alone_have_no_warning() -> None:
    api = InstrumentedFakeApi(FakeTenant.demo())
    async with connect(api) as client:
        result = await client.call_tool("get_ticket", {"ticket_number": 1042, "show_entities": True})
    assert WARNING["pt-BR"] not in text_of(result)


@pytest.mark.parametrize("language", ["pt-BR", "en"])
async def test_compact_card_marks_required_fields(
    language: Literal["pt-BR", "en"], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TIFLUX_VERBOSITY", "compact")
    api = InstrumentedFakeApi(FakeTenant.demo())
    async with connect(api, language) as client:
        result = await client.call_tool("get_ticket", {"ticket_number": 1042, "show_entities": True})
    text = text_of(result)
    assert not result.is_error, text
    marker = "obrigatório" if language == "pt-BR" else "required"
    assert f"(id:80, {marker})" in text
