"""What a valued appointment on a ticket may reference: contract riders, loose services, travel charges."""

from __future__ import annotations

import copy
import re
from datetime import date

from adapters.tiflux.fake.tenant.bodies import Json
from adapters.tiflux.fake.tenant.data import TenantState
from adapters.tiflux.fake.tenant.errors import validation_error
from adapters.tiflux.fake.tenant.routes import TICKET, Route

ALL_CLIENTS = "All"
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class TicketValuationArea:
    """Per ticket, from the demo's tables; a known ticket without an entry has nothing to offer."""

    def __init__(self, state: TenantState) -> None:
        self._state = state
        tables = state.tables
        self._service_types: dict[int, Json] = {
            int(number): types for number, types in tables["ticket_service_types"].items()
        }
        self._shifts: dict[int, list[Json]] = {
            int(number): shifts for number, shifts in tables["ticket_shifts"].items()
        }

    def service_types(self, ticket_number: int, *, date: str | None = None) -> Json:
        """With ``date`` (YYYY-MM-DD, not in the future), only the riders in force that day."""
        self._state.ticket(ticket_number)
        types = copy.deepcopy(self._service_types.get(ticket_number, {}))
        riders, loose = types.get("contract_riders", []), types.get("loose_services", [])
        if date is not None:
            day = self._day(date)
            riders = [r for r in riders if _in_force(r, day)]
        return {"contract_riders": riders, "loose_services": loose}

    def shifts(self, ticket_number: int, *, contract_id: int | None = None) -> list[Json]:
        """With ``contract_id``: the contract's own travel charges and the generic ones (``All``)."""
        self._state.ticket(ticket_number)
        if contract_id is not None and contract_id < 1:
            raise validation_error("contract_id must be a positive id")
        shifts = copy.deepcopy(self._shifts.get(ticket_number, []))
        if contract_id is None:
            return shifts
        return [
            s
            for s in shifts
            if s.get("reference") == ALL_CLIENTS or (s.get("contract") or {}).get("id") == contract_id
        ]

    def _day(self, text: str) -> date:
        try:
            if not _DAY.fullmatch(text):
                raise ValueError(text)
            day = date.fromisoformat(text)
        except ValueError:
            raise validation_error("date must be YYYY-MM-DD") from None
        if day > self._state.today():
            raise validation_error("date can't be in the future")
        return day


def _in_force(rider: Json, day: date) -> bool:
    starts, cancelled = rider.get("start_date"), rider.get("cancel_date")
    return (starts is None or date.fromisoformat(starts) <= day) and (
        cancelled is None or day <= date.fromisoformat(cancelled)
    )


ROUTES = (
    Route("GET", f"{TICKET}/service-types", TicketValuationArea.service_types, query={"date": "raw"}),
    Route("GET", f"{TICKET}/shifts", TicketValuationArea.shifts, query={"contract_id": "integer"}),
)
