"""Ticket write tools: create, update, cancel, close, answer, custom-field values."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, TypeVar

from pydantic import AliasChoices, BaseModel, ConfigDict, Field

from adapters.mcp.attachment_args import WithFiles
from adapters.mcp.confirmations import answer_question, finish_question
from adapters.mcp.fields import (
    NAMES_RESOLVED,
    Email,
    EmailList,
    NullableId,
    OptionalTicketNumber,
    PositiveId,
    TicketNumberArg,
    files_allowed,
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
    'Nomes: um nome solto é uma mesa (desk_name); "cliente"/"empresa" → client_name; quem pediu → '
    'requestor_name/requestor_email; "atribuído a"/"passa pro" → responsible_name. ' + NAMES_RESOLVED
)
MARKDOWN = "Markdown (vai como HTML)."


class CreateTicketInput(ToolInput):
    title: str = Field(min_length=1, max_length=MAX_TITLE)
    description: str = Field(min_length=1, max_length=MAX_TEXT, description=MARKDOWN)
    client_id: PositiveId | None = None
    client_name: Name = None
    desk_id: PositiveId | None = None
    desk_name: DeskName = None
    priority_id: PositiveId | None = Field(default=None, description="Veja list_desk_priorities.")
    services_catalogs_item_id: PositiveId | None = None
    catalog_item_name: Name = None
    status_id: PositiveId | None = None
    requestor_id: PositiveId | None = None
    requestor_name: Name = Field(default=None, description="Se não existir no cliente, é criado.")
    requestor_email: Email = None
    requestor_telephone: Phone = None
    responsible_id: PositiveId | None = None
    responsible_name: Name = Field(default=None, description="Nome ou e-mail do atendente.")
    followers: EmailList = Field(default="", validate_default=True)
    parent_ticket_number: OptionalTicketNumber = None

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
    title: str | None = Field(default=None, min_length=1, max_length=MAX_TITLE)
    description: str | None = Field(default=None, min_length=1, max_length=MAX_TEXT, description=MARKDOWN)
    client_id: PositiveId | None = None
    desk_id: PositiveId | None = None
    desk_name: DeskName = None
    stage_id: PositiveId | None = None
    stage_name: Name = None
    priority_id: PositiveId | None = None
    status_id: PositiveId | None = None
    responsible_id: NullableId = Field(default=None, description="null remove o responsável.")
    responsible_name: Name = Field(default=None, description="Nome ou e-mail do atendente.")
    followers: EmailList | None = Field(default=None, description="Substitui a lista; e-mails por vírgula.")
    services_catalogs_item_id: PositiveId | None = None
    catalog_item_name: Name = None

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
            priority_id=_id(PriorityId, self.priority_id),
            status_id=_id(StatusId, self.status_id),
            followers=self.followers,
            catalog_item=reference(CatalogItemId, self, "services_catalogs_item_id", "catalog_item_name"),
            responsible=reference(UserId, self, "responsible_id", "responsible_name"),
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
    text: str = Field(min_length=1, max_length=MAX_TEXT, description=MARKDOWN)
    with_signature: bool = False

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

    entity_field_id: PositiveId
    value: str | None = Field(
        max_length=10_000,
        description=(
            'Conforme o tipo: data AAAA-MM-DD; moeda "150.55"; telefone só dígitos; seleção: ID da opção; '
            'checkbox "true"/"false". null limpa.'
        ),
    )
    entity_field_option_id: PositiveId | None = None
    country_code: str | None = Field(default=None, pattern=r"^[0-9]{1,3}$", description="DDI fora do Brasil.")


class UpdateFieldsInput(ToolInput):
    ticket_number: TicketNumberArg
    entities: list[FieldValueItem] = Field(min_length=1, max_length=MAX_FIELD_CHANGES)

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


def _id(kind: Callable[[int], IdT], value: int | None) -> IdT | None:
    return kind(value) if value is not None else None


CREATE_TICKET = ToolSpec(
    name="create_ticket",
    title="Abrir ticket",
    description="Abre um ticket. Cliente e mesa por ID ou nome (sem eles, os padrões configurados). "
    + MESA_FIRST,
    input_model=CreateTicketInput,
    use_case=UseCases.create_ticket,
    run=CreateTicketInput.run,
    present=present_created,
    read_only=False,
    destructive=False,
    idempotent=False,
)

UPDATE_TICKET = ToolSpec(
    name="update_ticket",
    title="Atualizar ticket",
    description=(
        "Altera só os campos informados de um ticket. desk_id/desk_name transfere de mesa (se o TiFlux "
        "permitir); stage_name e catalog_item_name são buscados nessa mesa ou na do ticket. " + NAMES_RESOLVED
    ),
    input_model=UpdateTicketInput,
    use_case=UseCases.update_ticket,
    run=UpdateTicketInput.run,
    present=present_updated,
    read_only=False,
    destructive=False,
    idempotent=True,
)

CANCEL_TICKET = ToolSpec(
    name="cancel_ticket",
    title="Cancelar ticket",
    description="Cancela um ticket aberto: ele não aceita mais alterações. Para resolver, use close_ticket.",
    input_model=TicketNumberInput,
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
    title="Fechar ticket",
    description="Fecha um ticket como resolvido (cancel_ticket o cancela). Fechar de novo não faz nada.",
    input_model=TicketNumberInput,
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
    title="Responder ao cliente",
    description=(
        "Envia uma resposta ao cliente do ticket (o cliente lê!); notas entre atendentes: "
        "create_internal_communication. " + files_allowed(ANSWER_LIMITS)
    ),
    input_model=AnswerInput,
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
    title="Preencher campos personalizados",
    description=(
        "Grava campos personalizados de um ticket. Campos: get_ticket (show_entities=true) ou "
        "list_entity_fields. Checkbox: um item por opção, com entity_field_option_id e value true/false."
    ),
    input_model=UpdateFieldsInput,
    use_case=UseCases.update_ticket_fields,
    run=UpdateFieldsInput.run,
    present=present_fields_updated,
    read_only=False,
    destructive=False,
    idempotent=True,
)
