"""Declared `structuredContent` of the clients toolset."""

from __future__ import annotations

from typing import NotRequired

from pydantic import with_config
from typing_extensions import TypedDict

from adapters.mcp.outputs.common import DECLARED, Client, EntityValues, Page


@with_config(DECLARED)
class LinkedDesk(TypedDict):
    id: int
    name: NotRequired[str]
    display_name: NotRequired[str]
    active: NotRequired[bool]


@with_config(DECLARED)
class LinkedGroup(TypedDict):
    id: int
    name: NotRequired[str]
    description: NotRequired[str]
    active: NotRequired[bool]


@with_config(DECLARED)
class ClientRecord(TypedDict):
    id: int
    name: str
    social: NotRequired[str]
    social_revenue: NotRequired[str]
    status: NotRequired[bool]
    email_financial: NotRequired[str]
    sms_financial: NotRequired[str]
    municipal_registration: NotRequired[str]
    estadual_registration: NotRequired[str]
    max_agents: NotRequired[int]
    anotations: NotRequired[str]
    visible_to_clients: NotRequired[bool]
    authorization_flow: NotRequired[bool]
    billing_report_type: NotRequired[str]
    desks: NotRequired[list[LinkedDesk]]
    technical_groups: NotRequired[list[LinkedGroup]]
    custom_fields: NotRequired[list[EntityValues]]
    created_at: NotRequired[str]
    updated_at: NotRequired[str]


@with_config(DECLARED)
class ClientCard(TypedDict):
    client: ClientRecord
    with_fields: bool


@with_config(DECLARED)
class ClientFilter(TypedDict):
    active: NotRequired[bool]
    name: NotRequired[str]
    social_revenue: NotRequired[str]


@with_config(DECLARED)
class ClientPage(TypedDict):
    criteria: NotRequired[ClientFilter]
    page: Page[ClientRecord]


@with_config(DECLARED)
class ClientWritten(TypedDict):
    client: ClientRecord
    changed: NotRequired[list[str]]


@with_config(DECLARED)
class ClientDesks(TypedDict):
    client_id: int
    page: Page[LinkedDesk]
    client: NotRequired[Client]


@with_config(DECLARED)
class ClientGroups(TypedDict):
    client_id: int
    page: Page[LinkedGroup]
    client: NotRequired[Client]


@with_config(DECLARED)
class PortalUser(TypedDict):
    id: NotRequired[int]
    name: str
    email: NotRequired[str]


@with_config(DECLARED)
class PortalUserCreated(TypedDict):
    user: PortalUser
    client_id: int


@with_config(DECLARED)
class EmailPermissionAdded(TypedDict):
    client_id: int
    address: str


@with_config(DECLARED)
class ClientFieldsUpdated(TypedDict):
    client_id: int
    sent: int
    fields: NotRequired[list[EntityValues]]


@with_config(DECLARED)
class Address(TypedDict):
    id: int
    street: NotRequired[str]
    number: NotRequired[int]
    complement: NotRequired[str]
    neighborhood: NotRequired[str]
    city: NotRequired[str]
    state: NotRequired[str]
    cep: NotRequired[str]


@with_config(DECLARED)
class ClientAddresses(TypedDict):
    client_id: int
    page: Page[Address]
    client: NotRequired[Client]


@with_config(DECLARED)
class AddressCard(TypedDict):
    client_id: int
    address: Address
    changed: NotRequired[list[str]]
    removed: bool


@with_config(DECLARED)
class Contact(TypedDict):
    id: int
    owner: NotRequired[str]
    use: NotRequired[str]
    telephone: NotRequired[str]
    email: NotRequired[str]
    country: NotRequired[str]


@with_config(DECLARED)
class ClientContacts(TypedDict):
    client_id: int
    page: Page[Contact]
    client: NotRequired[Client]


@with_config(DECLARED)
class ContactCard(TypedDict):
    client_id: int
    contact: Contact
    changed: NotRequired[list[str]]
    removed: bool


GetClientOutput = ClientCard

ListClientsOutput = ClientPage

CreateClientOutput = ClientWritten

UpdateClientOutput = ClientWritten

GetClientDesksOutput = ClientDesks

GetClientTechnicalGroupsOutput = ClientGroups

CreateClientUserOutput = PortalUserCreated

AddClientEmailPermissionOutput = EmailPermissionAdded

UpdateClientEntitiesOutput = ClientFieldsUpdated

ListClientAddressesOutput = ClientAddresses

ClientAddressOutput = AddressCard

ListClientContactsOutput = ClientContacts

ClientContactOutput = ContactCard
