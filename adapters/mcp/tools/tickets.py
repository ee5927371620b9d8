"""Ticket tools: declarations only; the work is in the use cases, the words in the presenter."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import Field

from adapters.i18n.words import Words
from adapters.mcp.fields import (
    CLIENT_NAME,
    ID_LISTS,
    MOMENTS,
    NAMES_RESOLVED,
    RESPONSIBLE_NAME,
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
from application.queries import DateField, DateRange, StatusFilter, TicketFilter
from application.use_cases.tickets import GetTicket, ListTickets, TicketListing, TicketNames
from domain.errors import InvalidInput
from domain.ids import CatalogItemId, ClientId, DeskId, PriorityId, StageId, UserId
from domain.ticket_counts import GroupBy, check_grouped_range
from domain.tickets import Ticket

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
StatusName = Literal["open", "closed", "canceled", "all"]
GroupName = Literal["day", "week", "month", "desk"]


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
    desk_ids: Annotated[IdList, Words(pt="Mesas.", en="Desks.")] = Field(default="", validate_default=True)
    client_ids: Annotated[IdList, Words(pt="Clientes.", en="Clients.")] = Field(
        default="", validate_default=True
    )
    stage_ids: Annotated[IdList, Words(pt="Estágios.", en="Stages.")] = Field(
        default="", validate_default=True
    )
    responsible_ids: Annotated[IdList, Words(pt="Atendentes.", en="Attendants.")] = Field(
        default="", validate_default=True
    )
    desk_name: DeskName = None
    client_name: Annotated[str | None, CLIENT_NAME] = Field(default=None, max_length=200)
    stage_name: Annotated[str | None, STAGE_NAME] = Field(default=None, max_length=200)
    responsible_name: Annotated[str | None, RESPONSIBLE_NAME] = Field(default=None, max_length=200)
    requestor_ids: Annotated[IdList, Words(pt="Solicitantes.", en="Requestors.")] = Field(
        default="", validate_default=True
    )
    requestor_email: Annotated[
        str | None, Words(pt="E-mail do solicitante.", en="The requestor's e-mail.")
    ] = Field(default=None, max_length=254)
    priority_ids: Annotated[IdList, Words(pt="Prioridades.", en="Priorities.")] = Field(
        default="", validate_default=True
    )
    priority_name: Annotated[str | None, Words(pt="Prioridade da mesa.", en="A priority of the desk.")] = (
        Field(default=None, max_length=200)
    )
    services_catalogs_item_ids: Annotated[IdList, Words(pt="Itens de catálogo.", en="Catalog items.")] = (
        Field(default="", validate_default=True)
    )
    catalog_query: Annotated[
        str | None, Words(pt="Busca no catálogo da mesa.", en="Search in the desk's catalog.")
    ] = Field(default=None, max_length=200)
    filter_by: Annotated[StatusName | None, Words(pt="Padrão: open.", en="Default: open.")] = None
    is_closed: Annotated[bool | None, Words(pt="Legado (filter_by).", en="Legacy (filter_by).")] = None
    sla_expiring_before: Annotated[EndMoment, Words(pt="SLA de solução até.", en="Resolution SLA by.")] = None
    group_by: Annotated[
        GroupName | None, Words(pt="Conta por período/mesa.", en="Count per period/desk.")
    ] = None
    date_type: Annotated[
        Literal["created_at", "solved_in_time"] | None,
        Words(pt="Padrão: created_at.", en="Default: created_at."),
    ] = None
    start_datetime: Annotated[StartMoment, Words(pt="De.", en="From.")] = None
    end_datetime: Annotated[EndMoment, Words(pt="Até.", en="Until.")] = None

    @classmethod
    def advertise(cls, schema: dict[str, Any]) -> dict[str, Any]:
        # `is_closed` (2.3.0) is still accepted, and `filter_by` wins over it; only `filter_by` is shown.
        # The texts' length caps are enforced, not shown: a name or an e-mail never comes near them.
        properties = schema["properties"]
        del properties["is_closed"]
        for value in properties.values():
            value.pop("maxLength", None)
        return super().advertise(schema)

    async def run(self, list_tickets: ListTickets) -> TicketListing:
        query = self.to_query()
        assumed = query.filter_by is StatusFilter.CLOSED and self.filter_by is None and self.is_closed is None
        group_by = GroupBy(self.group_by) if self.group_by else None
        return await list_tickets(query, self.names(), self.page(), group_by=group_by, status_assumed=assumed)

    def names(self) -> TicketNames:
        return TicketNames(
            desk_name=self.desk_name,
            client_name=self.client_name,
            stage_name=self.stage_name,
            responsible_name=self.responsible_name,
            priority_name=self.priority_name,
            catalog_query=(self.catalog_query or "").strip() or None,
        )

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
        if self.group_by and self.start_datetime and self.end_datetime:
            check_grouped_range(GroupBy(self.group_by), self.start_datetime.date(), self.end_datetime.date())
        filter_by, is_closed = self._state()
        return TicketFilter(
            desk_ids=tuple(DeskId(i) for i in self.desk_ids),
            client_ids=tuple(ClientId(i) for i in self.client_ids),
            stage_ids=tuple(StageId(i) for i in self.stage_ids),
            responsible_ids=tuple(UserId(i) for i in self.responsible_ids),
            requestor_ids=tuple(UserId(i) for i in self.requestor_ids),
            requestor_email=self.requestor_email or None,
            is_closed=is_closed,
            dates=dates,
            filter_by=filter_by,
            priority_ids=tuple(PriorityId(i) for i in self.priority_ids),
            services_catalogs_item_ids=tuple(CatalogItemId(i) for i in self.services_catalogs_item_ids),
            sla_expiring_before=self.sla_expiring_before,
        )

    def _state(self) -> tuple[StatusFilter | None, bool]:
        """`filter_by` (it wins) and the `is_closed` sent with it; solved_in_time implies closed tickets."""
        wanted = StatusFilter(self.filter_by) if self.filter_by else None
        closed_kind = wanted in (StatusFilter.CLOSED, StatusFilter.CANCELED)
        if (wanted is StatusFilter.OPEN and self.is_closed) or (closed_kind and self.is_closed is False):
            raise InvalidInput("is_closed", "conflicts", {"other": "filter_by"})
        open_only = wanted is StatusFilter.OPEN or (wanted is None and self.is_closed is False)
        if self.date_type == "solved_in_time":
            if open_only:
                raise InvalidInput("date_type", "solved_needs_closed")
            if wanted is None and self.is_closed is None:
                wanted = StatusFilter.CLOSED
        if self.sla_expiring_before is not None and not (
            wanted in (None, StatusFilter.OPEN) and not self.is_closed
        ):
            raise InvalidInput("sla_expiring_before", "open_only")
        is_closed = (
            self.is_closed
            if self.is_closed is not None
            else wanted
            in (
                StatusFilter.CLOSED,
                StatusFilter.CANCELED,
            )
        )
        return wanted, is_closed


GET_TICKET = ToolSpec(
    name="get_ticket",
    title=Words(pt="Ver ticket", en="Show ticket"),
    description=Words(
        pt="Mostra um ticket: status, pessoas, SLA, descrição.",
        en="Shows a ticket: status, people, SLA, description.",
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
        pt="Lista tickets ou, com group_by, conta-os.",
        en="Lists tickets or, with group_by, counts them.",
    )
    + ID_LISTS
    + MOMENTS
    + Words(
        pt='Nome solto = mesa; "cliente"/"empresa" → client_name; stage/priority_name e catalog_query '
        "exigem a mesa.",
        en='A loose name is a desk; "client"/"company" → client_name; stage/priority_name, catalog_query '
        "need the desk.",
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
