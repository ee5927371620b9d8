"""Record tools: internal communications, files, stage history, appointments."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from adapters.i18n.words import Words
from adapters.mcp.attachment_args import WithFiles
from adapters.mcp.fields import MARKDOWN, Day, PastDay, PositiveId, TicketNumberArg, TimeOfDay, files_allowed
from adapters.mcp.outputs.records import (
    CreateAppointmentOutput,
    CreateInternalCommunicationOutput,
    GetInternalCommunicationOutput,
    GetTicketFilesOutput,
    GetTicketStagesSlasOutput,
    ListAppointmentsOutput,
    ListInternalCommunicationsOutput,
)
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
    text: Annotated[str, MARKDOWN] = Field(min_length=1, max_length=100_000)

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
    communication_id: Annotated[
        PositiveId,
        Words(pt="ID da nota (list_internal_communications).", en="Note ID (list_internal_communications)."),
    ]

    async def run(self, read_note: ReadNote) -> InternalCommunication:
        return await read_note(self.ticket_number, CommunicationId(self.communication_id))


class TicketOnlyInput(ToolInput):
    ticket_number: TicketNumberArg

    async def files(self, list_files: ListTicketFiles) -> TicketFiles:
        return await list_files(self.ticket_number)


class NewAppointmentInput(ToolInput):
    ticket_number: TicketNumberArg
    date: Annotated[PastDay, Words(pt="Hoje ou antes.", en="Today or earlier.")]
    init_time: Annotated[TimeOfDay, Words(pt="Início.", en="Start.")]
    end_time: Annotated[TimeOfDay, Words(pt="Não antes de init_time.", en="Not before init_time.")]
    description: Annotated[
        str, Words(pt="O que foi feito; texto simples.", en="What was done; plain text.")
    ] = Field(min_length=1, max_length=10_000)

    async def run(self, add_appointment: AddAppointment) -> AppointmentAdded:
        return await add_appointment(self.ticket_number, self.to_appointment())

    def to_appointment(self) -> NewAppointment:
        return NewAppointment(self.date, self.init_time, self.end_time, self.description)


class AppointmentsInput(PagedInput):
    ticket_number: TicketNumberArg
    user_id: Annotated[PositiveId | None, Words(pt="Atendente.", en="Attendant.")] = None
    start_date: Annotated[Day, Words(pt="De (inclusive).", en="From (inclusive).")] = None
    end_date: Annotated[Day, Words(pt="Até (inclusive).", en="Until (inclusive).")] = None

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
    title=Words(pt="Criar comunicação interna", en="Add internal communication"),
    description=Words(
        pt="Adiciona uma nota interna (só atendentes veem); ao cliente: create_ticket_answer.",
        en="Adds an internal note (attendants only); to the client: create_ticket_answer.",
    )
    + files_allowed(COMMUNICATION_LIMITS),
    input_model=NoteInput,
    output_model=CreateInternalCommunicationOutput,
    use_case=UseCases.add_note,
    run=NoteInput.run,
    present=present_note_added,
    read_only=False,
    idempotent=False,
    toolset="records",
)

LIST_INTERNAL_COMMUNICATIONS = ToolSpec(
    name="list_internal_communications",
    title=Words(pt="Listar comunicações internas", en="List internal communications"),
    description=Words(
        pt="Lista as notas internas de um ticket.",
        en="Lists a ticket's internal notes.",
    ),
    input_model=NotesInput,
    output_model=ListInternalCommunicationsOutput,
    use_case=UseCases.list_notes,
    run=NotesInput.notes,
    present_with_arguments=_present_notes,
    read_only=True,
    toolset="records",
)

GET_INTERNAL_COMMUNICATION = ToolSpec(
    name="get_internal_communication",
    title=Words(pt="Ver comunicação interna", en="Show internal communication"),
    description=Words(pt="Mostra uma nota interna completa.", en="Shows a whole internal note."),
    input_model=NoteIdInput,
    output_model=GetInternalCommunicationOutput,
    use_case=UseCases.read_note,
    run=NoteIdInput.run,
    present_with_arguments=_present_note,
    read_only=True,
    toolset="records",
)

GET_TICKET_FILES = ToolSpec(
    name="get_ticket_files",
    title=Words(pt="Arquivos do ticket", en="Ticket files"),
    description=Words(
        pt="Lista os anexos de um ticket: nome, tipo, tamanho, link.",
        en="Lists a ticket's attachments: name, type, size, link.",
    ),
    input_model=TicketOnlyInput,
    output_model=GetTicketFilesOutput,
    use_case=UseCases.list_ticket_files,
    run=TicketOnlyInput.files,
    present=present_files,
    read_only=True,
    toolset="records",
)


GET_TICKET_STAGES_SLAS = ToolSpec(
    name="get_ticket_stages_slas",
    title=Words(pt="Histórico de estágios e SLA", en="Stage and SLA history"),
    description=Words(
        pt="Mostra os estágios por que o ticket passou, o tempo em cada um e se o SLA foi cumprido.",
        en="Shows the stages the ticket went through, the time in each and whether the SLA was met.",
    ),
    input_model=NotesInput,
    output_model=GetTicketStagesSlasOutput,
    use_case=UseCases.show_stage_history,
    run=NotesInput.stage_history,
    present=present_stage_history,
    read_only=True,
    toolset="records",
)

CREATE_APPOINTMENT = ToolSpec(
    name="create_appointment",
    title=Words(pt="Apontar horas", en="Log hours"),
    description=Words(
        pt="Registra horas trabalhadas num ticket (mesas sem valorização).",
        en="Logs hours worked on a ticket (desks without valuation).",
    ),
    input_model=NewAppointmentInput,
    output_model=CreateAppointmentOutput,
    use_case=UseCases.add_appointment,
    run=NewAppointmentInput.run,
    present=present_appointment_added,
    read_only=False,
    idempotent=False,
    toolset="records",
)

LIST_APPOINTMENTS = ToolSpec(
    name="list_appointments",
    title=Words(pt="Listar apontamentos", en="List logged hours"),
    description=Words(
        pt="Lista as horas apontadas num ticket, com valores quando há.",
        en="Lists the hours logged on a ticket, with values if any.",
    ),
    input_model=AppointmentsInput,
    output_model=ListAppointmentsOutput,
    use_case=UseCases.list_appointments,
    run=AppointmentsInput.run,
    present=present_appointments,
    read_only=True,
    toolset="records",
)
