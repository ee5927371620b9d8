"""`GET /tickets/{n}/pre-appointments` as the API sends it."""

from __future__ import annotations

from adapters.tiflux.wire.base import Day, Named, WireModel
from domain.time_entries import PreAppointment


class PreAppointmentWire(WireModel):
    id: int
    date: Day = None
    init_time: str | None = None
    end_time: str | None = None
    user: Named | None = None

    def to_domain(self) -> PreAppointment:
        return PreAppointment(
            id=self.id,
            day=self.date,
            starts=self.init_time,
            ends=self.end_time or None,
            user=self.user.to_ref() if self.user else None,
        )
