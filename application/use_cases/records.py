"""A ticket's records: internal communications, files, stage history, appointments."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from application.attachments import EncodedFile, gather_attachments
from application.commands import NewAppointment, NoteDraft
from application.ports.attachments import AttachmentsPort
from application.ports.records import AppointmentsPort, CommunicationsPort, FilesPort, StageHistoryPort
from application.ports.rich_text import RichTextPort
from application.queries import AppointmentFilter
from application.resolvers import CONTRACT_RIDER, LOOSE_SERVICE, TRAVEL_CHARGE, References, decisions
from domain.attachments import COMMUNICATION_LIMITS
from domain.errors import Rejected
from domain.ids import CommunicationId, TicketNumber
from domain.paging import Page, PageRequest
from domain.records import Appointment, InternalCommunication, StageSla, TicketFile
from domain.resolution import Decision, Reference


@dataclass(frozen=True)
class NoteAdded:
    number: TicketNumber
    note: InternalCommunication


@dataclass(frozen=True)
class AddNote:
    """Leave a private note between attendants, with files; everything is checked before it is sent."""

    communications: CommunicationsPort
    rich_text: RichTextPort
    attachments: AttachmentsPort

    async def __call__(
        self, number: TicketNumber, text: str, paths: Sequence[str] = (), encoded: Sequence[EncodedFile] = ()
    ) -> NoteAdded:
        files = await gather_attachments(self.attachments, paths, encoded, COMMUNICATION_LIMITS)
        note = NoteDraft(text_html=await self.rich_text.to_html(text), attachments=files)
        return NoteAdded(number, await self.communications.create(number, note))


@dataclass(frozen=True)
class ListNotes:
    """The internal communications of a ticket, one page at a time."""

    communications: CommunicationsPort

    async def __call__(self, number: TicketNumber, page: PageRequest) -> Page[InternalCommunication]:
        return await self.communications.list(number, page)


@dataclass(frozen=True)
class ReadNote:
    """One internal communication in full."""

    communications: CommunicationsPort

    async def __call__(
        self, number: TicketNumber, communication_id: CommunicationId
    ) -> InternalCommunication:
        return await self.communications.get(number, communication_id)


@dataclass(frozen=True)
class TicketFiles:
    number: TicketNumber
    files: Sequence[TicketFile]


@dataclass(frozen=True)
class ListTicketFiles:
    """Every file attached to a ticket."""

    files: FilesPort

    async def __call__(self, number: TicketNumber) -> TicketFiles:
        return TicketFiles(number, await self.files.list(number))


@dataclass(frozen=True)
class StageHistory:
    number: TicketNumber
    page: Page[StageSla]


@dataclass(frozen=True)
class ShowStageHistory:
    """How long a ticket sat in each stage, against each stage's SLA."""

    stage_history: StageHistoryPort

    async def __call__(self, number: TicketNumber, page: PageRequest) -> StageHistory:
        return StageHistory(number, await self.stage_history.list(number, page))


@dataclass(frozen=True)
class Appointments:
    number: TicketNumber
    page: Page[Appointment]


@dataclass(frozen=True)
class ListAppointments:
    """The hours worked on a ticket, with their money value where the desk values them."""

    appointments: AppointmentsPort

    async def __call__(
        self, number: TicketNumber, query: AppointmentFilter, page: PageRequest
    ) -> Appointments:
        return Appointments(number, await self.appointments.list(number, query, page))


@dataclass(frozen=True)
class AppointmentAdded:
    number: TicketNumber
    appointment: Appointment
    decisions: tuple[Decision, ...] = ()  # what each name became


@dataclass(frozen=True)
class AddAppointment:
    """Record hours worked, valued or not; a desk that values its appointments refuses one without its
    valuation, and the user is told what it needs."""

    appointments: AppointmentsPort
    references: References | None = None  # for the names of a valued appointment

    async def __call__(self, number: TicketNumber, appointment: NewAppointment) -> AppointmentAdded:
        appointment, decided = await self._resolved(number, appointment)
        try:
            created = await self.appointments.create(number, appointment)
        except Rejected as refusal:
            text = " ".join(refusal.messages).casefold()
            needs_valuation = "valorization" in text or ("attendance" in text and "blank" in text)
            raise Rejected(
                refusal.messages, hint="valuation_required" if needs_valuation else None
            ) from refusal
        return AppointmentAdded(number, created, decided)

    async def _resolved(
        self, number: TicketNumber, appointment: NewAppointment
    ) -> tuple[NewAppointment, tuple[Decision, ...]]:
        """The appointment with every name turned into the ID TiFlux takes (the rules checked again)."""
        valuation = appointment.valuation
        if valuation is None or not valuation.named:
            return appointment, ()
        assert self.references is not None
        on_day = (number, appointment.day)
        service = await self.references.resolve(
            LOOSE_SERVICE,
            Reference("loose_service_id", "loose_service_name", None, valuation.loose_service_name),
            on_day,
        )
        rider = await self.references.resolve(
            CONTRACT_RIDER,
            Reference("contract_rider_id", "contract_name", None, valuation.contract_name),
            on_day,
        )
        shift = await self.references.resolve(
            TRAVEL_CHARGE, Reference("shift_id", "shift_name", None, valuation.shift_name), number
        )
        ids = replace(
            valuation,
            loose_service_id=service.id if valuation.loose_service_name else valuation.loose_service_id,
            contract_rider_id=rider.id if valuation.contract_name else valuation.contract_rider_id,
            shift_id=shift.id if valuation.shift_name else valuation.shift_id,
            loose_service_name=None,
            contract_name=None,
            shift_name=None,
        )
        return replace(appointment, valuation=ids), decisions(service, rider, shift)
