"""A ticket's attachments once it exists: adding files to it, removing them, removing an answer's file."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from domain.attachments import Attachment
from domain.ids import AnswerId, FileId, TicketNumber
from domain.records import TicketFile


class TicketFilesPort(Protocol):
    """Uploads and deletes files; every call is a write, sent once."""

    async def upload(self, number: TicketNumber, attachments: Sequence[Attachment]) -> Sequence[TicketFile]:
        """Attach checked files to the ticket; the files TiFlux lists back (may be empty)."""
        ...

    async def delete(self, number: TicketNumber, file_id: FileId) -> None:
        """Remove one file from the ticket (it cannot be undone); NotFound for an unknown file or ticket."""
        ...

    async def delete_answer_file(self, answer_id: AnswerId, file_id: FileId) -> None:
        """Remove one file from an answer (it cannot be undone); NotFound for an unknown answer or file."""
        ...
