"""A ticket's activity: reading its answers and history, reopening it."""

from __future__ import annotations

from dataclasses import dataclass

from application.ports.ticket_activity import TicketActivityPort
from domain.ids import AnswerId, TicketNumber
from domain.paging import Page, PageRequest
from domain.ticket_activity import HistoryEvent, HistoryQuery, TicketAnswer


@dataclass(frozen=True)
class TicketAnswers:
    number: TicketNumber
    page: Page[TicketAnswer]


@dataclass(frozen=True)
class ListTicketAnswers:
    """The replies exchanged with the customer on a ticket, one page at a time."""

    activity: TicketActivityPort

    async def __call__(self, number: TicketNumber, page: PageRequest) -> TicketAnswers:
        return TicketAnswers(number, await self.activity.answers(number, page))


@dataclass(frozen=True)
class OneAnswer:
    number: TicketNumber
    answer: TicketAnswer


@dataclass(frozen=True)
class ReadTicketAnswer:
    """One answer in full, with its files."""

    activity: TicketActivityPort

    async def __call__(self, number: TicketNumber, answer_id: AnswerId) -> OneAnswer:
        return OneAnswer(number, await self.activity.answer(number, answer_id))


@dataclass(frozen=True)
class TicketHistory:
    number: TicketNumber
    query: HistoryQuery
    page: Page[HistoryEvent]


@dataclass(frozen=True)
class ShowTicketHistory:
    """The ticket's stage or appointment history, one page at a time."""

    activity: TicketActivityPort

    async def __call__(self, number: TicketNumber, query: HistoryQuery, page: PageRequest) -> TicketHistory:
        return TicketHistory(number, query, await self.activity.history(number, query, page))


@dataclass(frozen=True)
class TicketReopened:
    number: TicketNumber
    message: str | None


@dataclass(frozen=True)
class ReopenTicket:
    """Reopen a closed or cancelled ticket (asked to the person first); sent once."""

    activity: TicketActivityPort

    async def __call__(self, number: TicketNumber, disapproval_reason: str | None) -> TicketReopened:
        return TicketReopened(number, await self.activity.reopen(number, disapproval_reason))
