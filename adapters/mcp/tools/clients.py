"""Client tools (opt-in toolset `clients`): a client's registration, the list of clients, creating and
changing clients, and the desks and technical groups that serve one. `search_client` (tickets toolset)
stays the everyday way to find a client's ID by name."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from adapters.i18n.words import Words
from adapters.mcp.fields import CLIENT_ID, NAME_OR_PART, Email, IdList, PositiveId
from adapters.mcp.outputs.clients import (
    AddClientEmailPermissionOutput,
    CreateClientOutput,
    CreateClientUserOutput,
    GetClientDesksOutput,
    GetClientOutput,
    GetClientTechnicalGroupsOutput,
    ListClientsOutput,
    UpdateClientEntitiesOutput,
    UpdateClientOutput,
)
from adapters.mcp.spec import Asking, Confirmation, PagedInput, ToolInput, ToolSpec
from adapters.mcp.tools.requestors import ClientByIdOrName, Extension, PhoneNumber
from adapters.presenters.markdown.clients import (
    present_client,
    present_client_created,
    present_client_desks,
    present_client_fields,
    present_client_groups,
    present_client_updated,
    present_clients,
    present_email_permission,
    present_portal_user_created,
)
from adapters.presenters.markdown.text import inline
from adapters.use_cases import UseCases
from application.ports.failures import UpstreamFailure
from application.use_cases.client_fields import (
    MAX_FIELD_CHANGES,
    ClientFieldItem,
    ClientFieldsUpdated,
    UpdateClientFields,
)
from application.use_cases.clients import (
    AllowEmailTickets,
    ClientCard,
    ClientDesks,
    ClientGroups,
    ClientPage,
    ClientWritten,
    CreateClient,
    CreatePortalUser,
    EmailPermissionAdded,
    ListClientDesks,
    ListClientGroups,
    ListClients,
    PortalUserCreated,
    ShowClient,
    UpdateClient,
)
from domain.clients import PUBLIC_MAIL_DOMAINS, BillingReport, ClientData, ClientFilter, NewPortalUser
from domain.documents import tax_id
from domain.errors import DomainError, InvalidInput
from domain.ids import ClientId, DeskId, EntityFieldId, EntityFieldOptionId

TOOLSET = "clients"


def _tax_id(value: Any) -> str | None:
    """A whole CPF or CNPJ with valid check digits, formatted as TiFlux stores it."""
    if value is None or value == "":
        return None
    found = tax_id(value) if isinstance(value, str) else None
    if found is None:
        raise PydanticCustomError("tax_id", "CPF/CNPJ")
    return found


_TAX_ID_PART = re.compile(r"^[0-9./-]*[0-9]{2}[0-9./-]*$")


def _tax_id_part(value: Any) -> str | None:
    """Part of a CPF/CNPJ to search by: digits and the usual punctuation, at least two digits."""
    if value is None or value == "":
        return None
    if not isinstance(value, str) or len(value) > 18 or not _TAX_ID_PART.match(value.strip()):
        raise PydanticCustomError("tax_id_part", "CPF/CNPJ")
    return value.strip()


def _whole(value: Any) -> Any:
    if isinstance(value, bool):  # pydantic would read true as 1
        raise PydanticCustomError("int_type", "integer")
    return value


TaxId = Annotated[
    str | None,
    BeforeValidator(_tax_id),
    WithJsonSchema({"type": "string"}),
    Words(pt="CPF ou CNPJ.", en="CPF or CNPJ."),
]
TaxIdPart = Annotated[
    str | None,
    BeforeValidator(_tax_id_part),
    WithJsonSchema({"type": "string"}),
    Words(pt="CPF/CNPJ ou parte.", en="CPF/CNPJ or part."),
]
Text = Field(default=None, min_length=1, max_length=200)
Billing = Literal["detailed_with_appointment", "detailed", "synthetic"]


class ClientValues(ToolInput):
    """What create_client and update_client write, under the API's names (its spelling included)."""

    name: Annotated[str | None, Words(pt="Nome fantasia.", en="Trade name.")] = Text
    social: Annotated[str | None, Words(pt="Razão social.", en="Legal name.")] = Text
    social_revenue: TaxId = None
    desk_ids: Annotated[IdList | None, Words(pt="Mesas (substitui).", en="Desks (replaces).")] = None
    add_all_desks: Annotated[bool | None, Words(pt="Todas as mesas.", en="Every desk.")] = None
    technical_group_ids: Annotated[
        IdList | None,
        Words(pt="Grupos (substitui).", en="Groups (replaces)."),
    ] = None
    add_all_technical_groups: Annotated[bool | None, Words(pt="Todos os grupos.", en="Every group.")] = None
    status: Annotated[bool | None, Words(pt="Ativo.", en="Active.")] = None
    max_agents: Annotated[
        int | None, BeforeValidator(_whole), Words(pt="Máximo de agentes.", en="Maximum agents.")
    ] = Field(default=None, ge=0, le=100_000)
    email_financial: Annotated[Email, Words(pt="E-mail financeiro.", en="Finance e-mail.")] = None
    sms_financial: PhoneNumber = None
    municipal_registration: Annotated[
        str | None, Words(pt="Inscrição municipal.", en="Municipal registration.")
    ] = Field(default=None, min_length=1, max_length=50)
    estadual_registration: Annotated[
        str | None, Words(pt="Inscrição estadual.", en="State registration.")
    ] = Field(default=None, min_length=1, max_length=50)
    anotations: Annotated[str | None, Words(pt="Notas internas.", en="Internal notes.")] = Field(
        default=None, min_length=1, max_length=5000
    )
    visible_to_clients: Annotated[
        bool | None, Words(pt="Visível no portal.", en="Visible in the portal.")
    ] = None
    authorization_flow: Annotated[
        bool | None, Words(pt="Portal exige aprovação.", en="Portal needs approval.")
    ] = None
    billing_report_type: Annotated[Billing | None, Words(pt="Faturamento.", en="Billing.")] = None

    def data(self) -> ClientData:
        return ClientData(
            name=self.name,
            social=self.social,
            social_revenue=self.social_revenue,
            desk_ids=None if self.desk_ids is None else tuple(DeskId(i) for i in self.desk_ids),
            add_all_desks=self.add_all_desks,
            technical_group_ids=self.technical_group_ids,
            add_all_technical_groups=self.add_all_technical_groups,
            status=self.status,
            max_agents=self.max_agents,
            email_financial=self.email_financial,
            sms_financial=self.sms_financial,
            municipal_registration=self.municipal_registration,
            estadual_registration=self.estadual_registration,
            anotations=self.anotations,
            visible_to_clients=self.visible_to_clients,
            authorization_flow=self.authorization_flow,
            billing_report_type=BillingReport(self.billing_report_type) if self.billing_report_type else None,
        )


