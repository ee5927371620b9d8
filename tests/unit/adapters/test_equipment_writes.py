"""create_equipment and update_equipment (opt-in toolset `equipment`) through the MCP server, on the demo
tenant over HTTP: what is sent, what the tenant then holds, and input refused before any request."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from mcp import Client

from adapters.tiflux.fake.tenant import FakeTenant
from tests.support import demo_client
from tests.support.demo_client import call, fail, sent
from tests.support.fake_api import InstrumentedFakeApi
from tests.support.faults import Fault

pytestmark = pytest.mark.anyio


@pytest.fixture
def tenant() -> FakeTenant:
    return FakeTenant.demo()


@pytest.fixture
def api(tenant: FakeTenant) -> InstrumentedFakeApi:
    return InstrumentedFakeApi(tenant)


@pytest.fixture
async def client(api: InstrumentedFakeApi) -> AsyncIterator[Client]:
    async with demo_client.connect(api, "pt-BR", "equipment")() as connected:
        yield connected


async def test_create_equipment_for_a_client_named(
    client: Client, api: InstrumentedFakeApi, tenant: FakeTenant
) -> None:
    text, data = await call(
        client,
        "create_equipment",
        {
            "name": "NB-RECEPCAO-02",
            "client_name": "clinica vida",
            "equipment_type_id": 4201,
            "acquisition_date": "2026-05-04",
            "warranty_date": "2029-05-04",
        },
    )
    assert "Recurso criado: NB-RECEPCAO-02 · ID 4007." in text
    assert 'Cliente "clinica vida" → Clínica Vida Plena' in text
    assert "Recepção" in text  # no group given: the client's first group
    assert data["fields"] == ["client_id", "name", "equipment_type_id", "acquisition_date", "warranty_date"]
    assert sent(api)[-1] == ("POST", "/api/v2/equipments", "")
    assert tenant.equipment.get_equipment(4007)["equipment_group"] == {"id": 4104, "name": "Recepção"}
    text, _ = await call(client, "list_equipments", {"client_id": 103})
    assert "NB-RECEPCAO-02" in text


async def test_update_equipment_sends_only_what_is_given(
    client: Client, api: InstrumentedFakeApi, tenant: FakeTenant
) -> None:
    text, data = await call(client, "update_equipment", {"equipment_id": 4002, "equipment_group_id": 4101})
    assert "Recurso atualizado: PDV-CAIXA-02 · ID 4002." in text and data["fields"] == ["equipment_group_id"]
    stored = tenant.equipment.get_equipment(4002)
    assert stored["equipment_group"]["id"] == 4101 and stored["name"] == "PDV-CAIXA-02"
    assert sent(api) == [("PUT", "/api/v2/equipments/4002", "")]


async def test_the_api_refuses_a_group_of_another_client(client: Client) -> None:
    text = await fail(client, "update_equipment", {"equipment_id": 4002, "equipment_group_id": 4104})
    assert "equipment_group_id" in text


async def test_an_unknown_equipment_is_not_found(client: Client) -> None:
    text = await fail(client, "update_equipment", {"equipment_id": 4999, "name": "X"})
    assert "4999" in text


@pytest.mark.parametrize(
    ("tool", "arguments", "field"),
    [
        ("create_equipment", {"name": "X", "equipment_type_id": 4201}, "client_id"),
        ("create_equipment", {"name": "X", "client_id": 101}, "equipment_type_id"),
        ("create_equipment", {"client_id": 101, "equipment_type_id": 4201}, "name"),
        (
            "create_equipment",
            {
                "name": "X",
                "client_id": 101,
                "equipment_type_id": 4201,
                "acquisition_date": "2026-05-04",
                "warranty_date": "2025-01-01",
            },
            "warranty_date",
        ),
        (
            "create_equipment",
            {"name": "X", "client_id": 101, "equipment_type_id": 4201, "acquisition_date": "04/05/2026"},
            "acquisition_date",
        ),
        ("update_equipment", {"equipment_id": 4002}, "name"),
        ("update_equipment", {"equipment_id": 4002, "client_id": 102}, "client_id"),
        ("update_equipment", {"equipment_id": "x", "name": "Y"}, "equipment_id"),
    ],
)
async def test_bad_input_is_refused_before_any_request(
    client: Client, api: InstrumentedFakeApi, tool: str, arguments: dict[str, Any], field: str
) -> None:
    text = await fail(client, tool, arguments)
    assert field in text
    assert api.requests == []


async def test_a_403_names_the_permission(client: Client, api: InstrumentedFakeApi) -> None:
    api.faults.add(Fault.answer(403))
    text = await fail(client, "update_equipment", {"equipment_id": 4002, "name": "Y"})
    assert "Gerenciar recursos" in text


async def test_english(api: InstrumentedFakeApi) -> None:
    async with demo_client.connect(api, "en", "equipment")() as client:
        text, _ = await call(
            client, "update_equipment", {"equipment_id": 4002, "warranty_date": "2028-01-01"}
        )
        assert "Equipment updated: PDV-CAIXA-02 · ID 4002." in text and "Fields sent: `warranty_date`" in text
        text = await fail(client, "update_equipment", {"equipment_id": 4002})
    assert "give at least one of" in text
