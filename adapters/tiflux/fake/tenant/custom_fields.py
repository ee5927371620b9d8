"""Custom fields: entities, their fields and options, and the values tickets hold for them."""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from typing import Any

from adapters.tiflux.fake.tenant.bodies import Json, ref
from adapters.tiflux.fake.tenant.data import TenantState
from adapters.tiflux.fake.tenant.errors import validation_error
from adapters.tiflux.fake.tenant.field_values import FieldValues
from adapters.tiflux.fake.tenant.inputs import body_int
from adapters.tiflux.fake.tenant.matching import (
    DEFAULT_LIMIT,
    field_is,
    in_id_order,
    listed,
    one_of,
    text_has,
)
from adapters.tiflux.fake.tenant.routes import TICKET, Route

APPLIED_IN = (
    "ticket",
    "client",
    "solicitant",
    "services_catalog",
    "services_catalogs_area",
    "services_catalogs_item",
    "equipment",
)
FIELD_TYPES = ("text", "text_area", "currency", "phone", "email", "link", "date", "single_select", "checkbox")


class CustomFieldsArea:
    """The routes on custom fields, and updating the custom fields of a ticket."""

    def __init__(self, state: TenantState) -> None:
        self._state = state
        self._values = FieldValues(state.field_options)

    def update_ticket_entities(self, ticket_number: int, body: Mapping[str, Any]) -> Json:
        """The body: ``{"entities": [{"entity_field_id": ..., "value": ...}, ...]}``."""
        items = body.get("entities")
        if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
            raise validation_error("entities must be a list of objects")
        state = self._state
        ticket = state.ticket(ticket_number)
        items_by_field: dict[int, list[Mapping[str, Any]]] = {}
        for item in items:
            field_id = body_int(item.get("entity_field_id"), "entity_field_id")
            self._ticket_field(field_id)
            items_by_field.setdefault(field_id, []).append(item)
        groups = copy.deepcopy(state.ticket_entities.get(ticket_number, []))
        for field_id, field_items in items_by_field.items():
            entity, definition = self._ticket_field(field_id)
            slot = self._field_slot(groups, entity, field_id)
            self._values.assign(slot, definition, field_items)
        state.ticket_entities[ticket_number] = groups
        state.stamp_update(ticket)
        return {"entities": _touched_groups(groups, set(items_by_field))}

    def list_entities(
        self,
        *,
        offset: int = 1,
        limit: int = DEFAULT_LIMIT,
        active: bool | None = None,
        applied_in: str | None = None,
        name: str | None = None,
    ) -> list[Json]:
        one_of("applied_in", applied_in, APPLIED_IN)
        checks = [field_is("active", active), field_is("applied_in", applied_in), text_has("name", name)]
        return listed(in_id_order(self._state.entities), checks, offset, limit)

    def list_entity_fields(
        self,
        entity_id: int,
        *,
        offset: int = 1,
        limit: int = DEFAULT_LIMIT,
        field_type: str | None = None,
        required: bool | None = None,
        name: str | None = None,
    ) -> list[Json]:
        one_of("field_type", field_type, FIELD_TYPES)
        if entity_id not in self._state.entities:
            raise self._state.not_found("Entity")
        checks = [field_is("field_type", field_type), field_is("required", required), text_has("name", name)]
        return listed(self._state.entity_fields.get(entity_id, []), checks, offset, limit)

    def list_entity_field_options(
        self, entity_field_id: int, *, offset: int = 1, limit: int = DEFAULT_LIMIT, value: str | None = None
    ) -> list[Json]:
        if self._field_definition(entity_field_id) is None:
            raise self._state.not_found("Entity field")
        options = self._state.field_options.get(entity_field_id, [])
        return listed(options, [text_has("value", value)], offset, limit)

    def _field_definition(self, field_id: int) -> Json | None:
        for fields in self._state.entity_fields.values():
            match = next((field for field in fields if field["id"] == field_id), None)
            if match is not None:
                return match
        return None

    def _ticket_field(self, field_id: int) -> tuple[Json, Json]:
        """The (entity, field) pair of a custom field a ticket can hold, else 422."""
        definition = self._field_definition(field_id)
        entity = self._state.entities.get(definition["entity_id"]) if definition else None
        if definition is None or entity is None or entity["applied_in"] != "ticket" or not entity["active"]:
            raise validation_error(f"entity_field_id {field_id} not found")
        return entity, definition

    def _field_slot(self, groups: list[Json], entity: Json, field_id: int) -> Json:
        """The ticket's stored value of a field, adding the entity's blank group when missing."""
        group = next((g for g in groups if g["id"] == entity["id"]), None)
        if group is None:
            group = {
                "id": entity["id"],
                "name": entity["name"],
                "entity_fields": self._blank_fields(entity["id"]),
            }
            groups.append(group)
            groups.sort(key=lambda g: g["id"])
        return next(slot for slot in group["entity_fields"] if slot["entity_field_id"] == field_id)

    def _blank_fields(self, entity_id: int) -> list[Json]:
        blanks = []
        for field in sorted(self._state.entity_fields.get(entity_id, []), key=lambda f: f["order"]):
            blank = {
                "entity_field_id": field["id"],
                **ref(field, "name", "field_type", "required"),
                "value": None,
            }
            if field["field_type"] in ("single_select", "checkbox"):
                blank["options"] = []
            blanks.append(blank)
        return blanks


ROUTES = (
    Route("PUT", f"{TICKET}/entities", CustomFieldsArea.update_ticket_entities, body="json"),
    Route(
        "GET",
        "/entities",
        CustomFieldsArea.list_entities,
        {"active": "boolean", "applied_in": "raw", "name": "text"},
        paged=True,
    ),
    Route(
        "GET",
        "/entities/{entity_id:int}/fields",
        CustomFieldsArea.list_entity_fields,
        {"field_type": "raw", "required": "boolean", "name": "text"},
        paged=True,
    ),
    Route(
        "GET",
        "/entity_fields/{entity_field_id:int}/options",
        CustomFieldsArea.list_entity_field_options,
        {"value": "text"},
        paged=True,
    ),
)


def _touched_groups(groups: Sequence[Json], field_ids: set[int]) -> list[Json]:
    touched = []
    for group in groups:
        fields = [copy.deepcopy(f) for f in group["entity_fields"] if f["entity_field_id"] in field_ids]
        if fields:
            touched.append({"id": group["id"], "name": group["name"], "entity_fields": fields})
    return touched
