"""Desk tools: the desks, one desk's configuration, and its priorities and services catalogs."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, Field
from pydantic_core import PydanticCustomError

from adapters.mcp.fields import PositiveId
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


OptionalDeskId = Annotated[PositiveId | None, BeforeValidator(_not_boolean)]

_DESK_ID = "ID da mesa (ex.: 14); quando informado, desk_name é ignorado."
_DESK_NAME = (
    'Nome (ou parte) de uma mesa ativa, interno ou de exibição, ex.: "suporte"; use quando não souber o '
    "desk_id (mesas inativas: só por desk_id)."
)


class ListDesksInput(PagedInput):
    active: bool = Field(default=True, description="true (padrão) lista mesas ativas; false, as inativas.")
    name: str | None = Field(
        default=None,
        min_length=1,
        max_length=200,
        description="Nome exato da mesa (interno ou de exibição); não diferencia maiúsculas.",
    )


class DeskInput(ToolInput):
    desk_id: OptionalDeskId = Field(default=None, description=_DESK_ID)
    desk_name: str | None = Field(default=None, min_length=1, max_length=200, description=_DESK_NAME)

    def desk(self) -> DeskId | None:
        return DeskId(self.desk_id) if self.desk_id is not None else None


class DeskPrioritiesInput(PagedInput):
    desk_id: OptionalDeskId = Field(default=None, description=_DESK_ID)
    desk_name: str | None = Field(default=None, min_length=1, max_length=200, description=_DESK_NAME)
    priority_name: str | None = Field(
        default=None,
        min_length=1,
        max_length=200,
        description=(
            'Nome (ou parte) da prioridade, ex.: "alta"; sem diferenciar acentos. Procura em todas as '
            "prioridades da mesa e mostra as que combinam, a mais parecida primeiro (offset/limit ignorados)."
        ),
    )

    def desk(self) -> DeskId | None:
        return DeskId(self.desk_id) if self.desk_id is not None else None


class DeskCatalogsInput(PagedInput):
    desk_id: OptionalDeskId = Field(default=None, description=_DESK_ID)
    desk_name: str | None = Field(default=None, min_length=1, max_length=200, description=_DESK_NAME)
    catalog_name: str | None = Field(
        default=None,
        min_length=1,
        max_length=200,
        description=(
            'Nome (ou parte) do catálogo, ex.: "infra"; sem diferenciar acentos. Procura em todos os '
            "catálogos da mesa e mostra os que combinam, o mais parecido primeiro (offset/limit ignorados)."
        ),
    )

    def desk(self) -> DeskId | None:
        return DeskId(self.desk_id) if self.desk_id is not None else None


LIST_DESKS = ToolSpec(
    name="list_desks",
    title="Listar mesas",
    description=(
        "Lista as mesas (filas de atendimento) com ID, nome interno, nome de exibição, se está ativa e "
        "o tipo de apontamento. Use para descobrir o desk_id antes de filtrar ou abrir tickets."
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
        "Mostra a configuração de uma mesa em linguagem clara: identificação, atendimento (apontamentos, "
        "quem pode abrir e cancelar tickets), SLA, comportamento dos tickets (revisão, reabertura) e "
        "campos obrigatórios. Informe desk_id ou desk_name (desk_id tem precedência)."
    ),
    input_model=DeskInput,
    use_case=lambda services, args: ShowDesk(services.desks)(desk_id=args.desk(), desk_name=args.desk_name),
    presenter=lambda desk, _args, fmt: present_desk(desk, fmt),
    read_only=True,
    toolset="desks",
)

LIST_DESK_PRIORITIES = ToolSpec(
    name="list_desk_priorities",
    title="Listar prioridades da mesa",
    description=(
        "Lista as prioridades de uma mesa com ordem e os tempos de primeira resposta e de solução (HH:MM). "
        "Use para achar o priority_id de create_ticket ou update_ticket. Informe desk_id ou desk_name; "
        "priority_name filtra pelo nome."
    ),
    input_model=DeskPrioritiesInput,
    use_case=lambda services, args: ListDeskPriorities(services.desks)(
        desk_id=args.desk(), desk_name=args.desk_name, priority_name=args.priority_name, page=args.page()
    ),
    presenter=lambda found, _args, fmt: present_desk_priorities(found, fmt),
    read_only=True,
    toolset="desks",
)

LIST_DESK_SERVICES_CATALOGS = ToolSpec(
    name="list_desk_services_catalogs",
    title="Listar catálogos de serviços da mesa",
    description=(
        "Lista os catálogos de serviços de uma mesa (os agrupadores; os itens selecionáveis vêm de "
        "search_catalog_item com catalog_id). Informe desk_id ou desk_name; catalog_name filtra pelo nome."
    ),
    input_model=DeskCatalogsInput,
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
