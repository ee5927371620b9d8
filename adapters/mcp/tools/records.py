"""Record tools: internal communications, files, stage history, appointments."""

from __future__ import annotations

from pydantic import Field

from adapters.mcp.attachment_args import WithFiles
from adapters.mcp.fields import Day, PastDay, PositiveId, TicketNumberArg, TimeOfDay, files_allowed
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
    text: str = Field(min_length=1, max_length=100_000, description="Markdown (vai como HTML).")


class NotesInput(PagedInput):
    ticket_number: TicketNumberArg


class NoteIdInput(ToolInput):
    ticket_number: TicketNumberArg
    communication_id: PositiveId


class TicketOnlyInput(ToolInput):
    ticket_number: TicketNumberArg


class NewAppointmentInput(ToolInput):
    ticket_number: TicketNumberArg
    date: PastDay = Field(description="Hoje ou antes.")
    init_time: TimeOfDay
    end_time: TimeOfDay = Field(description="Não antes de init_time.")
    description: str = Field(min_length=1, max_length=10_000, description="O que foi feito; texto simples.")

    def to_appointment(self) -> NewAppointment:
        return NewAppointment(self.date, self.init_time, self.end_time, self.description)


class AppointmentsInput(PagedInput):
    ticket_number: TicketNumberArg
    user_id: PositiveId | None = Field(default=None, description="Atendente.")
    start_date: Day = None
    end_date: Day = None

    def to_filter(self) -> AppointmentFilter:
        return AppointmentFilter(user_id=self.user_id, start=self.start_date, end=self.end_date)


CREATE_INTERNAL_COMMUNICATION = ToolSpec(
    name="create_internal_communication",
    title="Criar comunicação interna",
    description=(
        "Adiciona ao ticket uma nota interna, que só atendentes veem; ao cliente: create_ticket_answer. "
        + files_allowed(COMMUNICATION_LIMITS)
    ),
    input_model=NoteInput,
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
    title="Listar comunicações internas",
    description="Lista as notas internas de um ticket: autor, data, início do texto, anexos.",
    input_model=NotesInput,
    use_case=lambda services, args: ListNotes(services.communications)(args.ticket_number, args.page()),
    presenter=lambda page, args, fmt: present_notes(args.ticket_number, page, fmt),
    read_only=True,
    toolset="records",
)

GET_INTERNAL_COMMUNICATION = ToolSpec(
    name="get_internal_communication",
    title="Ver comunicação interna",
    description="Mostra uma nota interna completa (ID em list_internal_communications).",
    input_model=NoteIdInput,
    use_case=lambda services, args: ReadNote(services.communications)(
        args.ticket_number, CommunicationId(args.communication_id)
    ),
    presenter=lambda note, args, fmt: present_note(args.ticket_number, note, fmt),
    read_only=True,
    toolset="records",
)

GET_TICKET_FILES = ToolSpec(
    name="get_ticket_files",
    title="Arquivos do ticket",
    description="Lista os arquivos anexados a um ticket: nome, tipo, tamanho, link, data, autor.",
    input_model=TicketOnlyInput,
    use_case=lambda services, args: ListTicketFiles(services.files)(args.ticket_number),
    presenter=lambda files, _args, fmt: present_files(files, fmt),
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
    use_case=lambda services, args: ShowStageHistory(services.stage_history)(args.ticket_number, args.page()),
    presenter=lambda history, _args, fmt: present_stage_history(history, fmt),
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
    title="Listar apontamentos",
    description=("Lista as horas apontadas num ticket, com valores nas mesas que valorizam apontamentos."),
    input_model=AppointmentsInput,
    use_case=lambda services, args: ListAppointments(services.appointments)(
        args.ticket_number, args.to_filter(), args.page()
    ),
    presenter=lambda listing, _args, fmt: present_appointments(listing, fmt),
    read_only=True,
    toolset="records",
)
