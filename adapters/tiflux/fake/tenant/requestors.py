"""Requestors of the clients, the technical users (attendants) and the chat departments (people.md §2-4, §6).

Records keep what only the fake needs under private keys (`_entities`: a requestor's custom fields, served
with `include_entity_fields=true`; `_client_ids`: the clients an attendant serves through their technical
groups), never served.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Mapping
from typing import Any

from adapters.tiflux.fake.tenant.bodies import Json, ref
from adapters.tiflux.fake.tenant.data import TenantState
from adapters.tiflux.fake.tenant.errors import validation_error
from adapters.tiflux.fake.tenant.field_values import FieldValues
from adapters.tiflux.fake.tenant.inputs import body_int
from adapters.tiflux.fake.tenant.matching import DEFAULT_LIMIT, Check, contains, field_is, listed, text_has
from adapters.tiflux.fake.tenant.moments import iso
from adapters.tiflux.fake.tenant.routes import Reader, Route

_REQUESTOR_QUERY: dict[str, Reader] = {
    "name": "text",
    "email": "text",
    "telephone": "text",
    "extension": "text",
    "can_open_ticket": "boolean",
}


def _public(item: Json) -> Json:
    return {key: value for key, value in item.items() if not key.startswith("_")}


def _served(items: Iterable[Json]) -> list[Json]:
    return [_public(item) for item in items]


def _digits(text: str | None) -> str:
    return "".join(char for char in text or "" if char.isdigit())


def _telephone_has(needle: str | None) -> Check | None:
    if not needle:
        return None
    wanted = _digits(needle)
    return lambda item: bool(wanted) and wanted in _digits(item.get("telephone"))


def _email_has(needle: str | None) -> Check | None:
    if not needle:
        return None
    return lambda item: needle.casefold() in (item.get("email") or "").casefold()


_REQUESTOR_KEYS = ("name", "email", "telephone", "can_open_ticket", "extension", "country")
_PHONE = re.compile(r"^[0-9]{8,15}$")


def _check_requestor(body: Mapping[str, Any], *, creating: bool) -> None:
    """422 for what TiFlux refuses: a missing name or e-mail, a value of the wrong type, a bad phone."""
    errors = []
    for key in ("name", "email"):
        if (creating or key in body) and not (isinstance(body.get(key), str) and body[key].strip()):
            errors.append(f"{key} can't be blank")
    for key in ("telephone", "extension", "country"):
        if body.get(key) is not None and not isinstance(body[key], str):
            errors.append(f"{key} must be a text")
    if "can_open_ticket" in body and not isinstance(body["can_open_ticket"], bool):
        errors.append("can_open_ticket must be true or false")
    telephone = body.get("telephone")
    if isinstance(telephone, str) and not _PHONE.match(telephone):
        errors.append("Is not a valid phone number")
    if not creating and not any(key in body for key in _REQUESTOR_KEYS):
        errors.append("nothing to update")
    if errors:
        raise validation_error(*errors)


class RequestorsArea:
    """The routes on requestors, technical users and departments."""

    def __init__(self, state: TenantState) -> None:
        self._state = state
        tables = state.tables
        # Shared with the people area: a requestor a ticket registers is listed here too.
        self._requestors: list[Json] = tables["client_requestors"]
        self._requestors.sort(key=lambda r: r["id"])
        self._technical_users: list[Json] = list(tables["technical_users"])
        self._departments: list[Json] = list(tables["departments"])
        self._values = FieldValues(state.field_options)

    def list_requestors(
        self,
        *,
        offset: int = 1,
        limit: int = DEFAULT_LIMIT,
        name: str | None = None,
        email: str | None = None,
        telephone: str | None = None,
        extension: str | None = None,
        can_open_ticket: bool | None = None,
        client_id: int | None = None,
    ) -> list[Json]:
        checks = [
            None if client_id is None else (lambda item: item["client"]["id"] == client_id),
            text_has("name", name),
            _email_has(email),
            _telephone_has(telephone),
            field_is("extension", extension),
            field_is("can_open_ticket", can_open_ticket),
        ]
        return _served(listed(self._requestors, checks, offset, limit))

    def client_requestors(
        self,
        client_id: int,
        *,
        offset: int = 1,
        limit: int = DEFAULT_LIMIT,
        include_entity_fields: bool = False,
        **criteria: str | bool | None,
    ) -> list[Json]:
        self._client(client_id)
        # The LIST shape of custom fields is not served: the page is the same without it.
        return self.list_requestors(offset=offset, limit=limit, client_id=client_id, **criteria)  # type: ignore[arg-type]

    def get_requestor(
        self, client_id: int, requestor_id: int, *, include_entity_fields: bool = False
    ) -> Json:
        self._client(client_id)
        for requestor in self._requestors:
            if requestor["id"] == requestor_id and requestor["client"]["id"] == client_id:
                found = _public(requestor)
                if include_entity_fields:
                    found["entities"] = copy.deepcopy(requestor.get("_entities", []))
                return found
        raise self._state.not_found("Requestor")

    def create_requestor(self, client_id: int, body: Mapping[str, Any]) -> Json:
        """A new requestor of the client, from a body that is not wrapped (`{"name": ..., "email": ...}`)."""
        client = self._client(client_id)
        _check_requestor(body, creating=True)
        state = self._state
        ident = max(*state.users, *state.requestors, *(r["id"] for r in self._requestors)) + 1
        now = iso(state.now())
        requestor = {
            "id": ident,
            "name": body["name"],
            "email": body["email"],
            "telephone": body.get("telephone"),
            "extension": body.get("extension"),
            "can_open_ticket": body.get("can_open_ticket", True),
            "client": {"id": client_id, "name": client["name"]},
            "created_at": now,
            "updated_at": now,
        }
        self._requestors.append(requestor)
        return _public(requestor)

    def update_requestor(self, client_id: int, requestor_id: int, body: Mapping[str, Any]) -> Json:
        """The requestor merged with the body's values."""
        self._client(client_id)
        _check_requestor(body, creating=False)
        for requestor in self._requestors:
            if requestor["id"] == requestor_id and requestor["client"]["id"] == client_id:
                requestor.update(
                    {key: body[key] for key in _REQUESTOR_KEYS if key in body and key != "country"}
                )
                requestor["updated_at"] = iso(self._state.now())
                return _public(requestor)
        raise self._state.not_found("Requestor")

    def update_requestor_entities(self, client_id: int, requestor_id: int, body: Mapping[str, Any]) -> Json:
        """The body: ``{"entities": [{"entity_field_id": ..., "value": ...}, ...]}``, only fields of the
        requestor entities (`applied_in: solicitant`); answers the entities it touched (GET shape)."""
        self._client(client_id)
        requestor = self._requestor(client_id, requestor_id)
        items = body.get("entities")
        if not isinstance(items, list) or not items or not all(isinstance(item, dict) for item in items):
            raise validation_error("entities must be a list of objects")
        items_by_field: dict[int, list[Mapping[str, Any]]] = {}
        for item in items:
            field_id = body_int(item.get("entity_field_id"), "entity_field_id")
            self._requestor_field(field_id)
            items_by_field.setdefault(field_id, []).append(item)
        groups = copy.deepcopy(requestor.get("_entities", []))
        for field_id, field_items in items_by_field.items():
            entity, definition = self._requestor_field(field_id)
            slot = self._field_slot(groups, entity, field_id)
            self._values.assign(slot, definition, field_items)
            if definition["field_type"] == "single_select" and slot["options"]:
                slot["value"] = slot["options"][0]["title"]  # the GET shape shows the option's title
        requestor["_entities"] = groups
        requestor["updated_at"] = iso(self._state.now())
        touched = []
        for group in groups:
            fields = [
                copy.deepcopy(f) for f in group["entity_fields"] if f["entity_field_id"] in items_by_field
            ]
            if fields:
                touched.append({"id": group["id"], "name": group["name"], "entity_fields": fields})
        return {"entities": touched}

    def _requestor(self, client_id: int, requestor_id: int) -> Json:
        for requestor in self._requestors:
            if requestor["id"] == requestor_id and requestor["client"]["id"] == client_id:
                return requestor
        raise self._state.not_found("Requestor")

    def _requestor_field(self, field_id: int) -> tuple[Json, Json]:
        """The (entity, field) pair of a field of an active requestor entity, else 422."""
        state = self._state
        for entity_id, fields in state.entity_fields.items():
            entity = state.entities.get(entity_id)
            if entity is None or entity["applied_in"] != "solicitant" or not entity["active"]:
                continue
            for definition in fields:
                if definition["id"] == field_id:
                    return entity, definition
        raise validation_error(f"entity_field_id {field_id} not found")

    def _field_slot(self, groups: list[Json], entity: Json, field_id: int) -> Json:
        group = next((g for g in groups if g["id"] == entity["id"]), None)
        if group is None:
            definitions = sorted(self._state.entity_fields.get(entity["id"], []), key=lambda f: f["order"])
            blanks = []
            for definition in definitions:
                blank = {
                    "entity_field_id": definition["id"],
                    **ref(definition, "name", "field_type", "required"),
                    "value": None,
                }
                if definition["field_type"] in ("single_select", "checkbox"):
                    blank["options"] = []
                blanks.append(blank)
            group = {"id": entity["id"], "name": entity["name"], "entity_fields": blanks}
            groups.append(group)
            groups.sort(key=lambda g: g["id"])
        return next(slot for slot in group["entity_fields"] if slot["entity_field_id"] == field_id)

    def list_technical_users(
        self,
        *,
        offset: int = 1,
        limit: int = DEFAULT_LIMIT,
        name: str | None = None,
        email: str | None = None,
        desk_id: int | None = None,  # no desk ↔ attendant mapping in the tenant: accepted, not applied
        client_id: int | None = None,
    ) -> list[Json]:
        for label, ident in (("desk_id", desk_id), ("client_id", client_id)):
            if ident is not None and ident < 1:
                raise validation_error(f"{label} must be a positive integer")
        checks = [
            text_has("name", name),
            _email_has(email),
            None if client_id is None else (lambda item: client_id in item["_client_ids"]),
        ]
        return _served(listed(self._technical_users, checks, offset, limit))

    def list_departments(
        self, *, offset: int = 1, limit: int = DEFAULT_LIMIT, name: str | None = None
    ) -> list[Json]:
        checks = [None if not name else (lambda item: contains(item["name"], name))]
        return _served(listed(self._departments, checks, offset, limit))

    def _client(self, client_id: int) -> Json:
        if client_id not in self._state.clients:
            raise self._state.not_found("Client")
        return self._state.clients[client_id]


