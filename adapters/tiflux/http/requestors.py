"""Requestors, technical users and departments over HTTP.

A 403 on these routes is explained by what the key lacks (people.md §0): the global requestor list is for
administrators, the technical users need a Tickets licence, and a technician sees only the departments of
their attendant group.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Sequence
from dataclasses import dataclass, field
from typing import Any

from adapters.tiflux.errors import NotFoundAs
from adapters.tiflux.http.client import TifluxHttpClient, api_path, query
from adapters.tiflux.http.records import page_params
from adapters.tiflux.wire import page_of, parse_one
from adapters.tiflux.wire.requestors import (
    DepartmentWire,
    RequestorWire,
    TechnicalUserWire,
    new_requestor_json,
    requestor_changes_json,
)
from adapters.tiflux.wire.tickets import EntitiesWire
from adapters.tiflux.wire.writes import field_values_json
from application.commands import FieldValueChange
from domain.custom_fields import EntityValues
from domain.errors import PermissionDenied
from domain.ids import ClientId, DeskId
from domain.paging import Page, PageRequest
from domain.requestors import (
    Department,
    NewRequestor,
    Requestor,
    RequestorChanges,
    RequestorFilter,
    RequestorId,
    TechnicalUser,
)


async def _needing(permission: str, answer: Awaitable[Any]) -> Any:
    """The API's answer, a 403 naming the permission (`error.permission.needs.<permission>`)."""
    try:
        return await answer
    except PermissionDenied as denied:
        raise dataclasses.replace(denied, need=permission) from None


def _filter_params(criteria: RequestorFilter) -> dict[str, str]:
    return query(
        name=criteria.name,
        email=criteria.email,
        telephone=criteria.telephone,
        extension=criteria.extension,
        can_open_ticket=criteria.can_open_ticket,
    )


@dataclass(frozen=True)
class HttpRequestors:
    client: TifluxHttpClient
    api_key: str = field(repr=False)

    async def search(self, criteria: RequestorFilter, page: PageRequest) -> Page[Requestor]:
        # The global list takes no `extension`.
        params = page_params(page) | _filter_params(dataclasses.replace(criteria, extension=None))
        payload = await _needing(
            "requestors_admin", self.client.get(self.api_key, api_path("requestors"), params)
        )
        return page_of(RequestorWire, payload, page)

    async def of_client(
        self, client_id: ClientId, criteria: RequestorFilter, page: PageRequest
    ) -> Page[Requestor]:
        params = page_params(page) | _filter_params(criteria)
        payload = await _needing(
            "client_requestors",
            self.client.get(
                self.api_key,
                api_path("clients", client_id, "requestors"),
                params,
                not_found=NotFoundAs("client", str(client_id)),
            ),
        )
        return page_of(RequestorWire, payload, page)

    async def get(self, client_id: ClientId, requestor_id: RequestorId, *, with_fields: bool) -> Requestor:
        # The tool's `show_entities` is the API's `include_entity_fields`.
        params = query(include_entity_fields=True if with_fields else None)
        payload = await _needing(
            "client_requestors",
            self.client.get(
                self.api_key,
                api_path("clients", client_id, "requestors", requestor_id),
                params,
                not_found=NotFoundAs("requestor", f"{requestor_id} (client {client_id})"),
            ),
        )
        return parse_one(RequestorWire, payload).to_domain()

    async def create(self, client_id: ClientId, requestor: NewRequestor) -> Requestor:
        payload = await _needing(
            "client_requestors",
            self.client.write(
                self.api_key,
                "POST",
                api_path("clients", client_id, "requestors"),
                json=new_requestor_json(requestor),
                not_found=NotFoundAs("client", str(client_id)),
            ),
        )
        return parse_one(RequestorWire, payload).to_domain()

    async def update(
        self, client_id: ClientId, requestor_id: RequestorId, changes: RequestorChanges
    ) -> Requestor:
        payload = await _needing(
            "client_requestors",
            self.client.write(
                self.api_key,
                "PUT",
                api_path("clients", client_id, "requestors", requestor_id),
                json=requestor_changes_json(changes),
                not_found=NotFoundAs("requestor", f"{requestor_id} (client {client_id})"),
            ),
        )
        return parse_one(RequestorWire, payload or {"id": requestor_id}).to_domain()

    async def update_fields(
        self, client_id: ClientId, requestor_id: RequestorId, changes: Sequence[FieldValueChange]
    ) -> Sequence[EntityValues]:
        payload = await _needing(
            "client_requestors",
            self.client.write(
                self.api_key,
                "PUT",
                api_path("clients", client_id, "requestors", requestor_id, "entities"),
                json=field_values_json(list(changes)),
                not_found=NotFoundAs("requestor", f"{requestor_id} (client {client_id})"),
            ),
        )
        return tuple(group.to_domain() for group in parse_one(EntitiesWire, payload or {}).entities)


@dataclass(frozen=True)
class HttpTechnicalUsers:
    client: TifluxHttpClient
    api_key: str = field(repr=False)

    async def search(
        self,
        *,
        name: str | None,
        email: str | None,
        desk_id: DeskId | None,
        client_id: ClientId | None,
        page: PageRequest,
    ) -> Page[TechnicalUser]:
        params = page_params(page) | query(name=name, email=email, desk_id=desk_id, client_id=client_id)
        payload = await _needing(
            "tickets_licence", self.client.get(self.api_key, api_path("technical-users"), params)
        )
        return page_of(TechnicalUserWire, payload, page)


@dataclass(frozen=True)
class HttpDepartments:
    client: TifluxHttpClient
    api_key: str = field(repr=False)

    async def list(self, *, name: str | None, page: PageRequest) -> Page[Department]:
        params = query(limit=page.size, offset=page.number, name=name)
        payload = await _needing(
            "departments", self.client.get(self.api_key, api_path("departments"), params)
        )
        return page_of(DepartmentWire, payload, page)
