"""The tickets area of TiFlux."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from application.commands import AnswerDraft, FieldValueChange, NewTicket, TicketChanges
from application.queries import TicketFilter
from domain.custom_fields import EntityValues
from domain.ids import TicketNumber
from domain.paging import Page, PageRequest
from domain.records import Answer
from domain.ticket_counts import GroupBy, TicketCounts
from domain.tickets import Ticket


class TicketsPort(Protocol):
    """Reads and writes tickets."""

    async def get(
        self, number: TicketNumber, *, show_entities: bool = False, include_filled_entity: bool = False
    ) -> Ticket:
        """The ticket with this number, optionally with its custom fields; NotFound if absent."""
        ...

    async def list(self, query: TicketFilter, page: PageRequest) -> Page[Ticket]:
        """One page of the tickets matching the filter (with their whole count, when TiFlux says)."""
        ...

    async def counts(self, query: TicketFilter, group_by: GroupBy) -> TicketCounts:
        """How many tickets match the filter, per day, ISO week, month or desk."""
        ...

    async def create(self, ticket: NewTicket) -> Ticket:
        """Open a ticket; sent once, never retried after it may have reached TiFlux."""
        ...

    async def update(self, number: TicketNumber, changes: TicketChanges) -> None:
        """Change only the fields set in `changes`."""
        ...

    async def update_fields(
        self, number: TicketNumber, changes: Sequence[FieldValueChange]
    ) -> Sequence[EntityValues]:
        """Set custom-field values; returns the ticket's custom fields as TiFlux now has them."""
        ...

    async def cancel(self, number: TicketNumber) -> str | None:
        """Cancel the ticket; returns TiFlux's message."""
        ...

    async def close(self, number: TicketNumber) -> str | None:
        """Close the ticket as solved; returns TiFlux's message."""
        ...

    async def answer(self, number: TicketNumber, draft: AnswerDraft) -> Answer:
        """Send a reply to the ticket's client."""
        ...
