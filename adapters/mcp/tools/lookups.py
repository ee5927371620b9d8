"""Lookup tools: find the ID of a client, user, stage or catalog item before using it elsewhere."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from adapters.i18n.words import Words
from adapters.mcp.outputs.lookups import (
    SearchCatalogItemOutput,
    SearchClientOutput,
    SearchStageOutput,
    SearchUserOutput,
)
from adapters.mcp.references import DeskByIdOrName
from adapters.mcp.spec import PagedInput, ToolInput, ToolSpec
from adapters.presenters.markdown.lookups import (
    present_catalog_items,
    present_clients,
    present_stages,
    present_users,
)
from adapters.use_cases import UseCases
from application.use_cases.lookups import (
    CatalogFilter,
    CatalogItemFound,
    CatalogItemListing,
    ClientSearch,
    DeskStages,
    ListStages,
    SearchCatalogItems,
    SearchClients,
    SearchUsers,
    UserSearch,
)
from domain.ids import MAX_ID, CatalogAreaId, CatalogId
from domain.people import UserType


def _optional_id(value: Any) -> int | None:
    """A positive integer ID (14 or "14"), or nothing; never a boolean, a fraction or free text."""
    if value is None:
        return None
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value <= MAX_ID:
        return value
    raise PydanticCustomError("positive_integer", "id")


OptionalId = Annotated[
    int | None,
    BeforeValidator(_optional_id),
    WithJsonSchema({"anyOf": [{"type": "integer", "minimum": 1}, {"type": "null"}]}),
]


class SearchClientInput(ToolInput):
    client_name: Annotated[
        str, Words(pt="Nome ou razão social, ou parte.", en="Name or legal name, or part.")
    ] = Field(min_length=1, max_length=200)

    async def run(self, search_clients: SearchClients) -> ClientSearch:
        return await search_clients(self.client_name)


class SearchUserInput(PagedInput):
    name: Annotated[str, Words(pt="Nome ou e-mail, ou parte.", en="Name or e-mail, or part.")] = Field(
        min_length=1, max_length=200
    )
    type: Annotated[
        Literal["client", "attendant", "admin"] | None,
        Words(pt="client: solicitante de um cliente.", en="client: a client's requestor."),
    ] = None
    active: Annotated[bool | None, Words(pt="Omitido: todos.", en="Left out: all.")] = None

    async def run(self, search_users: SearchUsers) -> UserSearch:
        user_type = UserType(self.type) if self.type else None
        return await search_users(self.name, user_type=user_type, active=self.active, page=self.page())


class SearchStageInput(DeskByIdOrName, PagedInput):
    async def run(self, list_stages: ListStages) -> DeskStages:
        return await list_stages(self.desk(), page=self.page())


class SearchCatalogItemInput(DeskByIdOrName, PagedInput):
    search: Annotated[
        str | None, Words(pt="Texto em itens, áreas e catálogos.", en="Text in items, areas and catalogs.")
    ] = Field(default=None, min_length=1, max_length=200)
    catalog_item_name: Annotated[
        str | None, Words(pt="Um item pelo nome, ou candidatos.", en="One item by name, or candidates.")
    ] = Field(default=None, min_length=1, max_length=200)
    area_id: Annotated[OptionalId, Words(pt="ID da área.", en="Area ID.")] = None
    catalog_id: Annotated[
        OptionalId,
        Words(pt="Catálogo (list_desk_services_catalogs).", en="Catalog (list_desk_services_catalogs)."),
    ] = None

    async def run(self, search: SearchCatalogItems) -> CatalogItemListing | CatalogItemFound:
        return await search(self.desk(), criteria=self.criteria(), page=self.page())

    def criteria(self) -> CatalogFilter:
        return CatalogFilter(
            search=self.search,
            item_name=self.catalog_item_name,
            area_id=CatalogAreaId(self.area_id) if self.area_id else None,
            catalog_id=CatalogId(self.catalog_id) if self.catalog_id else None,
        )


SEARCH_CLIENT = ToolSpec(
    name="search_client",
    title=Words(pt="Buscar cliente", en="Find client"),
    description=Words(
        pt="Busca clientes ativos: o client_id.",
        en="Finds active clients: the client_id.",
    ),
    input_model=SearchClientInput,
    output_model=SearchClientOutput,
    use_case=UseCases.search_clients,
    run=SearchClientInput.run,
    present=present_clients,
    read_only=True,
    toolset="tickets",
)

SEARCH_USER = ToolSpec(
    name="search_user",
    title=Words(pt="Buscar usuário", en="Find user"),
    description=Words(
        pt="Busca usuários (atendentes, admins, solicitantes): o responsible_id.",
        en="Finds users (attendants, admins, requestors): the responsible_id.",
    ),
    input_model=SearchUserInput,
    output_model=SearchUserOutput,
    use_case=UseCases.search_users,
    run=SearchUserInput.run,
    present=present_users,
    read_only=True,
    toolset="tickets",
)

SEARCH_STAGE = ToolSpec(
    name="search_stage",
    title=Words(pt="Listar estágios da mesa", en="List the desk's stages"),
    description=Words(
        pt="Estágios de uma mesa, em ordem: o stage_id.",
        en="A desk's stages, in order: the stage_id.",
    ),
    input_model=SearchStageInput,
    output_model=SearchStageOutput,
    use_case=UseCases.list_stages,
    run=SearchStageInput.run,
    present=present_stages,
    read_only=True,
    toolset="tickets",
)

SEARCH_CATALOG_ITEM = ToolSpec(
    name="search_catalog_item",
    title=Words(pt="Buscar item de catálogo", en="Find catalog item"),
    description=Words(
        pt="Itens do catálogo de uma mesa, por search, catalog_item_name, area_id ou catalog_id.",
        en="A desk's catalog items, by search, catalog_item_name, area_id or catalog_id.",
    ),
    input_model=SearchCatalogItemInput,
    output_model=SearchCatalogItemOutput,
    use_case=UseCases.search_catalog_items,
    run=SearchCatalogItemInput.run,
    present=present_catalog_items,
    read_only=True,
    toolset="tickets",
)

__all__ = ["SEARCH_CATALOG_ITEM", "SEARCH_CLIENT", "SEARCH_STAGE", "SEARCH_USER"]
