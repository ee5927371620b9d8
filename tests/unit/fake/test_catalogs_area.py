"""The fake TiFlux's service-catalog routes (assets.md D.1): the `name` filters, 404 for unknown ids,
422 for names in use and bad item times, wrapped bodies, DELETE as 204 without a body, and the cascade."""

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


def test_lists_filter_by_name_and_count(api: Api) -> None:
    every = api.get("/services-catalogs")
    assert ids(every) == [51, 52, 53, 54, 61, 62, 63, 64, 65, 66] and every.headers["X-Total-Items"] == "10"
    assert ids(api.get("/services-catalogs", params={"name": "INFRA"})) == [61, 64]
    assert ids(api.get("/services-catalogs", params={"name": "servicos"})) == [65]  # accents ignored
    assert ids(api.get("/services-catalogs/61/areas", params={"name": "red"})) == [612]
    assert api.get("/services-catalogs/66/areas").json() == []
    assert ids(api.get("/services-catalogs-areas/651/items")) == [6501, 6502, 6503]
    assert ids(api.get("/services-catalogs-areas/611/items", params={"name": "toner"})) == [7002]
    for unknown in ("/services-catalogs/999/areas", "/services-catalogs-areas/999/items"):
        assert api.get(unknown).status_code == 404


def test_writes_take_wrapped_bodies_and_refuse_names_in_use(api: Api) -> None:
    created = api.request(
        "POST", "/services-catalogs", json={"services_catalog": {"name": "Recursos Humanos"}}
    )
    assert created.status_code == 201 and created.json() == {"id": 67, "name": "Recursos Humanos"}
    taken = api.request("POST", "/services-catalogs", json={"services_catalog": {"name": "MOBILE"}})
    assert taken.status_code == 422 and taken.json()["detail"] == {"name": ["já está em uso"]}
    assert api.request("POST", "/services-catalogs", json={"name": "X"}).status_code == 422
    renamed = api.request("PUT", "/services-catalogs/62", json={"services_catalog": {"name": "Mobile"}})
    assert renamed.json()["name"] == "Mobile"  # uniqueness is checked on create only
    area = api.request("POST", "/services-catalogs/61/areas", json={"area": {"name": "Telefonia"}})
    assert area.status_code == 201 and area.json()["id"] == 613
    assert area.json()["services_catalog"] == {"id": 61, "name": "Infraestrutura"}
    assert (
        api.request("POST", "/services-catalogs/61/areas", json={"area": {"name": "rede"}}).status_code == 422
    )
    moved = api.request("PUT", "/services-catalogs/62/areas/612", json={"area": {"name": "X"}})
    assert moved.status_code == 404  # area 612 is in catalog 61


def test_item_times_are_checked(api: Api) -> None:
    path = "/services-catalogs-areas/612/items"
    bad = api.request("POST", path, json={"item": {"name": "X", "start_time": "2:00", "end_time": "1:00"}})
    assert bad.status_code == 422 and "end_time" in bad.json()["detail"]
    missing = api.request("POST", path, json={"item": {"name": "X"}})
    assert set(missing.json()["detail"]) == {"start_time", "end_time"}
    assert (
        api.request(
            "POST", path, json={"item": {"name": "X", "start_time": "1:60", "end_time": "2:00"}}
        ).status_code
        == 422
    )
    good = api.request(
        "POST", path, json={"item": {"name": "Wi-Fi", "start_time": "01:00", "end_time": "120:30"}}
    )
    assert good.status_code == 201 and good.json()["services_catalogs_area"] == {"id": 612, "name": "Rede"}
    changed = api.request("PUT", f"{path}/7004", json={"item": {"end_time": "06:00"}})
    assert changed.json()["end_time"] == "06:00" and changed.json()["name"] == "Lentidão na rede"
    before_start = api.request("PUT", f"{path}/7004", json={"item": {"end_time": "00:10"}})
    assert before_start.status_code == 422
    assert api.request("PUT", f"{path}/7004", json={"item": {"end_time": None}}).status_code == 422
    assert api.request("PUT", f"{path}/9999", json={"item": {"name": "X"}}).status_code == 404


def test_removals_answer_204_without_a_body_and_cascade(api: Api) -> None:
    removed = api.request("DELETE", "/services-catalogs-areas/611/items/7002")
    assert removed.status_code == 204 and removed.content == b""
    assert ids(api.get("/services-catalogs-areas/611/items")) == [7001]
    assert api.request("DELETE", "/services-catalogs/61/areas/612").status_code == 204
    assert api.get("/services-catalogs-areas/612/items").status_code == 404
    assert api.request("DELETE", "/services-catalogs/61").status_code == 204
    assert api.get("/services-catalogs/61/areas").status_code == 404
    assert api.get("/services-catalogs-areas/611/items").status_code == 404
    assert api.request("DELETE", "/services-catalogs/61").status_code == 404
    assert api.request("DELETE", "/services-catalogs-areas/0/items/7004").status_code == 404
