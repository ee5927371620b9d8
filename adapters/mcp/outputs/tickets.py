"""Declared `structuredContent` of get_ticket and list_tickets."""

from __future__ import annotations

from typing import Literal

from adapters.mcp.outputs.common import Client, Desk, Output, PageRequest, Stage, Ticket


class TicketPage(Output):
    items: list[Ticket] | None = None
    request: PageRequest


class DateRange(Output):
    field: Literal["created_at", "solved_in_time"]
    start: str | None = None
    end: str | None = None


class TicketFilter(Output):
    desk_ids: list[int] | None = None
    client_ids: list[int] | None = None
    stage_ids: list[int] | None = None
    responsible_ids: list[int] | None = None
    requestor_ids: list[int] | None = None
    requestor_email: str | None = None
    is_closed: bool
    dates: DateRange | None = None


class TicketListing(Output):
    page: TicketPage
    query: TicketFilter
    desk: Desk | None = None
    client: Client | None = None
    stage: Stage | None = None


GetTicketOutput = Ticket

ListTicketsOutput = TicketListing
