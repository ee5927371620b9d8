"""Requestors of the clients, the technical users (attendants) and the chat departments (people.md §2-4, §6).

Records keep what only the fake needs under private keys (`_entities`: a requestor's custom fields, served
with `include_entity_fields=true`; `_client_ids`: the clients an attendant serves through their technical
groups), never served.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable

from adapters.tiflux.fake.tenant.bodies import Json
from adapters.tiflux.fake.tenant.data import TenantState
from adapters.tiflux.fake.tenant.errors import validation_error
from adapters.tiflux.fake.tenant.matching import DEFAULT_LIMIT, Check, contains, field_is, listed, text_has
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


class RequestorsArea:
    """The routes on requestors, technical users and departments."""

    def __init__(self, state: TenantState) -> None:
        self._state = state
        tables = state.tables
        self._requestors: list[Json] = sorted(tables["client_requestors"], key=lambda r: r["id"])
        self._technical_users: list[Json] = list(tables["technical_users"])
        self._departments: list[Json] = list(tables["departments"])

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
    Route(
        "GET",
        "/technical-users",
        RequestorsArea.list_technical_users,
        {"name": "text", "email": "text", "desk_id": "integer", "client_id": "integer"},
        paged=True,
    ),
    Route("GET", "/departments", RequestorsArea.list_departments, {"name": "text"}, paged=True),
)
