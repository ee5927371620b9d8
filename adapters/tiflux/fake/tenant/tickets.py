"""Tickets: reading, listing, opening, updating, cancelling and closing them."""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from adapters.tiflux.fake.tenant.bodies import Json, catalog_ref, client_ref, desk_ref, ref, shaped, stage_ref
from adapters.tiflux.fake.tenant.counted import Counted, counted
from adapters.tiflux.fake.tenant.data import API_ORIGIN, TenantState
from adapters.tiflux.fake.tenant.desks import DesksArea
from adapters.tiflux.fake.tenant.errors import validation_error
from adapters.tiflux.fake.tenant.inputs import form_int, pick
from adapters.tiflux.fake.tenant.matching import DEFAULT_LIMIT, Check, check_page, id_in
from adapters.tiflux.fake.tenant.moments import Moment, iso, minutes, parse_moment
from adapters.tiflux.fake.tenant.people import PeopleArea
from adapters.tiflux.fake.tenant.routes import TICKET, Route
from adapters.tiflux.fake.tenant.ticket_counts import grouped, new_checks, state_check
from adapters.tiflux.fake.tenant.ticket_transfers import TicketTransfers
from adapters.tiflux.fake.tenant.ticket_updates import TicketUpdates

FIRST_NEW_TICKET_NUMBER = 1048
OPEN_STATUS_ID = 1
CLOSED_STATUS_ID = 2
CANCELLED_STATUS_ID = 3
APP_URL = "https://app.tiflux.com"

_TICKET_DATE_FIELDS = {"created_at": "created_at", "solved_in_time": "closed_at"}


