"""Declared `structuredContent` of get_ticket and list_tickets."""

from __future__ import annotations

from typing import Literal, NotRequired

from pydantic import with_config
from typing_extensions import TypedDict

from adapters.mcp.outputs.common import DECLARED, Client, Desk, Page, Priority, Stage, Ticket, User
from adapters.mcp.outputs.lookups import CatalogItem


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
    filter_by: NotRequired[Literal["open", "closed", "canceled", "all"]]
    priority_ids: NotRequired[list[int]]
    services_catalogs_item_ids: NotRequired[list[int]]
    sla_expiring_before: NotRequired[str]


@with_config(DECLARED)
class Bucket(TypedDict):
    period: str
    count: int
    filled: bool  # a period TiFlux left out, shown as zero


@with_config(DECLARED)
class TicketCounts(TypedDict):
    group_by: Literal["day", "week", "month", "desk"]
    buckets: NotRequired[list[Bucket]]
    total: int


@with_config(DECLARED)
class TicketListing(TypedDict):
    page: NotRequired[Page[Ticket]]
    query: TicketFilter
    desk: NotRequired[Desk]
    client: NotRequired[Client]
    stage: NotRequired[Stage]
    responsible: NotRequired[User]
    priority: NotRequired[Priority]
    catalog_items: NotRequired[list[CatalogItem]]
    counts: NotRequired[TicketCounts]
    zero_cause: NotRequired[Literal["status", "period", "none"]]
    status_assumed: bool


GetTicketOutput = Ticket

ListTicketsOutput = TicketListing
