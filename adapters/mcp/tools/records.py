"""Record tools: internal communications, files, stage history, appointments."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import Field

from adapters.i18n.words import Words
from adapters.mcp.attachment_args import WithFiles
from adapters.mcp.fields import (
    MARKDOWN,
    Day,
    OptionalTicketNumber,
    PastDay,
    PositiveId,
    TicketNumberArg,
    TimeOfDay,
    files_allowed,
)
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
from application.commands import Attendance, NewAppointment, Valuation
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


_BY_NAME = Words(pt="Nome.", en="Name.")
_NAMES = ("loose_service_name", "contract_name", "shift_name")


class NewAppointmentInput(ToolInput):
    ticket_number: TicketNumberArg
    date: Annotated[PastDay, Words(pt="Hoje ou antes.", en="Today or earlier.")]
    init_time: Annotated[TimeOfDay, Words(pt="Início (HH:MM).", en="Start (HH:MM).")]
    end_time: Annotated[TimeOfDay, Words(pt="Fim (HH:MM).", en="End (HH:MM).")]
    description: Annotated[str, Words(pt="O que foi feito.", en="What was done.")] = Field(
        min_length=1, max_length=10_000
    )
    # Valued appointments (2.42): the kind (1 loose service, 2 contract rider) follows from which is given.
    attendance: Annotated[
        Literal["external", "remote", "internal"] | None, Words(pt="Mesa valorizada.", en="Valued desk.")
    ] = None
    loose_service_id: Annotated[PositiveId | None, Words(pt="Serviço avulso.", en="Loose service.")] = None
    contract_rider_id: Annotated[PositiveId | None, Words(pt="Aditivo.", en="Contract rider.")] = None
    shift_id: Annotated[PositiveId | None, Words(pt="Deslocamento.", en="Travel charge.")] = None
    shift_owner_ticket_number: Annotated[OptionalTicketNumber, Words(pt="Carona.", en="Shared ride.")] = None
    guarantee: Annotated[bool, Words(pt="Garantia.", en="Warranty.")] = False
    value: Annotated[Decimal | None, Words(pt="Valor manual.", en="Manual value.")] = Field(
        default=None, ge=0, le=Decimal("9999999.99"), decimal_places=2
    )
    external_user_name: Annotated[str | None, Words(pt="Executor externo.", en="External executor.")] = Field(
        default=None, min_length=1, max_length=255
    )
    # The same three by name (resolved on the ticket's lists; an ID and a name together are refused).
    loose_service_name: Annotated[str | None, _BY_NAME] = Field(default=None, max_length=200)
    contract_name: Annotated[str | None, _BY_NAME] = Field(default=None, max_length=200)
    shift_name: Annotated[str | None, _BY_NAME] = Field(default=None, max_length=200)

    @classmethod
    def advertise(cls, schema: dict[str, Any]) -> dict[str, Any]:
        # Bounds are enforced, not shown (they cost tools/list bytes on every session); a number is a number.
        names = ("shift_owner_ticket_number", "value", "external_user_name", "description", "guarantee")
        for name in _NAMES:
            schema["properties"][name] = {"type": "string", **schema["properties"][name]}
        for name in (*names, *_NAMES, "init_time", "end_time"):
            for key in ("maxLength", "minimum", "maximum", "anyOf", "pattern", "default"):
                schema["properties"][name].pop(key, None)
        schema["properties"]["value"]["type"] = "number"
        return super().advertise(schema)

    async def run(self, add_appointment: AddAppointment) -> AppointmentAdded:
        return await add_appointment(self.ticket_number, self.to_appointment())

    def to_appointment(self) -> NewAppointment:
        valuation = Valuation(
            attendance=Attendance[self.attendance.upper()] if self.attendance else None,
            loose_service_id=self.loose_service_id,
            contract_rider_id=self.contract_rider_id,
            shift_id=self.shift_id,
            shift_owner=self.shift_owner_ticket_number,
            guarantee=self.guarantee,
            value=self.value,
            external_user_name=self.external_user_name,
            loose_service_name=self.loose_service_name,
            contract_name=self.contract_name,
            shift_name=self.shift_name,
        )
        given = valuation.valued or valuation.external_user_name is not None
        return NewAppointment(
            self.date, self.init_time, self.end_time, self.description, valuation if given else None
        )


class AppointmentsInput(PagedInput):
    ticket_number: TicketNumberArg
    user_id: Annotated[PositiveId | None, Words(pt="Atendente.", en="Attendant.")] = None
    start_date: Annotated[Day, Words(pt="De.", en="From.")] = None
    end_date: Annotated[Day, Words(pt="Até.", en="Until.")] = None

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
        pt="Anexos de um ticket, com link.",
        en="A ticket's attachments, with links.",
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
        pt="Estágios por que o ticket passou, o tempo em cada um e o SLA.",
        en="Stages the ticket went through, the time in each and the SLA.",
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
        pt="Registra horas num ticket; mesa valorizada: attendance e serviço ou aditivo "
        "(get_ticket_service_types).",
        en="Logs hours on a ticket; valued desk: attendance and a service or rider "
        "(get_ticket_service_types).",
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
        pt="Horas apontadas num ticket, com valores.",
        en="Hours logged on a ticket, with values.",
    ),
    input_model=AppointmentsInput,
    output_model=ListAppointmentsOutput,
    use_case=UseCases.list_appointments,
    run=AppointmentsInput.run,
    present=present_appointments,
    read_only=True,
    toolset="records",
)