class CreateClientInput(ClientValues):
    name: Annotated[str, Words(pt="Nome fantasia.", en="Trade name.")] = Field(min_length=1, max_length=200)
    social: Annotated[str, Words(pt="Razão social.", en="Legal name.")] = Field(min_length=1, max_length=200)

    async def run(self, create: CreateClient) -> ClientWritten:
        return await create(self.data())


class UpdateClientInput(ClientValues):
    client_id: Annotated[PositiveId, CLIENT_ID]

    async def run(self, update: UpdateClient) -> ClientWritten:
        return await update(ClientId(self.client_id), self.data())


class GetClientInput(ClientByIdOrName):
    show_entities: Annotated[
        bool, Words(pt="Inclui os campos personalizados.", en="Includes the custom fields.")
    ] = False

    async def run(self, show: ShowClient) -> ClientCard:
        return await show(self.client(), with_fields=self.show_entities)


class ListClientsInput(PagedInput):
    active: Annotated[bool | None, Words(pt="Ativos ou inativos.", en="Active or not.")] = None
    name: Annotated[str | None, NAME_OR_PART] = Text
    social_revenue: TaxIdPart = None

    async def run(self, list_clients: ListClients) -> ClientPage:
        return await list_clients(ClientFilter(self.active, self.name, self.social_revenue), self.page())


