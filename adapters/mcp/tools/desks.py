"""Desk tools: the desks, one desk's configuration, and its priorities and services catalogs."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, Field
from pydantic_core import PydanticCustomError

from adapters.i18n.words import Words
from adapters.mcp.fields import DESK_ID, DESK_NAME, PositiveId
from adapters.mcp.outputs.desks import (
    GetDeskOutput,
    ListDeskPrioritiesOutput,
    ListDeskServicesCatalogsOutput,
    ListDesksOutput,
)
from adapters.mcp.spec import PagedInput, ToolInput, ToolSpec
from adapters.presenters.markdown.desks import (
    present_desk,
    present_desk_catalogs,
    present_desk_page,
    present_desk_priorities,
)
from application.use_cases.desk_details import ListDeskCatalogs, ListDeskPriorities, ShowDesk
from application.use_cases.desks import ListDesks
from domain.ids import DeskId


def _not_boolean(value: Any) -> Any:
    """JSON `true` is not desk 1."""
    if isinstance(value, bool):
        raise PydanticCustomError("positive_integer", "id")
    return value


OptionalDeskId = Annotated[PositiveId | None, BeforeValidator(_not_boolean), DESK_ID]
DeskName = Annotated[str | None, DESK_NAME]


class ListDesksInput(PagedInput):
    active: Annotated[bool, Words(pt="false: só as inativas.", en="false: inactive ones only.")] = True
    name: Annotated[
        str | None, Words(pt="Nome exato, interno ou de exibição.", en="Exact name, internal or display.")
    ] = Field(default=None, min_length=1, max_length=200)


class DeskInput(ToolInput):
    desk_id: OptionalDeskId = None
    desk_name: DeskName = Field(default=None, min_length=1, max_length=200)

    def desk(self) -> DeskId | None:
        return DeskId(self.desk_id) if self.desk_id is not None else None


class DeskPrioritiesInput(PagedInput):
    desk_id: OptionalDeskId = None
    desk_name: DeskName = Field(default=None, min_length=1, max_length=200)
    priority_name: Annotated[
        str | None,
        Words(
            pt="Nome ou parte; busca em todas, a mais parecida primeiro.",
            en="Name or part; searches them all, the closest first.",
        ),
    ] = Field(default=None, min_length=1, max_length=200)

    def desk(self) -> DeskId | None:
        return DeskId(self.desk_id) if self.desk_id is not None else None


class DeskCatalogsInput(PagedInput):
    desk_id: OptionalDeskId = None
    desk_name: DeskName = Field(default=None, min_length=1, max_length=200)
    catalog_name: Annotated[
        str | None,
        Words(
            pt="Nome ou parte; busca em todos, o mais parecido primeiro.",
            en="Name or part; searches them all, the closest first.",
        ),
    ] = Field(default=None, min_length=1, max_length=200)

    def desk(self) -> DeskId | None:
        return DeskId(self.desk_id) if self.desk_id is not None else None


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
    use_case=lambda gateway, args: ListDesks(gateway.desks)(
        active=args.active, name=args.name, page=args.page()
    ),
    presenter=lambda page, args, fmt: present_desk_page(page, active=args.active, name=args.name, fmt=fmt),
    read_only=True,
    toolset="desks",
)

GET_DESK = ToolSpec(
    name="get_desk",
    title=Words(pt="Ver configuração da mesa", en="Show desk configuration"),
    description=Words(
        pt="Mostra a configuração de uma mesa: atendimento (apontamentos, quem pode "
        "abrir e cancelar tickets), SLA, revisão e reabertura de tickets, campos obrigatórios.",
        en="Shows a desk's configuration: service (appointments, who may open and "
        "cancel tickets), SLA, ticket review and reopening, required fields.",
    ),
    input_model=DeskInput,
    output_model=GetDeskOutput,
    use_case=lambda services, args: ShowDesk(services.desks)(desk_id=args.desk(), desk_name=args.desk_name),
    presenter=lambda desk, _args, fmt: present_desk(desk, fmt),
    read_only=True,
    toolset="desks",
)

LIST_DESK_PRIORITIES = ToolSpec(
    name="list_desk_priorities",
    title=Words(pt="Listar prioridades da mesa", en="List the desk's priorities"),
    description=Words(
        pt="Lista as prioridades de uma mesa, com os tempos de resposta e solução: o "
        "priority_id de create_ticket e update_ticket.",
        en="Lists a desk's priorities, with response and solution times: the "
        "priority_id of create_ticket and update_ticket.",
    ),
    input_model=DeskPrioritiesInput,
    output_model=ListDeskPrioritiesOutput,
    use_case=lambda services, args: ListDeskPriorities(services.desks)(
        desk_id=args.desk(), desk_name=args.desk_name, priority_name=args.priority_name, page=args.page()
    ),
    presenter=lambda found, _args, fmt: present_desk_priorities(found, fmt),
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
    use_case=lambda services, args: ListDeskCatalogs(services.desks)(
        desk_id=args.desk(), desk_name=args.desk_name, catalog_name=args.catalog_name, page=args.page()
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
