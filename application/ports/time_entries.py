"""Time entries beyond one ticket's appointments: a ticket's running timers."""

from __future__ import annotations

from typing import Protocol

from domain.ids import TicketNumber
from domain.paging import Page, PageRequest
from domain.time_entries import AppointmentQuery, OrgAppointment, PreAppointment


class TimeEntriesPort(Protocol):
    async def pre_appointments(self, number: TicketNumber, page: PageRequest) -> Page[PreAppointment]:
        """One page of the ticket's timers, with the total when TiFlux says it."""
        ...

    async def appointments(self, query: AppointmentQuery, page: PageRequest) -> Page[OrgAppointment]:
        """One page of the organisation's time entries in the period, with the total when TiFlux says it."""
        ...
