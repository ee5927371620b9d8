"""Ticket writes through the HTTP adapter to the fake TiFlux: a write's change is visible to the next read."""

from __future__ import annotations

import pytest

from application.commands import AnswerDraft, Assignment, FieldValueChange, NewTicket, TicketChanges
from application.ports.gateway import TifluxGateway
from application.queries import TicketFilter
from domain.errors import NotFound, Rejected
from domain.ids import (
    ClientId,
    DeskId,
    EntityFieldId,
    EntityFieldOptionId,
    PriorityId,
    StageId,
    TicketNumber,
    UserId,
)
from domain.paging import PageRequest

pytestmark = pytest.mark.anyio


NEW = NewTicket(
    title="Computador da recepção não liga",
    description_html="<p>Não liga desde ontem.</p>",
    client_id=ClientId(103),
    desk_id=DeskId(14),
    priority_id=PriorityId(142),
    requestor_id=UserId(207),
    responsible_id=UserId(202),
    followers=("a@x.com", "b@y.com"),
    parent=TicketNumber(1040),
)


async def test_a_created_ticket_can_be_read_back(gateway: TifluxGateway) -> None:
    created = await gateway.tickets.create(NEW)
    assert created.number == TicketNumber(1048)
    assert created.title == NEW.title and created.desk and created.desk.id == 14
    again = await gateway.tickets.get(created.number)
    assert again.client and again.client.id == 103
    assert again.responsible and again.responsible.id == 202
    listed = await gateway.tickets.list(TicketFilter(desk_ids=(DeskId(14),)), PageRequest())
    assert TicketNumber(1048) in [t.number for t in listed]


async def test_creating_in_an_unknown_desk_is_rejected(gateway: TifluxGateway) -> None:
    with pytest.raises(Rejected):
        await gateway.tickets.create(NewTicket("t", "<p>d</p>", ClientId(101), DeskId(999)))


async def test_update_changes_only_what_was_set(gateway: TifluxGateway) -> None:
    await gateway.tickets.update(
        TicketNumber(1040), TicketChanges(title="Novo título", stage_id=StageId(1403))
    )
    ticket = await gateway.tickets.get(TicketNumber(1040))
    assert ticket.title == "Novo título"
    assert ticket.stage and ticket.stage.id == 1403
    assert ticket.responsible and ticket.responsible.id == 202  # untouched


async def test_update_can_unassign(gateway: TifluxGateway) -> None:
    await gateway.tickets.update(TicketNumber(1040), TicketChanges(responsible=Assignment(None)))
    assert (await gateway.tickets.get(TicketNumber(1040))).responsible is None


async def test_close_then_the_ticket_is_closed(gateway: TifluxGateway) -> None:
    message = await gateway.tickets.close(TicketNumber(1040))
    assert message == "Ticket 1040 closed successfully"
    assert (await gateway.tickets.get(TicketNumber(1040))).is_closed
    with pytest.raises(Rejected):
        await gateway.tickets.close(TicketNumber(1040))


async def test_cancel(gateway: TifluxGateway) -> None:
    assert await gateway.tickets.cancel(TicketNumber(1047)) == "Ticket 1047 cancelled successfully"
    ticket = await gateway.tickets.get(TicketNumber(1047))
    assert ticket.is_closed and ticket.status and ticket.status.name == "Cancelado"


async def test_writes_on_an_unknown_ticket_are_not_found(gateway: TifluxGateway) -> None:
    with pytest.raises(NotFound) as caught:
        await gateway.tickets.close(TicketNumber(999_999))
    assert caught.value.kind == "ticket"


async def test_answer(gateway: TifluxGateway) -> None:
    answer = await gateway.tickets.answer(
        TicketNumber(1040), AnswerDraft("<p>Resolvido.</p>", with_signature=True)
    )
    assert answer.id > 0 and answer.with_signature
    assert answer.author == "Mariana Costa"


async def test_custom_field_values(gateway: TifluxGateway) -> None:
    changes = [
        FieldValueChange(EntityFieldId(72), "Erro confirmado"),
        FieldValueChange(EntityFieldId(81), "true", EntityFieldOptionId(12)),
        FieldValueChange(EntityFieldId(73), None),
    ]
    groups = await gateway.tickets.update_fields(TicketNumber(1042), changes)
    values = {f.field_id: f for group in groups for f in group.fields}
    assert values[72].value == "Erro confirmado"
    ticket = await gateway.tickets.get(TicketNumber(1042), show_entities=True)
    stored = {f.field_id: f for group in ticket.custom_fields for f in group.fields}
    assert stored[72].value == "Erro confirmado"
    assert stored[73].value is None
