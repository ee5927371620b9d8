"""A ticket's answers, history, checklists and reopening (tickets area, issue 18): declarations only."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    AllowInfNan,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    StringConstraints,
    WithJsonSchema,
)

from adapters.i18n.words import Words
from adapters.mcp.confirmations import PREVIEW_CHARS, PREVIEW_LINES, finish_question
from adapters.mcp.fields import PositiveId, TicketNumberArg
from adapters.mcp.outputs.ticket_activity import (
    DeleteTicketAnswerOutput,
    GetTicketAnswerOutput,
    GetTicketChecklistsOutput,
    GetTicketHistoriesOutput,
    ListTicketAnswersOutput,
    ReopenTicketOutput,
    UpdateTicketChecklistItemOutput,
)
from adapters.mcp.spec import Asking, Confirmation, PagedInput, ToolInput, ToolSpec
from adapters.presenters.markdown.text import html_to_text, inline
from adapters.presenters.markdown.ticket_activity import (
    present_answer,
    present_answer_deleted,
    present_answers,
    present_checklist_item,
    present_checklists,
    present_history,
    present_reopened,
)
from adapters.use_cases import UseCases
from application.ports.failures import UpstreamFailure
from application.use_cases.ticket_activity import (
    AnswerDeleted,
    ChecklistItemUpdated,
    DeleteTicketAnswer,
    ListTicketAnswers,
    ListTicketChecklists,
    OneAnswer,
    ReadTicketAnswer,
    ReopenTicket,
    ShowTicketHistory,
    TicketAnswers,
    TicketChecklists,
    TicketHistory,
    TicketReopened,
    UpdateChecklistItem,
)
from domain.checklists import ChecklistItemChange, OptionChange
from domain.errors import DomainError, InvalidInput
from domain.ids import MAX_ID, AnswerId
from domain.ticket_activity import HistoryOf, HistoryOperation, HistoryQuery

MAX_REASON = 5_000
MAX_VALUE = 10_000
MAX_INDEX = 10_000
MAX_OPTIONS = 100


class TicketAnswersInput(PagedInput):
    ticket_number: TicketNumberArg

    async def run(self, list_answers: ListTicketAnswers) -> TicketAnswers:
        return await list_answers(self.ticket_number, self.page())


class TicketAnswerInput(ToolInput):
    ticket_number: TicketNumberArg
    answer_id: Annotated[
        PositiveId, Words(pt="ID da resposta (list_ticket_answers).", en="Answer ID (list_ticket_answers).")
    ]

    async def run(self, read_answer: ReadTicketAnswer) -> OneAnswer:
        return await read_answer(self.ticket_number, AnswerId(self.answer_id))

    async def delete(self, delete_answer: DeleteTicketAnswer) -> AnswerDeleted:
        return await delete_answer(self.ticket_number, AnswerId(self.answer_id))

    async def delete_question(self, asking: Asking) -> str:
        """What will go: the answer's author and first lines, read from TiFlux."""
        t, number, answer_id = asking.translator, self.ticket_number.value, self.answer_id
        try:
            answer = await asking.gateway.ticket_activity.answer(self.ticket_number, AnswerId(answer_id))
        except (DomainError, UpstreamFailure):
            return t("confirm.delete_answer.unread", id=answer_id, number=number)
        text = html_to_text(answer.text_html)
        rows = [row.strip() for row in text.splitlines() if row.strip()][:PREVIEW_LINES]
        preview = "\n".join(f"> {inline(row, limit=PREVIEW_CHARS)}" for row in rows)
        author = inline(answer.author, limit=100) or t("none")
        return t("confirm.delete_answer", id=answer_id, number=number, author=author, preview=preview)


