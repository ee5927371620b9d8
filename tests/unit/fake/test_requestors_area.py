"""The fake's requestors, technical users and departments (people.md §6): filters, 404s, writes, 422s."""

from __future__ import annotations

import pytest

from adapters.tiflux.fake.tenant import FakeTenant
from adapters.tiflux.fake.tenant.errors import FakeApiError


@pytest.fixture
def tenant() -> FakeTenant:
    return FakeTenant.demo()


def ids(items: list[dict[str, object]]) -> list[object]:
    return [item["id"] for item in items]


def test_requestors_filter_on_every_client(tenant: FakeTenant) -> None:
    area = tenant.requestors
    assert ids(area.list_requestors(name="ANA")) == [207, 211, 213]  # accent- and case-blind substring
    assert ids(area.list_requestors(name="vinicius")) == [212]
    assert ids(area.list_requestors(email="HORIZONTE")) == [206, 212, 213]
    assert ids(area.list_requestors(telephone="3322")) == [211]
    assert ids(area.list_requestors(can_open_ticket=False)) == [208, 211, 213]
    assert all("_entities" not in item for item in area.list_requestors())


def test_a_clients_requestors_and_one_requestor(tenant: FakeTenant) -> None:
    area = tenant.requestors
    assert ids(area.client_requestors(102, extension="31")) == [206]
    assert ids(area.client_requestors(104)) == [208]
    assert "entities" not in area.get_requestor(103, 207)
    assert area.get_requestor(103, 207, include_entity_fields=True)["entities"][0]["id"] == 17
    for call in (lambda: area.client_requestors(999), lambda: area.get_requestor(101, 207)):
        with pytest.raises(FakeApiError) as caught:
            call()
        assert caught.value.status == 404


def test_requestor_writes(tenant: FakeTenant) -> None:
    area = tenant.requestors
    created = area.create_requestor(103, {"name": "Renata Lopes", "email": "r@x.com.br", "country": "BR"})
    assert (created["id"], created["client"]["id"]) == (214, 103)
    assert area.update_requestor(103, 207, {"extension": "4"})["extension"] == "4"
    for bad in ({"name": "Sem e-mail"}, {"name": "X", "email": "x@y.z", "telephone": ""}):
        with pytest.raises(FakeApiError) as caught:
            area.create_requestor(103, bad)
        assert caught.value.status == 422
    with pytest.raises(FakeApiError) as caught:
        area.update_requestor(103, 207, {})
    assert caught.value.status == 422


def test_technical_users_and_departments(tenant: FakeTenant) -> None:
    area = tenant.requestors
    assert ids(area.list_technical_users(name="lima")) == [203]
    assert ids(area.list_technical_users(client_id=101)) == [201, 202]
    assert ids(area.list_technical_users(client_id=104)) == []
    assert all("_client_ids" not in item for item in area.list_technical_users())
    assert ids(area.list_departments(name="COMERCIAL")) == [24]
    assert ids(area.list_departments(name="xyz")) == []
    assert ids(area.list_departments(name="técnico")) == [23]
