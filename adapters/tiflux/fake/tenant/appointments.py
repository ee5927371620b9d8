"""Appointments: the time worked on a ticket."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from datetime import date
from typing import Any

from adapters.tiflux.fake.tenant.appointment_valuation import AppointmentValuation
from adapters.tiflux.fake.tenant.bodies import Json, ref, shaped
from adapters.tiflux.fake.tenant.data import TenantState, next_id
from adapters.tiflux.fake.tenant.errors import validation_error
from adapters.tiflux.fake.tenant.matching import DEFAULT_LIMIT, id_is, listed
from adapters.tiflux.fake.tenant.moments import DATE_ONLY, TIME_OF_DAY, hhmm, minutes, parse_day, valid_day
from adapters.tiflux.fake.tenant.routes import TICKET, Route

WITH_VALORIZATION = "with_valorization"
APPOINTMENT_ORDER_ERROR = "end_time must be greater than or equal to init_time"


class AppointmentsArea:
    """The routes on a ticket's appointments."""

    def __init__(self, state: TenantState) -> None:
        self._state = state
        self._valuation = AppointmentValuation(state)

    def create_appointment(self, ticket_number: int, body: Mapping[str, Any]) -> Json:
        state = self._state
        ticket = state.ticket(ticket_number)
        self._check(ticket, body)
        valued = self._desk_values(ticket)
        valorization = self._valuation.valorization(body) if valued else None
        appointment = shaped(
            state.responses["create_appointment"],
            {
                "id": next_id(state.appointments),
                "date": body["date"],
                "init_time": body["init_time"],
                "end_time": body["end_time"],
                "description": body.get("description") or "",
                "user": state.me_ref(),
                "client": ref(ticket["client"], "id", "name"),
                "valorization": valorization,
                "locations": [],
            },
        )
        if body.get("external_user_name") is not None:
            appointment["external_user_name"] = body["external_user_name"]
        state.appointments.setdefault(ticket_number, []).append(appointment)
        spent = minutes(body["end_time"]) - minutes(body["init_time"])
        ticket["worked_hours"] = hhmm(minutes(ticket.get("worked_hours") or "00:00") + spent)
        answer = copy.deepcopy(appointment)
        if valorization is not None:
            answer["value"] = valorization["value"]  # 2.42 answers the value at the top level too
        return answer

    def _desk_values(self, ticket: Json) -> bool:
        return self._state.desks[ticket["desk"]["id"]].get("appointment_type") == WITH_VALORIZATION

    def list_appointments(
        self,
        ticket_number: int,
        *,
        offset: int = 1,
        limit: int = DEFAULT_LIMIT,
        user_id: int | None = None,
        start_date: str | date | None = None,
        end_date: str | date | None = None,
    ) -> list[Json]:
        self._state.ticket(ticket_number)
        first = parse_day(start_date, name="start_date") if start_date is not None else None
        last = parse_day(end_date, name="end_date") if end_date is not None else None
        checks = [
            id_is("user", user_id),
            (lambda a: date.fromisoformat(a["date"]) >= first) if first is not None else None,
            (lambda a: date.fromisoformat(a["date"]) <= last) if last is not None else None,
        ]
        return listed(self._state.appointments.get(ticket_number, []), checks, offset, limit)

    def _check(self, ticket: Json, body: Mapping[str, Any]) -> None:
        """Raises one 422 listing everything wrong with an appointment body."""
        errors = []
        day = body.get("date")
        if not (isinstance(day, str) and DATE_ONLY.fullmatch(day) and valid_day(day)):
            errors.append("date must be a date in the format YYYY-MM-DD")
            day = None
        times = [body.get(key) for key in ("init_time", "end_time")]
        for key, value in zip(("init_time", "end_time"), times, strict=True):
            if not (isinstance(value, str) and TIME_OF_DAY.fullmatch(value)):
                errors.append(f"{key} must be a time in the format HH:MM")
        if not isinstance(body.get("description", ""), str | None):
            errors.append("description must be a string")
        if not errors and str(times[1]) < str(times[0]):
            errors.append(APPOINTMENT_ORDER_ERROR)
        if day is not None and date.fromisoformat(day) > self._state.today():
            errors.append("date cannot be in the future")
        if errors:
            raise validation_error(*errors)


ROUTES = (
    Route(
        "GET",
        f"{TICKET}/appointments",
        AppointmentsArea.list_appointments,
        {"user_id": "integer", "start_date": "raw", "end_date": "raw"},
        paged=True,
    ),
    Route("POST", f"{TICKET}/appointments", AppointmentsArea.create_appointment, body="json"),
)
