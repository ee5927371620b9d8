"""Replying to the client of a ticket."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from application.attachments import EncodedFile, gather_attachments
from application.commands import AnswerDraft
from application.ports.attachments import AttachmentsPort
from application.ports.rich_text import RichTextPort
from application.ports.tickets import TicketsPort
from domain.attachments import ANSWER_LIMITS
from domain.ids import TicketNumber
from domain.records import Answer


@dataclass(frozen=True)
class AnswerSent:
    number: TicketNumber
    answer: Answer
    text: str
    files: tuple[str, ...] = ()


@dataclass(frozen=True)
class AnswerTicket:
    """Send a reply written in Markdown to the ticket's client, as safe HTML, with files."""

    tickets: TicketsPort
    rich_text: RichTextPort
    attachments: AttachmentsPort

    async def __call__(
        self,
        number: TicketNumber,
        text: str,
        *,
        with_signature: bool = False,
        paths: Sequence[str] = (),
        encoded: Sequence[EncodedFile] = (),
    ) -> AnswerSent:
        files = await gather_attachments(self.attachments, paths, encoded, ANSWER_LIMITS)
        draft = AnswerDraft(
            text_html=await self.rich_text.to_html(text), with_signature=with_signature, attachments=files
        )
        return AnswerSent(
            number, await self.tickets.answer(number, draft), text, tuple(f.name for f in files)
        )
