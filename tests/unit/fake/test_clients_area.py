"""The fake's clients area (people.md §1, §6): one client and its variant, filters, 404s, writes, 422s."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from adapters.tiflux.fake.tenant import FakeTenant
from adapters.tiflux.fake.tenant.errors import FakeApiError


@pytest.fixture
def tenant() -> FakeTenant:
    return FakeTenant.demo()


def ids(items: list[dict[str, Any]]) -> list[object]:
    return [item["id"] for item in items]


def status_of(call: Callable[[], object]) -> int:
    with pytest.raises(FakeApiError) as caught:
        call()
    return caught.value.status


def test_one_client_with_its_links_and_custom_fields_only_when_asked(tenant: FakeTenant) -> None:
    area = tenant.clients
    client = area.get_client(103)
    assert client["social_revenue"] == "34.567.890/0001-12" and client["max_agents"] == 10
    assert ids(client["desks"]) == [11, 14, 15] and ids(client["technical_groups"]) == [31, 33]
    assert "entities" not in client
    fields = area.get_client(103, show_entities=True)["entities"][0]["entity_fields"]
    assert [field["value"] for field in fields] == ["Isento", "Saúde"]
    assert area.get_client(104)["technical_groups"] == [] and area.get_client(104)["status"] is False
    assert status_of(lambda: area.get_client(999)) == 404


def test_the_client_list_filters_by_status_and_tax_id(tenant: FakeTenant) -> None:
    people = tenant.people
    assert ids(people.list_clients(active=False)) == [104]
    assert ids(people.list_clients(social_revenue="890/0001-12")) == [103]  # punctuation ignored
    assert ids(people.list_clients(social_revenue="34.567")) == [101, 102, 103]
    assert people.list_clients(name="clínica")[0]["email_financial"] == "financeiro@clinicavidaplena.com.br"


def test_desks_and_groups_of_a_client_are_paged(tenant: FakeTenant) -> None:
    area = tenant.clients
    assert ids(area.client_desks(102, limit=2)) == [12, 14]
    assert ids(area.client_desks(102, offset=2, limit=2)) == [15]
    assert area.client_desks(104)[1] == {
        "id": 16,
        "name": "Infra Legado",
        "display_name": "Infraestrutura (antiga)",
        "active": False,
    }
    assert area.client_technical_groups(104) == []
    assert status_of(lambda: area.client_desks(999)) == 404
    assert status_of(lambda: area.client_technical_groups(999)) == 404


def test_creating_a_client_links_desks_and_groups_and_lists_it(tenant: FakeTenant) -> None:
    area = tenant.clients
    created = area.create_client(
        {
            "name": "Oficina Dois Irmãos",
            "social": "Oficina Mecânica Ltda",
            "desk_ids": [14],
            "technical_group_ids": [31],
        }
    )
    assert created["id"] == 105 and ids(created["desks"]) == [14] and ids(created["technical_groups"]) == [31]
    assert 105 in ids(tenant.people.list_clients(name="oficina"))
    everything = area.create_client({"name": "A", "social": "B", "add_all_desks": True})
    assert ids(everything["desks"]) == [11, 12, 13, 14, 15, 16]


def test_updating_a_client_merges_the_body_and_replaces_the_links(tenant: FakeTenant) -> None:
    area = tenant.clients
    updated = area.update_client(103, {"max_agents": 12, "desk_ids": [14]})
    assert updated["max_agents"] == 12 and ids(updated["desks"]) == [14]
    assert updated["name"] == "Clínica Vida Plena"
    assert status_of(lambda: area.update_client(999, {"status": True})) == 404


@pytest.mark.parametrize(
    "body",
    [
        {"name": "Sem razão social"},
        {"name": "X", "social": " "},
        {"name": "X", "social": "Y", "desk_ids": [999]},
        {"name": "X", "social": "Y", "max_agents": -1},
        {"name": "X", "social": "Y", "billing_report_type": "pdf"},
        {"name": "X", "social": "Y", "status": "yes"},
    ],
)
def test_what_tiflux_refuses_is_a_422(tenant: FakeTenant, body: dict[str, Any]) -> None:
    assert status_of(lambda: tenant.clients.create_client(body)) == 422


def test_an_update_with_nothing_is_a_422(tenant: FakeTenant) -> None:
    assert status_of(lambda: tenant.clients.update_client(103, {})) == 422


def test_a_portal_user_is_a_user_of_type_client_and_an_email_is_taken_once(tenant: FakeTenant) -> None:
    area = tenant.clients
    created = area.create_client_user(103, {"user": {"name": "Paulo", "email": "paulo@x.com.br"}})
    assert created["_type"] == "client" and created["client_ids"] == [103]
    assert tenant.people.list_users(type="client")[-1]["id"] == created["id"]
    bodies: list[dict[str, Any]] = [
        {"user": {"name": "Outro", "email": "PAULO@x.com.br"}},
        {"name": "Sem wrapper", "email": "a@b.c"},
    ]
    for body in bodies:
        with pytest.raises(FakeApiError) as caught:
            area.create_client_user(103, body)
        assert caught.value.status == 422
    assert status_of(lambda: area.create_client_user(999, {"user": {"name": "A", "email": "a@b.c"}})) == 404


def test_email_permissions_refuse_a_repeat_and_what_is_not_an_address(tenant: FakeTenant) -> None:
    area = tenant.clients
    assert area.add_email_permission(103, {"address": "@clinicavidaplena.com.br"})["id"] == 801
    bodies: list[dict[str, Any]] = [{"address": "@CLINICAVIDAPLENA.com.br"}, {"address": "clinica"}, {}]
    for body in bodies:
        with pytest.raises(FakeApiError) as caught:
            area.add_email_permission(103, body)
        assert caught.value.status == 422
    assert status_of(lambda: area.add_email_permission(999, {"address": "@x.com"})) == 404


def test_client_custom_fields_take_only_client_entity_fields(tenant: FakeTenant) -> None:
    area = tenant.clients
    answer = area.update_client_entities(103, {"entities": [{"entity_field_id": 84, "value": "255.444.321"}]})
    assert answer["entities"][0]["entity_fields"][0]["value"] == "255.444.321"
    assert (
        area.update_client_entities(101, {"entities": [{"entity_field_id": 85, "value": "31"}]})["entities"][
            0
        ]["entity_fields"][0]["options"][0]["title"]
        == "Alimentação"
    )
    bodies: list[dict[str, Any]] = [
        {"entities": [{"entity_field_id": 80, "value": "1"}]},  # a ticket's field
        {"entities": [{"entity_field_id": 85, "value": "99"}]},  # not an option
        {"entities": []},
    ]
    for body in bodies:
        with pytest.raises(FakeApiError) as caught:
            area.update_client_entities(103, body)
        assert caught.value.status == 422
    assert status_of(lambda: area.update_client_entities(999, {"entities": []})) == 404


def test_addresses_of_a_client(tenant: FakeTenant) -> None:
    area = tenant.clients
    assert ids(area.client_addresses(103)) == [504, 505] and area.client_addresses(104) == []
    assert status_of(lambda: area.get_client_address(103, 501)) == 404  # another client's
    created = area.create_client_address(
        103,
        {
            "address": {
                "cep": "89010-200",
                "city": "B",
                "neighborhood": "C",
                "number": 950,
                "state": "SC",
                "street": "R",
            }
        },
    )
    assert created["id"] == 506 and created["complement"] is None
    assert area.update_client_address(103, 504, {"address": {"number": 89}})["number"] == 89
    area.delete_client_address(103, 505)
    assert ids(area.client_addresses(103)) == [504, 506]
    bodies: list[dict[str, Any]] = [
        {"address": {"city": "B"}},
        {"cep": "89010-200"},
        {"address": {"number": "950"}},
    ]
    for body in bodies:
        with pytest.raises(FakeApiError) as caught:
            area.create_client_address(103, body)
        assert caught.value.status == 422
    assert status_of(lambda: area.delete_client_address(103, 505)) == 404


def test_contacts_take_number_and_serve_telephone(tenant: FakeTenant) -> None:
    area = tenant.clients
    assert ids(area.client_contacts(101)) == [701, 702]
    created = area.create_client_contact(
        103, {"contact": {"use": "Commercial", "number": "4730405099", "owner": "R", "email": "r@x.com.br"}}
    )
    assert created["id"] == 706 and created["telephone"] == "4730405099" and "number" not in created
    assert (
        area.update_client_contact(103, 704, {"contact": {"number": "4733334444"}})["telephone"]
        == "4733334444"
    )
    area.delete_client_contact(103, 705)
    assert status_of(lambda: area.get_client_contact(103, 705)) == 404
    bodies: list[dict[str, Any]] = [{"contact": {"use": "X"}}, {"contact": {"number": "12"}}, {"use": "X"}]
    for body in bodies:
        with pytest.raises(FakeApiError) as caught:
            area.create_client_contact(103, body)
        assert caught.value.status == 422
