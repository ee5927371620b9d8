"""Ticket write tools: create, update, cancel, close, answer, custom-field values."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from pydantic import AliasChoices, BaseModel, ConfigDict, Field

from adapters.i18n.words import Words
from adapters.mcp.attachment_args import WithFiles
from adapters.mcp.confirmations import answer_question, finish_question
from adapters.mcp.fields import (
    CATALOG_ITEM_ID,
    CATALOG_ITEM_NAME,
    CLIENT_ID,
    CLIENT_NAME,
    DESK_ID,
    MARKDOWN,
    NAMES_RESOLVED,
    REQUESTOR_ID,
    RESPONSIBLE_NAME,
    STAGE_ID,
    STAGE_NAME,
    STATUS_ID,
    Email,
    EmailList,
    NullableId,
    OptionalTicketNumber,
    PositiveId,
    TicketNumberArg,
    files_allowed,
)
from adapters.mcp.outputs.ticket_writes import (
    CancelTicketOutput,
    CloseTicketOutput,
    CreateTicketAnswerOutput,
    CreateTicketOutput,
    UpdateTicketEntitiesOutput,
    UpdateTicketOutput,
)
from adapters.mcp.references import DeskName, reference
from adapters.mcp.spec import Asking, Confirmation, ToolInput, ToolSpec
from adapters.presenters.markdown.ticket_writes import (
    present_answer,
    present_created,
    present_fields_updated,
    present_finished,
    present_updated,
)
from adapters.use_cases import UseCases
from application.commands import FieldValueChange
from application.use_cases.answers import AnswerSent, AnswerTicket
from application.use_cases.create_ticket import CreateTicket, TicketCreated, TicketRequest
from application.use_cases.custom_field_values import MAX_FIELD_CHANGES, FieldsUpdated, UpdateTicketFields
from application.use_cases.finish_ticket import Finish, FinishTicket, TicketFinished
from application.use_cases.update_ticket import TicketEdit, TicketUpdated, UpdateTicket
from domain.attachments import ANSWER_LIMITS
from domain.ids import (
    CatalogItemId,
    ClientId,
    DeskId,
    EntityFieldId,
    EntityFieldOptionId,
    PriorityId,
    StageId,
    StatusId,
    UserId,
)

IdT = TypeVar("IdT", bound=int)

Name = Annotated[str | None, Field(default=None, min_length=1, max_length=200)]
Phone = Annotated[str | None, Field(default=None, pattern=r"^\+?[0-9]{8,15}$")]
MAX_TITLE = 255
MAX_TEXT = 100_000

MESA_FIRST = (
    Words(
        pt='Nome solto = mesa; "empresa" → client_name; quem pediu → requestor_*.',
        en='A loose name is a desk; "company" → client_name; who asked → requestor_*.',
    )
    + NAMES_RESOLVED
)
TITLE = Words(pt="Assunto.", en="Subject.")
PRIORITY_ID = Words(pt="Veja list_desk_priorities.", en="See list_desk_priorities.")
PRIORITY_NAME = Words(pt="Prioridade da mesa.", en="A priority of the desk.")
RESPONSIBLE_ID = Words(pt="Atendente (search_user).", en="Attendant (search_user).")


class CreateTicketInput(ToolInput):
    title: Annotated[str, TITLE] = Field(min_length=1, max_length=MAX_TITLE)
    description: Annotated[str, MARKDOWN] = Field(min_length=1, max_length=MAX_TEXT)
    client_id: Annotated[PositiveId | None, CLIENT_ID] = None
    client_name: Annotated[Name, CLIENT_NAME] = None
    desk_id: Annotated[PositiveId | None, DESK_ID] = None
    desk_name: DeskName = None
    priority_id: Annotated[PositiveId | None, PRIORITY_ID] = None
    services_catalogs_item_id: Annotated[PositiveId | None, CATALOG_ITEM_ID] = None
    catalog_item_name: Annotated[Name, CATALOG_ITEM_NAME] = None
    status_id: Annotated[PositiveId | None, STATUS_ID] = None
    requestor_id: Annotated[PositiveId | None, REQUESTOR_ID] = None
    requestor_name: Annotated[
        Name, Words(pt="Se não existir no cliente, é criado.", en="Created if the client has no such person.")
    ] = None
    requestor_email: Annotated[Email, Words(pt="E-mail do solicitante.", en="The requestor's e-mail.")] = None
    requestor_telephone: Annotated[Phone, Words(pt="Telefone.", en="Phone.")] = None
    responsible_id: Annotated[PositiveId | None, RESPONSIBLE_ID] = None
    responsible_name: Annotated[Name, RESPONSIBLE_NAME] = None
    followers: EmailList = Field(default="", validate_default=True)
    parent_ticket_number: Annotated[OptionalTicketNumber, Words(pt="Ticket pai.", en="Parent ticket.")] = None

    @classmethod
    def advertise(cls, schema: dict[str, Any]) -> dict[str, Any]:
        return _without_length_caps(schema)

    async def run(self, create_ticket: CreateTicket) -> TicketCreated:
        return await create_ticket(self.to_request())

    def to_request(self) -> TicketRequest:
        return TicketRequest(
            title=self.title,
            description=self.description,
            client=reference(ClientId, self, "client_id", "client_name"),
            desk=reference(DeskId, self, "desk_id", "desk_name"),
            priority_id=_id(PriorityId, self.priority_id),
            catalog_item=reference(CatalogItemId, self, "services_catalogs_item_id", "catalog_item_name"),
            status_id=_id(StatusId, self.status_id),
            requestor=reference(UserId, self, "requestor_id", "requestor_name"),
            requestor_email=self.requestor_email,
            requestor_telephone=self.requestor_telephone,
            responsible=reference(UserId, self, "responsible_id", "responsible_name"),
            followers=self.followers,
            parent=self.parent_ticket_number,
        )


class UpdateTicketInput(ToolInput):
    ticket_number: TicketNumberArg = Field(validation_alias=AliasChoices("ticket_number", "ticket_id"))
    title: Annotated[str | None, TITLE] = Field(default=None, min_length=1, max_length=MAX_TITLE)
    description: Annotated[str | None, MARKDOWN] = Field(default=None, min_length=1, max_length=MAX_TEXT)
    client_id: Annotated[PositiveId | None, CLIENT_ID] = None
    desk_id: Annotated[PositiveId | None, DESK_ID] = None
    desk_name: DeskName = None
    stage_id: Annotated[PositiveId | None, STAGE_ID] = None
    stage_name: Annotated[Name, STAGE_NAME] = None
    priority_id: Annotated[PositiveId | None, PRIORITY_ID] = None
    priority_name: Annotated[Name, PRIORITY_NAME] = None
    priority_change_reason: Annotated[
        str | None,
        Words(pt="Exigido ao mudar prioridade.", en="Needed to change priority."),
    ] = Field(default=None, min_length=1, max_length=1000)
    status_id: Annotated[PositiveId | None, STATUS_ID] = None
    requestor_id: Annotated[PositiveId | None, REQUESTOR_ID] = None
    requestor_name: Annotated[
        Name, Words(pt="Solicitante do cliente do ticket.", en="A requestor of the ticket's client.")
    ] = None
    responsible_id: Annotated[
        NullableId, Words(pt="null remove o responsável.", en="null removes the responsible attendant.")
    ] = None
    responsible_name: Annotated[Name, RESPONSIBLE_NAME] = None
    followers: Annotated[
        EmailList | None,
        Words(pt="Substitui; e-mails por vírgula.", en="Replaces; comma-separated e-mails."),
    ] = None
    services_catalogs_item_id: Annotated[PositiveId | None, CATALOG_ITEM_ID] = None
    catalog_item_name: Annotated[Name, CATALOG_ITEM_NAME] = None

    @classmethod
    def advertise(cls, schema: dict[str, Any]) -> dict[str, Any]:
        return _without_length_caps(schema)

    async def run(self, update_ticket: UpdateTicket) -> TicketUpdated:
        return await update_ticket(self.ticket_number, self.to_edit())

    def to_edit(self) -> TicketEdit:
        unassign = "responsible_id" in self.model_fields_set and self.responsible_id is None
        return TicketEdit(
            title=self.title,
            description=self.description,
            client_id=_id(ClientId, self.client_id),
            desk=reference(DeskId, self, "desk_id", "desk_name"),
            stage=reference(StageId, self, "stage_id", "stage_name"),
            priority=reference(PriorityId, self, "priority_id", "priority_name"),
            priority_change_reason=self.priority_change_reason,
            status_id=_id(StatusId, self.status_id),
            followers=self.followers,
            catalog_item=reference(CatalogItemId, self, "services_catalogs_item_id", "catalog_item_name"),
            responsible=reference(UserId, self, "responsible_id", "responsible_name"),
            requestor=reference(UserId, self, "requestor_id", "requestor_name"),
            unassign=unassign,
        )


class TicketNumberInput(ToolInput):
    ticket_number: TicketNumberArg

    async def close(self, finish_ticket: FinishTicket) -> TicketFinished:
        return await finish_ticket(self.ticket_number, Finish.CLOSE)

    async def cancel(self, finish_ticket: FinishTicket) -> TicketFinished:
        return await finish_ticket(self.ticket_number, Finish.CANCEL)

    async def close_question(self, asking: Asking) -> str:
        return await finish_question("confirm.close", self.ticket_number, asking)

    async def cancel_question(self, asking: Asking) -> str:
        return await finish_question("confirm.cancel", self.ticket_number, asking)


class AnswerInput(WithFiles):
    ticket_number: TicketNumberArg
    text: Annotated[str, MARKDOWN] = Field(min_length=1, max_length=MAX_TEXT)
    with_signature: Annotated[
        bool, Words(pt="Com a assinatura do atendente.", en="With the attendant's signature.")
    ] = False

    async def run(self, answer_ticket: AnswerTicket) -> AnswerSent:
        return await answer_ticket(
            self.ticket_number,
            self.text,
            with_signature=self.with_signature,
            paths=self.files,
            encoded=self.encoded(),
        )

    async def question(self, asking: Asking) -> str:
        return answer_question(self.ticket_number, self.text, asking.translator)


class FieldValueItem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    entity_field_id: Annotated[
        PositiveId, Words(pt="Campo (list_entity_fields).", en="Field (list_entity_fields).")
    ]
    value: Annotated[
        str | None,
        Words(
            pt='Conforme o tipo: data AAAA-MM-DD, moeda "150.55", seleção: ID da opção. null limpa.',
            en='By type: date YYYY-MM-DD, currency "150.55", select: the option\'s ID. null clears.',
        ),
    ] = Field(max_length=10_000)
    entity_field_option_id: Annotated[
        PositiveId | None, Words(pt="Checkbox: ID da opção.", en="Checkbox: the option's ID.")
    ] = None
    country_code: Annotated[
        str | None, Words(pt="DDI fora do Brasil.", en="Country code outside Brazil.")
    ] = Field(default=None, pattern=r"^[0-9]{1,3}$")


class UpdateFieldsInput(ToolInput):
    ticket_number: TicketNumberArg
    entities: Annotated[list[FieldValueItem], Words(pt="Valores a gravar.", en="Values to write.")] = Field(
        min_length=1, max_length=MAX_FIELD_CHANGES
    )

    async def run(self, update_fields: UpdateTicketFields) -> FieldsUpdated:
        return await update_fields(self.ticket_number, self.to_changes())

    def to_changes(self) -> list[FieldValueChange]:
        return [
            FieldValueChange(
                field_id=EntityFieldId(item.entity_field_id),
                value=item.value,
                option_id=_id(EntityFieldOptionId, item.entity_field_option_id),
                country_code=item.country_code,
            )
            for item in self.entities
        ]


def _without_length_caps(schema: dict[str, Any]) -> dict[str, Any]:
    """The texts' length caps are enforced, not shown: a title or a reason never comes near them (and each
    shown cap costs `tools/list` bytes on every session)."""
    for value in schema["properties"].values():
        value.pop("maxLength", None)
    return schema


def _id(kind: Callable[[int], IdT], value: int | None) -> IdT | None:
    return kind(value) if value is not None else None


CREATE_TICKET = ToolSpec(
    name="create_ticket",
    title=Words(pt="Abrir ticket", en="Open ticket"),
    description=Words(
        pt="Abre um ticket. Cliente e mesa por ID ou nome (sem eles, os padrões configurados).",
        en="Opens a ticket. Client and desk by ID or name (without them, the configured defaults).",
    )
    + MESA_FIRST,
    input_model=CreateTicketInput,
    output_model=CreateTicketOutput,
    use_case=UseCases.create_ticket,
    run=CreateTicketInput.run,
    present=present_created,
    read_only=False,
    destructive=False,
    idempotent=False,
)

UPDATE_TICKET = ToolSpec(
    name="update_ticket",
    title=Words(pt="Atualizar ticket", en="Update ticket"),
    description=Words(
        pt="Altera só os campos informados. desk_* transfere (sem estágio: o 1º da mesa); nomes são buscados "
        "nessa mesa ou na do ticket.",
        en="Changes only the given fields. desk_* moves it (no stage: the desk's first); names are looked up "
        "in that desk or the ticket's.",
    )
    + NAMES_RESOLVED,
    input_model=UpdateTicketInput,
    output_model=UpdateTicketOutput,
    use_case=UseCases.update_ticket,
    run=UpdateTicketInput.run,
    present=present_updated,
    read_only=False,
    destructive=False,
    idempotent=True,
)

CANCEL_TICKET = ToolSpec(
    name="cancel_ticket",
    title=Words(pt="Cancelar ticket", en="Cancel ticket"),
    description=Words(
        pt="Cancela um ticket aberto; para resolver: close_ticket.",
        en="Cancels an open ticket; to resolve it: close_ticket.",
    ),
    input_model=TicketNumberInput,
    output_model=CancelTicketOutput,
    use_case=UseCases.finish_ticket,
    run=TicketNumberInput.cancel,
    present=present_finished,
    read_only=False,
    destructive=True,
    idempotent=True,
    confirmation=Confirmation(TicketNumberInput.cancel_question),
)

CLOSE_TICKET = ToolSpec(
    name="close_ticket",
    title=Words(pt="Fechar ticket", en="Close ticket"),
    description=Words(
        pt="Fecha um ticket como resolvido.",
        en="Closes a ticket as resolved.",
    ),
    input_model=TicketNumberInput,
    output_model=CloseTicketOutput,
    use_case=UseCases.finish_ticket,
    run=TicketNumberInput.close,
    present=present_finished,
    read_only=False,
    destructive=True,
    idempotent=True,
    confirmation=Confirmation(TicketNumberInput.close_question),
)


CREATE_TICKET_ANSWER = ToolSpec(
    name="create_ticket_answer",
    title=Words(pt="Responder ao cliente", en="Answer the client"),
    description=Words(
        pt="Envia uma resposta ao cliente do ticket (o cliente lê!); notas entre atendentes: "
        "create_internal_communication.",
        en="Sends an answer to the ticket's client (the client reads it!); notes between attendants: "
        "create_internal_communication.",
    )
    + files_allowed(ANSWER_LIMITS),
    input_model=AnswerInput,
    output_model=CreateTicketAnswerOutput,
    use_case=UseCases.answer_ticket,
    run=AnswerInput.run,
    present=present_answer,
    read_only=False,
    destructive=False,
    idempotent=False,
    confirmation=Confirmation(AnswerInput.question),
)

UPDATE_TICKET_ENTITIES = ToolSpec(
    name="update_ticket_entities",
    title=Words(pt="Preencher campos personalizados", en="Fill in custom fields"),
    description=Words(
        pt="Grava campos personalizados (get_ticket show_entities=true); checkbox: um item por opção.",
        en="Writes custom fields (get_ticket show_entities=true); checkbox: one item per option.",
    ),
    input_model=UpdateFieldsInput,
    output_model=UpdateTicketEntitiesOutput,
    use_case=UseCases.update_ticket_fields,
    run=UpdateFieldsInput.run,
    present=present_fields_updated,
    read_only=False,
    destructive=False,
    idempotent=True,
)
