"""The port-level expectations, on the HTTP adapter talking to the fake TiFlux over real HTTP on 127.0.0.1:
what the demo tenant holds comes back as the domain says, through the code production runs."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from application.ports.gateway import TifluxGateway
from application.queries import AppointmentFilter, ChatFilter, DateField, DateRange, TicketFilter
from domain.chats import ChatList
from domain.errors import NotFound
from domain.ids import (
    ChatId,
    ClientId,
    CommunicationId,
    DeskId,
    EntityFieldId,
    EntityId,
    TicketNumber,
    UserId,
)
from domain.paging import PageRequest
from domain.people import UserType

pytestmark = pytest.mark.anyio


def numbers(page: object) -> list[int]:
    return [ticket.number.value for ticket in page]  # type: ignore[attr-defined]


async def test_get_ticket(gateway: TifluxGateway) -> None:
    ticket = await gateway.tickets.get(TicketNumber(1040))
    assert ticket.title == "Impressora fiscal não imprime o cupom"
    assert ticket.desk and ticket.desk.id == 14 and ticket.desk.display_name == "Suporte N1"
    assert (
        ticket.responsible and ticket.responsible.id == 202 and ticket.responsible.type is UserType.ATTENDANT
    )
    assert ticket.client and ticket.client.name == "Padaria Pão Quente"
    assert ticket.audit.created_at and ticket.audit.created_at.tzinfo is not None
    assert ticket.custom_fields == ()


async def test_get_ticket_with_all_custom_fields_grouped(gateway: TifluxGateway) -> None:
    ticket = await gateway.tickets.get(TicketNumber(1042), show_entities=True)
    groups = {group.entity_id: group for group in ticket.custom_fields}
    assert 10 in groups
    fields = {field.field_id: field for field in groups[10].fields}
    assert fields[74].value is None  # empty values are included
    assert [option.id for option in fields[80].options] == [23]


async def test_get_ticket_with_filled_custom_fields_only(gateway: TifluxGateway) -> None:
    ticket = await gateway.tickets.get(TicketNumber(1042), include_filled_entity=True)
    values = [field for group in ticket.custom_fields for field in group.fields]
    assert values and all(field.value not in (None, "") for field in values)


async def test_an_unknown_ticket_is_not_found(gateway: TifluxGateway) -> None:
    with pytest.raises(NotFound) as caught:
        await gateway.tickets.get(TicketNumber(999_999))
    assert caught.value.kind == "ticket"


async def test_list_open_tickets_of_a_desk(gateway: TifluxGateway) -> None:
    page = await gateway.tickets.list(TicketFilter(desk_ids=(DeskId(14),)), PageRequest())
    assert numbers(page) == [1040, 1047]


async def test_list_closed_tickets_of_a_desk(gateway: TifluxGateway) -> None:
    page = await gateway.tickets.list(TicketFilter(desk_ids=(DeskId(14),), is_closed=True), PageRequest())
    assert set(numbers(page)) == {1045, 1046}


async def test_list_tickets_by_several_filters(gateway: TifluxGateway) -> None:
    by_people = TicketFilter(responsible_ids=(UserId(202),), client_ids=(ClientId(101),))
    assert numbers(await gateway.tickets.list(by_people, PageRequest())) == [1040, 1044]
    narrower = TicketFilter(responsible_ids=(UserId(202),), desk_ids=(DeskId(13), DeskId(11)))
    assert numbers(await gateway.tickets.list(narrower, PageRequest())) == [1044]
    by_email = TicketFilter(requestor_email="ana.ribeiro@clinicavidaplena.com.br")
    assert 1042 in numbers(await gateway.tickets.list(by_email, PageRequest()))


async def test_list_tickets_by_creation_date(gateway: TifluxGateway) -> None:
    march_10 = DateRange(
        DateField.CREATED_AT, datetime(2025, 3, 10, tzinfo=UTC), datetime(2025, 3, 10, 23, 59, 59, tzinfo=UTC)
    )
    page = await gateway.tickets.list(TicketFilter(desk_ids=(DeskId(14),), dates=march_10), PageRequest())
    assert numbers(page) == [1040]


async def test_list_tickets_pages(gateway: TifluxGateway) -> None:
    query = TicketFilter(desk_ids=(DeskId(14),))
    first = await gateway.tickets.list(query, PageRequest(1, 1))
    second = await gateway.tickets.list(query, PageRequest(2, 1))
    third = await gateway.tickets.list(query, PageRequest(3, 1))
    assert numbers(first) == [1040] and first.may_have_more
    assert numbers(second) == [1047]
    assert numbers(third) == [] and not third.may_have_more


async def test_list_desks(gateway: TifluxGateway) -> None:
    active = await gateway.desks.list(active=True, name=None, page=PageRequest())
    assert [desk.id for desk in active] == [11, 12, 13, 14, 15]
    inactive = await gateway.desks.list(active=False, name=None, page=PageRequest())
    assert [desk.id for desk in inactive] == [16]


async def test_desk_name_filter_is_exact_on_either_name(gateway: TifluxGateway) -> None:
    assert [d.id for d in await gateway.desks.list(active=True, name="suporte", page=PageRequest())] == [14]
    assert [
        d.id for d in await gateway.desks.list(active=True, name="Equipe Cansados", page=PageRequest())
    ] == [11]
    assert [d.id for d in await gateway.desks.list(active=True, name="suport", page=PageRequest())] == []


async def test_get_desk_with_its_configuration(gateway: TifluxGateway) -> None:
    desk = await gateway.desks.get(DeskId(14))
    assert desk.name == "Suporte" and desk.display_name == "Suporte N1"
    assert desk.settings.desk_with_sla is True
    with pytest.raises(NotFound):
        await gateway.desks.get(DeskId(999))


async def test_desk_stages_priorities_catalogs(gateway: TifluxGateway) -> None:
    stages = await gateway.desks.stages(DeskId(14), PageRequest())
    assert [s.name for s in stages][:3] == ["Triagem", "Em atendimento", "Aguardando cliente"]
    assert stages.items[0].first and stages.items[-1].last
    priorities = await gateway.desks.priorities(DeskId(14), PageRequest())
    assert [p.id for p in priorities] == [141, 142, 143, 144]
    catalogs = await gateway.desks.catalogs(DeskId(14), PageRequest())
    assert 61 in [c.id for c in catalogs]


async def test_catalog_items_search(gateway: TifluxGateway) -> None:
    items = await gateway.desks.catalog_items(DeskId(14), PageRequest(1, 200), search="rede")
    assert sorted(item.id for item in items) == [7003, 7004]
    toner = await gateway.desks.catalog_items(DeskId(14), PageRequest(1, 200), search="toner")
    assert [(i.id, i.area and i.area.name, i.catalog and i.catalog.id) for i in toner] == [
        (7002, "Impressão", 61)
    ]


async def test_clients_by_name(gateway: TifluxGateway) -> None:
    found = await gateway.people.clients(name="Horizonte", active=True, page=PageRequest())
    assert [c.id for c in found] == [102]
    everyone = await gateway.people.clients(name=None, active=True, page=PageRequest())
    assert 104 not in [c.id for c in everyone]


async def test_users_by_type(gateway: TifluxGateway) -> None:
    attendants = await gateway.people.users(
        user_type=UserType.ATTENDANT, active=True, page=PageRequest(1, 200)
    )
    assert {u.id for u in attendants} == {202, 203}
    admins = await gateway.people.users(user_type=UserType.ADMIN, active=None, page=PageRequest(1, 200))
    assert [u.type for u in admins] == [UserType.ADMIN]


async def test_internal_communications(gateway: TifluxGateway) -> None:
    page = await gateway.communications.list(TicketNumber(1040), PageRequest())
    assert [c.id for c in page] == [3101, 3102, 3103]
    note = await gateway.communications.get(TicketNumber(1040), CommunicationId(3102))
    assert note.files_count == 2 and len(note.files) == 2
    assert note.author and note.author.name
    assert await gateway.communications.list(TicketNumber(1041), PageRequest()) == page.__class__(
        (), PageRequest()
    )
    with pytest.raises(NotFound):
        await gateway.communications.get(TicketNumber(1040), CommunicationId(1))


async def test_ticket_files(gateway: TifluxGateway) -> None:
    files = await gateway.files.list(TicketNumber(1040))
    assert sorted(f.size_bytes or 0 for f in files) == [1024, 482133, 1536000, 2147483648]
    assert await gateway.files.list(TicketNumber(1042)) == ()
    with pytest.raises(NotFound):
        await gateway.files.list(TicketNumber(999_999))


async def test_stage_history(gateway: TifluxGateway) -> None:
    history = await gateway.stage_history.list(TicketNumber(1045), PageRequest())
    assert history.items and history.items[0].stage and history.items[0].stage.name == "Triagem"
    assert {entry.sla_attended for entry in history} >= {True}
    assert len(await gateway.stage_history.list(TicketNumber(1042), PageRequest())) == 0


async def test_appointments_with_and_without_valorization(gateway: TifluxGateway) -> None:
    valued = await gateway.appointments.list(TicketNumber(1040), AppointmentFilter(), PageRequest())
    assert [a.id for a in valued] == [4401, 4402, 4403]
    first = valued.items[0]
    assert first.day == date(2025, 3, 10) and first.start == "09:15"
    assert first.valorization and first.valorization.attendance_kind == "Contract"
    assert first.valorization.value == Decimal("0.00")
    plain = await gateway.appointments.list(TicketNumber(1042), AppointmentFilter(), PageRequest())
    assert [a.id for a in plain] == [4501, 4502] and all(a.valorization is None for a in plain)


async def test_chat_queues(gateway: TifluxGateway) -> None:
    inbox = await gateway.chats.list(ChatList.INBOX, ChatFilter(), PageRequest())
    assert [c.id for c in inbox] == [9001, 9002]
    attending = await gateway.chats.list(
        ChatList.IN_ATTENDANCE, ChatFilter(origins=("chat", "gupshup")), PageRequest()
    )
    assert [c.id for c in attending] == [9004, 9005]
    cancelled = await gateway.chats.list(ChatList.ARCHIVED, ChatFilter(canceled=True), PageRequest())
    assert [c.id for c in cancelled] == [9007]


async def test_get_chat(gateway: TifluxGateway) -> None:
    chat = await gateway.chats.get(ChatId(9008))
    assert chat.archived and chat.rating == 3 and chat.ticket == TicketNumber(1045)
    with pytest.raises(NotFound):
        await gateway.chats.get(ChatId(1))


async def test_custom_field_catalogue(gateway: TifluxGateway) -> None:
    entities = await gateway.custom_fields.entities(
        active=None, applied_in="ticket", name=None, page=PageRequest()
    )
    assert [e.id for e in entities] == [10, 11]
    fields = await gateway.custom_fields.fields(
        EntityId(10), field_type="checkbox", required=None, name=None, page=PageRequest()
    )
    assert [f.id for f in fields] == [81]
    options = await gateway.custom_fields.options(EntityFieldId(80), value=None, page=PageRequest())
    assert [o.id for o in options] == [21, 22, 23, 24]
    assert any(o.null_option for o in options)


async def test_the_keys_owner(gateway: TifluxGateway) -> None:
    me = await gateway.people.me()
    assert (me.id, me.name) == (201, "Mariana Costa")
