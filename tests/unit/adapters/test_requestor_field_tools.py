"""update_requestor_entities (issue 19, people.md §3.6) through the MCP server, over HTTP to the fake TiFlux,
with every request recorded: fields found only among the requestor entities' fields, values checked against
their field's type and options, nothing sent when one item is wrong."""

from __future__ import annotations

from typing import Any

import pytest

from adapters.tiflux.fake.tenant import FakeTenant
from tests.support.fake_api import InstrumentedFakeApi
from tests.support.faults import Fault
from tests.unit.adapters.test_requestor_tools import api_requests, call, text_of

pytestmark = pytest.mark.anyio

CATALOGUE = [
    ("GET", "/entities", "offset=1&limit=200&applied_in=solicitant"),
    ("GET", "/entities/17/fields", "offset=1&limit=200"),
]


@pytest.fixture
def api() -> InstrumentedFakeApi:
    return InstrumentedFakeApi(FakeTenant.demo())


def puts(api: InstrumentedFakeApi) -> list[tuple[str, str, str]]:
    return [r for r in api_requests(api) if r[0] == "PUT"]


def stored_fields(api: InstrumentedFakeApi, client_id: int, requestor_id: int) -> dict[int, Any]:
    found = api.tenant.requestors.get_requestor(client_id, requestor_id, include_entity_fields=True)
    return {
        field["entity_field_id"]: (
            field["value"],
            [o["entity_field_option_id"] for o in field.get("options") or []],
        )
        for entity in found["entities"]
        for field in entity["entity_fields"]
    }


async def test_fields_and_a_select_option_by_name_as_the_official_capture(api: InstrumentedFakeApi) -> None:
    entities = [
        {"field": "cargo", "value": "Coordenadora de recepção"},
        {"field": "setor", "value": "financeiro"},
        {"field": 173, "value": "Aprovar compras"},
        {"field": "174", "value": None},
    ]
    result = await call(
        api, "update_requestor_entities", {"client_id": 103, "requestor_id": 207, "entities": entities}
    )
    text = text_of(result)
    assert not result.is_error, text
    assert api_requests(api) == [
        *CATALOGUE,
        ("GET", "/entity_fields/172/options", "offset=1&limit=200"),
        ("GET", "/entity_fields/173/options", "offset=1&limit=200"),
        ("PUT", "/clients/103/requestors/207/entities", ""),
    ]
    stored = stored_fields(api, 103, 207)
    assert stored[171] == ("Coordenadora de recepção", [])
    assert stored[172] == ("Financeiro", [1722])
    assert stored[173] == ("true", [1731])  # 1732 unmarked: the checkbox holds what was named
    assert stored[174] == (None, [])
    assert "Itens enviados" in text and "Setor (172): Financeiro" in text
    assert '`entities[1].value` "financeiro" → Financeiro · ID 1722' in text
    structured = result.structured_content
    assert (structured["client_id"], structured["requestor_id"], structured["sent"]) == (103, 207, 5)


async def test_a_client_field_is_never_sent_to_a_requestor(api: InstrumentedFakeApi) -> None:
    # 2.42 resolves names among every entity and can send a client's field (84) to a requestor.
    by_id = [{"field": 84, "value": "255.444.321"}]
    result = await call(
        api, "update_requestor_entities", {"client_id": 103, "requestor_id": 207, "entities": by_id}
    )
    assert result.is_error
    assert "entities[0].field" in text_of(result) and "171 Cargo" in text_of(result)
    by_name = [{"field": "Inscrição estadual", "value": "255.444.321"}]
    result = await call(
        api, "update_requestor_entities", {"client_id": 103, "requestor_id": 207, "entities": by_name}
    )
    assert result.is_error, text_of(result)
    assert puts(api) == []


@pytest.mark.parametrize(
    ("item", "field"),
    [
        ({"field": 173, "value": "Aprovar compras, sim"}, "sim"),
        ({"field": 173, "value": "1721"}, "entities[0].value[0]"),
        ({"field": 172, "value": "999"}, "entities[0].value"),
        ({"field": "Cargo", "value": "x" * 10_001}, "value"),
        ({"field": "setor", "value": "marketing"}, "marketing"),
    ],
)
async def test_a_value_that_does_not_fit_its_field_is_refused_before_the_write(
    api: InstrumentedFakeApi, item: dict[str, Any], field: str
) -> None:
    entities = [{"field": 171, "value": "ok"}, item]
    result = await call(
        api, "update_requestor_entities", {"client_id": 103, "requestor_id": 207, "entities": entities}
    )
    assert result.is_error, text_of(result)
    assert field in text_of(result).replace("entities[1]", "entities[0]")
    assert puts(api) == []
    assert stored_fields(api, 103, 207)[171] == ("Gerente administrativa", [])


