"""Ticket records over HTTP: internal communications, files, stage history, appointments."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field

from adapters.tiflux.errors import NotFoundAs
from adapters.tiflux.http.client import TifluxHttpClient, api_path, query
from adapters.tiflux.http.multipart import multipart_parts
from adapters.tiflux.wire import (
    AppointmentWire,
    CommunicationWire,
    StageSlaWire,
    TicketFileWire,
    page_of,
    parse_many,
    parse_one,
)
from adapters.tiflux.wire.writes import appointment_json, note_parts
from application.commands import NewAppointment, NoteDraft
from application.queries import AppointmentFilter
from domain.ids import CommunicationId, TicketNumber
from domain.paging import Page, PageRequest
from domain.records import Appointment, InternalCommunication, StageSla, TicketFile


def ticket_not_found(number: TicketNumber) -> NotFoundAs:
    return NotFoundAs("ticket", f"#{number}")


def page_params(page: PageRequest) -> dict[str, str]:
    return query(offset=page.number, limit=page.size)


@dataclass(frozen=True)
class HttpCommunications:
    client: TifluxHttpClient
    api_key: str = field(repr=False)

    async def list(self, number: TicketNumber, page: PageRequest) -> Page[InternalCommunication]:
        payload = await self.client.get(
            self.api_key,
            api_path("tickets", number, "internal_communications"),
            page_params(page),
            not_found=ticket_not_found(number),
        )
        return page_of(CommunicationWire, payload, page)

    async def get(self, number: TicketNumber, communication_id: CommunicationId) -> InternalCommunication:
        payload = await self.client.get(
            self.api_key,
            api_path("tickets", number, "internal_communications", communication_id),
            not_found=NotFoundAs("communication", f"{communication_id} (ticket #{number})"),
        )
        return parse_one(CommunicationWire, payload).to_domain()

    async def create(self, number: TicketNumber, note: NoteDraft) -> InternalCommunication:
        with ExitStack() as stack:
            payload = await self.client.write(
                self.api_key,
                "POST",
                api_path("tickets", number, "internal_communications"),
                files=multipart_parts(note_parts(note), note.attachments, stack),
                not_found=ticket_not_found(number),
            )
        return parse_one(CommunicationWire, payload).to_domain()


@dataclass(frozen=True)
class HttpFiles:
    client: TifluxHttpClient
    api_key: str = field(repr=False)

    async def list(self, number: TicketNumber) -> Sequence[TicketFile]:
        payload = await self.client.get(
            self.api_key, api_path("tickets", number, "files"), not_found=ticket_not_found(number)
        )
        return tuple(item.to_domain() for item in parse_many(TicketFileWire, payload))


@dataclass(frozen=True)
class HttpStageHistory:
    client: TifluxHttpClient
    api_key: str = field(repr=False)

    async def list(self, number: TicketNumber, page: PageRequest) -> Page[StageSla]:
        payload = await self.client.get(
            self.api_key,
            api_path("tickets", number, "stages-slas"),
            page_params(page),
            not_found=ticket_not_found(number),
        )
        return page_of(StageSlaWire, payload, page)


@dataclass(frozen=True)
class HttpAppointments:
    client: TifluxHttpClient
    api_key: str = field(repr=False)

    async def list(
        self, number: TicketNumber, query_: AppointmentFilter, page: PageRequest
    ) -> Page[Appointment]:
        params = page_params(page) | query(
            user_id=query_.user_id,
            start_date=query_.start.isoformat() if query_.start else None,
            end_date=query_.end.isoformat() if query_.end else None,
        )
        payload = await self.client.get(
            self.api_key,
            api_path("tickets", number, "appointments"),
            params,
            not_found=ticket_not_found(number),
        )
        return page_of(AppointmentWire, payload, page)

    async def create(self, number: TicketNumber, appointment: NewAppointment) -> Appointment:
        payload = await self.client.write(
            self.api_key,
            "POST",
            api_path("tickets", number, "appointments"),
            json=appointment_json(appointment),
            not_found=ticket_not_found(number),
        )
        return parse_one(AppointmentWire, payload).to_domain()
