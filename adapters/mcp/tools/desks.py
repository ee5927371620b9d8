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
from application.resolvers import References
from application.use_cases.desk_details import ListDeskCatalogs, ListDeskPriorities, ShowDesk
from application.use_cases.desks import ListDesks


class ListDesksInput(PagedInput):
    active: bool = Field(default=True, description="false: só as inativas.")
    name: str | None = Field(
        default=None, min_length=1, max_length=200, description="Nome exato, interno ou de exibição."
    )


class DeskInput(DeskByIdOrName):
    pass


class DeskPrioritiesInput(PagedInput, DeskByIdOrName):
    priority_name: str | None = Field(
        default=None,
        min_length=1,
        max_length=200,
        description="Nome ou parte: busca em todas as da mesa, a mais parecida primeiro (sem paginar).",
    )


class DeskCatalogsInput(PagedInput, DeskByIdOrName):
    catalog_name: str | None = Field(
        default=None,
        min_length=1,
        max_length=200,
        description="Nome ou parte: busca em todos os da mesa, o mais parecido primeiro (sem paginar).",
    )


LIST_DESKS = ToolSpec(
    name="list_desks",
    title="Listar mesas",
    description=(
        "Lista as mesas (filas de atendimento): ID, nome interno e de exibição, se está ativa, tipo de "
        "apontamento."
    ),
    input_model=ListDesksInput,
    use_case=lambda gateway, args: ListDesks(gateway.desks)(
        active=args.active, name=args.name, page=args.page()
    ),
    presenter=lambda page, args, fmt: present_desk_page(page, active=args.active, name=args.name, fmt=fmt),
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
    use_case=lambda services, args: ShowDesk(services.desks, References(services.gateway))(args.desk()),
    presenter=lambda desk, _args, fmt: present_desk(desk, fmt),
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
    use_case=lambda services, args: ListDeskPriorities(services.desks, References(services.gateway))(
        args.desk(), priority_name=args.priority_name, page=args.page()
    ),
    presenter=lambda found, _args, fmt: present_desk_priorities(found, fmt),
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
    use_case=lambda services, args: ListDeskCatalogs(services.desks, References(services.gateway))(
        args.desk(), catalog_name=args.catalog_name, page=args.page()
    ),
    presenter=lambda found, _args, fmt: present_desk_catalogs(found, fmt),
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
