"""Filling a ticket's custom fields, each value checked against its field's type before anything is sent."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from application.commands import FieldValueChange
from application.ports.tickets import TicketsPort
from domain.custom_fields import EntityValues, FieldType, value_problem
from domain.errors import InvalidInput
from domain.ids import TicketNumber

MAX_FIELD_CHANGES = 50


@dataclass(frozen=True)
class FieldsUpdated:
    number: TicketNumber
    sent: int
    fields: Sequence[EntityValues]


@dataclass(frozen=True)
class UpdateTicketFields:
    """Set custom-field values on a ticket (one read to learn the fields' types, then one write)."""

    tickets: TicketsPort

    async def __call__(self, number: TicketNumber, changes: Sequence[FieldValueChange]) -> FieldsUpdated:
        if not 1 <= len(changes) <= MAX_FIELD_CHANGES:
            raise InvalidInput(
                "entities", "items_range", {"min": 1, "max": MAX_FIELD_CHANGES, "received": len(changes)}
            )
        ticket = await self.tickets.get(number, show_entities=True)
        types = {f.field_id: f.field_type for group in ticket.custom_fields for f in group.fields}
        for position, change in enumerate(changes):
            if change.field_id not in types:
                known = ", ".join(str(i) for i in sorted(types)) or "—"
                raise InvalidInput(f"entities[{position}].entity_field_id", "ticket_field", {"known": known})
            try:
                field_type = FieldType(types[change.field_id])
            except ValueError:
                continue  # a type this server does not know: TiFlux judges the value
            problem = value_problem(field_type, change.value)
            if problem:
                raise InvalidInput(f"entities[{position}].value", problem)
        return FieldsUpdated(number, len(changes), await self.tickets.update_fields(number, changes))
