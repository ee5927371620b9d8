"""A client's addresses and contacts: list, read, add, change, remove (a removal is asked first).

Writes are sent once; a change that changes nothing is refused before any request."""

from __future__ import annotations

from dataclasses import dataclass

from application.ports.clients import ClientsPort
from application.resolvers import References
from application.use_cases.clients import settle_client
from domain.clients import Address, AddressData, Contact, ContactData
from domain.errors import InvalidInput
from domain.ids import ClientId
from domain.paging import Page, PageRequest
from domain.people import Client
from domain.resolution import Reference

NOTHING_TO_UPDATE = "clients.address_nothing_to_update"
CONTACT_NOTHING_TO_UPDATE = "clients.contact_nothing_to_update"


@dataclass(frozen=True)
class ClientAddresses:
    client_id: ClientId
    page: Page[Address]
    client: Client | None = None


@dataclass(frozen=True)
class AddressCard:
    """One address of a client; `changed` names what a write sent, `removed` says it is gone."""

    client_id: ClientId
    address: Address
    changed: tuple[str, ...] = ()
    removed: bool = False


@dataclass(frozen=True)
class ListClientAddresses:
    clients: ClientsPort
    references: References

    async def __call__(self, client: Reference[ClientId], page: PageRequest) -> ClientAddresses:
        client_id, record = await settle_client(self.references, client)
        return ClientAddresses(client_id, await self.clients.addresses(client_id, page), record)


@dataclass(frozen=True)
class ShowClientAddress:
    clients: ClientsPort

    async def __call__(self, client_id: ClientId, address_id: int) -> AddressCard:
        return AddressCard(client_id, await self.clients.address(client_id, address_id))


@dataclass(frozen=True)
class CreateClientAddress:
    clients: ClientsPort

    async def __call__(self, client_id: ClientId, data: AddressData) -> AddressCard:
        return AddressCard(client_id, await self.clients.create_address(client_id, data), data.given())


@dataclass(frozen=True)
class UpdateClientAddress:
    clients: ClientsPort

    async def __call__(self, client_id: ClientId, address_id: int, data: AddressData) -> AddressCard:
        if not data.given():
            raise InvalidInput("cep", NOTHING_TO_UPDATE)
        updated = await self.clients.update_address(client_id, address_id, data)
        return AddressCard(client_id, updated, data.given())


@dataclass(frozen=True)
class DeleteClientAddress:
    clients: ClientsPort

    async def __call__(self, client_id: ClientId, address_id: int) -> AddressCard:
        await self.clients.delete_address(client_id, address_id)
        return AddressCard(client_id, Address(address_id), removed=True)


@dataclass(frozen=True)
class ClientContacts:
    client_id: ClientId
    page: Page[Contact]
    client: Client | None = None


@dataclass(frozen=True)
class ContactCard:
    """One contact of a client; `changed` names what a write sent, `removed` says it is gone."""

    client_id: ClientId
    contact: Contact
    changed: tuple[str, ...] = ()
    removed: bool = False


@dataclass(frozen=True)
class ListClientContacts:
    clients: ClientsPort
    references: References

    async def __call__(self, client: Reference[ClientId], page: PageRequest) -> ClientContacts:
        client_id, record = await settle_client(self.references, client)
        return ClientContacts(client_id, await self.clients.contacts(client_id, page), record)


@dataclass(frozen=True)
class ShowClientContact:
    clients: ClientsPort

    async def __call__(self, client_id: ClientId, contact_id: int) -> ContactCard:
        return ContactCard(client_id, await self.clients.contact(client_id, contact_id))


@dataclass(frozen=True)
class CreateClientContact:
    clients: ClientsPort

    async def __call__(self, client_id: ClientId, data: ContactData) -> ContactCard:
        return ContactCard(client_id, await self.clients.create_contact(client_id, data), data.given())


@dataclass(frozen=True)
class UpdateClientContact:
    clients: ClientsPort

    async def __call__(self, client_id: ClientId, contact_id: int, data: ContactData) -> ContactCard:
        if not data.given():
            raise InvalidInput("use", CONTACT_NOTHING_TO_UPDATE)
        updated = await self.clients.update_contact(client_id, contact_id, data)
        return ContactCard(client_id, updated, data.given())


@dataclass(frozen=True)
class DeleteClientContact:
    clients: ClientsPort

    async def __call__(self, client_id: ClientId, contact_id: int) -> ContactCard:
        await self.clients.delete_contact(client_id, contact_id)
        return ContactCard(client_id, Contact(contact_id), removed=True)
