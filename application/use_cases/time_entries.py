"""Listing time entries beyond one ticket's appointments: a ticket's running timers."""

from __future__ import annotations

from dataclasses import dataclass, replace

from application.ports.time_entries import TimeEntriesPort
from application.resolvers import DESK, RESPONSIBLE, References, decisions
from domain.errors import InvalidInput
from domain.ids import DeskId, TicketNumber, UserId
from domain.paging import Page, PageRequest
from domain.resolution import Decision, Reference
from domain.time_entries import (
    AppointmentQuery,
    OrgAppointment,
    PreAppointment,
    TechnicianTotals,
    Totals,
    per_technician,
)


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


@dataclass(frozen=True)
class OrgAppointments:
    query: AppointmentQuery
    page: Page[OrgAppointment]
    decisions: tuple[Decision, ...] = ()


@dataclass(frozen=True)
class ListOrgAppointments:
    """The organisation's time entries in a period, per technician and desk (by ID or by name)."""

    entries: TimeEntriesPort
    references: References

    async def __call__(
        self, query: AppointmentQuery, user: Reference[UserId], desk: Reference[DeskId], page: PageRequest
    ) -> OrgAppointments:
        if query.end < query.start:
            raise InvalidInput("end_date", "not_before", {"other": "start_date"})
        found_user = await self.references.resolve(RESPONSIBLE, user, None)
        found_desk = await self.references.resolve(DESK, desk, None)
        query = replace(
            query,
            user_ids=_with(query.user_ids, found_user.id),
            desk_ids=_with(query.desk_ids, found_desk.id),
        )
        listed = await self.entries.appointments(query, page)
        return OrgAppointments(query, listed, decisions(found_user, found_desk))


def _with(ids: tuple[int, ...], more: int | None) -> tuple[int, ...]:
    return ids if more is None or more in ids else (*ids, more)


MAX_REPORT_PAGES = 50  # 10,000 entries: beyond that the answer says the report is partial
REPORT_PAGE = 200


@dataclass(frozen=True)
class AppointmentsReport:
    query: AppointmentQuery
    totals: Totals
    technicians: tuple[TechnicianTotals, ...]
    per_desk: bool  # desks were named: the answer breaks each technician down by desk
    partial: bool  # more entries than the report reads
    decisions: tuple[Decision, ...] = ()


@dataclass(frozen=True)
class ReportAppointments:
    """Every entry of the period (all pages of 200), summed per technician and desk."""

    entries: TimeEntriesPort
    references: References

    async def __call__(
        self, query: AppointmentQuery, user: Reference[UserId], desk: Reference[DeskId]
    ) -> AppointmentsReport:
        listed = await ListOrgAppointments(self.entries, self.references)(
            query, user, desk, PageRequest(1, REPORT_PAGE)
        )
        query, page = listed.query, listed.page
        read = list(page.items)
        while page.may_have_more and (page.total is None or len(read) < page.total):
            if page.request.number >= MAX_REPORT_PAGES:
                break
            page = await self.entries.appointments(query, PageRequest(page.request.number + 1, REPORT_PAGE))
            read += page.items
        partial = page.may_have_more and (page.total is None or len(read) < page.total)
        totals = Totals()
        for entry in read:
            totals = totals.plus(entry, query.with_values)
        return AppointmentsReport(
            query,
            totals,
            per_technician(read, query.with_values),
            per_desk=bool(query.desk_ids),
            partial=partial,
            decisions=listed.decisions,
        )
