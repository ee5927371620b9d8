"""Requestor tools: find, list and show the requestors of the clients (toolset `requestors`)."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from adapters.i18n.words import Words
from adapters.mcp.fields import CLIENT_ID, CLIENT_NAME, NAME_OR_PART, PositiveId
from adapters.mcp.outputs.requestors import GetRequestorOutput, ListRequestorsOutput, SearchRequestorOutput
from adapters.mcp.references import OptionalId, reference
from adapters.mcp.spec import PagedInput, ToolInput, ToolSpec
from adapters.presenters.markdown.requestors import (
    present_client_requestors,
    present_requestor,
    present_requestor_search,
)
from adapters.use_cases import UseCases
from application.use_cases.requestors import (
    ClientRequestors,
    ListRequestors,
    RequestorCard,
    RequestorSearch,
    SearchRequestors,
    ShowRequestor,
)
from domain.ids import ClientId
from domain.requestors import RequestorFilter, RequestorId
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
    Words(pt="Telefone ou parte, sem código do país.", en="Phone or part, no country code."),
]
CAN_OPEN_TICKET = Words(pt="Abre tickets por e-mail.", en="Opens tickets by e-mail.")


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


class GetRequestorInput(ClientByIdOrName):
    requestor_id: Annotated[PositiveId, Words(pt="Solicitante.", en="Requestor.")]
    show_entities: Annotated[
        bool, Words(pt="Inclui os campos personalizados.", en="Includes the custom fields.")
    ] = False

    async def run(self, show: ShowRequestor) -> RequestorCard:
        return await show(self.client(), RequestorId(self.requestor_id), with_fields=self.show_entities)


SEARCH_REQUESTOR = ToolSpec(
    name="search_requestor",
    title=Words(pt="Buscar solicitante", en="Find requestor"),
    description=Words(
        pt="Busca solicitantes por nome, e-mail ou telefone: o requestor_id. Sem chave de administrador, "
        "informe o cliente.",
        en="Finds requestors by name, e-mail or phone: the requestor_id. Without an admin key, give the "
        "client.",
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
    title=Words(pt="Listar solicitantes do cliente", en="List the client's requestors"),
    description=Words(
        pt="Lista os solicitantes de um cliente, com filtros.",
        en="Lists a client's requestors, with filters.",
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
        pt="Mostra um solicitante de um cliente; show_entities inclui os campos personalizados.",
        en="Shows one requestor of a client; show_entities adds the custom fields.",
    ),
    input_model=GetRequestorInput,
    output_model=GetRequestorOutput,
    use_case=UseCases.show_requestor,
    run=GetRequestorInput.run,
    present=present_requestor,
    read_only=True,
    toolset="requestors",
)

REQUESTOR_TOOLS = (SEARCH_REQUESTOR, LIST_REQUESTORS, GET_REQUESTOR)

__all__ = ["GET_REQUESTOR", "LIST_REQUESTORS", "REQUESTOR_TOOLS", "SEARCH_REQUESTOR"]
