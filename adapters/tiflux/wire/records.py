"""Internal communications, files, stage SLAs and appointments as the API sends them."""

from __future__ import annotations

from adapters.tiflux.wire.base import Day, Money, Named, Timestamp, WireModel
from domain.ids import AnswerId, AppointmentId, CommunicationId, FileId
from domain.records import (
    Answer,
    Appointment,
    AttachedFile,
    InternalCommunication,
    Location,
    Shift,
    ShiftOwner,
    StageSla,
    TicketFile,
    Valorization,
)


class AttachedFileWire(WireModel):
    file_name: str | None = None
    name: str | None = None
    size: int | None = None

    def to_domain(self) -> AttachedFile:
        return AttachedFile(name=self.file_name or self.name or "", size_bytes=self.size)


class CommunicationWire(WireModel):
    id: int
    text: str | None = None
    user: Named | None = None
    created_at: Timestamp = None
    files_count: int | None = None
    files: list[AttachedFileWire] | None = None

    def to_domain(self) -> InternalCommunication:
        files = tuple(f.to_domain() for f in self.files or ())
        return InternalCommunication(
            id=CommunicationId(self.id),
            text_html=self.text,
            author=self.user.to_ref() if self.user else None,
            created_at=self.created_at,
            files_count=self.files_count if self.files_count is not None else len(files),
            files=files,
        )


class TicketFileWire(WireModel):
    id: int
    name: str | None = None
    content_type: str | None = None
    size: int | None = None
    url: str | None = None
    created_at: Timestamp = None
    created_by: Named | None = None

    def to_domain(self) -> TicketFile:
        return TicketFile(
            id=FileId(self.id),
            name=self.name,
            content_type=self.content_type,
            size_bytes=self.size,
            url=self.url,
            created_at=self.created_at,
            created_by=self.created_by.to_ref() if self.created_by else None,
        )


class StageSlaWire(WireModel):
    stage: Named | None = None
    desk: Named | None = None
    duration_in_expedient: str | None = None
    sla_attended: bool | None = None
    created_at: Timestamp = None
    expiration: Timestamp = None
    attended_at: Timestamp = None
    attended_by: Named | None = None
    created_by: Named | None = None

    def to_domain(self) -> StageSla:
        return StageSla(
            stage=self.stage.to_ref() if self.stage else None,
            desk=self.desk.to_ref() if self.desk else None,
            duration_in_business_hours=self.duration_in_expedient,
            sla_attended=self.sla_attended,
            entered_at=self.created_at,
            expiration=self.expiration,
            attended_at=self.attended_at,
            attended_by=self.attended_by.to_ref() if self.attended_by else None,
            moved_by=self.created_by.to_ref() if self.created_by else None,
        )


class ShiftWire(WireModel):
    name: str | None = None
    value: Money = None


class ShiftOwnerWire(WireModel):
    ticket_number: int
    title: str | None = None


class ValorizationWire(WireModel):
    attendance: str | None = None
    attendance_kind: str | None = None
    contract: Named | None = None
    loose_service: Named | None = None
    shift: ShiftWire | None = None
    guarantee: bool = False
    manual_value: bool = False
    value: Money = None
    shift_owner_ticket: ShiftOwnerWire | None = None

    def to_domain(self) -> Valorization:
        return Valorization(
            attendance=self.attendance,
            attendance_kind=self.attendance_kind,
            contract=self.contract.to_ref() if self.contract else None,
            loose_service=self.loose_service.to_ref() if self.loose_service else None,
            shift=Shift(self.shift.name, self.shift.value) if self.shift else None,
            guarantee=self.guarantee,
            manual_value=self.manual_value,
            value=self.value,
            shift_owner=ShiftOwner(self.shift_owner_ticket.ticket_number, self.shift_owner_ticket.title)
            if self.shift_owner_ticket
            else None,
        )


class LocationWire(WireModel):
    latitude: float | None = None
    longitude: float | None = None


class AppointmentWire(WireModel):
    id: int
    date: Day = None
    init_time: str | None = None
    end_time: str | None = None
    description: str | None = None
    user: Named | None = None
    client: Named | None = None
    valorization: ValorizationWire | None = None
    locations: list[LocationWire] | None = None
    external_user_name: str | None = None
    value: Money = None

    def to_domain(self) -> Appointment:
        return Appointment(
            id=AppointmentId(self.id),
            day=self.date,
            start=self.init_time,
            end=self.end_time,
            description=self.description,
            user=self.user.to_ref() if self.user else None,
            client=self.client.to_ref() if self.client else None,
            valorization=self.valorization.to_domain() if self.valorization else None,
            locations=tuple(Location(loc.latitude, loc.longitude) for loc in self.locations or ()),
            external_user_name=self.external_user_name,
            value=self.value,
        )


class AnswerWire(WireModel):
    id: int
    author: str | None = None
    answer_time: Timestamp = None
    answer_origin: str | None = None
    signature: bool = False

    def to_domain(self) -> Answer:
        return Answer(
            id=AnswerId(self.id),
            author=self.author,
            answered_at=self.answer_time,
            origin=self.answer_origin,
            with_signature=self.signature,
        )
