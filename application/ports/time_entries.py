"""Time entries beyond one ticket's appointments: a ticket's running timers."""

from __future__ import annotations

from typing import Protocol

from domain.ids import TicketNumber
from domain.paging import Page, PageRequest
from domain.time_entries import PreAppointment


class TimeEntriesPort(Protocol):
    async def pre_appointments(self, number: TicketNumber, page: PageRequest) -> Page[PreAppointment]:
        """One page of the ticket's timers, with the total when TiFlux says it."""
        ...
