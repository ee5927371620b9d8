"""Replying to the client of a ticket."""

from __future__ import annotations

from dataclasses import dataclass

from application.commands import AnswerDraft
from application.ports.rich_text import RichTextPort
from application.ports.tickets import TicketsPort
from domain.ids import TicketNumber
from domain.records import Answer


@dataclass(frozen=True)
class AnswerSent:
    number: TicketNumber
    answer: Answer
    text: str


@dataclass(frozen=True)
class AnswerTicket:
    """Send a reply written in Markdown to the ticket's client, as safe HTML."""

    tickets: TicketsPort
    rich_text: RichTextPort

    async def __call__(self, number: TicketNumber, text: str, *, with_signature: bool = False) -> AnswerSent:
        draft = AnswerDraft(text_html=await self.rich_text.to_html(text), with_signature=with_signature)
        return AnswerSent(number, await self.tickets.answer(number, draft), text)
