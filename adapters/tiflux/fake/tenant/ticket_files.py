"""A ticket's files after it was opened: uploads to the ticket, deleting a ticket's or an answer's file."""

from __future__ import annotations

import copy
import mimetypes
from collections.abc import Iterator, Mapping, Sequence

from adapters.tiflux.fake.tenant.bodies import Json
from adapters.tiflux.fake.tenant.data import TenantState
from adapters.tiflux.fake.tenant.errors import validation_error
from adapters.tiflux.fake.tenant.moments import iso
from adapters.tiflux.fake.tenant.routes import TICKET, Route

FILES_URL = "https://files.tiflux.com/anexos"
MAX_FILES = 10  # the API reads the first ten parts only
MAX_BYTES = 25 * 1024 * 1024

_MIME_TYPES = mimetypes.MimeTypes()  # built-in table only: the same answer on every machine


class TicketFilesArea:
    """Ticket files live in the tenant's ``files`` table (``GET …/files`` reads it); answers' files in the
    answers themselves (the demo's ``ticket_answers`` and those sent through the API)."""

    def __init__(self, state: TenantState) -> None:
        self._state = state

    def upload_ticket_files(
        self, ticket_number: int, fields: Mapping[str, str], files: Sequence[tuple[str, bytes]] = ()
    ) -> list[Json]:
        """Only ``files[]`` parts; answers the stored files in the shape of ``GET …/files``."""
        state = self._state
        ticket = state.ticket(ticket_number)
        if not files:
            raise validation_error("files can't be blank")
        stored: list[Json] = []
        for file_name, content in files[:MAX_FILES]:
            if len(content) > MAX_BYTES:
                raise validation_error(f"{file_name}: FILE_TOO_LARGE")
            file_id = self._next_file_id()
            entry = {
                "id": file_id,
                "name": file_name,
                "content_type": _MIME_TYPES.guess_type(file_name)[0] or "application/octet-stream",
                "size": len(content),
                "url": f"{FILES_URL}/{file_id}/{file_name}",
                "created_at": iso(state.now()),
                "created_by": state.me_ref(),
            }
            state.files.setdefault(ticket_number, []).append(entry)
            stored.append(copy.deepcopy(entry))
        state.stamp_update(ticket)
        return stored

    def delete_ticket_file(self, ticket_number: int, file_id: int) -> None:
        """204 without a body; an unknown file (or one of another ticket) is a 404."""
        self._state.ticket(ticket_number)
        files = self._state.files.get(ticket_number, [])
        for position, stored in enumerate(files):
            if stored["id"] == file_id:
                del files[position]
                return
        raise self._state.not_found("File")

    def delete_answer_file(self, answer_id: int, file_id: int) -> None:
        """204 without a body; an unknown answer or file is a 404. ``files_count`` follows."""
        for answer in self._answers():
            if answer["id"] != answer_id:
                continue
            files = answer.get("files") or []
            kept = [f for f in files if f["id"] != file_id]
            if len(kept) == len(files):
                break
            answer["files"] = kept
            answer["files_count"] = len(kept)
            return
        raise self._state.not_found("File")

    def _answers(self) -> Iterator[Json]:
        for answers in self._state.tables["ticket_answers"].values():
            yield from answers
        for answers in self._state.answers.values():
            yield from answers

    def _next_file_id(self) -> int:
        """Ticket files, answers' and internal communications' files share one id sequence."""
        state = self._state
        ids = [f["id"] for stored in state.files.values() for f in stored]
        ids += [f["id"] for notes in state.communications.values() for n in notes for f in n["files"]]
        ids += [f["id"] for answer in self._answers() for f in answer.get("files") or []]
        return max(ids, default=0) + 1


ROUTES = (
    Route("POST", f"{TICKET}/files", TicketFilesArea.upload_ticket_files, body="multipart"),
    Route("DELETE", f"{TICKET}/files/{{file_id:int}}", TicketFilesArea.delete_ticket_file),
    Route(
        "DELETE",
        "/ticket_answers/{answer_id:int}/files/{file_id:int}",
        TicketFilesArea.delete_answer_file,
    ),
)