class TicketHistoryInput(PagedInput):
    ticket_number: TicketNumberArg
    history_of: Annotated[
        Literal["stages", "appointments"],
        Words(pt="Estágios ou apontamentos.", en="Stages or appointments."),
    ] = "stages"
    operation: Annotated[
        Literal["created", "updated", "deleted"] | None,
        Words(pt="Só com appointments.", en="Appointments only."),
    ] = None
    type_id_attr: Annotated[int | None, Words(pt="Tipo de atributo.", en="Attribute type.")] = Field(
        default=None, ge=0, le=MAX_ID
    )

    async def run(self, show_history: ShowTicketHistory) -> TicketHistory:
        return await show_history(self.ticket_number, self.query(), self.page())

    def query(self) -> HistoryQuery:
        of = HistoryOf.APPOINTMENTS if self.history_of == "appointments" else HistoryOf.STAGES
        if self.operation is not None and of is not HistoryOf.APPOINTMENTS:
            raise InvalidInput("operation", "operation_needs_appointments")
        operation = HistoryOperation(self.operation) if self.operation else None
        return HistoryQuery(of, self.type_id_attr, operation)


class ReopenInput(ToolInput):
    ticket_number: TicketNumberArg
    disapproval_reason: Annotated[
        str | None,
        Words(
            pt="Motivo da reprovação; exigido se o ticket aguarda revisão.",
            en="Why the solution was rejected; required when the ticket awaits review.",
        ),
    ] = Field(default=None, min_length=1, max_length=MAX_REASON)

    async def run(self, reopen_ticket: ReopenTicket) -> TicketReopened:
        return await reopen_ticket(self.ticket_number, self.disapproval_reason)

    async def question(self, asking: Asking) -> str:
        return await finish_question("confirm.reopen", self.ticket_number, asking)


class TicketChecklistsInput(PagedInput):
    ticket_number: TicketNumberArg

    async def run(self, list_checklists: ListTicketChecklists) -> TicketChecklists:
        return await list_checklists(self.ticket_number, self.page())


