"""Running timers ("pre-apontamentos") of a ticket: started, not yet stopped (then they become
appointments)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from domain.people import PersonRef


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
