"""FakeTenant: the demo tenant as an in-memory TiFlux API v2."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest

from adapters.tiflux.fake.tenant import FakeApiError, FakeTenant, load_demo_data
from adapters.tiflux.fake.tenant.counted import Counted

NOW = datetime(2025, 3, 14, 13, 0, tzinfo=UTC)
TODAY = date(2025, 3, 14)
OPEN_TICKETS = [1040, 1041, 1042, 1043, 1044, 1047]

CAPTURED_CREATE_FORM = {
    "title": "Computador não liga",
    "description": "<p>O PC da <strong>recepção</strong> não liga.</p>\n",
    "client_id": "103",
    "desk_id": "14",
    "priority_id": "142",
    "services_catalogs_item_id": "7006",
    "requestor_id": "207",
    "responsible_id": "202",
    "followers": "a@x.com,b@y.com",
    "ticket_reference_number": "1040",
}


@pytest.fixture
def tenant() -> FakeTenant:
    return FakeTenant.demo(clock=lambda: NOW, today=TODAY)


def ids(items: list[dict[str, Any]], key: str = "id") -> list[int]:
    return [item[key] for item in items]


def numbers(items: list[dict[str, Any]] | Counted) -> list[int]:
    listed = items.items if isinstance(items, Counted) else items
    assert isinstance(listed, list)
    return ids(listed, "ticket_number")


def api_error(call: Callable[[], object]) -> FakeApiError:
    with pytest.raises(FakeApiError) as caught:
        call()
    return caught.value


def assert_validation_error(call: Callable[[], object]) -> list[str]:
    error = api_error(call)
    assert error.status == 422
    assert error.body["message"] == "Validation failed"
    messages: list[str] = error.body["detail"]["error"]
    assert messages
    return messages


# --- loading --------------------------------------------------------------------------------------------


def test_demo_tenants_never_share_state() -> None:
    first, second = FakeTenant.demo(), FakeTenant.demo()
    first.tickets.update_ticket(1040, {"title": "Changed"})
    assert second.tickets.get_ticket(1040)["title"] != "Changed"


def test_constructor_copies_the_given_data() -> None:
    data = load_demo_data()
    tenant = FakeTenant(data)
    tenant.tickets.update_ticket(1042, {"title": "Changed"})
    assert data["tickets"][2]["title"] != "Changed"


def test_answers_are_copies_of_the_state(tenant: FakeTenant) -> None:
    tenant.tickets.get_ticket(1040)["title"] = "mutated"
    tenant.tickets.list_tickets().items[0]["title"] = "mutated"  # type: ignore[index]
    assert tenant.tickets.get_ticket(1040)["title"] != "mutated"


# --- tickets: reading -----------------------------------------------------------------------------------


def test_get_ticket_returns_the_bare_detail_object(tenant: FakeTenant) -> None:
    ticket = tenant.tickets.get_ticket(1040)
    assert ticket["ticket_number"] == 1040
    assert ticket["desk"] == {"id": 14, "name": "Suporte", "display_name": "Suporte N1", "active": True}
    assert ticket["responsible"]["id"] == 202
    assert "entities" not in ticket and "entity_fields" not in ticket


def test_unknown_ticket_is_404(tenant: FakeTenant) -> None:
    error = api_error(lambda: tenant.tickets.get_ticket(999))
    assert (error.status, error.body) == (404, {"message": "Ticket not found", "error_code": 40401})


def test_show_entities_groups_every_custom_field_of_1042(tenant: FakeTenant) -> None:
    groups = tenant.tickets.get_ticket(1042, show_entities=True)["entities"]
    assert [(g["id"], g["name"]) for g in groups] == [
        (10, "Classificação do Chamado"),
        (11, "Dados do Atendimento"),
    ]
    fields = {f["entity_field_id"]: f for g in groups for f in g["entity_fields"]}
    assert list(fields) == [72, 73, 74, 75, 76, 77, 78, 80, 81, 82, 83]
    assert fields[74]["value"] is None
    assert fields[80]["options"] == [{"entity_field_option_id": 23, "title": "Alta", "value": "23"}]
    assert ids(fields[81]["options"], "entity_field_option_id") == [11, 13]
    assert fields[82] == {
        "entity_field_id": 82,
        "name": "Atendimento presencial",
        "field_type": "checkbox",
        "required": False,
        "value": "false",
        "options": [],
    }


def test_include_filled_entity_is_the_flat_list_of_filled_fields(tenant: FakeTenant) -> None:
    ticket = tenant.tickets.get_ticket(1042, include_filled_entity=True)
    assert "entities" not in ticket
    assert ids(ticket["entity_fields"], "entity_field_id") == [72, 73, 75, 76, 77, 80, 81, 82]


def test_both_custom_field_flags_together(tenant: FakeTenant) -> None:
    ticket = tenant.tickets.get_ticket(1042, show_entities=True, include_filled_entity=True)
    assert len(ticket["entities"]) == 2 and len(ticket["entity_fields"]) == 8


def test_ticket_without_custom_fields_has_empty_lists(tenant: FakeTenant) -> None:
    ticket = tenant.tickets.get_ticket(1040, show_entities=True, include_filled_entity=True)
    assert ticket["entities"] == [] and ticket["entity_fields"] == []


def test_list_tickets_defaults_to_open_tickets(tenant: FakeTenant) -> None:
    assert numbers(tenant.tickets.list_tickets()) == OPEN_TICKETS
    assert numbers(tenant.tickets.list_tickets(is_closed=True)) == [1045, 1046]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"desk_ids": [14]}, [1040, 1047]),
        ({"desk_ids": [14, 15, 16]}, [1040, 1041, 1047]),
        ({"client_ids": [102]}, [1041, 1043]),
        ({"stage_ids": [1401, 1103]}, [1042, 1047]),
        ({"responsible_ids": [202]}, [1040, 1044]),
        ({"requestor_ids": [205]}, [1040, 1044, 1047]),
        ({"requestor_email": "ANA.RIBEIRO@clinicavidaplena.com.br"}, [1042]),
        ({"requestor_email": "nobody@example.com"}, []),
        (
            {"date_type": "created_at", "start_datetime": "2025-03-10", "end_datetime": "2025-03-12"},
            [1040, 1041, 1042],
        ),
        ({"date_type": "created_at", "start_datetime": "2025-03-12T17:30:00Z"}, [1042, 1043, 1047]),
        ({"date_type": "created_at", "end_datetime": "2025-03-10T12:14:05Z"}, [1040, 1044]),
        ({"start_datetime": datetime(2025, 3, 13, tzinfo=UTC)}, [1043, 1047]),
        (
            {"desk_ids": [14, 15, 16], "client_ids": [101], "responsible_ids": [202], "requestor_ids": [205]},
            [1040],
        ),
    ],
)
def test_list_tickets_filters(tenant: FakeTenant, filters: dict[str, Any], expected: list[int]) -> None:
    assert numbers(tenant.tickets.list_tickets(**filters)) == expected


def test_solved_in_time_ranges_on_the_closing_date(tenant: FakeTenant) -> None:
    found = tenant.tickets.list_tickets(
        is_closed=True,
        date_type="solved_in_time",
        start_datetime="2025-03-06T00:00:00Z",
        end_datetime="2025-03-07",
    )
    assert numbers(found) == [1045]


def test_list_tickets_rejects_bad_dates(tenant: FakeTenant) -> None:
    assert_validation_error(
        lambda: tenant.tickets.list_tickets(date_type="updated_at", start_datetime="2025-03-01")
    )
    assert_validation_error(lambda: tenant.tickets.list_tickets(start_datetime="yesterday"))


def test_list_tickets_pagination(tenant: FakeTenant) -> None:
    assert numbers(tenant.tickets.list_tickets(limit=2, offset=2)) == [1042, 1043]
    assert numbers(tenant.tickets.list_tickets(limit=2, offset=3)) == [1044, 1047]
    assert numbers(tenant.tickets.list_tickets(limit=2, offset=4)) == []
    assert numbers(tenant.tickets.list_tickets(limit=200)) == OPEN_TICKETS


@pytest.mark.parametrize(("offset", "limit"), [(1, 0), (1, 201), (0, 20), (-1, 20)])
def test_out_of_range_paging_is_422(tenant: FakeTenant, offset: int, limit: int) -> None:
    assert_validation_error(lambda: tenant.tickets.list_tickets(offset=offset, limit=limit))
    assert_validation_error(lambda: tenant.people.list_clients(offset=offset, limit=limit))
    assert_validation_error(lambda: tenant.chats.list_chats("inbox", offset=offset, limit=limit))


# --- tickets: writing -----------------------------------------------------------------------------------


def test_create_ticket_builds_a_realistic_ticket(tenant: FakeTenant) -> None:
    ticket = tenant.tickets.create_ticket(CAPTURED_CREATE_FORM)["ticket"]
    assert ticket["ticket_number"] == 1048
    assert ticket["title"] == "Computador não liga"
    assert ticket["status"] == {"id": 1, "name": "Aberto", "default_open": True}
    assert ticket["is_closed"] is False
    assert ticket["stage"]["id"] == 1401 and ticket["stage"]["first_stage"] is True
    assert ticket["priority"] == {"id": 142, "name": "Alta"}
    assert ticket["services_catalog"]["item_name"] == "Instalação de software"
    assert ticket["client"]["name"] == "Clínica Vida Plena"
    assert ticket["desk"]["display_name"] == "Suporte N1"
    assert ticket["requestor"]["id"] == 207
    assert ticket["responsible"]["id"] == 202
    assert ticket["followers"] == "a@x.com,b@y.com"
    assert ticket["parent_ticket_number"] == 1040
    assert ticket["created_at"] == "2025-03-14T13:00:00Z"
    assert ticket["created_by_way_of"] == "Tiflux API"
    assert ticket["url_internal_path"] == "https://app.tiflux.com/v/tickets/1048/basic_info"
    assert ticket["sla_info"]["stage_expiration"] == "2025-03-14T14:00:00Z"
    assert ticket["sla_info"]["solve_expiration"] == "2025-03-14T21:00:00Z"


def test_created_ticket_has_the_shape_of_the_post_template(tenant: FakeTenant) -> None:
    template = load_demo_data()["responses"]["create_ticket"]["ticket"]
    ticket = tenant.tickets.create_ticket(
        {"title": "t", "description": "d", "client_id": "101", "desk_id": "11"}
    )["ticket"]
    assert list(ticket) == list(template)
    assert ticket["priority"] is None and ticket["sla_info"] is None and ticket["requestor"] is None


def test_created_ticket_is_then_read_and_listed(tenant: FakeTenant) -> None:
    created = tenant.tickets.create_ticket(CAPTURED_CREATE_FORM)["ticket"]
    assert tenant.tickets.get_ticket(1048) == created
    assert numbers(tenant.tickets.list_tickets(desk_ids=[14])) == [1040, 1047, 1048]
    second = tenant.tickets.create_ticket(CAPTURED_CREATE_FORM)["ticket"]
    assert second["ticket_number"] == 1049


def test_create_ticket_registers_an_unknown_requestor(tenant: FakeTenant) -> None:
    form = {
        "title": "t",
        "description": "d",
        "client_id": "101",
        "desk_id": "11",
        "requestor_name": "Zé Novo",
    }
    requestor = tenant.tickets.create_ticket(form)["ticket"]["requestor"]
    assert requestor["name"] == "Zé Novo" and requestor["id"] == 209


@pytest.mark.parametrize(
    "changes",
    [
        {"title": ""},
        {"client_id": "999"},
        {"client_id": "abc"},
        {"desk_id": "99"},
        {"desk_id": "16"},
        {"priority_id": "111"},
        {"services_catalogs_item_id": "5001"},
        {"responsible_id": "205"},
        {"requestor_id": "999"},
        {"status_id": "99"},
        {"ticket_reference_number": "999"},
    ],
)
def test_create_ticket_validation(tenant: FakeTenant, changes: dict[str, str]) -> None:
    assert_validation_error(lambda: tenant.tickets.create_ticket({**CAPTURED_CREATE_FORM, **changes}))
    assert numbers(tenant.tickets.list_tickets(desk_ids=[14])) == [1040, 1047]


def test_create_ticket_lists_every_blank_required_field(tenant: FakeTenant) -> None:
    messages = assert_validation_error(lambda: tenant.tickets.create_ticket({"title": "only a title"}))
    assert messages == ["description can't be blank", "client_id can't be blank", "desk_id can't be blank"]


def test_update_ticket_applies_every_key(tenant: FakeTenant) -> None:
    body = {
        "title": "Novo título",
        "description": "<ul>\n<li>item 1</li>\n</ul>\n",
        "client_id": 102,
        "stage_id": 1403,
        "followers": "x@y.com",
        "services_catalogs_item_id": 7002,
        "responsible_id": None,
        "priority_id": 141,
        "priority_change_reason": "Cliente parado",
        "status_id": 4,
    }
    answer = tenant.tickets.update_ticket(1047, body)
    ticket = tenant.tickets.get_ticket(1047)
    assert answer == {"ticket": ticket}
    assert ticket["title"] == "Novo título" and ticket["followers"] == "x@y.com"
    assert ticket["client"]["name"] == "Construtora Horizonte"
    assert ticket["stage"]["name"] == "Aguardando cliente"
    assert ticket["services_catalog"]["id"] == 7002
    assert ticket["responsible"] is None
    assert ticket["priority"] == {"id": 141, "name": "Crítica"}
    assert ticket["status"]["name"] == "Em andamento"
    assert ticket["updated_at"] == "2025-03-14T13:00:00Z"


def test_update_ticket_assigns_and_unassigns_the_responsible(tenant: FakeTenant) -> None:
    tenant.tickets.update_ticket(1043, {"responsible_id": 203})
    assert tenant.tickets.get_ticket(1043)["responsible"]["name"] == "João Batista Lima"
    tenant.tickets.update_ticket(1043, {"responsible_id": None})
    assert tenant.tickets.get_ticket(1043)["responsible"] is None


def test_update_ticket_desk_transfer_restarts_in_the_first_stage(tenant: FakeTenant) -> None:
    tenant.tickets.update_ticket(1042, {"desk_id": 12, "stage_id": 1202, "services_catalogs_item_id": 5301})
    ticket = tenant.tickets.get_ticket(1042)
    assert ticket["desk"]["id"] == 12 and ticket["stage"]["id"] == 1202 and ticket["priority"] is None


@pytest.mark.parametrize(
    "body",
    [
        {"stage_id": 1101},
        {"stage_id": None},
        {"client_id": 999},
        {"desk_id": 16},
        {"priority_id": 111, "priority_change_reason": "x"},
        {"responsible_id": 204},
        {"services_catalogs_item_id": 5001},
        {"title": ""},
        {"title": "ok", "status_id": 99},
    ],
)
def test_update_ticket_rejects_unknown_ids_without_partial_writes(
    tenant: FakeTenant, body: dict[str, Any]
) -> None:
    before = tenant.tickets.get_ticket(1040)
    assert_validation_error(lambda: tenant.tickets.update_ticket(1040, body))
    assert tenant.tickets.get_ticket(1040) == before


def test_writes_on_unknown_tickets_are_404(tenant: FakeTenant) -> None:
    calls: list[Callable[[], object]] = [
        lambda: tenant.tickets.update_ticket(999, {"title": "x"}),
        lambda: tenant.custom_fields.update_ticket_entities(999, {"entities": []}),
        lambda: tenant.tickets.cancel_ticket(999),
        lambda: tenant.tickets.close_ticket(999),
        lambda: tenant.records.create_answer(999, {"name": "x", "with_signature": "false"}, files=[]),
        lambda: tenant.records.create_internal_communication(999, {"text": "x"}, files=[]),
        lambda: tenant.appointments.create_appointment(999, {}),
    ]
    for call in calls:
        assert api_error(call).status == 404


def test_close_ticket_moves_it_to_the_closed_list(tenant: FakeTenant) -> None:
    assert tenant.tickets.close_ticket(1040) == {"message": "Ticket 1040 closed successfully"}
    ticket = tenant.tickets.get_ticket(1040)
    assert ticket["is_closed"] is True and ticket["status"]["name"] == "Fechado"
    assert ticket["closed_at"] == "2025-03-14T13:00:00Z"
    assert ticket["stage"]["id"] == 1405
    assert 1040 not in numbers(tenant.tickets.list_tickets())
    assert numbers(tenant.tickets.list_tickets(is_closed=True)) == [1040, 1045, 1046]


def test_cancel_ticket(tenant: FakeTenant) -> None:
    assert tenant.tickets.cancel_ticket(1047) == {"message": "Ticket 1047 cancelled successfully"}
    ticket = tenant.tickets.get_ticket(1047)
    assert ticket["is_closed"] is True and ticket["status"]["name"] == "Cancelado"


@pytest.mark.parametrize("number", [1045, 1046])
def test_closing_or_cancelling_a_finished_ticket_is_422(tenant: FakeTenant, number: int) -> None:
    assert_validation_error(lambda: tenant.tickets.close_ticket(number))
    assert_validation_error(lambda: tenant.tickets.cancel_ticket(number))


def test_create_answer(tenant: FakeTenant) -> None:
    answer = tenant.records.create_answer(
        1040, {"name": "<p>Olá</p>", "with_signature": "true"}, files=[("nota.pdf", b"%PDF")]
    )
    assert answer == {
        "id": 77120,
        "author": "Mariana Costa",
        "answer_time": "2025-03-14T13:00:00Z",
        "answer_origin": "Tiflux API",
        "signature": True,
        "name": "<p>Olá</p>",
    }
    assert (
        tenant.records.create_answer(1041, {"name": "x", "with_signature": "false"}, files=[])["id"] == 77121
    )
    attached = tenant.records.list_ticket_files(1040)[-1]
    assert (attached["name"], attached["size"], attached["content_type"]) == (
        "nota.pdf",
        4,
        "application/pdf",
    )
    assert_validation_error(
        lambda: tenant.records.create_answer(1040, {"name": "  ", "with_signature": "false"}, files=[])
    )


# --- custom fields on a ticket ------------------------------------------------------------------------


def test_update_ticket_entities_with_the_captured_body(tenant: FakeTenant) -> None:
    items: list[dict[str, Any]] = [
        {"entity_field_id": 72, "value": "Erro confirmado"},
        {"entity_field_id": 81, "entity_field_option_id": 11, "value": "true"},
        {"entity_field_id": 81, "entity_field_option_id": 12, "value": "true"},
        {"entity_field_id": 73, "value": None, "country_code": "55"},
    ]
    answer = tenant.custom_fields.update_ticket_entities(1042, {"entities": items})
    [group] = answer["entities"]
    assert (group["id"], group["name"]) == (10, "Classificação do Chamado")
    fields = {f["entity_field_id"]: f for f in group["entity_fields"]}
    assert list(fields) == [72, 73, 81]
    assert fields[72]["value"] == "Erro confirmado" and fields[73]["value"] is None
    assert fields[81]["value"] == "true"
    assert fields[81]["options"] == [
        {"entity_field_option_id": 11, "title": "Hardware", "value": "true"},
        {"entity_field_option_id": 12, "title": "Software", "value": "true"},
    ]
    filled = tenant.tickets.get_ticket(1042, include_filled_entity=True)["entity_fields"]
    assert ids(filled, "entity_field_id") == [72, 75, 76, 77, 80, 81, 82]


def test_update_ticket_entities_selects_single_options_and_formats(tenant: FakeTenant) -> None:
    tenant.custom_fields.update_ticket_entities(
        1042,
        {
            "entities": [
                {"entity_field_id": 80, "value": "21"},
                {"entity_field_id": 75, "value": "99.90"},
                {"entity_field_id": 78, "value": "https://jira.example.com/X-1"},
                {"entity_field_id": 82, "value": "true"},
            ]
        },
    )
    fields = {
        f["entity_field_id"]: f
        for g in tenant.tickets.get_ticket(1042, show_entities=True)["entities"]
        for f in g["entity_fields"]
    }
    assert fields[80]["value"] == "21" and fields[80]["options"][0]["title"] == "Baixa"
    assert fields[75]["value"] == "99.90" and fields[78]["value"].startswith("https://")
    assert fields[82]["value"] == "true"


def test_update_ticket_entities_on_a_ticket_without_fields_adds_the_group(tenant: FakeTenant) -> None:
    tenant.custom_fields.update_ticket_entities(
        1040, {"entities": [{"entity_field_id": 83, "value": "Paulo"}]}
    )
    [group] = tenant.tickets.get_ticket(1040, show_entities=True)["entities"]
    assert group["id"] == 11
    assert [(f["entity_field_id"], f["value"]) for f in group["entity_fields"]] == [(82, None), (83, "Paulo")]


@pytest.mark.parametrize(
    "item",
    [
        {"entity_field_id": 999, "value": "x"},
        {"entity_field_id": 84, "value": "x"},  # a client field
        {"entity_field_id": 86, "value": "x"},  # an inactive entity
        {"entity_field_id": "72", "value": "x"},
        {"entity_field_id": 80, "value": None},  # required
        {"entity_field_id": 80, "value": "11"},  # an option of another field
        {"entity_field_id": 81, "entity_field_option_id": 31, "value": "true"},
        {"entity_field_id": 81, "entity_field_option_id": 11, "value": "maybe"},
        {"entity_field_id": 73, "value": "18/03/2025"},
        {"entity_field_id": 75, "value": "R$ 10"},
        {"entity_field_id": 77, "value": "not-an-email"},
        {"entity_field_id": 78, "value": "www.example.com"},
        {"entity_field_id": 76, "value": "(47) 9999"},
    ],
)
def test_update_ticket_entities_validation(tenant: FakeTenant, item: dict[str, Any]) -> None:
    before = tenant.tickets.get_ticket(1042, show_entities=True)
    assert_validation_error(
        lambda: tenant.custom_fields.update_ticket_entities(
            1042, {"entities": [{"entity_field_id": 72, "value": "ok"}, item]}
        )
    )
    assert tenant.tickets.get_ticket(1042, show_entities=True) == before


# --- internal communications, files, SLAs ---------------------------------------------------------------


def test_internal_communications_list_and_detail(tenant: FakeTenant) -> None:
    assert ids(tenant.records.list_internal_communications(1040)) == [3101, 3102, 3103]
    assert ids(tenant.records.list_internal_communications(1040, limit=2, offset=2)) == [3103]
    assert tenant.records.list_internal_communications(1041) == []
    assert tenant.records.get_internal_communication(1040, 3102)["files_count"] == 2
    assert api_error(lambda: tenant.records.get_internal_communication(1040, 3199)).status == 404
    assert api_error(lambda: tenant.records.get_internal_communication(1041, 3102)).status == 404
    assert api_error(lambda: tenant.records.list_internal_communications(999)).status == 404


def test_created_internal_communication_is_listed(tenant: FakeTenant) -> None:
    created = tenant.records.create_internal_communication(
        1040, {"text": "<p>Fornecedor confirmou.</p>\n"}, files=[]
    )
    assert created == {
        "id": 3104,
        "text": "<p>Fornecedor confirmou.</p>\n",
        "user": {"id": 201, "name": "Mariana Costa"},
        "created_at": "2025-03-14T13:00:00Z",
        "updated_at": "2025-03-14T13:00:00Z",
        "files": [],
        "files_count": 0,
    }
    assert tenant.records.list_internal_communications(1040)[-1] == created
    assert tenant.records.get_internal_communication(1040, 3104) == created


def test_internal_communication_with_files(tenant: FakeTenant) -> None:
    files = [("nf-peca.pdf", b"x" * 90), ("embalagem.bin", b"y" * 5)]
    created = tenant.records.create_internal_communication(1042, {"text": "<p>Segue nota.</p>"}, files=files)
    assert created["files_count"] == 2
    assert created["files"][0] == {
        "id": 8805,
        "file_name": "nf-peca.pdf",
        "content_type": "application/pdf",
        "size": 90,
        "url": "https://files.tiflux.com/anexos/8805/nf-peca.pdf",
    }
    assert created["files"][1]["content_type"] == "application/octet-stream"
    assert ids(tenant.records.list_ticket_files(1042)) == [8805, 8806]
    assert_validation_error(
        lambda: tenant.records.create_internal_communication(1042, {"text": ""}, files=[])
    )


def test_ticket_files(tenant: FakeTenant) -> None:
    assert [f["size"] for f in tenant.records.list_ticket_files(1040)] == [482133, 1536000, 1024, 2147483648]
    assert tenant.records.list_ticket_files(1041) == []
    assert api_error(lambda: tenant.records.list_ticket_files(999)).status == 404


def test_stages_slas(tenant: FakeTenant) -> None:
    assert ids(tenant.records.list_stages_slas(1045)) == [91001, 91002, 91003, 91004]
    assert ids(tenant.records.list_stages_slas(1045, limit=3, offset=2)) == [91004]
    assert tenant.records.list_stages_slas(1042) == []
    assert api_error(lambda: tenant.records.list_stages_slas(999)).status == 404


# --- appointments ---------------------------------------------------------------------------------------


def test_list_appointments_with_and_without_valorization(tenant: FakeTenant) -> None:
    valued = tenant.appointments.list_appointments(1040)
    assert ids(valued) == [4401, 4402, 4403] and all(a["valorization"] for a in valued)
    plain = tenant.appointments.list_appointments(1042)
    assert ids(plain) == [4501, 4502] and all(a["valorization"] is None for a in plain)
    assert tenant.appointments.list_appointments(1043) == []
    executor = tenant.appointments.list_appointments(1047)[0]
    assert (
        executor["external_user_name"]
        and executor["valorization"]["shift_owner_ticket"]["ticket_number"] == 1040
    )


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"user_id": 203}, [4403]),
        ({"start_date": "2025-03-11"}, [4403]),
        ({"end_date": date(2025, 3, 10)}, [4401, 4402]),
        ({"limit": 1, "offset": 2}, [4402]),
    ],
)
def test_list_appointments_filters(tenant: FakeTenant, filters: dict[str, Any], expected: list[int]) -> None:
    assert ids(tenant.appointments.list_appointments(1040, **filters)) == expected


def test_created_appointment_is_listed(tenant: FakeTenant) -> None:
    body = {"date": "2025-03-14", "init_time": "09:00", "end_time": "10:30", "description": "Ajuste final."}
    created = tenant.appointments.create_appointment(1042, body)
    assert created == {
        "id": 4802,
        **body,
        "user": {"id": 201, "name": "Mariana Costa"},
        "client": {"id": 103, "name": "Clínica Vida Plena"},
        "valorization": None,
        "locations": [],
    }
    assert tenant.appointments.list_appointments(1042)[-1] == created
    assert tenant.tickets.get_ticket(1042)["worked_hours"] == "03:40"


def test_appointment_ending_before_it_starts_is_the_documented_422(tenant: FakeTenant) -> None:
    body = {"date": "2025-03-13", "init_time": "10:00", "end_time": "09:00", "description": "x"}
    error = api_error(lambda: tenant.appointments.create_appointment(1042, body))
    assert (error.status, error.body) == (422, load_demo_data()["errors"]["appointment_validation"])


@pytest.mark.parametrize(
    ("number", "body"),
    [
        (1042, {"date": "2025-03-15", "init_time": "09:00", "end_time": "10:00", "description": "future"}),
        (1042, {"date": "13/03/2025", "init_time": "09:00", "end_time": "10:00", "description": "x"}),
        (1042, {"date": "2025-02-30", "init_time": "09:00", "end_time": "10:00", "description": "x"}),
        (1042, {"date": "2025-03-13", "init_time": "9h", "end_time": "10:00", "description": "x"}),
        (1042, {}),
    ],
)
def test_appointment_validation(tenant: FakeTenant, number: int, body: dict[str, Any]) -> None:
    assert_validation_error(lambda: tenant.appointments.create_appointment(number, body))
    assert ids(tenant.appointments.list_appointments(1042)) == [4501, 4502]


@pytest.mark.parametrize("number", [1040, 1041])
def test_a_valued_desk_needs_the_valuation(tenant: FakeTenant, number: int) -> None:
    body = {"date": "2025-03-13", "init_time": "09:00", "end_time": "10:00", "description": "valued desk"}
    error = api_error(lambda: tenant.appointments.create_appointment(number, body))
    assert error.status == 422 and set(error.body["detail"]) == {"attendance", "attendance_kind"}
    valued = {**body, "attendance": 1, "attendance_kind": 1, "loose_service_id": 401, "shift_id": 501}
    created = tenant.appointments.create_appointment(number, valued)
    assert created["valorization"]["loose_service"] == {"id": 401, "name": "Visita técnica avulsa"}
    assert created["value"] == created["valorization"]["value"]
    bad = {**valued, "attendance": 2}  # a travel charge off site
    assert api_error(lambda: tenant.appointments.create_appointment(number, bad)).status == 422


def test_appointment_today_comes_from_the_injected_date() -> None:
    tenant = FakeTenant.demo(clock=lambda: NOW, today=date(2025, 3, 20))
    body = {"date": "2025-03-18", "init_time": "09:00", "end_time": "10:00", "description": "x"}
    assert tenant.appointments.create_appointment(1042, body)["date"] == "2025-03-18"


# --- people ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, [101, 102, 103, 104]),
        ({"active": True}, [101, 102, 103]),
        ({"active": False}, [104]),
        ({"active": True, "name": "a"}, [101, 102, 103]),
        ({"active": True, "name": "Horizonte"}, [102]),
        ({"name": "clinica vida"}, [103]),
        ({"name": "PÃO"}, [101]),
        ({"name": "rápido"}, [104]),
        ({"limit": 2, "offset": 2}, [103, 104]),
    ],
)
def test_list_clients(tenant: FakeTenant, filters: dict[str, Any], expected: list[int]) -> None:
    assert ids(tenant.people.list_clients(**filters)) == expected


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, [201, 202, 203, 204, 205, 206, 207, 208]),
        ({"type": "attendant"}, [202, 203, 204]),
        ({"type": "attendant", "active": True}, [202, 203]),
        ({"type": "admin"}, [201]),
        ({"type": "client", "active": False}, [208]),
        ({"limit": 3, "offset": 3}, [207, 208]),
    ],
)
def test_list_users(tenant: FakeTenant, filters: dict[str, Any], expected: list[int]) -> None:
    assert ids(tenant.people.list_users(**filters)) == expected


def test_me_is_the_admin_behind_the_demo_key(tenant: FakeTenant) -> None:
    me = tenant.people.get_me()
    assert (me["id"], me["_type"], me["enable_mcp"]) == (201, "admin", True)


# --- desks ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, [11, 12, 13, 14, 15, 16]),
        ({"active": True}, [11, 12, 13, 14, 15]),
        ({"active": False}, [16]),
        ({"active": True, "name": "suporte"}, [14]),
        ({"active": True, "name": "SUPORTE N1"}, [14]),
        ({"name": "Suporte Nível 2"}, [15]),
        ({"active": True, "name": "suport"}, []),
        ({"active": True, "name": "Infra Legado"}, []),
        ({"active": False, "name": "Infra Legado"}, [16]),
        ({"limit": 4, "offset": 2}, [15, 16]),
    ],
)
def test_list_desks(tenant: FakeTenant, filters: dict[str, Any], expected: list[int]) -> None:
    assert ids(tenant.desks.list_desks(**filters)) == expected


def test_desk_list_shape_and_detail(tenant: FakeTenant) -> None:
    listed = tenant.desks.list_desks(name="suporte")[0]
    assert list(listed) == ["id", "name", "display_name", "active", "appointment_type"]
    detail = tenant.desks.get_desk(14)
    assert detail.items() >= listed.items()
    assert detail["required_fields"] == ["requestor", "priority", "services_catalog"]
    assert tenant.desks.get_desk(15)["required_fields"] == "priority,services_catalog"


def test_desk_children(tenant: FakeTenant) -> None:
    assert ids(tenant.desks.list_desk_stages(14)) == [1401, 1402, 1403, 1404, 1405]
    assert ids(tenant.desks.list_desk_stages(14, limit=2, offset=3)) == [1405]
    assert ids(tenant.desks.list_desk_priorities(14)) == [141, 142, 143, 144]
    assert tenant.desks.list_desk_priorities(16) == []
    assert ids(tenant.desks.list_desk_services_catalogs(14)) == [61, 62, 63]
    assert tenant.desks.list_desk_services_catalogs(16) == []


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, [7001, 7002, 7003, 7004, 7005, 7006, 7007, 7008]),
        ({"name": "toner"}, [7002]),
        ({"name": "instalação"}, [7001, 7006]),
        ({"name": "INSTALACAO"}, [7001, 7006]),
        ({"name": "rede"}, [7003, 7004]),
        ({"name": "acessos"}, [7007, 7008]),
        ({"area_id": 611}, [7001, 7002]),
        ({"catalog_id": 62}, [7005, 7006]),
        ({"catalog_id": 61, "name": "vpn"}, [7003]),
        ({"limit": 3, "offset": 3}, [7007, 7008]),
    ],
)
def test_list_desk_catalog_items(tenant: FakeTenant, filters: dict[str, Any], expected: list[int]) -> None:
    assert ids(tenant.desks.list_desk_catalog_items(14, **filters)) == expected


def test_unknown_desk_is_404(tenant: FakeTenant) -> None:
    calls: list[Callable[[], object]] = [
        lambda: tenant.desks.get_desk(99),
        lambda: tenant.desks.list_desk_stages(99),
        lambda: tenant.desks.list_desk_priorities(99),
        lambda: tenant.desks.list_desk_services_catalogs(99),
        lambda: tenant.desks.list_desk_catalog_items(99),
    ]
    for call in calls:
        error = api_error(call)
        assert (error.status, error.body["message"]) == (404, "Desk not found")


# --- chats ----------------------------------------------------------------------------------------------


def test_get_chat(tenant: FakeTenant) -> None:
    chat = tenant.chats.get_chat(9008)
    assert chat["archived"] is True and chat["ticket"]["number"] == 1045 and chat["assessment"] == 3
    assert api_error(lambda: tenant.chats.get_chat(9999)).status == 404


@pytest.mark.parametrize(
    ("kind", "filters", "expected"),
    [
        ("inbox", {}, [9001, 9002]),
        ("mine", {}, [9003, 9004]),
        ("in_attendance", {}, [9003, 9004, 9005]),
        ("archived", {}, [9006, 9007, 9008]),
        ("inbox", {"department_id": 23}, [9001]),
        ("inbox", {"client_id": 103}, [9002]),
        ("inbox", {"requestor_id": 205}, [9001]),
        ("inbox", {"origins": ["whatsapp", "site_widget"]}, [9001, 9002]),
        ("inbox", {"origins": ["whatsapp"]}, [9001]),
        ("inbox", {"number": "5547999990000"}, [9001, 9002]),
        ("inbox", {"number": "123"}, []),
        ("in_attendance", {"started_by": "Campaign"}, [9005]),
        ("in_attendance", {"user_id": 202}, [9005]),
        ("in_attendance", {"status": "waiting_client"}, [9003]),
        ("archived", {"canceled": True}, [9007]),
        ("archived", {"canceled": False}, [9006, 9008]),
        ("archived", {"limit": 2, "offset": 2}, [9008]),
        (
            "inbox",
            {
                "department_id": 23,
                "client_id": 101,
                "requestor_id": 205,
                "origins": ["whatsapp"],
                "started_by": "Client",
            },
            [9001],
        ),
    ],
)
def test_list_chats(tenant: FakeTenant, kind: Any, filters: dict[str, Any], expected: list[int]) -> None:
    assert ids(tenant.chats.list_chats(kind, **filters)) == expected


def test_in_attendance_items_carry_a_status(tenant: FakeTenant) -> None:
    statuses = [chat["status"] for chat in tenant.chats.list_chats("in_attendance")]
    assert statuses == ["waiting_client", "waiting_attendance", "triage"]


# --- custom-field definitions ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, [10, 11, 12, 13, 17]),
        ({"active": True}, [10, 11, 12, 17]),
        ({"applied_in": "ticket"}, [10, 11]),
        ({"applied_in": "solicitant"}, [17]),
        ({"name": "dados"}, [11, 12]),
        ({"name": "classificacao"}, [10]),
        ({"limit": 3, "offset": 2}, [13, 17]),
    ],
)
def test_list_entities(tenant: FakeTenant, filters: dict[str, Any], expected: list[int]) -> None:
    assert ids(tenant.custom_fields.list_entities(**filters)) == expected


@pytest.mark.parametrize(
    ("entity_id", "filters", "expected"),
    [
        (10, {}, [72, 73, 74, 75, 76, 77, 78, 80, 81]),
        (10, {"field_type": "checkbox"}, [81]),
        (10, {"required": True}, [80]),
        (10, {"name": "data"}, [73]),
        (10, {"limit": 5, "offset": 2}, [77, 78, 80, 81]),
        (12, {}, [84, 85]),
    ],
)
def test_list_entity_fields(
    tenant: FakeTenant, entity_id: int, filters: dict[str, Any], expected: list[int]
) -> None:
    assert ids(tenant.custom_fields.list_entity_fields(entity_id, **filters)) == expected


def test_list_entity_field_options(tenant: FakeTenant) -> None:
    assert ids(tenant.custom_fields.list_entity_field_options(81)) == [11, 12, 13, 14]
    assert ids(tenant.custom_fields.list_entity_field_options(81, value="rede")) == [13]
    assert ids(tenant.custom_fields.list_entity_field_options(85, value="saude")) == [33]
    assert tenant.custom_fields.list_entity_field_options(80)[3]["null_option"] is True
    assert tenant.custom_fields.list_entity_field_options(82) == []
    assert tenant.custom_fields.list_entity_field_options(72) == []


def test_unknown_entity_and_field_are_404(tenant: FakeTenant) -> None:
    assert api_error(lambda: tenant.custom_fields.list_entity_fields(99)).status == 404
    assert api_error(lambda: tenant.custom_fields.list_entity_field_options(999)).status == 404


# --- GET /tickets at 2.42 (issue 18, v2.42/tickets.md §21.1-3) -------------------------------------------


@pytest.mark.parametrize(
    ("filter_by", "expected"),
    [("open", [1040, 1047]), ("closed", [1045]), ("canceled", [1046]), ("all", [1040, 1045, 1046, 1047])],
)
def test_filter_by_wins_over_is_closed(tenant: FakeTenant, filter_by: str, expected: list[int]) -> None:
    found = tenant.tickets.list_tickets(desk_ids=[14], filter_by=filter_by, is_closed=True)
    assert numbers(found) == expected and found.total == len(expected)


def test_the_242_filters(tenant: FakeTenant) -> None:
    assert numbers(tenant.tickets.list_tickets(priority_ids=[144], filter_by="all")) == [1046, 1047]
    assert numbers(tenant.tickets.list_tickets(services_catalogs_item_ids=[7001, 6401])) == [1040, 1041]
    due = tenant.tickets.list_tickets(sla_expiring_before="2025-03-14T23:59:59-03:00")
    assert numbers(due) == [1040, 1047]  # 1041 is paused, 1043 due later, closed ones never
    assert_validation_error(lambda: tenant.tickets.list_tickets(filter_by="pending"))


def test_group_by_answers_the_aggregate_its_earlier_variant_or_the_empty_one(tenant: FakeTenant) -> None:
    month = tenant.tickets.list_tickets(desk_ids=[14], group_by="month")
    assert isinstance(month.items, dict) and month.total == 107 and month.items["group_by"] == "month"
    earlier = tenant.tickets.list_tickets(desk_ids=[14], group_by="day", end_datetime="2025-03-08")
    assert isinstance(earlier.items, dict) and earlier.items["buckets"][0]["period"] == "2025-03-03"
    empty = tenant.tickets.list_tickets(desk_ids=[16], group_by="desk")
    assert isinstance(empty.items, dict) and empty.total == 0 and empty.items["group_by"] == "desk"
    assert_validation_error(lambda: tenant.tickets.list_tickets(group_by="year"))


# --- PUT /tickets/{n} at 2.42 (issue 18, v2.42/tickets.md §20.3, §21.8) ----------------------------------


@pytest.mark.parametrize(
    ("number", "body", "code", "text"),
    [
        (1040, {"priority_id": 141}, 42201, "without :priority_change_reason"),
        (1040, {"priority_id": 141, "priority_change_reason": " "}, 42201, "without :priority_change_reason"),
        (1040, {"desk_id": 15, "priority_change_reason": "x"}, 42202, "not allowed during desk transfer"),
        (1040, {"desk_id": 13}, 42202, "no relationship"),
        (1044, {"desk_id": 14}, 42202, "no relationship"),
        (1041, {"desk_id": 14}, 42202, "requires a services catalog item"),
        (1040, {"requestor_id": 206}, 42201, "requestor not found"),
        (1040, {"requestor_id": 999}, 42201, "requestor not found"),
    ],
)
def test_update_ticket_refuses_what_242_refuses(
    tenant: FakeTenant, number: int, body: dict[str, Any], code: int, text: str
) -> None:
    error = api_error(lambda: tenant.tickets.update_ticket(number, body))
    assert error.status == 422 and error.body["error_code"] == code and text in str(error.body)


def test_update_ticket_transfers_with_a_catalog_item_and_sets_the_requestor(tenant: FakeTenant) -> None:
    tenant.tickets.update_ticket(1041, {"desk_id": 14, "stage_id": 1401, "services_catalogs_item_id": 7001})
    tenant.tickets.update_ticket(1040, {"priority_id": 141, "priority_change_reason": "Loja parada"})
    tenant.tickets.update_ticket(1040, {"client_id": 102, "requestor_id": 206})
    assert tenant.tickets.get_ticket(1041)["desk"]["id"] == 14
    ticket = tenant.tickets.get_ticket(1040)
    assert ticket["priority"]["id"] == 141 and ticket["requestor"]["id"] == 206
