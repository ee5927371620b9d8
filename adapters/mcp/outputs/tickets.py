"""Declared `structuredContent` of get_ticket and list_tickets."""

from __future__ import annotations

from typing import Literal, NotRequired

from pydantic import with_config
from typing_extensions import TypedDict

from adapters.mcp.outputs.common import DECLARED, Client, Desk, Page, Stage, Ticket


@with_config(DECLARED)
class DateRange(TypedDict):
    field: Literal["created_at", "solved_in_time"]
    start: NotRequired[str]
    end: NotRequired[str]


@with_config(DECLARED)
class TicketFilter(TypedDict):
    desk_ids: NotRequired[list[int]]
    client_ids: NotRequired[list[int]]
    stage_ids: NotRequired[list[int]]
    responsible_ids: NotRequired[list[int]]
    requestor_ids: NotRequired[list[int]]
    requestor_email: NotRequired[str]
    is_closed: bool
    dates: NotRequired[DateRange]


@with_config(DECLARED)
class TicketListing(TypedDict):
    page: Page[Ticket]
    query: TicketFilter
    desk: NotRequired[Desk]
    client: NotRequired[Client]
    stage: NotRequired[Stage]


GetTicketOutput = Ticket

ListTicketsOutput = TicketListing
