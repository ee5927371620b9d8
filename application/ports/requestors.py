"""Requestors of clients, the attendants (technical users) and the chat departments."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from application.commands import FieldValueChange
from domain.custom_fields import EntityValues
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


class RequestorsPort(Protocol):
    """Reads requestors: across every client (admin keys only) or within one client."""

    async def search(self, criteria: RequestorFilter, page: PageRequest) -> Page[Requestor]:
        """One page of requestors of every client (`GET /requestors`); PermissionDenied for non-admin keys."""
        ...

    async def of_client(
        self, client_id: ClientId, criteria: RequestorFilter, page: PageRequest
    ) -> Page[Requestor]:
        """One page of one client's requestors; NotFound for an unknown client."""
        ...

    async def get(self, client_id: ClientId, requestor_id: RequestorId, *, with_fields: bool) -> Requestor:
        """One requestor of a client, with its custom fields when asked; NotFound if absent."""
        ...

    async def create(self, client_id: ClientId, requestor: NewRequestor) -> Requestor:
        """Adds a requestor to a client (sent once, never re-sent)."""
        ...

    async def update(
        self, client_id: ClientId, requestor_id: RequestorId, changes: RequestorChanges
    ) -> Requestor:
        """Changes a requestor of a client (sent once); NotFound if absent."""
        ...

    async def update_fields(
        self, client_id: ClientId, requestor_id: RequestorId, changes: Sequence[FieldValueChange]
    ) -> Sequence[EntityValues]:
        """Sets custom-field values of a requestor (sent once); the entities touched, as TiFlux answers."""
        ...


class TechnicalUsersPort(Protocol):
    """Reads the attendants tickets can be assigned to; needs only a Tickets licence, no admin key."""

    async def search(
        self,
        *,
        name: str | None,
        email: str | None,
        desk_id: DeskId | None,
        client_id: ClientId | None,
        page: PageRequest,
    ) -> Page[TechnicalUser]:
        """One page of attendants; texts are the API's partial, case-insensitive matches."""
        ...


class DepartmentsPort(Protocol):
    """Reads the chat departments (a technician sees only those of their attendant group)."""

    async def list(self, *, name: str | None, page: PageRequest) -> Page[Department]:
        """One page of departments; `name` is the API's partial, case-insensitive match."""
        ...
