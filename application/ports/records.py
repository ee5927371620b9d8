"""What a ticket accumulates: internal communications, files, stage SLAs and appointments."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from application.commands import NewAppointment, NoteDraft
from application.queries import AppointmentFilter
from domain.ids import CommunicationId, TicketNumber
from domain.paging import Page, PageRequest
from domain.records import Appointment, InternalCommunication, StageSla, TicketFile


class CommunicationsPort(Protocol):
    """Private notes between attendants."""

    async def list(self, number: TicketNumber, page: PageRequest) -> Page[InternalCommunication]:
        """One page of the ticket's internal communications."""
        ...

    async def get(self, number: TicketNumber, communication_id: CommunicationId) -> InternalCommunication:
        """One internal communication; NotFound if absent."""
        ...

    async def create(self, number: TicketNumber, note: NoteDraft) -> InternalCommunication:
        """Add a note (always sent as multipart, even without files); sent once."""
        ...


class FilesPort(Protocol):
    """Files attached to a ticket."""

    async def list(self, number: TicketNumber) -> Sequence[TicketFile]:
        """Every file of the ticket (the API does not page them)."""
        ...


class StageHistoryPort(Protocol):
    """How long a ticket sat in each stage, against each stage's SLA."""

    async def list(self, number: TicketNumber, page: PageRequest) -> Page[StageSla]:
        """One page of the ticket's stage history."""
        ...


class AppointmentsPort(Protocol):
    """Hours worked on tickets."""

    async def list(
        self, number: TicketNumber, query: AppointmentFilter, page: PageRequest
    ) -> Page[Appointment]:
        """One page of the ticket's appointments."""
        ...

    async def create(self, number: TicketNumber, appointment: NewAppointment) -> Appointment:
        """Record hours worked (only on desks whose appointments are not valued)."""
        ...
