"""Editing and removing internal communications (v2.42 tickets.md §15, §16, §21.8)."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from adapters.tiflux.fake.tenant.bodies import Json
from adapters.tiflux.fake.tenant.data import TenantState
from adapters.tiflux.fake.tenant.errors import FakeApiError, validation_error
from adapters.tiflux.fake.tenant.moments import iso
from adapters.tiflux.fake.tenant.routes import TICKET, Route

NOT_THE_AUTHOR = {"message": "Access denied", "error_code": 40301}


class RecordChangesArea:
    """Only the API user's own notes may be edited (others' are a 403); a removal is a 204."""

    def __init__(self, state: TenantState) -> None:
        self._state = state

    def update_internal_communication(
        self, ticket_number: int, communication_id: int, body: Mapping[str, Any]
    ) -> Json:
        note = self._note(ticket_number, communication_id)
        if note["user"]["id"] != self._state.me["id"]:
            raise FakeApiError(403, NOT_THE_AUTHOR)
        text = body.get("text")
        if not isinstance(text, str) or not text.strip():
            raise validation_error("text can't be blank")
        note["text"] = text
        note["updated_at"] = iso(self._state.now())
        return copy.deepcopy(note)

    def delete_internal_communication(self, ticket_number: int, communication_id: int) -> None:
        notes = self._state.communications.get(ticket_number, [])
        self._note(ticket_number, communication_id)
        notes[:] = [n for n in notes if n["id"] != communication_id]

    def _note(self, ticket_number: int, communication_id: int) -> Json:
        self._state.ticket(ticket_number)
        for note in self._state.communications.get(ticket_number, []):
            if note["id"] == communication_id:
                return note
        raise self._state.not_found("Internal communication")


_NOTE = f"{TICKET}/internal_communications/{{communication_id:int}}"
ROUTES = (
    Route("PUT", _NOTE, RecordChangesArea.update_internal_communication, body="json"),
    Route("DELETE", _NOTE, RecordChangesArea.delete_internal_communication),
)
