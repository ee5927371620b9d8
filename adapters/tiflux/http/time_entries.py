"""Time entries beyond one ticket's appointments, over HTTP."""

from __future__ import annotations

from dataclasses import dataclass, field

from adapters.tiflux.http.client import TifluxHttpClient, api_path, query
from adapters.tiflux.http.knowledge import needing
from adapters.tiflux.http.records import page_params, ticket_not_found
from adapters.tiflux.wire import parse_many
from adapters.tiflux.wire.time_entries import OrgAppointmentWire, PreAppointmentWire
from domain.ids import TicketNumber
from domain.paging import Page, PageRequest
from domain.time_entries import AppointmentQuery, OrgAppointment, PreAppointment


@dataclass(frozen=True)
class HttpTimeEntries:
    client: TifluxHttpClient
    api_key: str = field(repr=False)

    async def pre_appointments(self, number: TicketNumber, page: PageRequest) -> Page[PreAppointment]:
        payload, total = await needing(
            "appointments.edit",
            self.client.get_counted(
                self.api_key,
                api_path("tickets", number, "pre-appointments"),
                page_params(page),
                not_found=ticket_not_found(number),
            ),
        )
        items = tuple(item.to_domain() for item in parse_many(PreAppointmentWire, payload))
        return Page(items, page, total=total)

    async def appointments(self, query_: AppointmentQuery, page: PageRequest) -> Page[OrgAppointment]:
        params = page_params(page) | query(
            start_date=query_.start.isoformat(),
            end_date=query_.end.isoformat(),
            user_ids=query_.user_ids or None,
            desk_ids=query_.desk_ids or None,
            include_valorization=True if query_.with_values else None,
        )
        payload, total = await needing(
            "appointments.report",
            self.client.get_counted(self.api_key, api_path("appointments"), params),
        )
        items = tuple(item.to_domain() for item in parse_many(OrgAppointmentWire, payload))
        return Page(items, page, total=total)