class TicketsArea:
    """The routes on tickets themselves."""

    def __init__(self, state: TenantState, desks: DesksArea, people: PeopleArea) -> None:
        self._state = state
        self._desks = desks
        self._people = people
        self._updates = TicketUpdates(state, desks, people)
        self._transfers = TicketTransfers(state)

    def get_ticket(
        self, ticket_number: int, *, show_entities: bool = False, include_filled_entity: bool = False
    ) -> Json:
        body = copy.deepcopy(self._state.ticket(ticket_number))
        groups = self._state.ticket_entities.get(ticket_number, [])
        if show_entities:
            body["entities"] = copy.deepcopy(groups)
        if include_filled_entity:
            body["entity_fields"] = _filled_fields(groups)
        return body

    def list_tickets(
        self,
        *,
        offset: int = 1,
        limit: int = DEFAULT_LIMIT,
        is_closed: bool = False,
        desk_ids: Sequence[int] = (),
        client_ids: Sequence[int] = (),
        stage_ids: Sequence[int] = (),
        responsible_ids: Sequence[int] = (),
        requestor_ids: Sequence[int] = (),
        requestor_email: str | None = None,
        date_type: str | None = None,
        start_datetime: Moment | None = None,
        end_datetime: Moment | None = None,
        filter_by: str | None = None,
        group_by: str | None = None,
        sla_expiring_before: Moment | None = None,
        services_catalogs_item_ids: Sequence[int] = (),
        priority_ids: Sequence[int] = (),
    ) -> Counted:
        check_page(offset, limit)
        wanted_email = requestor_email.strip().casefold() if requestor_email else None
        checks = [
            state_check(filter_by, is_closed),
            *new_checks(priority_ids, services_catalogs_item_ids, sla_expiring_before),
            id_in("desk", desk_ids),
            id_in("client", client_ids),
            id_in("stage", stage_ids),
            id_in("responsible", responsible_ids),
            id_in("requestor", requestor_ids),
            (lambda t: _requestor_email(t) == wanted_email) if requestor_email else None,
        ]
        window = _date_window(date_type, start_datetime, end_datetime)
        tickets = [self._state.tickets[number] for number in sorted(self._state.tickets)]
        if group_by is not None:  # the counts cover the whole history; the sample only says "none"
            selected = counted(tickets, checks, 1, 1).total
            return grouped(self._state.tables["ticket_counts"], group_by, date_type, end_datetime, selected)
        return counted(tickets, [*checks, window], offset, limit)

    def create_ticket(self, fields: Mapping[str, str]) -> Json:
        form = {key: value for key, value in fields.items() if value is not None and value.strip()}
        blank = [key for key in ("title", "description", "client_id", "desk_id") if key not in form]
        if blank:
            raise validation_error(*(f"{key} can't be blank" for key in blank))
        number = max(FIRST_NEW_TICKET_NUMBER - 1, *self._state.tickets) + 1
        ticket = self._new_ticket(number, form)
        self._state.tickets[number] = ticket
        return {"ticket": copy.deepcopy(ticket)}

    def update_ticket(self, ticket_number: int, body: Mapping[str, Any]) -> Json:
        ticket = copy.deepcopy(self._state.ticket(ticket_number))
        self._transfers.check(ticket, body)
        self._updates.apply(ticket, body)
        self._state.stamp_update(ticket)
        self._state.tickets[ticket_number] = ticket
        return {"ticket": copy.deepcopy(ticket)}

    def cancel_ticket(self, ticket_number: int) -> Json:
        ticket = self._open_ticket(ticket_number)
        self._finish(ticket, CANCELLED_STATUS_ID)
        return {"message": f"Ticket {ticket_number} cancelled successfully"}

    def close_ticket(self, ticket_number: int) -> Json:
        ticket = self._open_ticket(ticket_number)
        self._finish(ticket, CLOSED_STATUS_ID)
        ticket["stage"] = stage_ref(self._desks.edge_stage(ticket["desk"]["id"], "last_stage"))
        solve_by = (ticket.get("sla_info") or {}).get("solve_expiration")
        if solve_by:
            solved_at = parse_moment(ticket["closed_at"], name="closed_at")
            ticket["sla_info"]["solved_in_time"] = solved_at <= parse_moment(
                solve_by, name="solve_expiration"
            )
        return {"message": f"Ticket {ticket_number} closed successfully"}

    def _open_ticket(self, ticket_number: int) -> Json:
        ticket = self._state.ticket(ticket_number)
        if ticket["is_closed"]:
            raise validation_error(f"Ticket {ticket_number} is already {ticket['status']['name'].lower()}")
        return ticket

    def _finish(self, ticket: Json, status_id: int) -> None:
        ticket["status"] = copy.deepcopy(self._state.statuses[status_id])
        ticket["is_closed"] = True
        ticket["closed_at"] = iso(self._state.now())
        self._state.stamp_update(ticket)

    def _new_ticket(self, number: int, form: Mapping[str, str]) -> Json:
        state = self._state
        client = _optional_pick(state.clients.values(), form, "client_id")
        desk = self._desks.writable(form_int(form, "desk_id"))
        priority = _optional_pick(state.priorities.get(desk["id"], []), form, "priority_id")
        item = _optional_pick(state.catalog_items.get(desk["id"], []), form, "services_catalogs_item_id")
        status = _optional_pick(state.statuses.values(), form, "status_id") or state.statuses[OPEN_STATUS_ID]
        assert client is not None  # required fields were checked by create_ticket
        responsible_id = form_int(form, "responsible_id")
        parent = form_int(form, "ticket_reference_number")
        if parent is not None and parent not in state.tickets:
            raise validation_error(f"ticket_reference_number {parent} not found")
        stage = self._desks.edge_stage(desk["id"], "first_stage")
        now = state.now()
        me = state.me_ref()
        values = {
            "ticket_number": number,
            "title": form["title"],
            "description": form["description"],
            "status": copy.deepcopy(status),
            "is_closed": False,
            "priority": ref(priority, "id", "name") if priority else None,
            "desk": desk_ref(desk),
            "stage": stage_ref(stage),
            "services_catalog": catalog_ref(item) if item else None,
            "responsible": self._people.responsible(responsible_id) if responsible_id is not None else None,
            "client": client_ref(client),
            "requestor": self._people.requestor_for(form),
            "created_by_id": me["id"],
            "created_by_way_of": API_ORIGIN,
            "created_at": iso(now),
            "updated_by_id": me["id"],
            "updated_at": iso(now),
            "followers": form.get("followers"),
            "tags": [],
            "worked_hours": "00:00",
            "closed_at": None,
            "reopen_count": 0,
            "last_reopen_date": None,
            "is_grouped": False,
            "is_revised": False,
            "sla_info": _new_sla_info(desk, stage, priority, now),
            "url_internal_path": f"{APP_URL}/v/tickets/{number}/basic_info",
            "url_external_path": f"{APP_URL}/r/externals/ticket/view/{_external_token(number)}",
            "created_by": me,
            "updated_by": dict(me),
        }
        ticket = shaped(state.responses["create_ticket"]["ticket"], values)
        if parent is not None:
            ticket["parent_ticket_number"] = parent
        return ticket


