"""Declared `structuredContent` of Internal communications, files, stage history and appointments."""

from __future__ import annotations

from typing import NotRequired

from pydantic import with_config
from typing_extensions import TypedDict

from adapters.mcp.outputs.common import DECLARED, Page, PersonRef


@with_config(DECLARED)
class TicketFile(TypedDict):
    id: int
    name: NotRequired[str]
    content_type: NotRequired[str]
    size_bytes: NotRequired[int]
    url: NotRequired[str]
    created_at: NotRequired[str]
    created_by: NotRequired[PersonRef]


@with_config(DECLARED)
class TicketFiles(TypedDict):
    number: int
    files: NotRequired[list[TicketFile]]


@with_config(DECLARED)
class StageSla(TypedDict):
    stage: NotRequired[PersonRef]
    desk: NotRequired[PersonRef]
    duration_in_business_hours: NotRequired[str]
    sla_attended: NotRequired[bool]
    entered_at: NotRequired[str]
    expiration: NotRequired[str]
    attended_at: NotRequired[str]
    attended_by: NotRequired[PersonRef]
    moved_by: NotRequired[PersonRef]


@with_config(DECLARED)
class StageHistory(TypedDict):
    number: int
    page: Page[StageSla]


@with_config(DECLARED)
class AttachedFile(TypedDict):
    name: str
    size_bytes: NotRequired[int]


@with_config(DECLARED)
class InternalCommunication(TypedDict):
    id: int
    text: NotRequired[str]
    author: NotRequired[PersonRef]
    created_at: NotRequired[str]
    files_count: int
    files: NotRequired[list[AttachedFile]]


@with_config(DECLARED)
class NoteAdded(TypedDict):
    number: int
    note: InternalCommunication


@with_config(DECLARED)
class Shift(TypedDict):
    name: NotRequired[str]
    value: NotRequired[str]


@with_config(DECLARED)
class ShiftOwner(TypedDict):
    number: int
    title: NotRequired[str]


@with_config(DECLARED)
class Valorization(TypedDict):
    attendance: NotRequired[str]
    attendance_kind: NotRequired[str]
    contract: NotRequired[PersonRef]
    loose_service: NotRequired[PersonRef]
    shift: NotRequired[Shift]
    guarantee: bool
    manual_value: bool
    value: NotRequired[str]
    shift_owner: NotRequired[ShiftOwner]


@with_config(DECLARED)
class Location(TypedDict):
    latitude: NotRequired[float]
    longitude: NotRequired[float]


@with_config(DECLARED)
class Appointment(TypedDict):
    id: int
    day: NotRequired[str]
    start: NotRequired[str]
    end: NotRequired[str]
    description: NotRequired[str]
    user: NotRequired[PersonRef]
    client: NotRequired[PersonRef]
    valorization: NotRequired[Valorization]
    locations: NotRequired[list[Location]]
    external_user_name: NotRequired[str]
    value: NotRequired[str]


@with_config(DECLARED)
class AppointmentAdded(TypedDict):
    number: int
    appointment: Appointment


@with_config(DECLARED)
class Appointments(TypedDict):
    number: int
    page: Page[Appointment]


GetTicketFilesOutput = TicketFiles

GetTicketStagesSlasOutput = StageHistory

CreateInternalCommunicationOutput = NoteAdded

ListInternalCommunicationsOutput = Page[InternalCommunication]

GetInternalCommunicationOutput = InternalCommunication

CreateAppointmentOutput = AppointmentAdded

ListAppointmentsOutput = Appointments
