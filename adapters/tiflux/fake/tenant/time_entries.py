"""Time entries beyond one ticket's appointments: a ticket's timers (v2.42 tickets.md §19, §21.3)."""

from __future__ import annotations

from adapters.tiflux.fake.tenant.bodies import Json
from adapters.tiflux.fake.tenant.counted import Counted, counted
from adapters.tiflux.fake.tenant.data import TenantState
from adapters.tiflux.fake.tenant.matching import DEFAULT_LIMIT
from adapters.tiflux.fake.tenant.routes import TICKET, Route


class TimeEntriesArea:
    def __init__(self, state: TenantState) -> None:
        self._state = state
        self._timers: dict[int, list[Json]] = {
            int(number): timers for number, timers in state.tables["pre_appointments"].items()
        }

    def pre_appointments(self, ticket_number: int, *, offset: int = 1, limit: int = DEFAULT_LIMIT) -> Counted:
        """The ticket's timers, with ``X-Total-Items``."""
        self._state.ticket(ticket_number)
        return counted(self._timers.get(ticket_number, []), [], offset, limit)


ROUTES = (Route("GET", f"{TICKET}/pre-appointments", TimeEntriesArea.pre_appointments, paged=True),)
