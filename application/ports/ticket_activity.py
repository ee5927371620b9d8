"""A ticket's activity: the answers exchanged with the customer, its history, reopening it."""

from __future__ import annotations

from typing import Protocol

from domain.checklists import Checklist, ChecklistItemChange
from domain.ids import AnswerId, TicketNumber
from domain.paging import Page, PageRequest
from domain.ticket_activity import HistoryEvent, HistoryQuery, TicketAnswer


class TicketActivityPort(Protocol):
    """Reads a ticket's answers and history; reopens a closed ticket."""

    async def answers(self, number: TicketNumber, page: PageRequest) -> Page[TicketAnswer]:
        """One page of the ticket's answers (without their files); NotFound for an unknown ticket."""
        ...

    async def answer(self, number: TicketNumber, answer_id: AnswerId) -> TicketAnswer:
        """One answer with its files; NotFound when the answer (or the ticket) does not exist."""
        ...

    async def history(
        self, number: TicketNumber, query: HistoryQuery, page: PageRequest
    ) -> Page[HistoryEvent]:
        """One page of the ticket's stage or appointment history."""
        ...

    async def reopen(self, number: TicketNumber, disapproval_reason: str | None) -> str | None:
        """Reopen a closed or cancelled ticket, sent once; returns TiFlux's message."""
        ...

    async def checklists(self, number: TicketNumber, page: PageRequest) -> Page[Checklist]:
        """One page of the ticket's checklists with every field."""
        ...

    async def update_checklist_item(
        self, number: TicketNumber, checklist_id: int, index: int, change: ChecklistItemChange
    ) -> Checklist:
        """Fill or clear one field; returns the whole checklist after the change. Sent once."""
        ...

    async def delete_answer(self, number: TicketNumber, answer_id: AnswerId) -> None:
        """Remove an answer from the ticket (it cannot be undone); sent once."""
        ...
