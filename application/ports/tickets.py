"""The tickets area of TiFlux."""

from __future__ import annotations

from typing import Protocol

from application.queries import TicketFilter
from domain.ids import TicketNumber
from domain.paging import Page, PageRequest
from domain.tickets import Ticket


class TicketsPort(Protocol):
    """Reads and writes tickets."""

    async def get(
        self, number: TicketNumber, *, show_entities: bool = False, include_filled_entity: bool = False
    ) -> Ticket:
        """The ticket with this number, optionally with its custom fields; NotFound if absent."""
        ...

    async def list(self, query: TicketFilter, page: PageRequest) -> Page[Ticket]:
        """One page of the tickets matching the filter."""
        ...
