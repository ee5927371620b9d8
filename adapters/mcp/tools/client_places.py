"""A client's addresses and contacts (opt-in toolset `clients`): list, read, add, change, remove (asked
first). A contact's phone is `number` here as in the API's body; the wire layer reads it back."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from adapters.i18n.words import Words
from adapters.mcp.fields import CLIENT_ID, Email, PositiveId
from adapters.mcp.outputs.clients import (
    ClientAddressOutput,
    ClientContactOutput,
    ListClientAddressesOutput,
    ListClientContactsOutput,
)
from adapters.mcp.spec import Asking, Confirmation, PagedInput, ToolInput, ToolSpec
from adapters.mcp.tools.clients import client_label
from adapters.mcp.tools.requestors import ClientByIdOrName, Country, PhoneNumber
from adapters.presenters.markdown.clients import (
    present_address_created,
    present_address_removed,
    present_address_updated,
    present_client_address,
    present_client_addresses,
    present_client_contact,
    present_client_contacts,
    present_contact_created,
    present_contact_removed,
    present_contact_updated,
)
from adapters.presenters.markdown.text import inline
from adapters.use_cases import UseCases
from application.ports.failures import UpstreamFailure
from application.use_cases.client_places import (
    AddressCard,
    ClientAddresses,
    ClientContacts,
    ContactCard,
    CreateClientAddress,
    CreateClientContact,
    DeleteClientAddress,
    DeleteClientContact,
    ListClientAddresses,
    ListClientContacts,
    ShowClientAddress,
    ShowClientContact,
    UpdateClientAddress,
    UpdateClientContact,
)
from domain.clients import UFS, AddressData, ContactData
from domain.errors import DomainError, InvalidInput
from domain.ids import ClientId

TOOLSET = "clients"
ADDRESS_ID = Words(pt="Endereço (list_client_addresses).", en="Address (list_client_addresses).")
_CEP = re.compile(r"^([0-9]{5})-?([0-9]{3})$")


def _cep(value: Any) -> str | None:
    """A CEP as TiFlux stores it, "89010-200", from 8 digits with or without the dash."""
    if value is None or value == "":
        return None
    found = _CEP.match(value.strip()) if isinstance(value, str) else None
    if found is None:
        raise PydanticCustomError("cep", "CEP")
    return f"{found.group(1)}-{found.group(2)}"


def _uf(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or value.strip().upper() not in UFS:
        raise PydanticCustomError("uf", "UF")
    return value.strip().upper()


def _whole(value: Any) -> Any:
    if isinstance(value, bool):
        raise PydanticCustomError("int_type", "integer")
    return value


Cep = Annotated[
    str | None, BeforeValidator(_cep), WithJsonSchema({"type": "string"}), Words(pt="CEP.", en="CEP.")
]
Uf = Annotated[
    str | None, BeforeValidator(_uf), WithJsonSchema({"type": "string"}), Words(pt="UF.", en="State.")
]
Place = Field(default=None, min_length=1, max_length=200)
Number = Annotated[int | None, BeforeValidator(_whole), Words(pt="Número.", en="Number.")]


class AddressFields(ToolInput):
    """The values of an address, under the API's names and in its order."""

    cep: Cep = None
    city: Annotated[str | None, Words(pt="Cidade.", en="City.")] = Place
    neighborhood: Annotated[str | None, Words(pt="Bairro.", en="Neighbourhood.")] = Place
    number: Number = Field(default=None, ge=0, le=999_999)
    state: Uf = None
    street: Annotated[str | None, Words(pt="Logradouro.", en="Street.")] = Place
    complement: Annotated[str | None, Words(pt="Complemento.", en="Complement.")] = Place

    def data(self) -> AddressData:
        return AddressData(
            self.cep, self.city, self.neighborhood, self.number, self.state, self.street, self.complement
        )


