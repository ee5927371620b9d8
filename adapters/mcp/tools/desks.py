"""Desk tools: the desks, one desk's configuration, and its priorities and services catalogs."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from adapters.i18n.words import Words
from adapters.mcp.outputs.desks import (
    GetDeskOutput,
    ListDeskPrioritiesOutput,
    ListDeskServicesCatalogsOutput,
    ListDesksOutput,
)
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
    active: Annotated[bool, Words(pt="false: só as inativas.", en="false: inactive ones only.")] = True
    name: Annotated[
        str | None, Words(pt="Nome exato, interno ou de exibição.", en="Exact name, internal or display.")
    ] = Field(default=None, min_length=1, max_length=200)

    async def run(self, list_desks: ListDesks) -> Page[Desk]:
        return await list_desks(active=self.active, name=self.name, page=self.page())


class DeskInput(DeskByIdOrName):
    async def run(self, show_desk: ShowDesk) -> Desk:
        return await show_desk(self.desk())


class DeskPrioritiesInput(DeskByIdOrName, PagedInput):
    priority_name: Annotated[
        str | None,
        Words(
            pt="Nome ou parte; busca em todas, a mais parecida primeiro.",
            en="Name or part; searches them all, the closest first.",
        ),
    ] = Field(default=None, min_length=1, max_length=200)

    async def run(self, list_priorities: ListDeskPriorities) -> DeskPage[Priority] | DeskMatches[Priority]:
        return await list_priorities(self.desk(), priority_name=self.priority_name, page=self.page())


class DeskCatalogsInput(DeskByIdOrName, PagedInput):
    catalog_name: Annotated[
        str | None,
        Words(
            pt="Nome ou parte; busca em todos, o mais parecido primeiro.",
            en="Name or part; searches them all, the closest first.",
        ),
    ] = Field(default=None, min_length=1, max_length=200)

    async def run(
        self, list_catalogs: ListDeskCatalogs
    ) -> DeskPage[ServicesCatalog] | DeskMatches[ServicesCatalog]:
        return await list_catalogs(self.desk(), catalog_name=self.catalog_name, page=self.page())


def _present_desk_page(page: Page[Desk], args: ListDesksInput, fmt: Formatter) -> str:
    return present_desk_page(page, active=args.active, name=args.name, fmt=fmt)


LIST_DESKS = ToolSpec(
    name="list_desks",
    title=Words(pt="Listar mesas", en="List desks"),
    description=Words(
        pt="Lista as mesas (filas de atendimento): ID, nome interno e de exibição, se está ativa, tipo de "
        "apontamento.",
        en="Lists the desks (service queues): ID, internal and display name, whether active, "
        "appointment type.",
    ),
    input_model=ListDesksInput,
    output_model=ListDesksOutput,
    use_case=UseCases.list_desks,
    run=ListDesksInput.run,
    present_with_arguments=_present_desk_page,
    read_only=True,
    toolset="desks",
)

GET_DESK = ToolSpec(
    name="get_desk",
    title=Words(pt="Ver configuração da mesa", en="Show desk configuration"),
    description=Words(
        pt="Configuração de uma mesa: atendimento, SLA, revisão, reabertura, campos obrigatórios.",
        en="A desk's configuration: service, SLA, review, reopening, required fields.",
    ),
    input_model=DeskInput,
    output_model=GetDeskOutput,
    use_case=UseCases.show_desk,
    run=DeskInput.run,
    present=present_desk,
    read_only=True,
    toolset="desks",
)

LIST_DESK_PRIORITIES = ToolSpec(
    name="list_desk_priorities",
    title=Words(pt="Listar prioridades da mesa", en="List the desk's priorities"),
    description=Words(
        pt="Prioridades de uma mesa (priority_id), com tempos de resposta e solução.",
        en="A desk's priorities (priority_id), with response and solution times.",
    ),
    input_model=DeskPrioritiesInput,
    output_model=ListDeskPrioritiesOutput,
    use_case=UseCases.list_desk_priorities,
    run=DeskPrioritiesInput.run,
    present=present_desk_priorities,
    read_only=True,
    toolset="desks",
)

LIST_DESK_SERVICES_CATALOGS = ToolSpec(
    name="list_desk_services_catalogs",
    title=Words(pt="Listar catálogos de serviços da mesa", en="List the desk's services catalogs"),
    description=Words(
        pt="Lista os catálogos de serviços de uma mesa; seus itens: search_catalog_item com catalog_id.",
        en="Lists a desk's services catalogs; their items: search_catalog_item with catalog_id.",
    ),
    input_model=DeskCatalogsInput,
    output_model=ListDeskServicesCatalogsOutput,
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
