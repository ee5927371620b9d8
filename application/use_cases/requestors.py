"""Requestors of the clients, the attendants and the chat departments: find the ID to use elsewhere.

`SearchRequestors` asks the global list first (administrators only); when it answers 403 or finds nobody
and a client was given, it asks that client's list, which attendants may read. Nothing else is guessed:
without a client, a 403 is the answer, and it says which permission the key lacks.
"""

from __future__ import annotations

from dataclasses import dataclass

from application.ports.requestors import DepartmentsPort, RequestorsPort, TechnicalUsersPort
from application.resolvers import CLIENT, DESK, References, Settled
from domain.errors import InvalidInput, PermissionDenied
from domain.ids import ClientId, DeskId
from domain.paging import Page, PageRequest
from domain.people import Client
from domain.requestors import (
    Department,
    NewRequestor,
    Requestor,
    RequestorChanges,
    RequestorFilter,
    RequestorId,
    TechnicalUser,
)
from domain.resolution import Reference

CLIENT_REQUIRED = "requestors.client_required"  # the rule broken when a tool needs a client and got neither
NOTHING_TO_UPDATE = "requestors.nothing_to_update"  # an update that changes nothing is not sent
SEARCH_FILTER_REQUIRED = "requestors.filter_required"  # a search needs one of its filters


@dataclass(frozen=True)
class ClientRequestors:
    """One page of one client's requestors; `client` is the record its name resolved to, if given by name."""

    client_id: ClientId
    criteria: RequestorFilter
    page: Page[Requestor]
    client: Client | None = None


@dataclass(frozen=True)
class RequestorSearch:
    """One page of requestors found across every client, or (`client_id` set) within one client.

    `global_denied` says the list of every client answered 403 (the key is not an administrator's)."""

    criteria: RequestorFilter
    page: Page[Requestor]
    client_id: ClientId | None = None
    client: Client | None = None
    global_denied: bool = False


@dataclass(frozen=True)
class RequestorCard:
    """One requestor of a client, with its custom fields when they were asked for."""

    requestor: Requestor
    with_fields: bool
    client: Client | None = None


@dataclass(frozen=True)
class TechnicalUserCriteria:
    """What narrowed a list of attendants."""

    name: str | None = None
    email: str | None = None
    desk_id: DeskId | None = None
    client_id: ClientId | None = None


@dataclass(frozen=True)
class TechnicalUserPage:
    criteria: TechnicalUserCriteria
    page: Page[TechnicalUser]


@dataclass(frozen=True)
class DepartmentPage:
    name: str | None
    page: Page[Department]


def _named(settled: Settled[ClientId]) -> Client | None:
    record = settled.decision.record if settled.decision else None
    return record if isinstance(record, Client) else None


async def _client(references: References, client: Reference[ClientId]) -> Settled[ClientId]:
    if not client.given:
        raise InvalidInput(client.id_field, CLIENT_REQUIRED)
    return await references.resolve(CLIENT, client, None)


@dataclass(frozen=True)
class SearchRequestors:
    """Find requestors by name, e-mail, phone or e-mail permission, across clients or within one client."""

    requestors: RequestorsPort
    references: References

    async def __call__(
        self, criteria: RequestorFilter, client: Reference[ClientId], page: PageRequest
    ) -> RequestorSearch:
        if not criteria.narrows:
            raise InvalidInput("name", SEARCH_FILTER_REQUIRED)
        denied = False
        try:
            found = await self.requestors.search(criteria, page)
        except PermissionDenied:
            if not client.given:
                raise
            denied = True
        else:
            if found.items or not client.given:
                return RequestorSearch(criteria, found)
        settled = await self.references.resolve(CLIENT, client, None)
        assert settled.id is not None
        in_client = await self.requestors.of_client(settled.id, criteria, page)
        return RequestorSearch(criteria, in_client, settled.id, _named(settled), global_denied=denied)