class ClientAddressesInput(ClientByIdOrName, PagedInput):
    async def run(self, list_addresses: ListClientAddresses) -> ClientAddresses:
        return await list_addresses(self.client(), self.page())


class AddressIdInput(ToolInput):
    client_id: Annotated[PositiveId, CLIENT_ID]
    address_id: Annotated[PositiveId, ADDRESS_ID]

    async def run(self, show: ShowClientAddress) -> AddressCard:
        return await show(ClientId(self.client_id), self.address_id)

    async def delete(self, remove: DeleteClientAddress) -> AddressCard:
        return await remove(ClientId(self.client_id), self.address_id)

    async def delete_question(self, asking: Asking) -> str:
        """Names the client and, when it can be read, the address that will go."""
        client = await client_label(self.client_id, asking)
        try:
            found = await asking.gateway.clients.address(ClientId(self.client_id), self.address_id)
        except (DomainError, UpstreamFailure):
            where = ""
        else:
            parts = [found.street, None if found.number is None else str(found.number), found.city]
            where = " (" + inline(", ".join(p for p in parts if p), limit=150) + ")" if found.street else ""
        return asking.translator("confirm.delete_address", id=self.address_id, client=client, where=where)


class CreateAddressInput(AddressFields):
    client_id: Annotated[PositiveId, CLIENT_ID]
    cep: Annotated[
        str, BeforeValidator(_cep), WithJsonSchema({"type": "string"}), Words(pt="CEP.", en="CEP.")
    ]
    city: Annotated[str, Words(pt="Cidade.", en="City.")] = Field(min_length=1, max_length=200)
    neighborhood: Annotated[str, Words(pt="Bairro.", en="Neighbourhood.")] = Field(
        min_length=1, max_length=200
    )
    number: Annotated[int, BeforeValidator(_whole), Words(pt="Número.", en="Number.")] = Field(
        ge=0, le=999_999
    )
    state: Annotated[
        str, BeforeValidator(_uf), WithJsonSchema({"type": "string"}), Words(pt="UF.", en="State.")
    ]
    street: Annotated[str, Words(pt="Logradouro.", en="Street.")] = Field(min_length=1, max_length=200)

    async def run(self, create: CreateClientAddress) -> AddressCard:
        return await create(ClientId(self.client_id), self.data())


class UpdateAddressInput(AddressFields):
    client_id: Annotated[PositiveId, CLIENT_ID]
    address_id: Annotated[PositiveId, ADDRESS_ID]

    async def run(self, update: UpdateClientAddress) -> AddressCard:
        return await update(ClientId(self.client_id), self.address_id, self.data())


LIST_CLIENT_ADDRESSES = ToolSpec(
    name="list_client_addresses",
    title=Words(pt="Endereços do cliente", en="The client's addresses"),
    description=Words(pt="Lista os endereços de um cliente.", en="Lists a client's addresses."),
    input_model=ClientAddressesInput,
    output_model=ListClientAddressesOutput,
    use_case=UseCases.list_client_addresses,
    run=ClientAddressesInput.run,
    present=present_client_addresses,
    read_only=True,
    toolset=TOOLSET,
)

GET_CLIENT_ADDRESS = ToolSpec(
    name="get_client_address",
    title=Words(pt="Ver endereço do cliente", en="Show client address"),
    description=Words(pt="Mostra um endereço de um cliente.", en="Shows one address of a client."),
    input_model=AddressIdInput,
    output_model=ClientAddressOutput,
    use_case=UseCases.show_client_address,
    run=AddressIdInput.run,
    present=present_client_address,
    read_only=True,
    toolset=TOOLSET,
)

CREATE_CLIENT_ADDRESS = ToolSpec(
    name="create_client_address",
    title=Words(pt="Criar endereço do cliente", en="Create client address"),
    description=Words(pt="Cadastra um endereço num cliente.", en="Adds an address to a client."),
    input_model=CreateAddressInput,
    output_model=ClientAddressOutput,
    use_case=UseCases.create_client_address,
    run=CreateAddressInput.run,
    present=present_address_created,
    read_only=False,
    idempotent=False,
    toolset=TOOLSET,
)

