"""What a ticket records besides itself: answers, internal communications, files and stage SLAs."""

from __future__ import annotations

import copy
import mimetypes
from collections.abc import Mapping, Sequence
from datetime import datetime

from adapters.tiflux.fake.tenant.bodies import Json, shaped
from adapters.tiflux.fake.tenant.data import API_ORIGIN, TenantState, next_id
from adapters.tiflux.fake.tenant.errors import validation_error
from adapters.tiflux.fake.tenant.inputs import flag
from adapters.tiflux.fake.tenant.matching import DEFAULT_LIMIT, page
from adapters.tiflux.fake.tenant.moments import iso
from adapters.tiflux.fake.tenant.routes import TICKET, Route

FILES_URL = "https://files.tiflux.com/anexos"

_MIME_TYPES = mimetypes.MimeTypes()  # built-in table only: the same answer on every machine


class RecordsArea:
    """The routes on a ticket's answers, internal communications, files and stage SLAs."""

    def __init__(self, state: TenantState) -> None:
        self._state = state

    def create_answer(
        self, ticket_number: int, fields: Mapping[str, str], files: Sequence[tuple[str, bytes]] = ()
    ) -> Json:
        """The multipart parts: ``name`` (the HTML), ``with_signature`` (true/false) and ``files[]``."""
        state = self._state
        ticket = state.ticket(ticket_number)
        name = fields.get("name", "")
        with_signature = bool(flag("with_signature", fields.get("with_signature")))
        if not name.strip():
            raise validation_error("name can't be blank")
        now = state.now()
        self._attach_files(ticket_number, files, now)
        template = state.responses["create_answer"]
        answer = shaped(
            template,
            {
                "id": next_id(state.answers, first=template["id"]),
                "author": state.me["name"],
                "answer_time": iso(now),
                "answer_origin": API_ORIGIN,
                "signature": with_signature,
                "name": name,
            },
        )
        state.answers.setdefault(ticket_number, []).append(answer)
        state.stamp_update(ticket)
        return copy.deepcopy(answer)

    def list_internal_communications(
        self, ticket_number: int, *, offset: int = 1, limit: int = DEFAULT_LIMIT
    ) -> list[Json]:
        return self._per_ticket(self._state.communications, ticket_number, offset, limit)

    def get_internal_communication(self, ticket_number: int, communication_id: int) -> Json:
        self._state.ticket(ticket_number)
        for communication in self._state.communications.get(ticket_number, []):
            if communication["id"] == communication_id:
                return copy.deepcopy(communication)
        raise self._state.not_found("Internal communication")

    def create_internal_communication(
        self, ticket_number: int, fields: Mapping[str, str], files: Sequence[tuple[str, bytes]] = ()
    ) -> Json:
        """The multipart parts: ``text`` (the HTML) and ``files[]``."""
        state = self._state
        state.ticket(ticket_number)
        text = fields.get("text", "")
        if not text.strip():
            raise validation_error("text can't be blank")
        now = state.now()
        attached = self._attach_files(ticket_number, files, now)
        communication = shaped(
            state.responses["create_internal_communication"],
            {
                "id": next_id(state.communications),
                "text": text,
                "user": state.me_ref(),
                "created_at": iso(now),
                "updated_at": iso(now),
                "files": attached,
                "files_count": len(attached),
            },
        )
        state.communications.setdefault(ticket_number, []).append(communication)
        return copy.deepcopy(communication)

    def list_ticket_files(self, ticket_number: int) -> list[Json]:
        self._state.ticket(ticket_number)
        return copy.deepcopy(self._state.files.get(ticket_number, []))

    def list_stages_slas(
        self, ticket_number: int, *, offset: int = 1, limit: int = DEFAULT_LIMIT
    ) -> list[Json]:
        return self._per_ticket(self._state.stages_slas, ticket_number, offset, limit)

    def _per_ticket(
        self, table: Mapping[int, list[Json]], ticket_number: int, offset: int, limit: int
    ) -> list[Json]:
        self._state.ticket(ticket_number)
        return page(table.get(ticket_number, []), offset, limit)

    def _attach_files(
        self, ticket_number: int, files: Sequence[tuple[str, bytes]], now: datetime
    ) -> list[Json]:
        """Stores uploads as ticket files; returns them in the shape of an internal communication's files."""
        state = self._state
        template = state.responses["create_internal_communication_with_files"]["files"][0]
        attached = []
        for file_name, content in files:
            file_id = self._next_file_id()
            content_type = _MIME_TYPES.guess_type(file_name)[0] or "application/octet-stream"
            url = f"{FILES_URL}/{file_id}/{file_name}"
            state.files.setdefault(ticket_number, []).append(
                {
                    "id": file_id,
                    "name": file_name,
                    "content_type": content_type,
                    "size": len(content),
                    "url": url,
                    "created_at": iso(now),
                    "created_by": state.me_ref(),
                }
            )
            entry = {
                "id": file_id,
                "file_name": file_name,
                "content_type": content_type,
                "size": len(content),
            }
            attached.append(shaped(template, {**entry, "url": url}))
        return attached

    def _next_file_id(self) -> int:
        """Ticket files and the files of internal communications share one id sequence."""
        ticket_files = [f["id"] for stored in self._state.files.values() for f in stored]
        communications = self._state.communications.values()
        shared = [f["id"] for stored in communications for c in stored for f in c["files"]]
        return max(ticket_files + shared, default=0) + 1


ROUTES = (
    Route("POST", f"{TICKET}/answers", RecordsArea.create_answer, body="multipart"),
    Route("GET", f"{TICKET}/internal_communications", RecordsArea.list_internal_communications, paged=True),
    Route(
        "POST",
        f"{TICKET}/internal_communications",
        RecordsArea.create_internal_communication,
        body="multipart",
    ),
    Route(
        "GET",
        f"{TICKET}/internal_communications/{{communication_id:int}}",
        RecordsArea.get_internal_communication,
    ),
    Route("GET", f"{TICKET}/files", RecordsArea.list_ticket_files),
    Route("GET", f"{TICKET}/stages-slas", RecordsArea.list_stages_slas, paged=True),
)
