"""Record tools: internal communications, files, stage history, appointments."""

from __future__ import annotations

from pydantic import Field

from adapters.mcp.attachment_args import WithFiles
from adapters.mcp.fields import Day, PastDay, PositiveId, TicketNumberArg, TimeOfDay, files_allowed
from adapters.mcp.spec import PagedInput, ToolInput, ToolSpec
from adapters.presenters.markdown.format import Formatter
from adapters.presenters.markdown.records import (
    present_appointment_added,
    present_appointments,
    present_files,
    present_note,
    present_note_added,
    present_notes,
    present_stage_history,
)
from adapters.use_cases import UseCases
from application.commands import NewAppointment
from application.queries import AppointmentFilter
from application.use_cases.records import (
    AddAppointment,
    AddNote,
    AppointmentAdded,
    Appointments,
    ListAppointments,
    ListNotes,
    ListTicketFiles,
    NoteAdded,
    ReadNote,
    ShowStageHistory,
    StageHistory,
    TicketFiles,
)
from domain.attachments import COMMUNICATION_LIMITS
from domain.ids import CommunicationId
from domain.paging import Page
from domain.records import InternalCommunication


class NoteInput(WithFiles):
    ticket_number: TicketNumberArg
    text: str = Field(min_length=1, max_length=100_000, description="Markdown (vai como HTML).")

    async def run(self, add_note: AddNote) -> NoteAdded:
        return await add_note(self.ticket_number, self.text, self.files, self.encoded())


class NotesInput(PagedInput):
    ticket_number: TicketNumberArg

    async def notes(self, list_notes: ListNotes) -> Page[InternalCommunication]:
        return await list_notes(self.ticket_number, self.page())

    async def stage_history(self, show_history: ShowStageHistory) -> StageHistory:
        return await show_history(self.ticket_number, self.page())


class NoteIdInput(ToolInput):
    ticket_number: TicketNumberArg
    communication_id: PositiveId

    async def run(self, read_note: ReadNote) -> InternalCommunication:
        return await read_note(self.ticket_number, CommunicationId(self.communication_id))


class TicketOnlyInput(ToolInput):
    ticket_number: TicketNumberArg

    async def files(self, list_files: ListTicketFiles) -> TicketFiles:
        return await list_files(self.ticket_number)


class NewAppointmentInput(ToolInput):
    ticket_number: TicketNumberArg
    date: PastDay = Field(description="Hoje ou antes.")
    init_time: TimeOfDay
    end_time: TimeOfDay = Field(description="Não antes de init_time.")
    description: str = Field(min_length=1, max_length=10_000, description="O que foi feito; texto simples.")

    async def run(self, add_appointment: AddAppointment) -> AppointmentAdded:
        return await add_appointment(self.ticket_number, self.to_appointment())

    def to_appointment(self) -> NewAppointment:
        return NewAppointment(self.date, self.init_time, self.end_time, self.description)


class AppointmentsInput(PagedInput):
    ticket_number: TicketNumberArg
    user_id: PositiveId | None = Field(default=None, description="Atendente.")
    start_date: Day = None
    end_date: Day = None

    async def run(self, list_appointments: ListAppointments) -> Appointments:
        return await list_appointments(self.ticket_number, self.to_filter(), self.page())

    def to_filter(self) -> AppointmentFilter:
        return AppointmentFilter(user_id=self.user_id, start=self.start_date, end=self.end_date)


def _present_notes(page: Page[InternalCommunication], args: NotesInput, fmt: Formatter) -> str:
    return present_notes(args.ticket_number, page, fmt)


def _present_note(note: InternalCommunication, args: NoteIdInput, fmt: Formatter) -> str:
    return present_note(args.ticket_number, note, fmt)


CREATE_INTERNAL_COMMUNICATION = ToolSpec(
    name="create_internal_communication",
    title="Criar comunicação interna",
    description=(
        "Adiciona ao ticket uma nota interna, que só atendentes veem; ao cliente: create_ticket_answer. "
        + files_allowed(COMMUNICATION_LIMITS)
    ),
    input_model=NoteInput,
    use_case=UseCases.add_note,
    run=NoteInput.run,
    present=present_note_added,
    read_only=False,
    idempotent=False,
    toolset="records",
)

LIST_INTERNAL_COMMUNICATIONS = ToolSpec(
    name="list_internal_communications",
    title="Listar comunicações internas",
    description="Lista as notas internas de um ticket: autor, data, início do texto, anexos.",
    input_model=NotesInput,
    use_case=UseCases.list_notes,
    run=NotesInput.notes,
    present_with_arguments=_present_notes,
    read_only=True,
    toolset="records",
)

GET_INTERNAL_COMMUNICATION = ToolSpec(
    name="get_internal_communication",
    title="Ver comunicação interna",
    description="Mostra uma nota interna completa (ID em list_internal_communications).",
    input_model=NoteIdInput,
    use_case=UseCases.read_note,
    run=NoteIdInput.run,
    present_with_arguments=_present_note,
    read_only=True,
    toolset="records",
)

GET_TICKET_FILES = ToolSpec(
    name="get_ticket_files",
    title="Arquivos do ticket",
    description="Lista os arquivos anexados a um ticket: nome, tipo, tamanho, link, data, autor.",
    input_model=TicketOnlyInput,
    use_case=UseCases.list_ticket_files,
    run=TicketOnlyInput.files,
    present=present_files,
    read_only=True,
    toolset="records",
)


GET_TICKET_STAGES_SLAS = ToolSpec(
    name="get_ticket_stages_slas",
    title="Histórico de estágios e SLA",
    description=(
        "Mostra os estágios por que o ticket passou, o tempo em cada um (no expediente) e se o SLA foi "
        "cumprido. Vazio se a mesa não tem SLA."
    ),
    input_model=NotesInput,
    use_case=UseCases.show_stage_history,
    run=NotesInput.stage_history,
    present=present_stage_history,
    read_only=True,
    toolset="records",
)

CREATE_APPOINTMENT = ToolSpec(
    name="create_appointment",
    title="Apontar horas",
    description=(
        "Registra horas trabalhadas num ticket. Só em mesas com apontamento sem valorização (nas outras o "
        "TiFlux recusa)."
    ),
    input_model=NewAppointmentInput,
    use_case=UseCases.add_appointment,
    run=NewAppointmentInput.run,
    present=present_appointment_added,
    read_only=False,
    idempotent=False,
    toolset="records",
)

LIST_APPOINTMENTS = ToolSpec(
    name="list_appointments",
    title="Listar apontamentos",
    description=("Lista as horas apontadas num ticket, com valores nas mesas que valorizam apontamentos."),
    input_model=AppointmentsInput,
    use_case=UseCases.list_appointments,
    run=AppointmentsInput.run,
    present=present_appointments,
    read_only=True,
    toolset="records",
)
