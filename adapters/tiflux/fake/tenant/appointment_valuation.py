"""Valued appointments (v2.42/tickets.md §20.12, §21.8): desks that value their time entries need where the
work was done and what it is billed as; the fake builds the valuation the list shows from the body."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from adapters.tiflux.fake.tenant.bodies import Json
from adapters.tiflux.fake.tenant.data import TenantState
from adapters.tiflux.fake.tenant.errors import FakeApiError, validation_error

ATTENDANCES = {1: "External", 2: "Remote", 3: "Internal"}
KINDS = {1: "Loose", 2: "Contract"}


class AppointmentValuation:
    """The `valorization` object of a new appointment on a desk that values them, else a 422."""

    def __init__(self, state: TenantState) -> None:
        self._state = state
        self._required: Json = state.tables["ticket_update_errors"]["appointment_valorization_required"]
        self._names: Mapping[str, Any] = state.tables["appointment_valuation"]

    def valorization(self, body: Mapping[str, Any]) -> Json:
        attendance, kind = body.get("attendance"), body.get("attendance_kind")
        if attendance is None or kind is None:
            raise FakeApiError(422, self._required)
        if attendance not in ATTENDANCES or kind not in KINDS:
            raise validation_error("attendance must be 1, 2 or 3 and attendance_kind 1 or 2")
        loose, rider = body.get("loose_service_id"), body.get("contract_rider_id")
        if (kind == 1) != (loose is not None) or (kind == 2) != (rider is not None):
            raise validation_error("attendance_kind 1 needs loose_service_id, 2 needs contract_rider_id")
        shift, owner = body.get("shift_id"), body.get("shift_owner_ticket_number")
        if (shift is not None or owner is not None) and attendance != 1:
            raise validation_error("a travel charge needs attendance 1 (external)")
        value = body.get("value")
        guarantee = bool(body.get("guarantee"))
        if guarantee:
            shown = "0.00"
        elif value is not None:
            shown = f"{float(value):.2f}"
        else:
            shown = self._names["representative_value"]
        return {
            "attendance": ATTENDANCES[attendance],
            "attendance_kind": KINDS[kind],
            "contract": self._named("contract_riders", rider),
            "loose_service": self._named("loose_services", loose),
            "shift": self._named("shifts", shift),
            "shift_owner_ticket": self._owner(owner),
            "guarantee": guarantee,
            "manual_value": value is not None,
            "value": shown,
        }

    def _named(self, table: str, ident: int | None) -> Json | None:
        if ident is None:
            return None
        return {"id": ident, "name": self._names[table].get(str(ident))}

    def _owner(self, number: int | None) -> Json | None:
        if number is None:
            return None
        ticket = self._state.tickets.get(number)
        if ticket is None or ticket["is_closed"]:
            raise validation_error(f"shift_owner_ticket_number {number} is not an open ticket")
        return {"ticket_number": number, "title": ticket["title"]}
