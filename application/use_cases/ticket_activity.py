"""A ticket's activity: reading its answers and history, reopening it."""

from __future__ import annotations

from dataclasses import dataclass

from application.ports.ticket_activity import TicketActivityPort
from domain.checklists import Checklist, ChecklistField, ChecklistItemChange
from domain.errors import Rejected
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
        try:
            return TicketReopened(number, await self.activity.reopen(number, disapproval_reason))
        except Rejected as refusal:  # billed, still open, or pending review without a reason
            raise Rejected(refusal.messages, hint="reopen_refused") from refusal


@dataclass(frozen=True)
class TicketChecklists:
    number: TicketNumber
    page: Page[Checklist]


@dataclass(frozen=True)
class ListTicketChecklists:
    """The ticket's checklists with every field: what blocks closing it."""

    activity: TicketActivityPort

    async def __call__(self, number: TicketNumber, page: PageRequest) -> TicketChecklists:
        return TicketChecklists(number, await self.activity.checklists(number, page))


@dataclass(frozen=True)
class ChecklistItemUpdated:
    number: TicketNumber
    index: int
    checklist: Checklist

    @property
    def field(self) -> ChecklistField | None:
        return next((f for f in self.checklist.fields if f.index == self.index), None)


@dataclass(frozen=True)
class UpdateChecklistItem:
    """Fill or clear one field of a checklist; sent once."""

    activity: TicketActivityPort

    async def __call__(
        self, number: TicketNumber, checklist_id: int, index: int, change: ChecklistItemChange
    ) -> ChecklistItemUpdated:
        try:
            checklist = await self.activity.update_checklist_item(number, checklist_id, index, change)
        except Rejected as refusal:  # a value for a checkbox, options for another field, a closed ticket
            raise Rejected(refusal.messages, hint="checklist_item_refused") from refusal
        return ChecklistItemUpdated(number, index, checklist)


@dataclass(frozen=True)
class AnswerDeleted:
    number: TicketNumber
    answer_id: AnswerId


@dataclass(frozen=True)
class DeleteTicketAnswer:
    """Remove an answer from a ticket (asked to the person first); sent once."""

    activity: TicketActivityPort

    async def __call__(self, number: TicketNumber, answer_id: AnswerId) -> AnswerDeleted:
        await self.activity.delete_answer(number, answer_id)
        return AnswerDeleted(number, answer_id)
