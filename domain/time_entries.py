"""Running timers ("pre-apontamentos") of a ticket: started, not yet stopped (then they become
appointments)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

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
