"""A ticket's files after it was opened: uploads, and deleting a ticket's or an answer's file (tickets
area, issue 18): declarations only."""

from __future__ import annotations

from typing import Annotated
from zoneinfo import ZoneInfo

from adapters.i18n.words import Words
from adapters.mcp.attachment_args import WithFiles
from adapters.mcp.fields import OptionalTicketNumber, PositiveId, TicketNumberArg, files_allowed
from adapters.mcp.outputs.ticket_files import (
    DeleteTicketAnswerFileOutput,
    DeleteTicketFileOutput,
    UploadTicketFilesOutput,
)
from adapters.mcp.spec import Asking, Confirmation, ToolInput, ToolSpec
from adapters.presenters.markdown.format import Formatter
from adapters.presenters.markdown.text import inline
from adapters.presenters.markdown.ticket_files import (
    present_answer_file_deleted,
    present_ticket_file_deleted,
    present_uploaded,
)
from adapters.use_cases import UseCases
from application.ports.failures import UpstreamFailure
from application.use_cases.ticket_files import (
    UPLOAD_LIMITS,
    AnswerFileDeleted,
    DeleteAnswerFile,
    DeleteTicketFile,
    FilesUploaded,
    TicketFileDeleted,
    UploadTicketFiles,
)
from domain.errors import DomainError
from domain.ids import AnswerId, FileId

FILE_ID = Words(pt="Arquivo.", en="File.")
ANSWER_ID = Words(pt="Resposta.", en="Answer.")
_SIZES = ZoneInfo("UTC")  # a question shows sizes only: no moment is formatted


class UploadInput(WithFiles):
    ticket_number: TicketNumberArg

    async def run(self, upload: UploadTicketFiles) -> FilesUploaded:
        return await upload(self.ticket_number, self.files, self.encoded())


class TicketFileInput(ToolInput):
    ticket_number: TicketNumberArg
    file_id: Annotated[PositiveId, Words(pt="Arquivo (get_ticket_files).", en="File (get_ticket_files).")]

    async def run(self, delete_file: DeleteTicketFile) -> TicketFileDeleted:
        return await delete_file(self.ticket_number, FileId(self.file_id))

    async def question(self, asking: Asking) -> str:
        """What will go: the file's name, size and who sent it, read from the ticket's files."""
        t, number, file_id = asking.translator, self.ticket_number.value, self.file_id
        try:
            files = await asking.gateway.files.list(self.ticket_number)
        except (DomainError, UpstreamFailure):
            files = ()
        found = next((f for f in files if f.id == file_id), None)
        if found is None:
            return t("confirm.delete_ticket_file.unread", id=file_id, number=number)
        author = inline(found.created_by.name if found.created_by else None, limit=100) or t("none")
        return t(
            "confirm.delete_ticket_file",
            id=file_id,
            number=number,
            name=inline(found.name, limit=120) or t("none"),
            size=Formatter(t, _SIZES).size(found.size_bytes),
            author=author,
        )


class AnswerFileInput(ToolInput):
    answer_id: Annotated[PositiveId, ANSWER_ID]
    file_id: Annotated[PositiveId, FILE_ID]
    ticket_number: Annotated[
        OptionalTicketNumber,
        Words(pt="Seu ticket (mostra o arquivo).", en="Its ticket (names the file)."),
    ] = None

    async def run(self, delete_file: DeleteAnswerFile) -> AnswerFileDeleted:
        return await delete_file(AnswerId(self.answer_id), FileId(self.file_id))

    async def question(self, asking: Asking) -> str:
        """With the ticket: the file's name and size and the answer's author, read from TiFlux."""
        t, answer_id, file_id = asking.translator, self.answer_id, self.file_id
        unread = t("confirm.delete_answer_file.unread", id=file_id, answer_id=answer_id)
        if self.ticket_number is None:
            return unread
        try:
            answer = await asking.gateway.ticket_activity.answer(self.ticket_number, AnswerId(answer_id))
        except (DomainError, UpstreamFailure):
            return unread
        found = next((f for f in answer.files if f.id == file_id), None)
        if found is None:
            return unread
        return t(
            "confirm.delete_answer_file",
            id=file_id,
            answer_id=answer_id,
            number=self.ticket_number.value,
            name=inline(found.name, limit=120) or t("none"),
            size=Formatter(t, _SIZES).size(found.size_bytes),
            author=inline(answer.author, limit=100) or t("none"),
        )


UPLOAD_TICKET_FILES = ToolSpec(
    name="upload_ticket_files",
    title=Words(pt="Anexar arquivos ao ticket", en="Attach files to ticket"),
    description=Words(pt="Anexa arquivos a um ticket.", en="Attaches files to a ticket.")
    + files_allowed(UPLOAD_LIMITS),
    input_model=UploadInput,
    output_model=UploadTicketFilesOutput,
    use_case=UseCases.upload_ticket_files,
    run=UploadInput.run,
    present=present_uploaded,
    read_only=False,
    idempotent=False,
)

DELETE_TICKET_FILE = ToolSpec(
    name="delete_ticket_file",
    title=Words(pt="Apagar arquivo do ticket", en="Delete ticket file"),
    description=Words(
        pt="Apaga um anexo do ticket, após confirmação.",
        en="Deletes a ticket's attachment, once confirmed.",
    ),
    input_model=TicketFileInput,
    output_model=DeleteTicketFileOutput,
    use_case=UseCases.delete_ticket_file,
    run=TicketFileInput.run,
    present=present_ticket_file_deleted,
    read_only=False,
    destructive=True,
    idempotent=True,
    confirmation=Confirmation(TicketFileInput.question),
)

DELETE_TICKET_ANSWER_FILE = ToolSpec(
    name="delete_ticket_answer_file",
    title=Words(pt="Apagar arquivo de resposta", en="Delete answer file"),
    description=Words(
        pt="Apaga um anexo de resposta (get_ticket_answer), após confirmação.",
        en="Deletes an answer's attachment (get_ticket_answer), once confirmed.",
    ),
    input_model=AnswerFileInput,
    output_model=DeleteTicketAnswerFileOutput,
    use_case=UseCases.delete_answer_file,
    run=AnswerFileInput.run,
    present=present_answer_file_deleted,
    read_only=False,
    destructive=True,
    idempotent=True,
    confirmation=Confirmation(AnswerFileInput.question),
)


TICKET_FILE_TOOLS = (UPLOAD_TICKET_FILES, DELETE_TICKET_FILE, DELETE_TICKET_ANSWER_FILE)

__all__ = ["DELETE_TICKET_ANSWER_FILE", "DELETE_TICKET_FILE", "TICKET_FILE_TOOLS", "UPLOAD_TICKET_FILES"]
