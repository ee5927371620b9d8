"""Ticket tools: declarations only; the work is in the use cases, the words in the presenter."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field

from adapters.mcp.fields import (
    ID_LISTS,
    MOMENTS,
    NAMES_RESOLVED,
    EndMoment,
    IdList,
    StartMoment,
    TicketNumberArg,
)
from adapters.mcp.references import DeskName
from adapters.mcp.spec import PagedInput, ToolInput, ToolSpec
from adapters.presenters.markdown.tickets import present_ticket, present_ticket_page
from adapters.use_cases import UseCases
from application.queries import DateField, DateRange, TicketFilter
from application.use_cases.tickets import GetTicket, ListTickets, TicketListing, TicketNames
from domain.errors import InvalidInput
from domain.ids import ClientId, DeskId, StageId, UserId
from domain.tickets import Ticket

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class GetTicketInput(ToolInput):
    ticket_number: TicketNumberArg
    show_entities: bool = False
    include_filled_entity: bool = False

    async def run(self, get_ticket: GetTicket) -> Ticket:
        return await get_ticket(
            self.ticket_number,
            show_entities=self.show_entities,
            include_filled_entity=self.include_filled_entity,
        )


class ListTicketsInput(PagedInput):
    desk_ids: IdList = Field(default="", validate_default=True)
    client_ids: IdList = Field(default="", validate_default=True)
    stage_ids: IdList = Field(default="", validate_default=True)
    responsible_ids: IdList = Field(default="", validate_default=True)
    desk_name: DeskName = None
    client_name: str | None = Field(default=None, max_length=200)
    stage_name: str | None = Field(default=None, max_length=200)
    requestor_ids: IdList = Field(default="", validate_default=True)
    requestor_email: str | None = Field(default=None, max_length=254)
    is_closed: bool = False
    date_type: Literal["created_at", "solved_in_time"] | None = None
    start_datetime: StartMoment = None
    end_datetime: EndMoment = None

    async def run(self, list_tickets: ListTickets) -> TicketListing:
        return await list_tickets(self.to_query(), self.names(), self.page())

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
        "Mostra um ticket: status, mesa, estágio, pessoas, SLA, links, descrição. show_entities=true inclui "
        "os campos personalizados (include_filled_entity=true: só os preenchidos)."
    ),
    input_model=GetTicketInput,
    use_case=UseCases.get_ticket,
    run=GetTicketInput.run,
    present=present_ticket,
    read_only=True,
)

LIST_TICKETS = ToolSpec(
    name="list_tickets",
    title="Listar tickets",
    description=(
        "Lista tickets abertos (is_closed=true: só os fechados). Exige um filtro: IDs, nomes ou "
        f"requestor_email. {ID_LISTS} {MOMENTS} "
        'Nomes: um nome solto é uma mesa ("tickets do cansados" → desk_name); '
        '"cliente"/"empresa" → client_name; e-mail de pessoa → requestor_email; stage_name exige a mesa. '
        + NAMES_RESOLVED
    ),
    input_model=ListTicketsInput,
    use_case=UseCases.list_tickets,
    run=ListTicketsInput.run,
    present=present_ticket_page,
    read_only=True,
)


__all__ = ["GET_TICKET", "LIST_TICKETS"]
