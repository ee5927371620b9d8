"""Requestor tools: find, list and show the requestors of the clients (toolset `requestors`)."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from adapters.i18n.words import Words
from adapters.mcp.fields import CLIENT_ID, CLIENT_NAME, NAME_OR_PART, Email, PositiveId
from adapters.mcp.outputs.requestors import (
    CreateRequestorOutput,
    GetRequestorOutput,
    ListRequestorsOutput,
    SearchRequestorOutput,
    UpdateRequestorOutput,
)
from adapters.mcp.references import OptionalId, reference
from adapters.mcp.spec import PagedInput, ToolInput, ToolSpec
from adapters.presenters.markdown.requestors import (
    present_client_requestors,
    present_requestor,
    present_requestor_created,
    present_requestor_search,
    present_requestor_updated,
)
from adapters.use_cases import UseCases
from application.use_cases.requestors import (
    ClientRequestors,
    CreateRequestor,
    ListRequestors,
    RequestorCard,
    RequestorSearch,
    RequestorWritten,
    SearchRequestors,
    ShowRequestor,
    UpdateRequestor,
)
from domain.errors import InvalidInput
from domain.ids import ClientId
from domain.requestors import NewRequestor, RequestorChanges, RequestorFilter, RequestorId
from domain.resolution import Reference

_PHONE_SEPARATORS = re.compile(r"[\s().+-]")


def _phone_digits(value: Any) -> str | None:
    """Digits of a phone number or part of one ("(47) 3322-1101" → "4733221101"); nothing else."""
    if value is None or value == "":
        return None
    digits = _PHONE_SEPARATORS.sub("", value) if isinstance(value, str) else ""
    if not digits.isascii() or not digits.isdigit() or len(digits) > 20:
        raise PydanticCustomError("requestor_phone", "phone")
    return digits


PhoneDigits = Annotated[
    str | None,
    BeforeValidator(_phone_digits),
    WithJsonSchema({"type": "string"}),
    Words(pt="Telefone ou parte.", en="Phone or part."),
]


def _phone_number(value: Any) -> str | None:
    """A whole phone number with its area code, as digits ("(47) 98888-7777" → "47988887777")."""
    digits = _phone_digits(value)
    if digits is not None and not 8 <= len(digits) <= 15:
        raise PydanticCustomError("phone", "phone")
    return digits


def _country(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z]{2}", value.strip()):
        raise PydanticCustomError("requestor_country", "country")
    return value.strip().upper()


PhoneNumber = Annotated[
    str | None,
    BeforeValidator(_phone_number),
    WithJsonSchema({"type": "string"}),
    Words(pt="Telefone com DDD, só dígitos.", en="Phone with area code, digits only."),
]
Country = Annotated[
    str | None,
    BeforeValidator(_country),
    WithJsonSchema({"type": "string", "pattern": "^[A-Za-z]{2}$"}),
    Words(pt="País (BR).", en="Country (BR)."),
]
Extension = Annotated[str | None, Words(pt="Ramal.", en="Extension."), Field(min_length=1, max_length=20)]
CAN_OPEN_TICKET = Words(pt="Abre por e-mail.", en="Opens by e-mail.")


class ClientByIdOrName(ToolInput):
    """The client a requestor belongs to: `client_id` or `client_name` (resolved)."""

    client_id: Annotated[OptionalId, CLIENT_ID] = None
    client_name: Annotated[str | None, CLIENT_NAME] = Field(default=None, min_length=1, max_length=200)

    def client(self) -> Reference[ClientId]:
        return reference(ClientId, self, "client_id", "client_name")


class RequestorFilters(PagedInput):
    name: Annotated[str | None, NAME_OR_PART] = Field(default=None, min_length=1, max_length=200)
    email: Annotated[str | None, Words(pt="E-mail ou parte.", en="E-mail or part.")] = Field(
        default=None, min_length=1, max_length=200
    )
    telephone: PhoneDigits = None
    can_open_ticket: Annotated[bool | None, CAN_OPEN_TICKET] = None

    def criteria(self, extension: str | None = None) -> RequestorFilter:
        return RequestorFilter(self.name, self.email, self.telephone, extension, self.can_open_ticket)


class SearchRequestorInput(RequestorFilters, ClientByIdOrName):
    async def run(self, search: SearchRequestors) -> RequestorSearch:
        return await search(self.criteria(), self.client(), self.page())


class ListRequestorsInput(RequestorFilters, ClientByIdOrName):
    extension: Annotated[str | None, Words(pt="Ramal.", en="Extension.")] = Field(
        default=None, min_length=1, max_length=20
    )

    async def run(self, list_requestors: ListRequestors) -> ClientRequestors:
        return await list_requestors(self.client(), self.criteria(self.extension), self.page())


class CreateRequestorInput(ClientByIdOrName):
    name: Annotated[str, Words(pt="Nome.", en="Name.")] = Field(min_length=1, max_length=200)
    email: Annotated[Email, Words(pt="E-mail.", en="E-mail.")]
    telephone: PhoneNumber = None
    can_open_ticket: Annotated[bool | None, CAN_OPEN_TICKET] = None
    extension: Extension = None
    country: Country = None

    async def run(self, create: CreateRequestor) -> RequestorWritten:
        if self.email is None:
            raise InvalidInput("email", "email")
        new = NewRequestor(
            self.name, self.email, self.telephone, self.can_open_ticket, self.extension, self.country
        )
        return await create(self.client(), new)


class UpdateRequestorInput(ClientByIdOrName):
    requestor_id: Annotated[PositiveId, Words(pt="Solicitante.", en="Requestor.")]
    name: Annotated[str | None, Words(pt="Nome.", en="Name.")] = Field(
        default=None, min_length=1, max_length=200
    )
    telephone: PhoneNumber = None
    email: Annotated[Email, Words(pt="E-mail.", en="E-mail.")] = None
    can_open_ticket: Annotated[bool | None, CAN_OPEN_TICKET] = None
    extension: Extension = None

    async def run(self, update: UpdateRequestor) -> RequestorWritten:
        changes = RequestorChanges(
            self.name, self.telephone, self.email, self.can_open_ticket, self.extension
        )
        return await update(self.client(), RequestorId(self.requestor_id), changes)


class GetRequestorInput(ClientByIdOrName):
    requestor_id: Annotated[PositiveId, Words(pt="Solicitante.", en="Requestor.")]
    show_entities: Annotated[bool, Words(pt="Com campos personalizados.", en="With custom fields.")] = False

    async def run(self, show: ShowRequestor) -> RequestorCard:
        return await show(self.client(), RequestorId(self.requestor_id), with_fields=self.show_entities)


SEARCH_REQUESTOR = ToolSpec(
    name="search_requestor",
    title=Words(pt="Buscar solicitante", en="Find requestor"),
    description=Words(
        pt="Busca solicitantes: o requestor_id. Sem chave admin, informe o cliente.",
        en="Finds requestors: the requestor_id. Without an admin key, give the client.",
    ),
    input_model=SearchRequestorInput,
    output_model=SearchRequestorOutput,
    use_case=UseCases.search_requestors,
    run=SearchRequestorInput.run,
    present=present_requestor_search,
    read_only=True,
    toolset="requestors",
)

LIST_REQUESTORS = ToolSpec(
    name="list_requestors",
    title=Words(pt="Listar solicitantes", en="List requestors"),
    description=Words(
        pt="Solicitantes de um cliente.",
        en="A client's requestors.",
    ),
    input_model=ListRequestorsInput,
    output_model=ListRequestorsOutput,
    use_case=UseCases.list_requestors,
    run=ListRequestorsInput.run,
    present=present_client_requestors,
    read_only=True,
    toolset="requestors",
)

GET_REQUESTOR = ToolSpec(
    name="get_requestor",
    title=Words(pt="Ver solicitante", en="Show requestor"),
    description=Words(
        pt="Mostra um solicitante de um cliente.",
        en="Shows a client's requestor.",
    ),
    input_model=GetRequestorInput,
    output_model=GetRequestorOutput,
    use_case=UseCases.show_requestor,
    run=GetRequestorInput.run,
    present=present_requestor,
    read_only=True,
    toolset="requestors",
)

CREATE_REQUESTOR = ToolSpec(
    name="create_requestor",
    title=Words(pt="Criar solicitante", en="Create requestor"),
    description=Words(
        pt="Cadastra um solicitante num cliente.",
        en="Adds a requestor to a client. Sent once.",
    ),
    input_model=CreateRequestorInput,
    output_model=CreateRequestorOutput,
    use_case=UseCases.create_requestor,
    run=CreateRequestorInput.run,
    present=present_requestor_created,
    read_only=False,
    idempotent=False,
    toolset="requestors",
)

UPDATE_REQUESTOR = ToolSpec(
    name="update_requestor",
    title=Words(pt="Atualizar solicitante", en="Update requestor"),
    description=Words(
        pt="Altera só os campos informados.",
        en="Changes only the given fields.",
    ),
    input_model=UpdateRequestorInput,
    output_model=UpdateRequestorOutput,
    use_case=UseCases.update_requestor,
    run=UpdateRequestorInput.run,
    present=present_requestor_updated,
    read_only=False,
    toolset="requestors",
)

REQUESTOR_TOOLS = (SEARCH_REQUESTOR, LIST_REQUESTORS, GET_REQUESTOR, CREATE_REQUESTOR, UPDATE_REQUESTOR)

__all__ = [
    "CREATE_REQUESTOR",
    "GET_REQUESTOR",
    "LIST_REQUESTORS",
    "REQUESTOR_TOOLS",
    "SEARCH_REQUESTOR",
    "UPDATE_REQUESTOR",
]
