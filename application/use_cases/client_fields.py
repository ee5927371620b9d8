"""Filling a client's custom fields: fields named only among the client entities' fields (never a ticket's
or a requestor's field of the same name), each value checked against its field's type before one write."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from application.commands import FieldValueChange
from application.ports.clients import ClientsPort
from application.ports.custom_fields import CustomFieldsPort
from domain.custom_fields import (
    AppliedIn,
    EntityField,
    EntityFieldOption,
    EntityValues,
    FieldType,
    value_problem,
)
from domain.errors import InvalidInput
from domain.ids import ClientId, EntityFieldId, EntityFieldOptionId
from domain.paging import MAX_PAGE_SIZE, PageRequest
from domain.resolution import Ambiguous, Resolved, candidates_of, decide

MAX_FIELD_CHANGES = 50
_WHOLE_LIST = PageRequest(1, MAX_PAGE_SIZE)


@dataclass(frozen=True)
class ClientFieldItem:
    """One value to set: the field by ID or by name, an option by ID or by name; `value_given` tells an
    explicit null (clears the field) from no value at all."""

    value: str | None
    value_given: bool
    field_id: EntityFieldId | None = None
    field_name: str | None = None
    option_id: EntityFieldOptionId | None = None
    option_name: str | None = None
    country_code: str | None = None


@dataclass(frozen=True)
class ClientFieldsUpdated:
    client_id: ClientId
    sent: int
    fields: Sequence[EntityValues]


def _listing(items: Sequence[EntityField] | Sequence[EntityFieldOption]) -> str:
    shown = [f"{item.id} {item.name if isinstance(item, EntityField) else item.value}" for item in items]
    return ", ".join(shown[:20]) or "—"


@dataclass(frozen=True)
class UpdateClientFields:
    """Set custom-field values on a client: the client entities' fields are read once, every item is
    resolved and checked, then one write is sent (or none, when any item is wrong)."""

    clients: ClientsPort
    custom_fields: CustomFieldsPort

    async def __call__(self, client_id: ClientId, items: Sequence[ClientFieldItem]) -> ClientFieldsUpdated:
        if not 1 <= len(items) <= MAX_FIELD_CHANGES:
            raise InvalidInput(
                "entities", "items_range", {"min": 1, "max": MAX_FIELD_CHANGES, "received": len(items)}
            )
        fields = await self._client_fields()
        changes = [await self._change(position, item, fields) for position, item in enumerate(items)]
        updated = await self.clients.update_fields(client_id, changes)
        return ClientFieldsUpdated(client_id, len(changes), updated)

    async def _client_fields(self) -> list[EntityField]:
        entities = await self.custom_fields.entities(
            active=None, applied_in=AppliedIn.CLIENT.value, name=None, page=_WHOLE_LIST
        )
        fields: list[EntityField] = []
        for entity in entities.items:
            if entity.applied_in not in (None, AppliedIn.CLIENT.value):
                continue  # the filter is the API's: a field of another kind never reaches a client
            found = await self.custom_fields.fields(
                entity.id, field_type=None, required=None, name=None, page=_WHOLE_LIST
            )
            fields.extend(found.items)
        return fields

    async def _change(
        self, position: int, item: ClientFieldItem, fields: list[EntityField]
    ) -> FieldValueChange:
        where = f"entities[{position}]"
        field = self._field(where, item, fields)
        option_id = item.option_id
        if option_id is None and item.option_name:
            option_id = await self._option(where, field, item.option_name)
        value = item.value
        if not item.value_given:
            if field.type is FieldType.SINGLE_SELECT and option_id is not None:
                value = str(option_id)  # a single choice is written as its option's ID
            else:
                raise InvalidInput(f"{where}.value", "field_value_required")
        problem = value_problem(field.type, value) if field.type else None
        if problem:
            raise InvalidInput(f"{where}.value", problem)
        return FieldValueChange(field.id, value, option_id, item.country_code)

    def _field(self, where: str, item: ClientFieldItem, fields: list[EntityField]) -> EntityField:
        known = {"known": _listing(fields)}
        if item.field_id is not None:
            for field in fields:
                if field.id == item.field_id:
                    return field
            raise InvalidInput(f"{where}.entity_field_id", "client_field", known)
        if not item.field_name:
            raise InvalidInput(f"{where}.entity_field_id", "client_field_required", known)
        outcome = decide(item.field_name, candidates_of(fields, lambda field: [field.name]))
        if isinstance(outcome, Resolved):
            return outcome.value
        if isinstance(outcome, Ambiguous):
            matching = [scored.candidate.value for scored in outcome.options]
            raise InvalidInput(
                f"{where}.entity_field_name", "client_field_ambiguous", {"known": _listing(matching)}
            )
        raise InvalidInput(f"{where}.entity_field_name", "client_field", known)

    async def _option(self, where: str, field: EntityField, name: str) -> EntityFieldOptionId:
        options = list((await self.custom_fields.options(field.id, value=None, page=_WHOLE_LIST)).items)
        outcome = decide(name, candidates_of(options, lambda option: [option.value]))
        if isinstance(outcome, Resolved):
            return outcome.value.id
        matching = (
            [scored.candidate.value for scored in outcome.options]
            if isinstance(outcome, Ambiguous)
            else options
        )
        raise InvalidInput(f"{where}.entity_field_option_name", "field_option", {"known": _listing(matching)})
