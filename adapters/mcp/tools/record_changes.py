"""Editing and removing internal communications (records area, issue 18): declarations only."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from adapters.i18n.words import Words
from adapters.mcp.confirmations import PREVIEW_CHARS, PREVIEW_LINES
from adapters.mcp.fields import MARKDOWN, PositiveId, TicketNumberArg
from adapters.mcp.outputs.record_changes import (
    DeleteInternalCommunicationOutput,
    UpdateInternalCommunicationOutput,
)
from adapters.mcp.spec import Asking, Confirmation, ToolInput, ToolSpec
from adapters.presenters.markdown.record_changes import present_note_deleted, present_note_edited
from adapters.presenters.markdown.text import html_to_text, inline
from adapters.use_cases import UseCases
from application.ports.failures import UpstreamFailure
from application.use_cases.record_changes import DeleteNote, EditNote, NoteDeleted, NoteEdited
from domain.errors import DomainError
from domain.ids import CommunicationId

NOTE_ID = Words(pt="Nota (list_internal_communications).", en="Note (list_internal_communications).")


class NoteRefInput(ToolInput):
    ticket_number: TicketNumberArg
    communication_id: Annotated[PositiveId, NOTE_ID]

    async def delete(self, delete_note: DeleteNote) -> NoteDeleted:
        return await delete_note(self.ticket_number, CommunicationId(self.communication_id))

    async def delete_question(self, asking: Asking) -> str:
        """What will go: the note's author and first lines, read from TiFlux."""
        t, number, note_id = asking.translator, self.ticket_number.value, self.communication_id
        try:
            note = await asking.gateway.communications.get(self.ticket_number, CommunicationId(note_id))
        except (DomainError, UpstreamFailure):
            return t("confirm.delete_note.unread", id=note_id, number=number)
        rows = [row.strip() for row in html_to_text(note.text_html).splitlines() if row.strip()]
        preview = "\n".join(f"> {inline(row, limit=PREVIEW_CHARS)}" for row in rows[:PREVIEW_LINES])
        author = inline(note.author.name if note.author else None, limit=100) or t("none")
        return t("confirm.delete_note", id=note_id, number=number, author=author, preview=preview)


class NoteEditInput(NoteRefInput):
    text: Annotated[str, MARKDOWN] = Field(min_length=1, max_length=100_000)

    async def run(self, edit_note: EditNote) -> NoteEdited:
        return await edit_note(self.ticket_number, CommunicationId(self.communication_id), self.text)


UPDATE_INTERNAL_COMMUNICATION = ToolSpec(
    name="update_internal_communication",
    title=Words(pt="Editar comunicação interna", en="Edit internal communication"),
    description=Words(
        pt="Troca o texto de uma nota interna; só o autor pode.",
        en="Replaces an internal note's text; only its author may.",
    ),
    input_model=NoteEditInput,
    output_model=UpdateInternalCommunicationOutput,
    use_case=UseCases.edit_note,
    run=NoteEditInput.run,
    present=present_note_edited,
    read_only=False,
    idempotent=True,
    toolset="records",
)

DELETE_INTERNAL_COMMUNICATION = ToolSpec(
    name="delete_internal_communication",
    title=Words(pt="Apagar comunicação interna", en="Delete internal communication"),
    description=Words(
        pt="Apaga uma nota interna, após confirmação.",
        en="Deletes an internal note, once confirmed.",
    ),
    input_model=NoteRefInput,
    output_model=DeleteInternalCommunicationOutput,
    use_case=UseCases.delete_note,
    run=NoteRefInput.delete,
    present=present_note_deleted,
    read_only=False,
    destructive=True,
    idempotent=True,
    confirmation=Confirmation(NoteRefInput.delete_question),
    toolset="records",
)

RECORD_CHANGE_TOOLS = (UPDATE_INTERNAL_COMMUNICATION, DELETE_INTERNAL_COMMUNICATION)

__all__ = ["DELETE_INTERNAL_COMMUNICATION", "RECORD_CHANGE_TOOLS", "UPDATE_INTERNAL_COMMUNICATION"]