class OptionArg(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: Annotated[
        Annotated[StrictStr, StringConstraints(max_length=200)] | StrictInt | None,
        WithJsonSchema({"type": ["string", "integer", "null"]}),
        Words(pt="ID da opção; null: a de cabeçalho.", en="Option ID; null: the header."),
    ]
    checked: Annotated[StrictBool, Words(pt="Marcada?", en="Checked?")]


class ChecklistItemInput(ToolInput):
    ticket_number: TicketNumberArg
    checklist_id: Annotated[PositiveId, Words(pt="ID do checklist.", en="Checklist ID.")]
    index: Annotated[int, Words(pt="Índice do campo (0 vale).", en="Field index (0 is valid).")] = Field(
        ge=0, le=MAX_INDEX, strict=True
    )
    value: Annotated[
        Annotated[StrictStr, StringConstraints(max_length=MAX_VALUE)]
        | StrictInt
        | Annotated[StrictFloat, AllowInfNan(False)]
        | None,
        WithJsonSchema({"type": ["string", "number", "null"]}),
        Words(
            pt="Texto, número ou ID da opção (radio); null limpa. Não para checkbox.",
            en="Text, number or option ID (radio); null clears. Not for checkboxes.",
        ),
    ] = None
    options: Annotated[
        list[OptionArg] | None,
        Words(pt="Checkbox: só as opções listadas mudam.", en="Checkbox: only the listed options change."),
    ] = Field(default=None, min_length=1, max_length=MAX_OPTIONS)

    async def run(self, update_item: UpdateChecklistItem) -> ChecklistItemUpdated:
        return await update_item(self.ticket_number, self.checklist_id, self.index, self.change())

    def change(self) -> ChecklistItemChange:
        """Presence counts, not the value: `"value": null` is a value (it clears the field)."""
        given = {"value", "options"} & self.model_fields_set
        if len(given) != 1 or (given == {"options"} and self.options is None):
            raise InvalidInput("value", "value_or_options")
        if self.options is not None:
            return ChecklistItemChange(options=tuple(OptionChange(o.id, o.checked) for o in self.options))
        return ChecklistItemChange(value=self.value)


LIST_TICKET_ANSWERS = ToolSpec(
    name="list_ticket_answers",
    title=Words(pt="Listar respostas do ticket", en="List ticket answers"),
    description=Words(
        pt="Respostas do ticket, com prévia. Notas: list_internal_communications.",
        en="Replies exchanged with the client on a ticket, with a preview. "
        "Notes: list_internal_communications.",
    ),
    input_model=TicketAnswersInput,
    output_model=ListTicketAnswersOutput,
    use_case=UseCases.list_ticket_answers,
    run=TicketAnswersInput.run,
    present=present_answers,
    read_only=True,
)

GET_TICKET_ANSWER = ToolSpec(
    name="get_ticket_answer",
    title=Words(pt="Ver resposta do ticket", en="Show ticket answer"),
    description=Words(
        pt="Uma resposta do ticket inteira, com anexos.",
        en="Shows one answer of a ticket in full, with its attachments (ID, size, link).",
    ),
    input_model=TicketAnswerInput,
    output_model=GetTicketAnswerOutput,
    use_case=UseCases.read_ticket_answer,
    run=TicketAnswerInput.run,
    present=present_answer,
    read_only=True,
)

GET_TICKET_HISTORIES = ToolSpec(
    name="get_ticket_histories",
    title=Words(pt="Histórico do ticket", en="Ticket history"),
    description=Words(
        pt="Histórico do ticket: o que mudou (de → para). SLA: get_ticket_stages_slas.",
        en="The ticket's events and what each changed (from → to). SLA per stage: get_ticket_stages_slas.",
    ),
    input_model=TicketHistoryInput,
    output_model=GetTicketHistoriesOutput,
    use_case=UseCases.show_ticket_history,
    run=TicketHistoryInput.run,
    present=present_history,
    read_only=True,
)

REOPEN_TICKET = ToolSpec(
    name="reopen_ticket",
    title=Words(pt="Reabrir ticket", en="Reopen ticket"),
    description=Words(
        pt="Reabre um ticket fechado ou cancelado, após confirmação.",
        en="Reopens a closed or cancelled ticket, once confirmed. A billed ticket cannot be reopened.",
    ),
    input_model=ReopenInput,
    output_model=ReopenTicketOutput,
    use_case=UseCases.reopen_ticket,
    run=ReopenInput.run,
    present=present_reopened,
    read_only=False,
    destructive=True,
    idempotent=False,
    confirmation=Confirmation(ReopenInput.question),
)


GET_TICKET_CHECKLISTS = ToolSpec(
    name="get_ticket_checklists",
    title=Words(pt="Checklists do ticket", en="Ticket checklists"),
    description=Words(
        pt="Checklists do ticket, campo a campo, e o que impede o fechamento.",
        en="The ticket's checklists with every field and what blocks closing it (a blank mandatory field).",
    ),
    input_model=TicketChecklistsInput,
    output_model=GetTicketChecklistsOutput,
    use_case=UseCases.list_ticket_checklists,
    run=TicketChecklistsInput.run,
    present=present_checklists,
    read_only=True,
)

UPDATE_TICKET_CHECKLIST_ITEM = ToolSpec(
    name="update_ticket_checklist_item",
    title=Words(pt="Preencher campo de checklist", en="Fill a checklist field"),
    description=Words(
        pt="Preenche ou limpa um campo de checklist (get_ticket_checklists dá IDs e índices).",
        en="Fills or clears one checklist field (get_ticket_checklists gives IDs and indexes).",
    ),
    input_model=ChecklistItemInput,
    output_model=UpdateTicketChecklistItemOutput,
    use_case=UseCases.update_checklist_item,
    run=ChecklistItemInput.run,
    present=present_checklist_item,
    read_only=False,
    idempotent=True,
)


DELETE_TICKET_ANSWER = ToolSpec(
    name="delete_ticket_answer",
    title=Words(pt="Apagar resposta do ticket", en="Delete ticket answer"),
    description=Words(
        pt="Apaga uma resposta do ticket, após confirmação. Não se desfaz.",
        en="Deletes an answer from a ticket, once confirmed with its author and first lines. "
        "Cannot be undone.",
    ),
    input_model=TicketAnswerInput,
    output_model=DeleteTicketAnswerOutput,
    use_case=UseCases.delete_ticket_answer,
    run=TicketAnswerInput.delete,
    present=present_answer_deleted,
    read_only=False,
    destructive=True,
    idempotent=True,
    confirmation=Confirmation(TicketAnswerInput.delete_question),
)


__all__ = [
    "DELETE_TICKET_ANSWER",
    "GET_TICKET_ANSWER",
    "GET_TICKET_CHECKLISTS",
    "GET_TICKET_HISTORIES",
    "LIST_TICKET_ANSWERS",
    "REOPEN_TICKET",
    "UPDATE_TICKET_CHECKLIST_ITEM",
]
