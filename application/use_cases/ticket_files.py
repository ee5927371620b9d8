"""Adding files to a ticket after it was opened, and removing a ticket's or an answer's file."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from application.attachments import EncodedFile, gather_attachments
from application.ports.attachments import AttachmentsPort
from application.ports.ticket_files import TicketFilesPort
from domain.attachments import COMMUNICATION_LIMITS
from domain.errors import InvalidInput
from domain.ids import AnswerId, FileId, TicketNumber
from domain.records import TicketFile

UPLOAD_LIMITS = COMMUNICATION_LIMITS  # 10 files of up to 25 MB, as for internal communications


@dataclass(frozen=True)
class FilesUploaded:
    number: TicketNumber
    sent: tuple[str, ...]  # the names as sent, in order
    files: tuple[TicketFile, ...]  # what TiFlux listed back (empty when it answered no list)


@dataclass(frozen=True)
class UploadTicketFiles:
    """Attach files to a ticket: every file checked (count, name, size) before the one request."""

    files: TicketFilesPort
    attachments: AttachmentsPort

    async def __call__(
        self, number: TicketNumber, paths: Sequence[str], encoded: Sequence[EncodedFile]
    ) -> FilesUploaded:
        if not paths and not encoded:
            raise InvalidInput("files_base64", "no_files")
        checked = await gather_attachments(self.attachments, paths, encoded, UPLOAD_LIMITS)
        stored = await self.files.upload(number, checked)
        return FilesUploaded(number, tuple(a.name for a in checked), tuple(stored))


@dataclass(frozen=True)
class TicketFileDeleted:
    number: TicketNumber
    file_id: FileId


@dataclass(frozen=True)
class DeleteTicketFile:
    """Remove a file from a ticket (asked to the person first); sent once."""

    files: TicketFilesPort

    async def __call__(self, number: TicketNumber, file_id: FileId) -> TicketFileDeleted:
        await self.files.delete(number, file_id)
        return TicketFileDeleted(number, file_id)


@dataclass(frozen=True)
class AnswerFileDeleted:
    answer_id: AnswerId
    file_id: FileId


@dataclass(frozen=True)
class DeleteAnswerFile:
    """Remove a file from an answer (asked to the person first); sent once."""

    files: TicketFilesPort

    async def __call__(self, answer_id: AnswerId, file_id: FileId) -> AnswerFileDeleted:
        await self.files.delete_answer_file(answer_id, file_id)
        return AnswerFileDeleted(answer_id, file_id)
