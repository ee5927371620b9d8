"""Lookup tools: find the ID of a client, user, stage or catalog item before using it elsewhere."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from adapters.mcp.spec import PagedInput, ToolInput, ToolSpec
from adapters.presenters.markdown.lookups import (
    present_catalog_items,
    present_clients,
    present_stages,
    present_users,
)
from application.use_cases.lookups import (
    CatalogFilter,
    ListStages,
    SearchCatalogItems,
    SearchClients,
    SearchUsers,
)
from domain.ids import MAX_ID, CatalogAreaId, CatalogId, DeskId
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

_DESK_ID = "ID da mesa (ex.: 14); quando informado, desk_name é ignorado."
_DESK_NAME = 'Nome (ou parte) da mesa, ex.: "suporte"; use quando não souber o desk_id.'


class SearchClientInput(ToolInput):
    client_name: str = Field(
        min_length=1,
        max_length=200,
        description='Nome (ou parte) do cliente ou da razão social, ex.: "clinica"; acentos são ignorados.',
    )


class SearchUserInput(PagedInput):
    name: str = Field(
        min_length=1,
        max_length=200,
        description='Nome ou e-mail (ou parte), ex.: "joão" ou "lima"; acentos e maiúsculas são ignorados.',
    )
    type: Literal["client", "attendant", "admin"] | None = Field(
        default=None,
        description=(
            "Só este tipo: attendant (atendente), admin (administrador) ou client (solicitante de um "
            "cliente). Omitido: todos."
        ),
    )
    active: bool | None = Field(
        default=None, description="true: só ativos; false: só inativos; omitido: ativos e inativos."
    )


class SearchStageInput(PagedInput):
    desk_id: OptionalId = Field(default=None, description=_DESK_ID)
    desk_name: str | None = Field(default=None, min_length=1, max_length=200, description=_DESK_NAME)


class SearchCatalogItemInput(PagedInput):
    desk_id: OptionalId = Field(default=None, description=_DESK_ID)
    desk_name: str | None = Field(default=None, min_length=1, max_length=200, description=_DESK_NAME)
    search: str | None = Field(
        default=None,
        min_length=1,
        max_length=200,
        description='Texto livre buscado no nome do item, da área ou do catálogo, ex.: "rede"; lista.',
    )
    catalog_item_name: str | None = Field(
        default=None,
        min_length=1,
        max_length=200,
        description='Nome (ou parte) de um item, ex.: "toner": mostra esse item ou pede para escolher.',
    )
    area_id: OptionalId = Field(default=None, description="Só itens desta área do catálogo (ID).")
    catalog_id: OptionalId = Field(default=None, description="Só itens deste catálogo de serviços (ID).")

    def criteria(self) -> CatalogFilter:
        return CatalogFilter(
            search=self.search,
            item_name=self.catalog_item_name,
            area_id=CatalogAreaId(self.area_id) if self.area_id else None,
            catalog_id=CatalogId(self.catalog_id) if self.catalog_id else None,
        )


def _desk_id(value: int | None) -> DeskId | None:
    return DeskId(value) if value is not None else None


SEARCH_CLIENT = ToolSpec(
    name="search_client",
    title="Buscar cliente",
    description=(
        "Busca clientes (empresas) ativos pelo nome ou parte dele, sem diferenciar acentos; mostra ID, "
        "nome e razão social. Use para descobrir o client_id antes de abrir ou filtrar tickets."
    ),
    input_model=SearchClientInput,
    use_case=lambda gateway, args: SearchClients(gateway.people)(args.client_name),
    presenter=lambda found, _args, fmt: present_clients(found, fmt),
    read_only=True,
    toolset="tickets",
)

SEARCH_USER = ToolSpec(
    name="search_user",
    title="Buscar usuário",
    description=(
        "Busca usuários (atendentes, administradores e solicitantes de clientes) pelo nome ou e-mail, "
        "sem diferenciar acentos; mostra ID, e-mail, tipo e se está ativo. Use para achar o "
        "responsible_id (atendente ou administrador) ou um solicitante."
    ),
    input_model=SearchUserInput,
    use_case=lambda gateway, args: SearchUsers(gateway.people)(
        args.name,
        user_type=UserType(args.type) if args.type else None,
        active=args.active,
        page=args.page(),
    ),
    presenter=lambda found, _args, fmt: present_users(found, fmt),
    read_only=True,
    toolset="tickets",
)

SEARCH_STAGE = ToolSpec(
    name="search_stage",
    title="Listar estágios da mesa",
    description=(
        "Lista os estágios (etapas do fluxo) de uma mesa, em ordem, com ID, tipo (inicial, "
        "intermediário, final) e tempo máximo. Use para achar o stage_id; informe desk_id ou desk_name."
    ),
    input_model=SearchStageInput,
    use_case=lambda gateway, args: ListStages(gateway.desks)(
        desk_id=_desk_id(args.desk_id), desk_name=args.desk_name, page=args.page()
    ),
    presenter=lambda found, _args, fmt: present_stages(found, fmt),
    read_only=True,
    toolset="tickets",
)

SEARCH_CATALOG_ITEM = ToolSpec(
    name="search_catalog_item",
    title="Buscar item de catálogo",
    description=(
        "Busca itens do catálogo de serviços de uma mesa (catálogo → área → item). Informe a mesa "
        "(desk_id ou desk_name) e pelo menos um de: search (lista os itens que contêm o texto), "
        "catalog_item_name (mostra o item com esse nome ou pede para escolher), area_id, catalog_id."
    ),
    input_model=SearchCatalogItemInput,
    use_case=lambda gateway, args: SearchCatalogItems(gateway.desks)(
        desk_id=_desk_id(args.desk_id),
        desk_name=args.desk_name,
        criteria=args.criteria(),
        page=args.page(),
    ),
    presenter=lambda found, _args, fmt: present_catalog_items(found, fmt),
    read_only=True,
    toolset="tickets",
)

__all__ = ["SEARCH_CATALOG_ITEM", "SEARCH_CLIENT", "SEARCH_STAGE", "SEARCH_USER"]