class ClientLinksInput(ClientByIdOrName, PagedInput):
    async def desks(self, list_desks: ListClientDesks) -> ClientDesks:
        return await list_desks(self.client(), self.page())

    async def groups(self, list_groups: ListClientGroups) -> ClientGroups:
        return await list_groups(self.client(), self.page())


_EMAIL_OR_DOMAIN = re.compile(r"^[^@\s,;<>]*@([^@\s,;<>]+\.[^@\s,;<>]+)$")


def _address(value: Any) -> str:
    """An e-mail address or a whole `@domain`, lower-cased; a public webmail domain is never whole."""
    text = value.strip().lower() if isinstance(value, str) else ""
    found = _EMAIL_OR_DOMAIN.match(text)
    if found is None or len(text) > 254:
        raise PydanticCustomError("address_or_domain", "address")
    if text.startswith("@") and found.group(1) in PUBLIC_MAIL_DOMAINS:
        raise PydanticCustomError("public_mail_domain", "address")
    return text


async def client_label(client_id: int, asking: Asking) -> str:
    """`Clínica Vida Plena (ID 103)` for a question, read from TiFlux; the ID alone if it cannot be read."""
    try:
        found = await asking.gateway.clients.get(ClientId(client_id), with_fields=False)
    except (DomainError, UpstreamFailure):
        return f"ID {client_id}"
    return f"{inline(found.name, limit=100)} (ID {client_id})"


class CreateClientUserInput(ToolInput):
    client_id: Annotated[PositiveId, CLIENT_ID]
    name: Annotated[str, Words(pt="Nome completo.", en="Full name.")] = Field(min_length=1, max_length=200)
    email: Annotated[Email, Words(pt="Login do portal.", en="Portal login.")]
    extension: Extension = None
    authorization_flow: Annotated[bool | None, Words(pt="Exige aprovação.", en="Needs approval.")] = None
    telephone: PhoneNumber = None
    country_code: Annotated[str | None, Words(pt="DDI (55).", en="Country code (55).")] = Field(
        default=None, pattern=r"^[0-9]{1,3}$"
    )

    async def run(self, create: CreatePortalUser) -> PortalUserCreated:
        if self.email is None:
            raise InvalidInput("email", "email")
        user = NewPortalUser(
            self.name, self.email, self.extension, self.authorization_flow, self.telephone, self.country_code
        )
        return await create(ClientId(self.client_id), user)

    async def question(self, asking: Asking) -> str:
        client = await client_label(self.client_id, asking)
        return asking.translator(
            "confirm.client_user", client=client, name=inline(self.name, limit=100), email=self.email or ""
        )


class EmailPermissionInput(ToolInput):
    client_id: Annotated[PositiveId, CLIENT_ID]
    address: Annotated[
        str,
        BeforeValidator(_address),
        WithJsonSchema({"type": "string"}),
        Words(pt="E-mail ou @domínio.", en="E-mail or @domain."),
    ]

    async def run(self, allow: AllowEmailTickets) -> EmailPermissionAdded:
        return await allow(ClientId(self.client_id), self.address)

    async def question(self, asking: Asking) -> str:
        client = await client_label(self.client_id, asking)
        key = "confirm.email_permission." + ("domain" if self.address.startswith("@") else "address")
        return asking.translator(key, client=client, address=self.address)


