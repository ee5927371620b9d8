"""`GET /tickets/{n}/pre-appointments` and `GET /appointments` as the API sends them."""

from __future__ import annotations

from adapters.tiflux.wire.base import Day, Named, WireModel
from adapters.tiflux.wire.records import ValorizationWire
from domain.time_entries import OrgAppointment, PreAppointment, TicketRef


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


class TicketRefWire(WireModel):
    number: int | None = None
    ticket_number: int | None = None
    title: str | None = None

    def to_domain(self) -> TicketRef:
        return TicketRef(self.number if self.number is not None else self.ticket_number, self.title)


class OrgAppointmentWire(WireModel):
    id: int
    date: Day = None
    init_time: str | None = None
    end_time: str | None = None
    description: str | None = None
    user: Named | None = None
    client: Named | None = None
    desk: Named | None = None
    ticket: TicketRefWire | None = None
    external_user_name: str | None = None
    valorization: ValorizationWire | None = None

    def to_domain(self) -> OrgAppointment:
        valorization = self.valorization
        return OrgAppointment(
            id=self.id,
            day=self.date,
            starts=self.init_time,
            ends=self.end_time,
            description=self.description,
            user=self.user.to_ref() if self.user else None,
            client=self.client.to_ref() if self.client else None,
            desk=self.desk.to_ref() if self.desk else None,
            ticket=self.ticket.to_domain() if self.ticket else None,
            executor=self.external_user_name or None,
            valorization=valorization.to_domain() if valorization else None,
            travel_of=TicketRef(
                valorization.shift_owner_ticket.ticket_number, valorization.shift_owner_ticket.title
            )
            if valorization and valorization.shift_owner_ticket
            else None,
        )
