"""Listing time entries beyond one ticket's appointments: a ticket's running timers."""

from __future__ import annotations

from dataclasses import dataclass

from application.ports.time_entries import TimeEntriesPort
from domain.ids import TicketNumber
from domain.paging import Page, PageRequest
from domain.time_entries import PreAppointment


@dataclass(frozen=True)
class TicketTimers:
    number: TicketNumber
    page: Page[PreAppointment]


@dataclass(frozen=True)
class ListPreAppointments:
    """The ticket's timers (running ones have no end), one page at a time."""

    entries: TimeEntriesPort

    async def __call__(self, number: TicketNumber, page: PageRequest) -> TicketTimers:
        return TicketTimers(number, await self.entries.pre_appointments(number, page))
