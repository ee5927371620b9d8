"""What happened on a ticket: its answers to the customer, its history, its checklists, reopening it."""

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
        self._checklists: dict[int, list[Json]] = {
            int(number): checklists for number, checklists in tables["ticket_checklists"].items()
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

    def delete_answer(self, ticket_number: int, answer_id: int) -> None:
        """Answers 204 without a body; an unknown answer is a 404."""
        self._state.ticket(ticket_number)
        for table in (self._answers, self._state.answers):
            answers = table.get(ticket_number, [])
            for position, answer in enumerate(answers):
                if answer["id"] == answer_id:
                    del answers[position]
                    return
        raise self._state.not_found("Answer")

    def list_checklists(
        self, ticket_number: int, *, offset: int = 1, limit: int = DEFAULT_LIMIT
    ) -> list[Json]:
        self._state.ticket(ticket_number)
        return page(self._checklists.get(ticket_number, []), offset, limit)

    def update_checklist_item(
        self, ticket_number: int, checklist_id: int, index: int, body: Mapping[str, Any]
    ) -> Json:
        """``{"value": …}`` (any field but a checkbox; null clears) or ``{"options": [{id, checked}]}`` (a
        checkbox; only the listed options change). Answers the whole checklist, ``filled`` and ``pending``
        recomputed; an unknown checklist or index is a 404, a closed ticket or a mismatched body a 422."""
        state = self._state
        ticket = state.ticket(ticket_number)
        checklist = next(
            (c for c in self._checklists.get(ticket_number, []) if c["id"] == checklist_id), None
        )
        field = next((f for f in (checklist or {}).get("fields", []) if f["index"] == index), None)
        if checklist is None or field is None:
            raise state.not_found("Checklist item")
        if ticket["is_closed"]:
            raise validation_error(f"Ticket {ticket_number} is closed: its checklists cannot change")
        if ("value" in body) == ("options" in body):
            raise validation_error("send either value or options")
        if "options" in body:
            _set_options(field, body["options"])
        else:
            _set_value(field, body["value"])
        checklist["pending"] = any(f["required"] and not f["filled"] for f in checklist["fields"])
        checklist["updated_at"] = iso(state.now())
        return copy.deepcopy(checklist)

    def _all_answers(self, ticket_number: int) -> list[Json]:
        self._state.ticket(ticket_number)
        sent = self._state.answers.get(ticket_number, [])
        return copy.deepcopy(self._answers.get(ticket_number, []) + sent)


def _set_options(field: Json, options: Any) -> None:
    if field["type"] != "checkbox":
        raise validation_error("options is only accepted for checkbox fields; use value")
    if not isinstance(options, list) or not options:
        raise validation_error("options must be a non-empty list")
    known = {str(o["id"]): o for o in field.get("options") or []}
    for option in options:
        if not isinstance(option, dict) or not isinstance(option.get("checked"), bool):
            raise validation_error("each option needs an id and a boolean checked")
        target = known.get(str(option.get("id")))
        if target is None:
            raise validation_error(f"unknown option {option.get('id')!r}")
        target["value"] = option["checked"]
    field["filled"] = any(o["value"] for o in field["options"] if o["id"] is not None)


def _set_value(field: Json, value: Any) -> None:
    if field["type"] == "checkbox":
        raise validation_error("value is not accepted for checkbox fields; use options")
    if value is not None and not isinstance(value, str | int | float):
        raise validation_error("value must be a text, a number or null")
    if field["type"] == "radio":
        ids = {str(o["id"]) for o in field.get("options") or []}
        if value is not None and str(value) not in ids:
            raise validation_error(f"unknown option {value!r}")
        for option in field.get("options") or []:
            option["value"] = value is not None and str(option["id"]) == str(value)
    field["value"] = value
    field["filled"] = value is not None and value != ""


ROUTES = (
    Route("GET", f"{TICKET}/answers", TicketActivityArea.list_answers, paged=True),
    Route("GET", f"{TICKET}/answers/{{answer_id:int}}", TicketActivityArea.get_answer),
    Route("DELETE", f"{TICKET}/answers/{{answer_id:int}}", TicketActivityArea.delete_answer),
    Route(
        "GET",
        f"{TICKET}/histories",
        TicketActivityArea.list_histories,
        query={"history_of": "integer", "type_id_attr": "integer", "operation": "text"},
        paged=True,
    ),
    Route("PUT", f"{TICKET}/reopen", TicketActivityArea.reopen_ticket, body="json"),
    Route("GET", f"{TICKET}/checklists", TicketActivityArea.list_checklists, paged=True),
    Route(
        "PUT",
        f"{TICKET}/checklists/{{checklist_id:int}}/items/{{index:int}}",
        TicketActivityArea.update_checklist_item,
        body="json",
    ),
)