UPDATE_CLIENT_ADDRESS = ToolSpec(
    name="update_client_address",
    title=Words(pt="Atualizar endereço do cliente", en="Update client address"),
    description=Words(
        pt="Altera só os campos informados de um endereço.", en="Changes only the given fields of an address."
    ),
    input_model=UpdateAddressInput,
    output_model=ClientAddressOutput,
    use_case=UseCases.update_client_address,
    run=UpdateAddressInput.run,
    present=present_address_updated,
    read_only=False,
    toolset=TOOLSET,
)

DELETE_CLIENT_ADDRESS = ToolSpec(
    name="delete_client_address",
    title=Words(pt="Remover endereço do cliente", en="Delete client address"),
    description=Words(
        pt="Remove um endereço de um cliente, após confirmação. Não se desfaz.",
        en="Removes an address of a client, once confirmed. Cannot be undone.",
    ),
    input_model=AddressIdInput,
    output_model=ClientAddressOutput,
    use_case=UseCases.delete_client_address,
    run=AddressIdInput.delete,
    present=present_address_removed,
    read_only=False,
    destructive=True,
    toolset=TOOLSET,
    confirmation=Confirmation(AddressIdInput.delete_question),
)

ADDRESS_TOOLS = (
    LIST_CLIENT_ADDRESSES,
    GET_CLIENT_ADDRESS,
    CREATE_CLIENT_ADDRESS,
    UPDATE_CLIENT_ADDRESS,
    DELETE_CLIENT_ADDRESS,
)

# --- contacts (people.md §1.10)

CONTACT_ID = Words(pt="Contato (list_client_contacts).", en="Contact (list_client_contacts).")
Use = Annotated[str | None, Words(pt="Uso (ex.: Commercial).", en="Use (e.g. Commercial).")]
Owner = Annotated[str | None, Words(pt="Responsável.", en="Person in charge.")]


class ContactFields(ToolInput):
    """The values of a contact, in the API's order; the phone is `number` (the API's body key)."""

    use: Use = Field(default=None, min_length=1, max_length=100)
    number: PhoneNumber = None
    owner: Owner = Place
    email: Annotated[Email, Words(pt="E-mail.", en="E-mail.")] = None
    country: Country = None

    def data(self) -> ContactData:
        return ContactData(self.use, self.number, self.owner, self.email, self.country)


class ClientContactsInput(ClientByIdOrName, PagedInput):
    async def run(self, list_contacts: ListClientContacts) -> ClientContacts:
        return await list_contacts(self.client(), self.page())


class ContactIdInput(ToolInput):
    client_id: Annotated[PositiveId, CLIENT_ID]
    contact_id: Annotated[PositiveId, CONTACT_ID]

    async def run(self, show: ShowClientContact) -> ContactCard:
        return await show(ClientId(self.client_id), self.contact_id)

    async def delete(self, remove: DeleteClientContact) -> ContactCard:
        return await remove(ClientId(self.client_id), self.contact_id)

    async def delete_question(self, asking: Asking) -> str:
        """Names the client and, when it can be read, the contact that will go."""
        client = await client_label(self.client_id, asking)
        try:
            found = await asking.gateway.clients.contact(ClientId(self.client_id), self.contact_id)
        except (DomainError, UpstreamFailure):
            who = ""
        else:
            parts = [inline(found.owner, limit=100), inline(found.email, limit=100)]
            who = " (" + " · ".join(p for p in parts if p) + ")" if any(parts) else ""
        return asking.translator("confirm.delete_contact", id=self.contact_id, client=client, who=who)