class ClientFieldArg(BaseModel):
    """One custom-field value: the field by ID or name (among the client entities' fields only)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    entity_field_id: Annotated[PositiveId | None, Words(pt="Campo.", en="Field.")] = None
    entity_field_name: Annotated[str | None, Words(pt="Ou o nome do campo.", en="Or the field's name.")] = (
        Text
    )
    value: Annotated[
        str | None,
        Words(
            pt='Conforme o tipo (data AAAA-MM-DD, moeda "150.55", seleção: ID da opção); null limpa.',
            en='By type (date YYYY-MM-DD, currency "150.55", select: option ID); null clears.',
        ),
    ] = Field(default=None, max_length=10_000)
    entity_field_option_id: Annotated[PositiveId | None, Words(pt="Opção.", en="Option.")] = None
    entity_field_option_name: Annotated[
        str | None, Words(pt="Ou o nome da opção.", en="Or the option's name.")
    ] = Text
    country_code: Annotated[
        str | None, Words(pt="DDI fora do Brasil.", en="Country code outside Brazil.")
    ] = Field(default=None, pattern=r"^[0-9]{1,3}$")

    def item(self) -> ClientFieldItem:
        return ClientFieldItem(
            value=self.value,
            value_given="value" in self.model_fields_set,
            field_id=EntityFieldId(self.entity_field_id) if self.entity_field_id else None,
            field_name=self.entity_field_name,
            option_id=EntityFieldOptionId(self.entity_field_option_id)
            if self.entity_field_option_id
            else None,
            option_name=self.entity_field_option_name,
            country_code=self.country_code,
        )


class ClientFieldsInput(ToolInput):
    client_id: Annotated[PositiveId, CLIENT_ID]
    entities: Annotated[list[ClientFieldArg], Words(pt="Valores a gravar.", en="Values to write.")] = Field(
        min_length=1, max_length=MAX_FIELD_CHANGES
    )

    async def run(self, update: UpdateClientFields) -> ClientFieldsUpdated:
        return await update(ClientId(self.client_id), [entry.item() for entry in self.entities])


GET_CLIENT = ToolSpec(
    name="get_client",
    title=Words(pt="Ver cliente", en="Show client"),
    description=Words(
        pt="Cadastro de um cliente: CPF/CNPJ, financeiro, mesas e grupos técnicos.",
        en="A client's registration: CPF/CNPJ, finance, desks and technical groups.",
    ),
    input_model=GetClientInput,
    output_model=GetClientOutput,
    use_case=UseCases.show_client,
    run=GetClientInput.run,
    present=present_client,
    read_only=True,
    toolset=TOOLSET,
)

LIST_CLIENTS = ToolSpec(
    name="list_clients",
    title=Words(pt="Listar clientes", en="List clients"),
    description=Words(
        pt="Lista clientes por situação, nome ou CPF/CNPJ (só o ID pelo nome: search_client).",
        en="Lists clients by status, name or CPF/CNPJ (just the ID by name: search_client).",
    ),
    input_model=ListClientsInput,
    output_model=ListClientsOutput,
    use_case=UseCases.list_clients,
    run=ListClientsInput.run,
    present=present_clients,
    read_only=True,
    toolset=TOOLSET,
)

CREATE_CLIENT = ToolSpec(
    name="create_client",
    title=Words(pt="Criar cliente", en="Create client"),
    description=Words(
        pt="Cadastra um cliente (empresa ou pessoa).",
        en="Registers a client (company or person).",
    ),
    input_model=CreateClientInput,
    output_model=CreateClientOutput,
    use_case=UseCases.create_client,
    run=CreateClientInput.run,
    present=present_client_created,
    read_only=False,
    idempotent=False,
    toolset=TOOLSET,
)

UPDATE_CLIENT = ToolSpec(
    name="update_client",
    title=Words(pt="Atualizar cliente", en="Update client"),
    description=Words(
        pt="Altera só os campos informados de um cliente.",
        en="Changes only the given fields of a client.",
    ),
    input_model=UpdateClientInput,
    output_model=UpdateClientOutput,
    use_case=UseCases.update_client,
    run=UpdateClientInput.run,
    present=present_client_updated,
    read_only=False,
    toolset=TOOLSET,
)

GET_CLIENT_DESKS = ToolSpec(
    name="get_client_desks",
    title=Words(pt="Mesas do cliente", en="The client's desks"),
    description=Words(pt="Lista as mesas vinculadas a um cliente.", en="Lists the desks linked to a client."),
    input_model=ClientLinksInput,
    output_model=GetClientDesksOutput,
    use_case=UseCases.list_client_desks,
    run=ClientLinksInput.desks,
    present=present_client_desks,
    read_only=True,
    toolset=TOOLSET,
)

GET_CLIENT_TECHNICAL_GROUPS = ToolSpec(
    name="get_client_technical_groups",
    title=Words(pt="Grupos técnicos do cliente", en="The client's technical groups"),
    description=Words(
        pt="Lista os grupos técnicos vinculados a um cliente.",
        en="Lists the technical groups linked to a client.",
    ),
    input_model=ClientLinksInput,
    output_model=GetClientTechnicalGroupsOutput,
    use_case=UseCases.list_client_groups,
    run=ClientLinksInput.groups,
    present=present_client_groups,
    read_only=True,
    toolset=TOOLSET,
)

UPDATE_CLIENT_ENTITIES = ToolSpec(
    name="update_client_entities",
    title=Words(pt="Preencher campos do cliente", en="Fill in client fields"),
    description=Words(
        pt="Grava campos personalizados de um cliente; nomes só entre os campos de cliente.",
        en="Writes a client's custom fields; names only among the client fields.",
    ),
    input_model=ClientFieldsInput,
    output_model=UpdateClientEntitiesOutput,
    use_case=UseCases.update_client_fields,
    run=ClientFieldsInput.run,
    present=present_client_fields,
    read_only=False,
    toolset=TOOLSET,
)

CREATE_CLIENT_USER = ToolSpec(
    name="create_client_user",
    title=Words(pt="Criar acesso ao portal", en="Create portal login"),
    description=Words(
        pt="Cria um login do portal do cliente para uma pessoa, após confirmação.",
        en="Creates a client-portal login for a person, once confirmed.",
    ),
    input_model=CreateClientUserInput,
    output_model=CreateClientUserOutput,
    use_case=UseCases.create_portal_user,
    run=CreateClientUserInput.run,
    present=present_portal_user_created,
    read_only=False,
    destructive=True,
    idempotent=False,
    toolset=TOOLSET,
    confirmation=Confirmation(CreateClientUserInput.question),
)

ADD_CLIENT_EMAIL_PERMISSION = ToolSpec(
    name="add_client_email_permission",
    title=Words(pt="Autorizar e-mail do cliente", en="Authorise client e-mail"),
    description=Words(
        pt="Deixa um e-mail ou @domínio abrir tickets pelo cliente, após confirmação.",
        en="Lets an e-mail or @domain open tickets for the client, once confirmed.",
    ),
    input_model=EmailPermissionInput,
    output_model=AddClientEmailPermissionOutput,
    use_case=UseCases.allow_email_tickets,
    run=EmailPermissionInput.run,
    present=present_email_permission,
    read_only=False,
    destructive=True,
    idempotent=False,
    toolset=TOOLSET,
    confirmation=Confirmation(EmailPermissionInput.question),
)

CLIENT_TOOLS = (
    GET_CLIENT,
    CREATE_CLIENT,
    UPDATE_CLIENT,
    LIST_CLIENTS,
    GET_CLIENT_DESKS,
    GET_CLIENT_TECHNICAL_GROUPS,
    UPDATE_CLIENT_ENTITIES,
    CREATE_CLIENT_USER,
    ADD_CLIENT_EMAIL_PERMISSION,
)

__all__ = [
    "ADD_CLIENT_EMAIL_PERMISSION",
    "CLIENT_TOOLS",
    "CREATE_CLIENT",
    "CREATE_CLIENT_USER",
    "GET_CLIENT",
    "GET_CLIENT_DESKS",
    "GET_CLIENT_TECHNICAL_GROUPS",
    "LIST_CLIENTS",
    "UPDATE_CLIENT",
    "UPDATE_CLIENT_ENTITIES",
]
