"""Changing an internal communication after it was written: its text, or removing it."""

from __future__ import annotations

from typing import Protocol

from domain.ids import CommunicationId, TicketNumber
from domain.records import InternalCommunication


class CommunicationChangesPort(Protocol):
    async def update(
        self, number: TicketNumber, communication_id: CommunicationId, text_html: str
    ) -> InternalCommunication:
        """Replace the note's text (only its author may); returns the note as TiFlux keeps it. Sent once."""
        ...

    async def delete(self, number: TicketNumber, communication_id: CommunicationId) -> None:
        """Remove the note (it cannot be undone); NotFound for an unknown note. Sent once."""
        ...
