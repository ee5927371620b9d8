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
from adapters.presenters.markdown.records import (
    present_appointment_added,
    present_appointments,
    present_files,
    present_note,
    present_note_added,
    present_notes,
    present_stage_history,
)
from application.commands import NewAppointment
from application.queries import AppointmentFilter
from application.use_cases.records import (
    AddAppointment,
    AddNote,
    ListAppointments,
    ListNotes,
    ListTicketFiles,
    ReadNote,
    ShowStageHistory,
)
from domain.attachments import COMMUNICATION_LIMITS
from domain.ids import CommunicationId


class NoteInput(WithFiles):
    ticket_number: TicketNumberArg
    text: Annotated[str, MARKDOWN] = Field(min_length=1, max_length=100_000)


class NotesInput(PagedInput):
    ticket_number: TicketNumberArg


class NoteIdInput(ToolInput):
    ticket_number: TicketNumberArg
    communication_id: Annotated[
        PositiveId,
        Words(pt="ID da nota (list_internal_communications).", en="Note ID (list_internal_communications)."),
    ]


class TicketOnlyInput(ToolInput):
    ticket_number: TicketNumberArg


class NewAppointmentInput(ToolInput):
    ticket_number: TicketNumberArg
    date: Annotated[PastDay, Words(pt="Hoje ou antes.", en="Today or earlier.")]
    init_time: Annotated[TimeOfDay, Words(pt="Início.", en="Start.")]
    end_time: Annotated[TimeOfDay, Words(pt="Não antes de init_time.", en="Not before init_time.")]
    description: Annotated[
        str, Words(pt="O que foi feito; texto simples.", en="What was done; plain text.")
    ] = Field(min_length=1, max_length=10_000)

    def to_appointment(self) -> NewAppointment:
        return NewAppointment(self.date, self.init_time, self.end_time, self.description)


class AppointmentsInput(PagedInput):
    ticket_number: TicketNumberArg
    user_id: Annotated[PositiveId | None, Words(pt="Atendente.", en="Attendant.")] = None
    start_date: Annotated[Day, Words(pt="De (inclusive).", en="From (inclusive).")] = None
    end_date: Annotated[Day, Words(pt="Até (inclusive).", en="Until (inclusive).")] = None

    def to_filter(self) -> AppointmentFilter:
        return AppointmentFilter(user_id=self.user_id, start=self.start_date, end=self.end_date)


CREATE_INTERNAL_COMMUNICATION = ToolSpec(
    name="create_internal_communication",
    title=Words(pt="Criar comunicação interna", en="Add internal communication"),
    description=Words(
        pt="Adiciona ao ticket uma nota interna, que só atendentes veem; ao cliente: create_ticket_answer.",
        en="Adds an internal note to the ticket, seen only by attendants; to the client: "
        "create_ticket_answer.",
    )
    + files_allowed(COMMUNICATION_LIMITS),
    input_model=NoteInput,
    output_model=CreateInternalCommunicationOutput,
    use_case=lambda services, args: AddNote(
        services.communications, services.rich_text, services.attachments
    )(args.ticket_number, args.text, args.files, args.encoded()),
    presenter=lambda added, _args, fmt: present_note_added(added, fmt),
    read_only=False,
    idempotent=False,
    toolset="records",
)

LIST_INTERNAL_COMMUNICATIONS = ToolSpec(
    name="list_internal_communications",
    title=Words(pt="Listar comunicações internas", en="List internal communications"),
    description=Words(
        pt="Lista as notas internas de um ticket: autor, data, início do texto, anexos.",
        en="Lists a ticket's internal notes: author, date, start of the text, attachments.",
    ),
    input_model=NotesInput,
    output_model=ListInternalCommunicationsOutput,
    use_case=lambda services, args: ListNotes(services.communications)(args.ticket_number, args.page()),
    presenter=lambda page, args, fmt: present_notes(args.ticket_number, page, fmt),
    read_only=True,
    toolset="records",
)

GET_INTERNAL_COMMUNICATION = ToolSpec(
    name="get_internal_communication",
    title=Words(pt="Ver comunicação interna", en="Show internal communication"),
    description=Words(pt="Mostra uma nota interna completa.", en="Shows a whole internal note."),
    input_model=NoteIdInput,
    output_model=GetInternalCommunicationOutput,
    use_case=lambda services, args: ReadNote(services.communications)(
        args.ticket_number, CommunicationId(args.communication_id)
    ),
    presenter=lambda note, args, fmt: present_note(args.ticket_number, note, fmt),
    read_only=True,
    toolset="records",
)

GET_TICKET_FILES = ToolSpec(
    name="get_ticket_files",
    title=Words(pt="Arquivos do ticket", en="Ticket files"),
    description=Words(
        pt="Lista os arquivos anexados a um ticket: nome, tipo, tamanho, link, data, autor.",
        en="Lists the files attached to a ticket: name, type, size, link, date, author.",
    ),
    input_model=TicketOnlyInput,
    output_model=GetTicketFilesOutput,
    use_case=lambda services, args: ListTicketFiles(services.files)(args.ticket_number),
    presenter=lambda files, _args, fmt: present_files(files, fmt),
    read_only=True,
    toolset="records",
)


GET_TICKET_STAGES_SLAS = ToolSpec(
    name="get_ticket_stages_slas",
    title=Words(pt="Histórico de estágios e SLA", en="Stage and SLA history"),
    description=Words(
        pt="Mostra os estágios por que o ticket passou, o tempo em cada um (no expediente) e se o SLA foi "
        "cumprido. Vazio se a mesa não tem SLA.",
        en="Shows the stages the ticket went through, the time in each (in working hours) and "
        "whether the SLA "
        "was met. Empty if the desk has no SLA.",
    ),
    input_model=NotesInput,
    output_model=GetTicketStagesSlasOutput,
    use_case=lambda services, args: ShowStageHistory(services.stage_history)(args.ticket_number, args.page()),
    presenter=lambda history, _args, fmt: present_stage_history(history, fmt),
    read_only=True,
    toolset="records",
)

CREATE_APPOINTMENT = ToolSpec(
    name="create_appointment",
    title=Words(pt="Apontar horas", en="Log hours"),
    description=Words(
        pt="Registra horas trabalhadas num ticket. Só em mesas com apontamento sem valorização (nas outras o "
        "TiFlux recusa).",
        en="Logs hours worked on a ticket. Only in desks whose appointments carry no value (TiFlux refuses "
        "the others).",
    ),
    input_model=NewAppointmentInput,
    output_model=CreateAppointmentOutput,
    use_case=lambda services, args: AddAppointment(services.appointments)(
        args.ticket_number, args.to_appointment()
    ),
    presenter=lambda added, _args, fmt: present_appointment_added(added, fmt),
    read_only=False,
    idempotent=False,
    toolset="records",
)

LIST_APPOINTMENTS = ToolSpec(
    name="list_appointments",
    title=Words(pt="Listar apontamentos", en="List logged hours"),
    description=Words(
        pt="Lista as horas apontadas num ticket, com valores nas mesas que valorizam apontamentos.",
        en="Lists the hours logged on a ticket, with values in desks that charge for them.",
    ),
    input_model=AppointmentsInput,
    output_model=ListAppointmentsOutput,
    use_case=lambda services, args: ListAppointments(services.appointments)(
        args.ticket_number, args.to_filter(), args.page()
    ),
    presenter=lambda listing, _args, fmt: present_appointments(listing, fmt),
    read_only=True,
    toolset="records",
)
