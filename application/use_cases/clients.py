"""Client companies: their registration, listing, creation, changes, and the desks and groups serving them.

A client is given by ID or by name (resolved as everywhere else); writes are sent once, and a change that
changes nothing is refused before any request.
"""

from __future__ import annotations

from dataclasses import dataclass

from application.ports.clients import ClientsPort
from application.resolvers import CLIENT, References, Settled
from domain.clients import (
    ClientData,
    ClientFilter,
    ClientRecord,
    LinkedDesk,
    LinkedGroup,
    NewPortalUser,
    PortalUser,
)
from domain.errors import InvalidInput
from domain.ids import ClientId
from domain.paging import Page, PageRequest
from domain.people import Client
from domain.resolution import Reference

CLIENT_REQUIRED = "clients.client_required"  # neither `client_id` nor `client_name`
NOTHING_TO_UPDATE = "clients.nothing_to_update"  # an update that changes nothing is not sent


def named(settled: Settled[ClientId]) -> Client | None:
    """The client a name resolved to (None when it was given by ID)."""
    record = settled.decision.record if settled.decision else None
    return record if isinstance(record, Client) else None


async def settle_client(
    references: References, client: Reference[ClientId]
) -> tuple[ClientId, Client | None]:
    """The client's ID, and the record its name resolved to; neither given is `InvalidInput`."""
    if not client.given:
        raise InvalidInput(client.id_field, CLIENT_REQUIRED)
    settled = await references.resolve(CLIENT, client, None)
    assert settled.id is not None
    return settled.id, named(settled)


@dataclass(frozen=True)
class ClientCard:
    """One client's registration, with its custom fields when they were asked for."""

    client: ClientRecord
    with_fields: bool


@dataclass(frozen=True)
class ClientPage:
    criteria: ClientFilter
    page: Page[ClientRecord]


@dataclass(frozen=True)
class ClientWritten:
    """A client as TiFlux answered a create or an update; `changed` names what was sent."""

    client: ClientRecord
    changed: tuple[str, ...] = ()


@dataclass(frozen=True)
class ClientDesks:
    client_id: ClientId
    page: Page[LinkedDesk]
    client: Client | None = None


@dataclass(frozen=True)
class ClientGroups:
    client_id: ClientId
    page: Page[LinkedGroup]
    client: Client | None = None


@dataclass(frozen=True)
class ShowClient:
    """One client (by ID or by name), optionally with its custom fields."""

    clients: ClientsPort
    references: References

    async def __call__(self, client: Reference[ClientId], *, with_fields: bool) -> ClientCard:
        client_id, _ = await settle_client(self.references, client)
        return ClientCard(await self.clients.get(client_id, with_fields=with_fields), with_fields)


@dataclass(frozen=True)
class ListClients:
    """One page of clients, by status, name or CPF/CNPJ."""

    clients: ClientsPort

    async def __call__(self, criteria: ClientFilter, page: PageRequest) -> ClientPage:
        return ClientPage(criteria, await self.clients.list(criteria, page))


@dataclass(frozen=True)
class CreateClient:
    """Register a client; sent once."""

    clients: ClientsPort

    async def __call__(self, data: ClientData) -> ClientWritten:
        return ClientWritten(await self.clients.create(data), data.given())


@dataclass(frozen=True)
class UpdateClient:
    """Change a client, by ID (a write names exactly what it changes); nothing to change is refused before
    any request; sent once."""

    clients: ClientsPort

    async def __call__(self, client_id: ClientId, data: ClientData) -> ClientWritten:
        if not data.given():
            raise InvalidInput("name", NOTHING_TO_UPDATE)
        return ClientWritten(await self.clients.update(client_id, data), data.given())


@dataclass(frozen=True)
class ListClientDesks:
    """One page of the desks linked to a client (by ID or by name)."""

    clients: ClientsPort
    references: References

    async def __call__(self, client: Reference[ClientId], page: PageRequest) -> ClientDesks:
        client_id, record = await settle_client(self.references, client)
        return ClientDesks(client_id, await self.clients.desks(client_id, page), record)


@dataclass(frozen=True)
class ListClientGroups:
    """One page of the technical groups linked to a client (by ID or by name)."""

    clients: ClientsPort
    references: References

    async def __call__(self, client: Reference[ClientId], page: PageRequest) -> ClientGroups:
        client_id, record = await settle_client(self.references, client)
        return ClientGroups(client_id, await self.clients.technical_groups(client_id, page), record)


@dataclass(frozen=True)
class PortalUserCreated:
    user: PortalUser
    client_id: ClientId


@dataclass(frozen=True)
class CreatePortalUser:
    """Create a customer-portal login for a client (asked first: it grants access); sent once."""

    clients: ClientsPort

    async def __call__(self, client_id: ClientId, user: NewPortalUser) -> PortalUserCreated:
        return PortalUserCreated(await self.clients.create_portal_user(client_id, user), client_id)


@dataclass(frozen=True)
class EmailPermissionAdded:
    client_id: ClientId
    address: str

    @property
    def whole_domain(self) -> bool:
        return self.address.startswith("@")


@dataclass(frozen=True)
class AllowEmailTickets:
    """Let an address or a whole domain open tickets for a client by e-mail (asked first); sent once."""

    clients: ClientsPort

    async def __call__(self, client_id: ClientId, address: str) -> EmailPermissionAdded:
        await self.clients.allow_email_tickets(client_id, address)
        return EmailPermissionAdded(client_id, address)