@dataclass(frozen=True)
class ListRequestors:
    """One page of one client's requestors (the client by ID or by name), filtered."""

    requestors: RequestorsPort
    references: References

    async def __call__(
        self, client: Reference[ClientId], criteria: RequestorFilter, page: PageRequest
    ) -> ClientRequestors:
        settled = await _client(self.references, client)
        assert settled.id is not None
        found = await self.requestors.of_client(settled.id, criteria, page)
        return ClientRequestors(settled.id, criteria, found, _named(settled))


@dataclass(frozen=True)
class ShowRequestor:
    """One requestor of a client (the client by ID or by name), optionally with its custom fields."""

    requestors: RequestorsPort
    references: References

    async def __call__(
        self, client: Reference[ClientId], requestor_id: RequestorId, *, with_fields: bool
    ) -> RequestorCard:
        settled = await _client(self.references, client)
        assert settled.id is not None
        found = await self.requestors.get(settled.id, requestor_id, with_fields=with_fields)
        return RequestorCard(found, with_fields, _named(settled))


@dataclass(frozen=True)
class RequestorWritten:
    """A requestor as TiFlux answered a create or an update; `changed` names what an update changed."""

    requestor: Requestor
    client_id: ClientId
    changed: tuple[str, ...] = ()
    client: Client | None = None


@dataclass(frozen=True)
class CreateRequestor:
    """Add a requestor to a client (the client by ID or by name); sent once."""

    requestors: RequestorsPort
    references: References

    async def __call__(self, client: Reference[ClientId], requestor: NewRequestor) -> RequestorWritten:
        settled = await _client(self.references, client)
        assert settled.id is not None
        created = await self.requestors.create(settled.id, requestor)
        return RequestorWritten(created, settled.id, client=_named(settled))


@dataclass(frozen=True)
class UpdateRequestor:
    """Change a requestor of a client; nothing to change is refused before any request; sent once."""

    requestors: RequestorsPort
    references: References

    async def __call__(
        self, client: Reference[ClientId], requestor_id: RequestorId, changes: RequestorChanges
    ) -> RequestorWritten:
        if not changes.changed():
            raise InvalidInput("name", NOTHING_TO_UPDATE)
        settled = await _client(self.references, client)
        assert settled.id is not None
        updated = await self.requestors.update(settled.id, requestor_id, changes)
        return RequestorWritten(updated, settled.id, changes.changed(), _named(settled))


@dataclass(frozen=True)
class SearchTechnicalUsers:
    """Find the attendants a ticket can be assigned to, by name, e-mail, desk or client (no admin key)."""

    technical_users: TechnicalUsersPort
    references: References

    async def __call__(
        self,
        *,
        name: str | None,
        email: str | None,
        desk: Reference[DeskId],
        client: Reference[ClientId],
        page: PageRequest,
    ) -> TechnicalUserPage:
        desk_id = (await self.references.resolve(DESK, desk, None)).id
        client_id = (await self.references.resolve(CLIENT, client, None)).id
        criteria = TechnicalUserCriteria(name, email, desk_id, client_id)
        found = await self.technical_users.search(
            name=name, email=email, desk_id=desk_id, client_id=client_id, page=page
        )
        return TechnicalUserPage(criteria, found)


@dataclass(frozen=True)
class ListDepartments:
    """One page of the chat departments (a technician sees only their attendant group's)."""

    departments: DepartmentsPort

    async def __call__(self, *, name: str | None, page: PageRequest) -> DepartmentPage:
        return DepartmentPage(name, await self.departments.list(name=name, page=page))


__all__ = [
    "ClientRequestors",
    "CreateRequestor",
    "DepartmentPage",
    "ListDepartments",
    "ListRequestors",
    "RequestorCard",
    "RequestorSearch",
    "RequestorWritten",
    "SearchRequestors",
    "SearchTechnicalUsers",
    "ShowRequestor",
    "TechnicalUserCriteria",
    "TechnicalUserPage",
    "UpdateRequestor",
]