@pytest.mark.parametrize(
    "args",
    [
        {"client_id": 103, "requestor_id": 207, "entities": []},
        {"client_id": 103, "requestor_id": 207},
        {"client_id": 103, "entities": [{"field": 171, "value": "x"}]},
        {"client_id": 103, "requestor_id": 0, "entities": [{"field": 171, "value": "x"}]},
        {"requestor_id": 207, "entities": [{"field": 171, "value": "x"}]},
        {"client_id": 103, "requestor_id": 207, "entities": [{"value": "x"}]},
        {"client_id": 103, "requestor_id": 207, "entities": [{"field": 171}]},
        {"client_id": 103, "requestor_id": 207, "entities": [{"field": True, "value": "x"}]},
        {"client_id": 103, "requestor_id": 207, "entities": [{"field": 0, "value": "x"}]},
        {"client_id": 103, "requestor_id": 207, "entities": [{"field": " ", "value": "x"}]},
        {"client_id": 103, "requestor_id": 207, "entities": [{"field": 171, "value": 5}]},
        {"client_name": "clínica", "requestor_id": 207, "entities": [{"field": 171, "value": "x"}]},
        {
            "client_id": 103,
            "requestor_id": 207,
            "entities": [{"field": 171, "value": "x", "other": 1}],
        },
        {
            "client_id": 103,
            "requestor_id": 207,
            "entities": [{"field": [171], "value": "x"}],
        },
        {"client_id": 103, "requestor_id": 207, "entities": [{"field": 171, "value": "x"}] * 51},
    ],
)
async def test_bad_input_is_refused_before_any_request(
    api: InstrumentedFakeApi, args: dict[str, Any]
) -> None:
    result = await call(api, "update_requestor_entities", args)
    assert result.is_error, text_of(result)
    assert api_requests(api) == []


async def test_a_new_requestor_gets_its_first_values_in_english(api: InstrumentedFakeApi) -> None:
    entities = [{"field": "Setor", "value": "1723"}]
    result = await call(
        api,
        "update_requestor_entities",
        {"client_id": 101, "requestor_id": 211, "entities": entities},
        language="en",
    )
    assert not result.is_error, text_of(result)
    assert "Custom fields of requestor 211 updated" in text_of(result) and "Items sent" in text_of(result)
    assert stored_fields(api, 101, 211)[172] == ("Diretoria", [1723])
    assert puts(api) == [("PUT", "/clients/101/requestors/211/entities", "")]


async def test_the_write_is_sent_once_when_the_outcome_is_unknown(api: InstrumentedFakeApi) -> None:
    api.faults.add(Fault.answer(502).on("PUT", "/api/v2/clients/103/requestors/207/entities"), times=3)
    entities = [{"field": 171, "value": "Gerente"}]
    result = await call(
        api, "update_requestor_entities", {"client_id": 103, "requestor_id": 207, "entities": entities}
    )
    assert result.is_error
    assert puts(api) == [("PUT", "/clients/103/requestors/207/entities", "")]


async def test_a_requestor_of_another_client_is_not_found(api: InstrumentedFakeApi) -> None:
    entities = [{"field": 171, "value": "Gerente"}]
    result = await call(
        api, "update_requestor_entities", {"client_id": 101, "requestor_id": 207, "entities": entities}
    )
    assert result.is_error
    assert stored_fields(api, 103, 207)[171] == ("Gerente administrativa", [])


def test_the_fake_refuses_a_field_that_is_not_a_requestors(api: InstrumentedFakeApi) -> None:
    from adapters.tiflux.fake.tenant.errors import FakeApiError

    with pytest.raises(FakeApiError):
        api.tenant.requestors.update_requestor_entities(
            103, 207, {"entities": [{"entity_field_id": 84, "value": "x"}]}
        )
