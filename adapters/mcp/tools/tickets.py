"""Ticket tools: declarations only; the work is in the use cases, the words in the presenter."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import Field

from adapters.i18n.words import Words
from adapters.mcp.fields import (
    CLIENT_NAME,
    ID_LISTS,
    MOMENTS,
    NAMES_RESOLVED,
    STAGE_NAME,
    EndMoment,
    IdList,
    StartMoment,
    TicketNumberArg,
)
from adapters.mcp.outputs.tickets import GetTicketOutput, ListTicketsOutput
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
    show_entities: Annotated[
        bool, Words(pt="Inclui os campos personalizados.", en="Include custom fields.")
    ] = False
    include_filled_entity: Annotated[
        bool, Words(pt="Com show_entities: só os preenchidos.", en="With show_entities: filled ones only.")
    ] = False

    async def run(self, get_ticket: GetTicket) -> Ticket:
        return await get_ticket(
            self.ticket_number,
            show_entities=self.show_entities,
            include_filled_entity=self.include_filled_entity,
        )


class ListTicketsInput(PagedInput):
    desk_ids: Annotated[IdList, Words(pt="Mesas (list_desks).", en="Desks (list_desks).")] = Field(
        default="", validate_default=True
    )
    client_ids: Annotated[IdList, Words(pt="Clientes (search_client).", en="Clients (search_client).")] = (
        Field(default="", validate_default=True)
    )
    stage_ids: Annotated[IdList, Words(pt="Estágios (search_stage).", en="Stages (search_stage).")] = Field(
        default="", validate_default=True
    )
    responsible_ids: Annotated[
        IdList, Words(pt="Atendentes responsáveis (search_user).", en="Responsible attendants (search_user).")
    ] = Field(default="", validate_default=True)
    desk_name: DeskName = None
    client_name: Annotated[str | None, CLIENT_NAME] = Field(default=None, max_length=200)
    stage_name: Annotated[str | None, STAGE_NAME] = Field(default=None, max_length=200)
    requestor_ids: Annotated[
        IdList, Words(pt="Solicitantes (search_user).", en="Requestors (search_user).")
    ] = Field(default="", validate_default=True)
    requestor_email: Annotated[
        str | None, Words(pt="E-mail do solicitante.", en="The requestor's e-mail.")
    ] = Field(default=None, max_length=254)
    is_closed: Annotated[bool, Words(pt="true: só os fechados.", en="true: closed ones only.")] = False
    date_type: Annotated[
        Literal["created_at", "solved_in_time"] | None,
        Words(pt="Padrão: created_at.", en="Default: created_at."),
    ] = None
    start_datetime: Annotated[StartMoment, Words(pt="De.", en="From.")] = None
    end_datetime: Annotated[EndMoment, Words(pt="Até.", en="Until.")] = None

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
    title=Words(pt="Ver ticket", en="Show ticket"),
    description=Words(
        pt="Mostra um ticket: status, mesa, estágio, pessoas, SLA, links, descrição.",
        en="Shows a ticket: status, desk, stage, people, SLA, links, description.",
    ),
    input_model=GetTicketInput,
    output_model=GetTicketOutput,
    use_case=UseCases.get_ticket,
    run=GetTicketInput.run,
    present=present_ticket,
    read_only=True,
)

LIST_TICKETS = ToolSpec(
    name="list_tickets",
    title=Words(pt="Listar tickets", en="List tickets"),
    description=Words(
        pt="Lista tickets abertos (ou fechados). Exige um filtro: IDs, nomes ou requestor_email.",
        en="Lists open (or closed) tickets. Needs a filter: IDs, names or requestor_email.",
    )
    + ID_LISTS
    + MOMENTS
    + Words(
        pt='Nomes: um nome solto é uma mesa ("tickets do cansados" → desk_name); '
        '"cliente"/"empresa" → client_name; e-mail de pessoa → requestor_email; stage_name exige a mesa.',
        en='Names: a loose name is a desk ("tickets from billing" → desk_name); '
        '"client"/"company" → client_name; a person\'s e-mail → requestor_email; stage_name needs the desk.',
    )
    + NAMES_RESOLVED,
    input_model=ListTicketsInput,
    output_model=ListTicketsOutput,
    use_case=UseCases.list_tickets,
    run=ListTicketsInput.run,
    present=present_ticket_page,
    read_only=True,
)


__all__ = ["GET_TICKET", "LIST_TICKETS"]
