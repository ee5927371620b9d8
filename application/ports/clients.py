"""The registration of client companies: read, list, create and change clients, and what serves them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from application.commands import FieldValueChange
from domain.clients import (
    Address,
    AddressData,
    ClientData,
    ClientFilter,
    ClientRecord,
    Contact,
    ContactData,
    LinkedDesk,
    LinkedGroup,
    NewPortalUser,
    PortalUser,
)
from domain.custom_fields import EntityValues
from domain.ids import ClientId
from domain.paging import Page, PageRequest


class ClientsPort(Protocol):
    """Clients as the clients toolset works on them (the name lookups of the ticket tools use `people`)."""

    async def get(self, client_id: ClientId, *, with_fields: bool) -> ClientRecord:
        """One client with its desks and groups (and custom fields when asked); NotFound if absent."""
        ...

    async def list(self, criteria: ClientFilter, page: PageRequest) -> Page[ClientRecord]:
        """One page of clients, filtered."""
        ...

    async def create(self, data: ClientData) -> ClientRecord:
        """Registers a client (sent once, never re-sent)."""
        ...

    async def update(self, client_id: ClientId, data: ClientData) -> ClientRecord:
        """Changes the given values of a client (sent once); NotFound if absent."""
        ...

    async def desks(self, client_id: ClientId, page: PageRequest) -> Page[LinkedDesk]:
        """One page of the desks linked to a client; NotFound for an unknown client."""
        ...

    async def technical_groups(self, client_id: ClientId, page: PageRequest) -> Page[LinkedGroup]:
        """One page of the technical groups linked to a client; NotFound for an unknown client."""
        ...

    async def create_portal_user(self, client_id: ClientId, user: NewPortalUser) -> PortalUser:
        """Creates a customer-portal login for the client (sent once); NotFound for an unknown client."""
        ...

    async def allow_email_tickets(self, client_id: ClientId, address: str) -> None:
        """Lets mail from an address or a whole `@domain` open tickets for the client (sent once)."""
        ...

    async def update_fields(
        self, client_id: ClientId, changes: Sequence[FieldValueChange]
    ) -> Sequence[EntityValues]:
        """Sets custom-field values on the client (sent once); the groups TiFlux answers with."""
        ...

    async def addresses(self, client_id: ClientId, page: PageRequest) -> Page[Address]:
        """One page of a client's addresses; NotFound for an unknown client."""
        ...

    async def address(self, client_id: ClientId, address_id: int) -> Address:
        """One address of a client; NotFound if absent."""
        ...

    async def create_address(self, client_id: ClientId, data: AddressData) -> Address:
        """Adds an address to a client (sent once)."""
        ...

    async def update_address(self, client_id: ClientId, address_id: int, data: AddressData) -> Address:
        """Changes the given values of an address (sent once); NotFound if absent."""
        ...

    async def delete_address(self, client_id: ClientId, address_id: int) -> None:
        """Removes an address (sent once; no undo); NotFound if absent."""
        ...

    async def contacts(self, client_id: ClientId, page: PageRequest) -> Page[Contact]:
        """One page of a client's contacts; NotFound for an unknown client."""
        ...

    async def contact(self, client_id: ClientId, contact_id: int) -> Contact:
        """One contact of a client; NotFound if absent."""
        ...

    async def create_contact(self, client_id: ClientId, data: ContactData) -> Contact:
        """Adds a contact to a client (sent once)."""
        ...

    async def update_contact(self, client_id: ClientId, contact_id: int, data: ContactData) -> Contact:
        """Changes the given values of a contact (sent once); NotFound if absent."""
        ...

    async def delete_contact(self, client_id: ClientId, contact_id: int) -> None:
        """Removes a contact (sent once; no undo); NotFound if absent."""
        ...
