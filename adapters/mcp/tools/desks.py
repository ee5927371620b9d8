"""Desk tools."""

from __future__ import annotations

from pydantic import Field

from adapters.mcp.spec import PagedInput, ToolSpec
from adapters.presenters.markdown.desks import present_desk_page
from application.use_cases.desks import ListDesks


class ListDesksInput(PagedInput):
    active: bool = Field(default=True, description="true (padrão) lista mesas ativas; false, as inativas.")
    name: str | None = Field(
        default=None,
        min_length=1,
        max_length=200,
        description="Nome exato da mesa (interno ou de exibição); não diferencia maiúsculas.",
    )


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