_CLIENT_REQUESTORS = "/clients/{client_id:int}/requestors"

ROUTES = (
    Route("GET", "/requestors", RequestorsArea.list_requestors, _REQUESTOR_QUERY, paged=True),
    Route(
        "GET",
        _CLIENT_REQUESTORS,
        RequestorsArea.client_requestors,
        {**_REQUESTOR_QUERY, "include_entity_fields": "boolean"},
        paged=True,
    ),
    Route(
        "GET",
        _CLIENT_REQUESTORS + "/{requestor_id:int}",
        RequestorsArea.get_requestor,
        {"include_entity_fields": "boolean"},
    ),
    Route("POST", _CLIENT_REQUESTORS, RequestorsArea.create_requestor, body="json"),
    Route("PUT", _CLIENT_REQUESTORS + "/{requestor_id:int}", RequestorsArea.update_requestor, body="json"),
    Route(
        "PUT",
        _CLIENT_REQUESTORS + "/{requestor_id:int}/entities",
        RequestorsArea.update_requestor_entities,
        body="json",
    ),
    Route(
        "GET",
        "/technical-users",
        RequestorsArea.list_technical_users,
        {"name": "text", "email": "text", "desk_id": "integer", "client_id": "integer"},
        paged=True,
    ),
    Route("GET", "/departments", RequestorsArea.list_departments, {"name": "text"}, paged=True),
)
