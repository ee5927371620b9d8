"""Time entries beyond one ticket's appointments: a ticket's timers and the organisation's entries (v2.42
tickets.md §17, §19, §21.3, §21.5)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from adapters.tiflux.fake.tenant.bodies import Json
from adapters.tiflux.fake.tenant.counted import Counted, counted
from adapters.tiflux.fake.tenant.data import TenantState
from adapters.tiflux.fake.tenant.errors import validation_error
from adapters.tiflux.fake.tenant.matching import DEFAULT_LIMIT
from adapters.tiflux.fake.tenant.routes import TICKET, Route


class TimeEntriesArea:
    def __init__(self, state: TenantState) -> None:
        self._state = state
        self._timers: dict[int, list[Json]] = {
            int(number): timers for number, timers in state.tables["pre_appointments"].items()
        }
        self._entries: list[Json] = state.tables["org_appointments"]

    def pre_appointments(self, ticket_number: int, *, offset: int = 1, limit: int = DEFAULT_LIMIT) -> Counted:
        """The ticket's timers, with ``X-Total-Items``."""
        self._state.ticket(ticket_number)
        return counted(self._timers.get(ticket_number, []), [], offset, limit)

    def appointments(
        self,
        *,
        start_date: str | None = None,
        end_date: str | None = None,
        user_ids: Sequence[int] = (),
        desk_ids: Sequence[int] = (),
        include_valorization: bool = False,
        offset: int = 1,
        limit: int = DEFAULT_LIMIT,
    ) -> Counted:
        """Both dates required (YYYY-MM-DD, inclusive); ``valorization`` only when asked for."""
        if not start_date or not _DAY.fullmatch(start_date) or not end_date or not _DAY.fullmatch(end_date):
            raise validation_error("start_date and end_date are required (YYYY-MM-DD)")
        entries = [
            e if include_valorization else {k: v for k, v in e.items() if k != "valorization"}
            for e in self._entries
        ]
        return counted(
            entries,
            [
                lambda e: start_date <= e["date"] <= end_date,
                (lambda e: e["user"]["id"] in user_ids) if user_ids else None,
                (lambda e: e["desk"]["id"] in desk_ids) if desk_ids else None,
            ],
            offset,
            limit,
        )


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

ROUTES = (
    Route("GET", f"{TICKET}/pre-appointments", TimeEntriesArea.pre_appointments, paged=True),
    Route(
        "GET",
        "/appointments",
        TimeEntriesArea.appointments,
        query={
            "start_date": "raw",
            "end_date": "raw",
            "user_ids": "ids",
            "desk_ids": "ids",
            "include_valorization": "boolean",
        },
        paged=True,
    ),
)
