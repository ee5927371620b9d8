"""Reading tickets."""

from __future__ import annotations

from dataclasses import dataclass

from application.ports.tickets import TicketsPort
from application.queries import ID_FILTERS, TicketFilter
from domain.errors import MissingFilter
from domain.ids import TicketNumber
from domain.paging import Page, PageRequest
from domain.tickets import Ticket

LIST_TICKETS_FILTERS = (*ID_FILTERS, "requestor_email")


@dataclass(frozen=True)
class GetTicket:
    """Show one ticket, optionally with its custom fields."""

    tickets: TicketsPort

    async def __call__(
        self, number: TicketNumber, *, show_entities: bool = False, include_filled_entity: bool = False
    ) -> Ticket:
        return await self.tickets.get(
            number, show_entities=show_entities, include_filled_entity=include_filled_entity
        )


@dataclass(frozen=True)
class ListTickets:
    """List open (or closed) tickets narrowed by at least one filter, one page at a time."""

    tickets: TicketsPort

    async def __call__(self, query: TicketFilter, page: PageRequest) -> Page[Ticket]:
        if not query.narrows:
            raise MissingFilter(LIST_TICKETS_FILTERS)
        return await self.tickets.list(query, page)
