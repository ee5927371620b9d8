"""The fake TiFlux's equipment routes (assets.md D.1): filters, include flags, the unpaged softwares."""

from __future__ import annotations

import pytest
from starlette.applications import Starlette

from adapters.tiflux.fake.asgi import create_fake_api_app
from adapters.tiflux.fake.tenant import FakeTenant
from tests.unit.fake.test_fake_api_app import Api, ids


@pytest.fixture
def api() -> Api:
    app: Starlette = create_fake_api_app(FakeTenant.demo())
    return Api(app)


def test_equipment_list_filters_by_client_and_includes_hardware_only_when_asked(api: Api) -> None:
    plain = api.get("/equipments", params={"client_id": 101})
    assert ids(plain) == [4001, 4002] and plain.headers["X-Total-Items"] == "2"
    assert all("manufacturer" not in item and "system" not in item for item in plain.json())
    full = api.get("/equipments", params={"include_manufacturer": "true", "include_system": "true"})
    assert full.json()[0]["manufacturer"]["model"] == "ProBook 440 G8" and full.json()[0]["system"]
    assert api.get("/equipments", params={"client_id": 0}).status_code == 422


def test_detail_softwares_groups_and_types(api: Api) -> None:
    assert api.get("/equipments/4001").json()["memory"]["total_gb"] == 15.7
    assert api.get("/equipments/4999").status_code == 404
    assert len(api.get("/equipments/4001/softwares").json()) == 7
    assert api.get("/equipments/4004/softwares").json() == []
    assert api.get("/equipments/4999/softwares").status_code == 404
    assert api.get("/equipments/4001/softwares", params={"limit": 20}).status_code == 400
    assert ids(api.get("/equipment-groups", params={"client_id": 103})) == [4104]
    assert ids(api.get("/equipment-types", params={"name": "ESTA"})) == [4201]


def test_create_and_update_check_client_type_group_and_dates(api: Api) -> None:
    body = {"name": "NB-RECEPCAO-02", "client_id": 103, "equipment_type_id": 4201}
    created = api.request("POST", "/equipments", json=body)
    assert created.status_code == 201 and created.json()["id"] == 4007
    assert created.json()["equipment_group"] == {"id": 4104, "name": "Recepção"}  # the client's first group
    assert api.get("/equipments/4007").json()["disks"] == []
    for bad in (
        {**body, "client_id": 999},
        {**body, "equipment_type_id": 9},
        {**body, "equipment_group_id": 4101},  # a group of another client
        {**body, "equipment_group_id": None},
        {**body, "acquisition_date": "2026-05-04", "warranty_date": "2025-05-04"},
        {**body, "name": ""},
    ):
        assert api.request("POST", "/equipments", json=bad).status_code == 422, bad
    changed = api.request("PUT", "/equipments/4002", json={"equipment_group_id": 4101})
    assert changed.status_code == 200 and changed.json()["equipment_group"]["id"] == 4101
    assert api.request("PUT", "/equipments/4002", json={"equipment_group_id": 4104}).status_code == 422
    assert api.request("PUT", "/equipments/4004", json={"warranty_date": "2000-01-01"}).status_code == 422
    assert api.request("PUT", "/equipments/4999", json={"name": "X"}).status_code == 404
