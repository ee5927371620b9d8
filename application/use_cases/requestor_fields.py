"""Filling a requestor's custom fields: each field found only among the requestor entities' fields, each
value checked against its field's type (and options) before the one write is sent.

Requests: the requestor entities and their fields (1 + one per entity), the options of each select or
checkbox field written (once per field), then one `PUT`. Nothing is sent when one item is wrong.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from application.commands import FieldValueChange
from application.ports.gateway import TifluxGateway
from application.ports.requestors import RequestorsPort
from application.resolvers import (
    CLIENT,
    FIELD_OPTION,
    REQUESTOR_FIELD,
    References,
    field_candidates,
    field_options,
    option_candidates,
    requestor_fields,
)
from application.use_cases.custom_field_values import MAX_FIELD_CHANGES
from application.use_cases.requestors import CLIENT_REQUIRED
from domain.custom_fields import EntityField, EntityFieldOption, EntityValues, FieldType, value_problem
from domain.errors import InvalidInput
from domain.ids import ClientId, EntityFieldId, EntityFieldOptionId
from domain.people import Client
from domain.requestors import RequestorId
from domain.resolution import Decision, Reference

NOT_A_REQUESTOR_FIELD = "requestor_fields.not_requestor_field"  # a field of another kind of record
NOT_AN_OPTION = "requestor_fields.not_an_option"  # an option ID the field does not have


@dataclass(frozen=True)
class RequestorFieldValue:
    """One value to write: the field by ID or by name; `value=None` clears it. A select takes one option
    (ID or name), a checkbox the options to mark (IDs or names; the others are unmarked)."""

    field: Reference[EntityFieldId]
    value: str | None


@dataclass(frozen=True)
class RequestorFieldsUpdated:
    """What TiFlux answered for the fields written, and what each name became."""

    client_id: ClientId
    requestor_id: RequestorId
    sent: int
    fields: Sequence[EntityValues]
    client: Client | None = None
    decisions: tuple[Decision, ...] = field(default_factory=tuple)


def _listing(fields: Sequence[EntityField]) -> str:
    return ", ".join(f"{f.id} {f.name}" for f in fields) or "—"


def _option_listing(options: Sequence[EntityFieldOption]) -> str:
    return ", ".join(f"{o.id} {o.value}" for o in options) or "—"


@dataclass(frozen=True)
class UpdateRequestorFields:
    """Set custom-field values of a requestor of a client (the client by ID or by name); sent once."""

    requestors: RequestorsPort
    gateway: TifluxGateway
    references: References

    async def __call__(
        self, client: Reference[ClientId], requestor_id: RequestorId, values: Sequence[RequestorFieldValue]
    ) -> RequestorFieldsUpdated:
        if not 1 <= len(values) <= MAX_FIELD_CHANGES:
            raise InvalidInput(
                "entities", "items_range", {"min": 1, "max": MAX_FIELD_CHANGES, "received": len(values)}
            )
        if not client.given:
            raise InvalidInput(client.id_field, CLIENT_REQUIRED)
        settled = await self.references.resolve(CLIENT, client, None)
        assert settled.id is not None
        fields = await requestor_fields(self.gateway)
        options: dict[EntityFieldId, list[EntityFieldOption]] = {}
        decisions: list[Decision] = [settled.decision] if settled.decision else []
        changes: list[FieldValueChange] = []
        for position, item in enumerate(values):
            found = self._field(fields, item.field, decisions)
            changes.extend(await self._checked(found, item, position, options, decisions))
        updated = await self.requestors.update_fields(settled.id, requestor_id, changes)
        record = settled.decision.record if settled.decision else None
        return RequestorFieldsUpdated(
            settled.id,
            requestor_id,
            len(changes),
            updated,
            record if isinstance(record, Client) else None,
            tuple(decisions),
        )

    def _field(
        self, fields: Sequence[EntityField], ref: Reference[EntityFieldId], decisions: list[Decision]
    ) -> EntityField:
        if ref.id is not None:
            for candidate in fields:
                if candidate.id == ref.id:
                    return candidate
            raise InvalidInput(ref.id_field, NOT_A_REQUESTOR_FIELD, {"known": _listing(fields)})
        found = self.references.among(REQUESTOR_FIELD, ref, field_candidates(fields))
        decisions.append(self.references.decision(ref, found))
        return found

    async def _checked(
        self,
        found: EntityField,
        item: RequestorFieldValue,
        position: int,
        options: dict[EntityFieldId, list[EntityFieldOption]],
        decisions: list[Decision],
    ) -> list[FieldValueChange]:
        """The items to send for one value, or InvalidInput naming `entities[i].value`."""
        where = f"entities[{position}].value"
        field_type, value = found.type, item.value
        if field_type is not None and field_type.has_options:
            if found.id not in options:
                options[found.id] = await field_options(self.gateway, found.id)
            known = options[found.id]
            if known and field_type is FieldType.SINGLE_SELECT:
                if value is None:
                    return [FieldValueChange(found.id, None)]
                chosen = self._option(known, value, where, decisions)
                return [FieldValueChange(found.id, str(chosen.id), chosen.id)]
            if known:  # a checkbox: the options named are marked, every other one unmarked
                marked: set[EntityFieldOptionId] = set()
                for part, name in enumerate(n.strip() for n in (value or "").split(",")):
                    if name:
                        marked.add(self._option(known, name, f"{where}[{part}]", decisions).id)
                return [
                    FieldValueChange(found.id, "true" if o.id in marked else "false", o.id) for o in known
                ]
        if field_type is not None:
            problem = value_problem(field_type, value)
            if problem:
                raise InvalidInput(where, problem)
        return [FieldValueChange(found.id, value)]

    def _option(
        self,
        known: Sequence[EntityFieldOption],
        value: str,
        value_field: str,
        decisions: list[Decision],
    ) -> EntityFieldOption:
        """An option of the field: its ID as digits, or its label (resolved among the field's options)."""
        if value.strip().isdigit():
            for option in known:
                if option.id == int(value.strip()):
                    return option
            raise InvalidInput(value_field, NOT_AN_OPTION, {"known": _option_listing(known)})
        ref: Reference[EntityFieldOptionId] = Reference(value_field, value_field, None, value.strip())
        chosen = self.references.among(FIELD_OPTION, ref, option_candidates(known))
        decisions.append(self.references.decision(ref, chosen))
        return chosen


__all__ = ["RequestorFieldValue", "RequestorFieldsUpdated", "UpdateRequestorFields"]
