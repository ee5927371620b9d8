"""The trail a ticket leaves: answers, internal communications, files, stage SLAs, appointments."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from domain.ids import AnswerId, AppointmentId, CommunicationId, FileId
from domain.people import PersonRef


@dataclass(frozen=True)
class Answer:
    """A reply sent to the client on a ticket."""

    id: AnswerId
    author: str | None = None
    answered_at: datetime | None = None
    origin: str | None = None
    with_signature: bool = False


@dataclass(frozen=True)
class AttachedFile:
    name: str
    size_bytes: int | None = None


@dataclass(frozen=True)
class InternalCommunication:
    """A private note between attendants on a ticket."""

    id: CommunicationId
    text_html: str | None = None
    author: PersonRef | None = None
    created_at: datetime | None = None
    files_count: int = 0
    files: Sequence[AttachedFile] = ()


@dataclass(frozen=True)
class TicketFile:
    id: FileId
    name: str | None = None
    content_type: str | None = None
    size_bytes: int | None = None
    url: str | None = None
    created_at: datetime | None = None
    created_by: PersonRef | None = None


@dataclass(frozen=True)
class StageSla:
    """How long a ticket sat in one stage, and whether that stage's SLA was met."""

    stage: PersonRef | None = None
    desk: PersonRef | None = None
    duration_in_business_hours: str | None = None
    sla_attended: bool | None = None
    entered_at: datetime | None = None
    expiration: datetime | None = None
    attended_at: datetime | None = None
    attended_by: PersonRef | None = None
    moved_by: PersonRef | None = None


@dataclass(frozen=True)
class Shift:
    name: str | None
    value: Decimal | None


@dataclass(frozen=True)
class ShiftOwner:
    """The ticket that already carries the travel charge an appointment rides along with ("carona")."""

    number: int
    title: str | None = None


@dataclass(frozen=True)
class Valorization:
    """The money side of an appointment, on desks that value their time entries."""

    attendance: str | None = None
    attendance_kind: str | None = None
    contract: PersonRef | None = None
    loose_service: PersonRef | None = None
    shift: Shift | None = None
    guarantee: bool = False
    manual_value: bool = False
    value: Decimal | None = None
    shift_owner: ShiftOwner | None = None


@dataclass(frozen=True)
class Location:
    latitude: float | None
    longitude: float | None


@dataclass(frozen=True)
class Appointment:
    """Hours worked on a ticket."""

    id: AppointmentId
    day: date | None = None
    start: str | None = None
    end: str | None = None
    description: str | None = None
    user: PersonRef | None = None
    client: PersonRef | None = None
    valorization: Valorization | None = None
    locations: Sequence[Location] = ()
    external_user_name: str | None = None  # who did it, in an external tool (2.42)
    value: Decimal | None = None  # what a valued appointment was worth, as TiFlux answers its creation
