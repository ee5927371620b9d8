"""Running timers ("pre-apontamentos") of a ticket: started, not yet stopped (then they become
appointments)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from domain.people import PersonRef
from domain.records import Valorization


@dataclass(frozen=True)
class PreAppointment:
    id: int
    day: date | None = None
    starts: str | None = None  # "HH:MM"
    ends: str | None = None  # None while the timer runs
    user: PersonRef | None = None

    @property
    def running(self) -> bool:
        return not self.ends


@dataclass(frozen=True)
class TicketRef:
    number: int | None
    title: str | None = None


@dataclass(frozen=True)
class OrgAppointment:
    """A time entry of anyone in the organisation, as `GET /appointments` lists it."""

    id: int
    day: date | None = None
    starts: str | None = None
    ends: str | None = None
    description: str | None = None
    user: PersonRef | None = None
    client: PersonRef | None = None
    desk: PersonRef | None = None
    ticket: TicketRef | None = None
    executor: str | None = None  # the external tool's executor
    valorization: Valorization | None = None
    travel_of: TicketRef | None = None  # the ticket whose travel charge this entry shares


@dataclass(frozen=True)
class AppointmentQuery:
    """A period (both days inclusive) and optional technicians and desks."""

    start: date
    end: date
    user_ids: tuple[int, ...] = ()
    desk_ids: tuple[int, ...] = ()
    with_values: bool = False


@dataclass(frozen=True)
class Totals:
    """Entries, minutes worked and money (with the manually valued part apart)."""

    entries: int = 0
    minutes: int = 0
    value: Decimal = Decimal(0)
    manual_value: Decimal = Decimal(0)

    def plus(self, entry: OrgAppointment, with_values: bool) -> Totals:
        valorization = entry.valorization if with_values else None
        value = valorization.value if valorization and valorization.value is not None else Decimal(0)
        manual = value if valorization and valorization.manual_value else Decimal(0)
        return Totals(
            self.entries + 1,
            self.minutes + minutes_between(entry.starts, entry.ends),
            self.value + value,
            self.manual_value + manual,
        )


@dataclass(frozen=True)
class DeskTotals:
    desk: PersonRef | None
    totals: Totals


@dataclass(frozen=True)
class TechnicianTotals:
    user: PersonRef | None
    totals: Totals
    desks: tuple[DeskTotals, ...] = ()


def minutes_between(starts: str | None, ends: str | None) -> int:
    """`H…:MM` to `H…:MM` in minutes; 0 when either does not read or the end is not after the start."""
    begin, end = _minutes(starts), _minutes(ends)
    return end - begin if begin is not None and end is not None and end > begin else 0


def _minutes(text: str | None) -> int | None:
    hours, _, minutes = (text or "").strip().partition(":")
    if not hours.isdigit() or not minutes.isdigit() or len(minutes) != 2 or int(minutes) > 59:
        return None
    return int(hours) * 60 + int(minutes)


def per_technician(entries: Sequence[OrgAppointment], with_values: bool) -> tuple[TechnicianTotals, ...]:
    """Grouped by technician, then by desk, both by entry count (most first), ties in first-seen order."""
    users: dict[
        int | None, tuple[PersonRef | None, Totals, dict[int | None, tuple[PersonRef | None, Totals]]]
    ] = {}
    for entry in entries:
        user_key = entry.user.id if entry.user else None
        user, totals, desks = users.get(user_key, (entry.user, Totals(), {}))
        desk_key = entry.desk.id if entry.desk else None
        desk, desk_totals = desks.get(desk_key, (entry.desk, Totals()))
        desks[desk_key] = (desk, desk_totals.plus(entry, with_values))
        users[user_key] = (user, totals.plus(entry, with_values), desks)
    grouped = [
        TechnicianTotals(
            user,
            totals,
            tuple(sorted((DeskTotals(d, t) for d, t in desks.values()), key=lambda d: -d.totals.entries)),
        )
        for user, totals, desks in users.values()
    ]
    return tuple(sorted(grouped, key=lambda g: -g.totals.entries))
