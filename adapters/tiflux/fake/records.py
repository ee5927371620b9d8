"""Ticket records on the demo tenant."""

from __future__ import annotations

from collections.abc import Sequence

from adapters.tiflux.errors import NotFoundAs
from adapters.tiflux.fake.reading import read, write
from adapters.tiflux.fake.tenant import FakeTenant
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
from domain.attachments import Attachment
from domain.ids import CommunicationId, TicketNumber
from domain.paging import Page, PageRequest
from domain.records import Appointment, InternalCommunication, StageSla, TicketFile


def ticket_not_found(number: TicketNumber) -> NotFoundAs:
    return NotFoundAs("ticket", f"#{number}")


class FakeCommunications:
    def __init__(self, tenant: FakeTenant) -> None:
        self._tenant = tenant

    async def list(self, number: TicketNumber, page: PageRequest) -> Page[InternalCommunication]:
        payload = read(
            lambda: self._tenant.list_internal_communications(
                number.value, offset=page.number, limit=page.size
            ),
            ticket_not_found(number),
        )
        return page_of(CommunicationWire, payload, page)

    async def get(self, number: TicketNumber, communication_id: CommunicationId) -> InternalCommunication:
        payload = read(
            lambda: self._tenant.get_internal_communication(number.value, communication_id),
            NotFoundAs("communication", f"{communication_id} (ticket #{number})"),
        )
        return parse_one(CommunicationWire, payload).to_domain()

    async def create(self, number: TicketNumber, note: NoteDraft) -> InternalCommunication:
        files = read_attachments(note.attachments)
        payload = write(
            lambda: self._tenant.create_internal_communication(
                number.value, text=note_parts(note)["text"], files=files
            ),
            ticket_not_found(number),
        )
        return parse_one(CommunicationWire, payload).to_domain()


class FakeFiles:
    def __init__(self, tenant: FakeTenant) -> None:
        self._tenant = tenant

    async def list(self, number: TicketNumber) -> Sequence[TicketFile]:
        payload = read(lambda: self._tenant.list_ticket_files(number.value), ticket_not_found(number))
        return tuple(item.to_domain() for item in parse_many(TicketFileWire, payload))


class FakeStageHistory:
    def __init__(self, tenant: FakeTenant) -> None:
        self._tenant = tenant

    async def list(self, number: TicketNumber, page: PageRequest) -> Page[StageSla]:
        payload = read(
            lambda: self._tenant.list_stages_slas(number.value, offset=page.number, limit=page.size),
            ticket_not_found(number),
        )
        return page_of(StageSlaWire, payload, page)


class FakeAppointments:
    def __init__(self, tenant: FakeTenant) -> None:
        self._tenant = tenant

    async def list(
        self, number: TicketNumber, query: AppointmentFilter, page: PageRequest
    ) -> Page[Appointment]:
        payload = read(
            lambda: self._tenant.list_appointments(
                number.value,
                offset=page.number,
                limit=page.size,
                user_id=query.user_id,
                start_date=query.start.isoformat() if query.start else None,
                end_date=query.end.isoformat() if query.end else None,
            ),
            ticket_not_found(number),
        )
        return page_of(AppointmentWire, payload, page)

    async def create(self, number: TicketNumber, appointment: NewAppointment) -> Appointment:
        body = appointment_json(appointment)
        payload = write(lambda: self._tenant.create_appointment(number.value, body), ticket_not_found(number))
        return parse_one(AppointmentWire, payload).to_domain()


def read_attachments(attachments: Sequence[Attachment]) -> list[tuple[str, bytes]]:
    """The demo tenant keeps files in memory, so it reads them whole (the HTTP backend streams them)."""
    contents = []
    for attachment in attachments:
        with attachment.open() as stream:
            contents.append((attachment.name, stream.read()))
    return contents
