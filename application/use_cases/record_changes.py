"""Editing an internal communication's text and removing an internal communication."""

from __future__ import annotations

from dataclasses import dataclass

from application.ports.record_changes import CommunicationChangesPort
from application.ports.rich_text import RichTextPort
from domain.ids import CommunicationId, TicketNumber
from domain.records import InternalCommunication


@dataclass(frozen=True)
class NoteEdited:
    number: TicketNumber
    note: InternalCommunication


@dataclass(frozen=True)
class EditNote:
    """Replace an internal note's text (Markdown, sent as HTML); only its author may."""

    changes: CommunicationChangesPort
    rich_text: RichTextPort

    async def __call__(
        self, number: TicketNumber, communication_id: CommunicationId, text: str
    ) -> NoteEdited:
        html = await self.rich_text.to_html(text)
        return NoteEdited(number, await self.changes.update(number, communication_id, html))


@dataclass(frozen=True)
class NoteDeleted:
    number: TicketNumber
    communication_id: CommunicationId


@dataclass(frozen=True)
class DeleteNote:
    """Remove an internal note (asked to the person first); sent once."""

    changes: CommunicationChangesPort

    async def __call__(self, number: TicketNumber, communication_id: CommunicationId) -> NoteDeleted:
        await self.changes.delete(number, communication_id)
        return NoteDeleted(number, communication_id)
