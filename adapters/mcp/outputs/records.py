"""Declared `structuredContent` of Internal communications, files, stage history and appointments."""

from __future__ import annotations

from adapters.mcp.outputs.common import Output, PageRequest, PersonRef


class TicketFile(Output):
    id: int
    name: str | None = None
    content_type: str | None = None
    size_bytes: int | None = None
    url: str | None = None
    created_at: str | None = None
    created_by: PersonRef | None = None


class TicketFiles(Output):
    number: int
    files: list[TicketFile] | None = None


class StageSla(Output):
    stage: PersonRef | None = None
    desk: PersonRef | None = None
    duration_in_business_hours: str | None = None
    sla_attended: bool | None = None
    entered_at: str | None = None
    expiration: str | None = None
    attended_at: str | None = None
    attended_by: PersonRef | None = None
    moved_by: PersonRef | None = None


class StageSlaPage(Output):
    items: list[StageSla] | None = None
    request: PageRequest


class StageHistory(Output):
    number: int
    page: StageSlaPage


class AttachedFile(Output):
    name: str
    size_bytes: int | None = None


class InternalCommunication(Output):
    id: int
    text: str | None = None
    author: PersonRef | None = None
    created_at: str | None = None
    files_count: int
    files: list[AttachedFile] | None = None


class NoteAdded(Output):
    number: int
    note: InternalCommunication


class InternalCommunicationPage(Output):
    items: list[InternalCommunication] | None = None
    request: PageRequest


class Shift(Output):
    name: str | None = None
    value: str | None = None


class Valorization(Output):
    attendance: str | None = None
    attendance_kind: str | None = None
    contract: PersonRef | None = None
    loose_service: PersonRef | None = None
    shift: Shift | None = None
    guarantee: bool
    manual_value: bool
    value: str | None = None


class Location(Output):
    latitude: float | None = None
    longitude: float | None = None


class Appointment(Output):
    id: int
    day: str | None = None
    start: str | None = None
    end: str | None = None
    description: str | None = None
    user: PersonRef | None = None
    client: PersonRef | None = None
    valorization: Valorization | None = None
    locations: list[Location] | None = None


class AppointmentAdded(Output):
    number: int
    appointment: Appointment


class AppointmentPage(Output):
    items: list[Appointment] | None = None
    request: PageRequest


class Appointments(Output):
    number: int
    page: AppointmentPage


GetTicketFilesOutput = TicketFiles

GetTicketStagesSlasOutput = StageHistory

CreateInternalCommunicationOutput = NoteAdded

ListInternalCommunicationsOutput = InternalCommunicationPage

GetInternalCommunicationOutput = InternalCommunication

CreateAppointmentOutput = AppointmentAdded

ListAppointmentsOutput = Appointments
