"""Ticket tools: declarations only; the work is in the use cases, the words in the presenter."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field

from adapters.mcp.fields import EndMoment, IdList, StartMoment, TicketNumberArg
from adapters.mcp.spec import PagedInput, ToolInput, ToolSpec
from adapters.presenters.markdown.tickets import present_ticket, present_ticket_page
from application.queries import DateField, DateRange, TicketFilter
from application.use_cases.tickets import GetTicket, ListTickets, TicketNames
from domain.errors import InvalidInput
from domain.ids import ClientId, DeskId, StageId, UserId

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class GetTicketInput(ToolInput):
    ticket_number: TicketNumberArg
    show_entities: bool = Field(
        default=False, description="Incluir todos os campos personalizados do ticket, inclusive os vazios."
    )
    include_filled_entity: bool = Field(
        default=False, description="Incluir apenas os campos personalizados preenchidos."
    )


class ListTicketsInput(PagedInput):
    desk_ids: IdList = Field(
        default="",
        validate_default=True,
        description='IDs de mesas separados por vírgula, ex.: "14,15" (até 15).',
    )
    client_ids: IdList = Field(
        default="", validate_default=True, description="IDs de clientes separados por vírgula (até 15)."
    )
    stage_ids: IdList = Field(
        default="", validate_default=True, description="IDs de estágios separados por vírgula (até 15)."
    )
    responsible_ids: IdList = Field(
        default="",
        validate_default=True,
        description="IDs dos atendentes responsáveis separados por vírgula (até 15).",
    )
    desk_name: str | None = Field(
        default=None,
        max_length=200,
        description='Nome (ou parte) da mesa, ex.: "cansados". Um nome solto dito pelo usuário é uma mesa.',
    )
    client_name: str | None = Field(
        default=None,
        max_length=200,
        description="Nome (ou parte) do cliente; use só quando o usuário disser cliente ou empresa.",
    )
    stage_name: str | None = Field(
        default=None,
        max_length=200,
        description='Nome (ou parte) do estágio, ex.: "aguardando"; exige a mesa (desk_ids ou desk_name).',
    )
    requestor_ids: IdList = Field(
        default="", validate_default=True, description="IDs dos solicitantes separados por vírgula (até 15)."
    )
    requestor_email: str | None = Field(
        default=None, max_length=254, description="E-mail exato do solicitante, ex.: ana@clinica.com.br."
    )
    is_closed: bool = Field(
        default=False,
        description="false (padrão): só tickets abertos; true: só tickets fechados. Nunca os dois juntos.",
    )
    date_type: Literal["created_at", "solved_in_time"] | None = Field(
        default=None,
        description="Data do intervalo: criação (created_at, padrão) ou resolução (solved_in_time).",
    )
    start_datetime: StartMoment = Field(
        default=None,
        description="Início (inclusivo): AAAA-MM-DD ou ISO-8601; sem fuso, vale o fuso configurado.",
    )
    end_datetime: EndMoment = Field(
        default=None,
        description="Fim do intervalo (inclusivo): AAAA-MM-DD (o dia inteiro) ou ISO-8601.",
    )

    def names(self) -> TicketNames:
        return TicketNames(desk_name=self.desk_name, client_name=self.client_name, stage_name=self.stage_name)

    def to_query(self) -> TicketFilter:
        if self.requestor_email and not _EMAIL.match(self.requestor_email):
            raise InvalidInput("requestor_email", "email")
        has_range = self.start_datetime is not None or self.end_datetime is not None
        if self.date_type and not has_range:
            raise InvalidInput("start_datetime", "missing")
        dates = (
            DateRange(DateField(self.date_type or "created_at"), self.start_datetime, self.end_datetime)
            if has_range
            else None
        )
        return TicketFilter(
            desk_ids=tuple(DeskId(i) for i in self.desk_ids),
            client_ids=tuple(ClientId(i) for i in self.client_ids),
            stage_ids=tuple(StageId(i) for i in self.stage_ids),
            responsible_ids=tuple(UserId(i) for i in self.responsible_ids),
            requestor_ids=tuple(UserId(i) for i in self.requestor_ids),
            requestor_email=self.requestor_email or None,
            is_closed=self.is_closed,
            dates=dates,
        )


GET_TICKET = ToolSpec(
    name="get_ticket",
    title="Ver ticket",
    description=(
        "Mostra um ticket pelo número (ex.: 1040): título, status, prioridade, mesa, estágio, catálogo, "
        "responsável, cliente, solicitante, SLA, links e descrição. Use show_entities=true para ver os "
        "campos personalizados (ou include_filled_entity=true para só os preenchidos)."
    ),
    input_model=GetTicketInput,
    use_case=lambda gateway, args: GetTicket(gateway.tickets)(
        args.ticket_number, show_entities=args.show_entities, include_filled_entity=args.include_filled_entity
    ),
    presenter=lambda ticket, _args, fmt: present_ticket(ticket, fmt),
    read_only=True,
)

LIST_TICKETS = ToolSpec(
    name="list_tickets",
    title="Listar tickets",
    description=(
        "Lista tickets abertos (ou fechados, com is_closed=true), uma página por vez. Exige pelo menos um "
        "filtro (IDs, nomes ou requestor_email); intervalo de datas opcional. Nomes: um nome solto é uma "
        'mesa ("tickets do cansados" → desk_name); "cliente"/"empresa" → client_name; e-mail de '
        "pessoa → requestor_email; stage_name vale dentro da mesa. Um ID dado vence o nome. Se a resposta "
        "listar candidatos, pergunte ao usuário qual deles."
    ),
    input_model=ListTicketsInput,
    use_case=lambda gateway, args: ListTickets(gateway.tickets, gateway.desks, gateway.people)(
        args.to_query(), args.names(), args.page()
    ),
    presenter=lambda listing, _args, fmt: present_ticket_page(listing, fmt),
    read_only=True,
)


__all__ = ["GET_TICKET", "LIST_TICKETS"]
