"""Desk tools: the desks, one desk's configuration, and its priorities and services catalogs."""

from __future__ import annotations

from pydantic import Field

from adapters.mcp.references import DeskByIdOrName
from adapters.mcp.spec import PagedInput, ToolSpec
from adapters.presenters.markdown.desks import (
    present_desk,
    present_desk_catalogs,
    present_desk_page,
    present_desk_priorities,
)
from adapters.presenters.markdown.format import Formatter
from adapters.use_cases import UseCases
from application.use_cases.desk_details import (
    DeskMatches,
    DeskPage,
    ListDeskCatalogs,
    ListDeskPriorities,
    ShowDesk,
)
from application.use_cases.desks import ListDesks
from domain.desks import Desk, Priority, ServicesCatalog
from domain.paging import Page


class ListDesksInput(PagedInput):
    active: bool = Field(default=True, description="false: só as inativas.")
    name: str | None = Field(
        default=None, min_length=1, max_length=200, description="Nome exato, interno ou de exibição."
    )

    async def run(self, list_desks: ListDesks) -> Page[Desk]:
        return await list_desks(active=self.active, name=self.name, page=self.page())


class DeskInput(DeskByIdOrName):
    async def run(self, show_desk: ShowDesk) -> Desk:
        return await show_desk(self.desk())


class DeskPrioritiesInput(DeskByIdOrName, PagedInput):
    priority_name: str | None = Field(
        default=None,
        min_length=1,
        max_length=200,
        description="Nome ou parte: busca em todas as da mesa, a mais parecida primeiro (sem paginar).",
    )

    async def run(self, list_priorities: ListDeskPriorities) -> DeskPage[Priority] | DeskMatches[Priority]:
        return await list_priorities(self.desk(), priority_name=self.priority_name, page=self.page())


class DeskCatalogsInput(DeskByIdOrName, PagedInput):
    catalog_name: str | None = Field(
        default=None,
        min_length=1,
        max_length=200,
        description="Nome ou parte: busca em todos os da mesa, o mais parecido primeiro (sem paginar).",
    )

    async def run(
        self, list_catalogs: ListDeskCatalogs
    ) -> DeskPage[ServicesCatalog] | DeskMatches[ServicesCatalog]:
        return await list_catalogs(self.desk(), catalog_name=self.catalog_name, page=self.page())


def _present_desk_page(page: Page[Desk], args: ListDesksInput, fmt: Formatter) -> str:
    return present_desk_page(page, active=args.active, name=args.name, fmt=fmt)


LIST_DESKS = ToolSpec(
    name="list_desks",
    title="Listar mesas",
    description=(
        "Lista as mesas (filas de atendimento): ID, nome interno e de exibição, se está ativa, tipo de "
        "apontamento."
    ),
    input_model=ListDesksInput,
    use_case=UseCases.list_desks,
    run=ListDesksInput.run,
    present_with_arguments=_present_desk_page,
    read_only=True,
    toolset="desks",
)

GET_DESK = ToolSpec(
    name="get_desk",
    title="Ver configuração da mesa",
    description=(
        "Mostra a configuração de uma mesa (desk_id ou desk_name): atendimento (apontamentos, quem pode "
        "abrir e cancelar tickets), SLA, revisão e reabertura de tickets, campos obrigatórios."
    ),
    input_model=DeskInput,
    use_case=UseCases.show_desk,
    run=DeskInput.run,
    present=present_desk,
    read_only=True,
    toolset="desks",
)

LIST_DESK_PRIORITIES = ToolSpec(
    name="list_desk_priorities",
    title="Listar prioridades da mesa",
    description=(
        "Lista as prioridades de uma mesa (desk_id ou desk_name), com os tempos de resposta e solução: o "
        "priority_id de create_ticket e update_ticket."
    ),
    input_model=DeskPrioritiesInput,
    use_case=UseCases.list_desk_priorities,
    run=DeskPrioritiesInput.run,
    present=present_desk_priorities,
    read_only=True,
    toolset="desks",
)

LIST_DESK_SERVICES_CATALOGS = ToolSpec(
    name="list_desk_services_catalogs",
    title="Listar catálogos de serviços da mesa",
    description=(
        "Lista os catálogos de serviços de uma mesa (desk_id ou desk_name); seus itens: search_catalog_item "
        "com catalog_id."
    ),
    input_model=DeskCatalogsInput,
    use_case=UseCases.list_desk_catalogs,
    run=DeskCatalogsInput.run,
    present=present_desk_catalogs,
    read_only=True,
    toolset="desks",
)

DESK_DETAIL_TOOLS = (GET_DESK, LIST_DESK_PRIORITIES, LIST_DESK_SERVICES_CATALOGS)

__all__ = [
    "DESK_DETAIL_TOOLS",
    "GET_DESK",
    "LIST_DESKS",
    "LIST_DESK_PRIORITIES",
    "LIST_DESK_SERVICES_CATALOGS",
]
