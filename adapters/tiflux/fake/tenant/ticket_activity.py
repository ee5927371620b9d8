"""What happened on a ticket: its answers to the customer, its history, and reopening it."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from adapters.tiflux.fake.tenant.bodies import Json
from adapters.tiflux.fake.tenant.data import TenantState
from adapters.tiflux.fake.tenant.errors import validation_error
from adapters.tiflux.fake.tenant.matching import DEFAULT_LIMIT, page
from adapters.tiflux.fake.tenant.moments import iso
from adapters.tiflux.fake.tenant.routes import TICKET, Route

OPEN_STATUS_ID = 1
HISTORY_OF = (0, 1)  # 0: stages, 1: appointments
OPERATIONS = ("created", "updated", "deleted")


class TicketActivityArea:
    """Answers (the demo's, then those sent through `POST …/answers`), histories and reopening."""

    def __init__(self, state: TenantState) -> None:
        self._state = state
        tables = state.tables
        self._answers: dict[int, list[Json]] = {
            int(number): answers for number, answers in tables["ticket_answers"].items()
        }
        self._histories: dict[int, dict[int, list[Json]]] = {
            int(number): {int(of): events for of, events in kinds.items()}
            for number, kinds in tables["ticket_histories"].items()
        }

    def list_answers(self, ticket_number: int, *, offset: int = 1, limit: int = DEFAULT_LIMIT) -> list[Json]:
        """Without each answer's files (``files_count`` says how many)."""
        listed = page(self._all_answers(ticket_number), offset, limit)
        for answer in listed:
            answer.pop("files", None)
        return listed

    def get_answer(self, ticket_number: int, answer_id: int) -> Json:
        for answer in self._all_answers(ticket_number):
            if answer["id"] == answer_id:
                return {"files": [], **copy.deepcopy(answer)}
        raise self._state.not_found("Answer")

    def list_histories(
        self,
        ticket_number: int,
        *,
        history_of: int = 0,
        type_id_attr: int | None = None,
        operation: str | None = None,
        offset: int = 1,
        limit: int = DEFAULT_LIMIT,
    ) -> list[Json]:
        """``history_of``: 0 stages (when absent), 1 appointments; ``operation`` filters on ``_operation``.
        What ``type_id_attr`` selects is not known: it is accepted and not applied."""
        self._state.ticket(ticket_number)
        if history_of not in HISTORY_OF:
            raise validation_error("history_of must be 0 or 1")
        if operation is not None and operation not in OPERATIONS:
            raise validation_error(f"operation must be one of {', '.join(OPERATIONS)}")
        events = self._histories.get(ticket_number, {}).get(history_of, [])
        kept = [event for event in events if operation is None or event.get("_operation") == operation]
        return page(kept, offset, limit)

    def reopen_ticket(self, ticket_number: int, body: Mapping[str, Any]) -> Json:
        """A closed or cancelled ticket opens again; an open one is a 422, as is a blank reason."""
        state = self._state
        ticket = state.ticket(ticket_number)
        if not ticket["is_closed"]:
            raise validation_error(f"Ticket {ticket_number} is not closed")
        reason = body.get("disapproval_reason")
        if reason is not None and (not isinstance(reason, str) or not reason.strip()):
            raise validation_error("disapproval_reason can't be blank")
        ticket["status"] = copy.deepcopy(state.statuses[OPEN_STATUS_ID])
        ticket["is_closed"] = False
        ticket["closed_at"] = None
        ticket["reopen_count"] = int(ticket.get("reopen_count") or 0) + 1
        ticket["last_reopened_at"] = iso(state.now())
        state.stamp_update(ticket)
        return {"message": f"Ticket {ticket_number} reopened successfully"}

    def _all_answers(self, ticket_number: int) -> list[Json]:
        self._state.ticket(ticket_number)
        sent = self._state.answers.get(ticket_number, [])
        return copy.deepcopy(self._answers.get(ticket_number, []) + sent)


ROUTES = (
    Route("GET", f"{TICKET}/answers", TicketActivityArea.list_answers, paged=True),
    Route("GET", f"{TICKET}/answers/{{answer_id:int}}", TicketActivityArea.get_answer),
    Route(
        "GET",
        f"{TICKET}/histories",
        TicketActivityArea.list_histories,
        query={"history_of": "integer", "type_id_attr": "integer", "operation": "text"},
        paged=True,
    ),
    Route("PUT", f"{TICKET}/reopen", TicketActivityArea.reopen_ticket, body="json"),
)
