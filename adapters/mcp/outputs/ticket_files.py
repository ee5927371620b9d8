"""Declared `structuredContent` of a ticket's uploads and file deletions."""

from __future__ import annotations

from pydantic import with_config
from typing_extensions import TypedDict

from adapters.mcp.outputs.common import DECLARED
from adapters.mcp.outputs.records import TicketFile


@with_config(DECLARED)
class FilesUploaded(TypedDict):
    number: int
    sent: list[str]
    files: list[TicketFile]


@with_config(DECLARED)
class TicketFileDeleted(TypedDict):
    number: int
    file_id: int


@with_config(DECLARED)
class AnswerFileDeleted(TypedDict):
    answer_id: int
    file_id: int


UploadTicketFilesOutput = FilesUploaded

DeleteTicketFileOutput = TicketFileDeleted

DeleteTicketAnswerFileOutput = AnswerFileDeleted