ROUTES = (
    Route(
        "GET",
        "/tickets",
        TicketsArea.list_tickets,
        {
            "is_closed": "boolean",
            "desk_ids": "ids",
            "client_ids": "ids",
            "stage_ids": "ids",
            "responsible_ids": "ids",
            "requestor_ids": "ids",
            "requestor_email": "text",
            "date_type": "raw",
            "start_datetime": "raw",
            "end_datetime": "raw",
            "filter_by": "raw",
            "group_by": "raw",
            "sla_expiring_before": "raw",
            "services_catalogs_item_ids": "ids",
            "priority_ids": "ids",
        },
        paged=True,
    ),
    Route("POST", "/tickets", TicketsArea.create_ticket, body="form"),
    Route(
        "GET",
        TICKET,
        TicketsArea.get_ticket,
        {"show_entities": "boolean", "include_filled_entity": "boolean"},
    ),
    Route("PUT", TICKET, TicketsArea.update_ticket, body="json"),
    Route("PUT", f"{TICKET}/cancel", TicketsArea.cancel_ticket),
    Route("PUT", f"{TICKET}/close", TicketsArea.close_ticket),
)


def _requestor_email(ticket: Json) -> str:
    return ((ticket.get("requestor") or {}).get("email") or "").casefold()


def _date_window(date_type: str | None, start: Moment | None, end: Moment | None) -> Check | None:
    """Keeps tickets whose date of ``date_type`` lies between ``start`` and ``end``; None without both."""
    field = _TICKET_DATE_FIELDS.get("created_at" if date_type is None else date_type)
    if field is None:
        raise validation_error(f"date_type must be one of {', '.join(_TICKET_DATE_FIELDS)}")
    if start is None and end is None:
        return None
    low = parse_moment(start, name="start_datetime") if start is not None else None
    high = parse_moment(end, name="end_datetime", end_of_day=True) if end is not None else None

    def within(ticket: Json) -> bool:
        raw = ticket.get(field)
        if raw is None:
            return False
        moment = parse_moment(raw, name=field)
        return (low is None or moment >= low) and (high is None or moment <= high)

    return within


def _optional_pick(items: Iterable[Json], form: Mapping[str, str], key: str) -> Json | None:
    ident = form_int(form, key)
    return None if ident is None else pick(items, ident, key)


def _new_sla_info(desk: Json, stage: Json, priority: Json | None, now: datetime) -> Json | None:
    if not desk["desk_with_sla"]:
        return None

    def after(limit: str | None) -> str | None:
        return iso(now + timedelta(minutes=minutes(limit))) if limit else None

    return {
        "stopped": False,
        "stage_expiration": after(stage["max_time"]),
        "attend_sla": None,
        "attend_expiration": after(priority["start_time"] if priority else None),
        "solve_expiration": after(priority["end_time"] if priority else None),
        "solved_in_time": None,
    }


def _external_token(ticket_number: int) -> str:
    return hashlib.sha256(f"nuvemdesk-ticket-{ticket_number}".encode()).hexdigest()[:10]


def _filled_fields(groups: Sequence[Json]) -> list[Json]:
    return [copy.deepcopy(f) for group in groups for f in group["entity_fields"] if f["value"] is not None]