class CreateContactInput(ContactFields):
    client_id: Annotated[PositiveId, CLIENT_ID]
    use: Annotated[str, Words(pt="Uso (ex.: Commercial).", en="Use (e.g. Commercial).")] = Field(
        min_length=1, max_length=100
    )
    number: PhoneNumber = Field()
    owner: Annotated[str, Words(pt="Responsável.", en="Person in charge.")] = Field(
        min_length=1, max_length=200
    )
    email: Annotated[Email, Words(pt="E-mail.", en="E-mail.")] = Field()

    async def run(self, create: CreateClientContact) -> ContactCard:
        if self.number is None:
            raise InvalidInput("number", "phone")
        if self.email is None:
            raise InvalidInput("email", "email")
        return await create(ClientId(self.client_id), self.data())


class UpdateContactInput(ContactFields):
    client_id: Annotated[PositiveId, CLIENT_ID]
    contact_id: Annotated[PositiveId, CONTACT_ID]

    async def run(self, update: UpdateClientContact) -> ContactCard:
        return await update(ClientId(self.client_id), self.contact_id, self.data())


LIST_CLIENT_CONTACTS = ToolSpec(
    name="list_client_contacts",
    title=Words(pt="Contatos do cliente", en="The client's contacts"),
    description=Words(pt="Lista os contatos de um cliente.", en="Lists a client's contacts."),
    input_model=ClientContactsInput,
    output_model=ListClientContactsOutput,
    use_case=UseCases.list_client_contacts,
    run=ClientContactsInput.run,
    present=present_client_contacts,
    read_only=True,
    toolset=TOOLSET,
)

GET_CLIENT_CONTACT = ToolSpec(
    name="get_client_contact",
    title=Words(pt="Ver contato do cliente", en="Show client contact"),
    description=Words(pt="Mostra um contato de um cliente.", en="Shows one contact of a client."),
    input_model=ContactIdInput,
    output_model=ClientContactOutput,
    use_case=UseCases.show_client_contact,
    run=ContactIdInput.run,
    present=present_client_contact,
    read_only=True,
    toolset=TOOLSET,
)

CREATE_CLIENT_CONTACT = ToolSpec(
    name="create_client_contact",
    title=Words(pt="Criar contato do cliente", en="Create client contact"),
    description=Words(pt="Cadastra um contato num cliente.", en="Adds a contact to a client."),
    input_model=CreateContactInput,
    output_model=ClientContactOutput,
    use_case=UseCases.create_client_contact,
    run=CreateContactInput.run,
    present=present_contact_created,
    read_only=False,
    idempotent=False,
    toolset=TOOLSET,
)

UPDATE_CLIENT_CONTACT = ToolSpec(
    name="update_client_contact",
    title=Words(pt="Atualizar contato do cliente", en="Update client contact"),
    description=Words(
        pt="Altera só os campos informados de um contato.", en="Changes only the given fields of a contact."
    ),
    input_model=UpdateContactInput,
    output_model=ClientContactOutput,
    use_case=UseCases.update_client_contact,
    run=UpdateContactInput.run,
    present=present_contact_updated,
    read_only=False,
    toolset=TOOLSET,
)

DELETE_CLIENT_CONTACT = ToolSpec(
    name="delete_client_contact",
    title=Words(pt="Remover contato do cliente", en="Delete client contact"),
    description=Words(
        pt="Remove um contato de um cliente, após confirmação. Não se desfaz.",
        en="Removes a contact of a client, once confirmed. Cannot be undone.",
    ),
    input_model=ContactIdInput,
    output_model=ClientContactOutput,
    use_case=UseCases.delete_client_contact,
    run=ContactIdInput.delete,
    present=present_contact_removed,
    read_only=False,
    destructive=True,
    toolset=TOOLSET,
    confirmation=Confirmation(ContactIdInput.delete_question),
)

CONTACT_TOOLS = (
    LIST_CLIENT_CONTACTS,
    GET_CLIENT_CONTACT,
    CREATE_CLIENT_CONTACT,
    UPDATE_CLIENT_CONTACT,
    DELETE_CLIENT_CONTACT,
)
