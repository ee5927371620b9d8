"""Ticket write tools: create, update, cancel, close, answer, custom-field values."""

from __future__ import annotations

from typing import Annotated

from pydantic import AliasChoices, BaseModel, ConfigDict, Field

from adapters.mcp.attachment_args import WithFiles
from adapters.mcp.fields import Email, EmailList, OptionalTicketNumber, PositiveId, TicketNumberArg
from adapters.mcp.spec import ToolInput, ToolSpec
from adapters.presenters.markdown.ticket_writes import (
    present_answer,
    present_created,
    present_fields_updated,
    present_finished,
    present_updated,
)
from application.commands import FieldValueChange
from application.use_cases.answers import AnswerTicket
from application.use_cases.create_ticket import CreateTicket, TicketRequest
from application.use_cases.custom_field_values import MAX_FIELD_CHANGES, UpdateTicketFields
from application.use_cases.finish_ticket import Finish, FinishTicket
from application.use_cases.update_ticket import TicketEdit, UpdateTicket
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

Name = Annotated[str | None, Field(default=None, min_length=1, max_length=200)]
Phone = Annotated[str | None, Field(default=None, pattern=r"^\+?[0-9]{8,15}$")]
MAX_TITLE = 255
MAX_TEXT = 100_000

MESA_FIRST = (
    'Nomes: um nome solto é uma mesa (desk_name); "cliente"/"empresa" → client_name; a pessoa que pediu '
    '→ requestor_name/requestor_email; "atribuído a"/"passa pro" → responsible_name. Um ID vence o nome. '
    "Se a resposta listar candidatos, pergunte ao usuário qual deles."
)


class CreateTicketInput(ToolInput):
    title: str = Field(min_length=1, max_length=MAX_TITLE, description="Título do ticket (texto simples).")
    description: str = Field(
        min_length=1,
        max_length=MAX_TEXT,
        description="Descrição em Markdown; vai ao TiFlux como HTML seguro.",
    )
    client_id: PositiveId | None = Field(default=None, description="ID do cliente (empresa).")
    client_name: Name = Field(default=None, description="Nome (ou parte) do cliente, se não souber o ID.")
    desk_id: PositiveId | None = Field(default=None, description="ID da mesa.")
    desk_name: Name = Field(default=None, description='Nome (ou parte) da mesa, ex.: "suporte".')
    priority_id: PositiveId | None = Field(
        default=None, description="ID da prioridade (list_desk_priorities)."
    )
    services_catalogs_item_id: PositiveId | None = Field(default=None, description="ID do item de catálogo.")
    catalog_item_name: Name = Field(default=None, description="Nome (ou parte) do item de catálogo da mesa.")
    status_id: PositiveId | None = Field(default=None, description="ID do status inicial (raro).")
    requestor_id: PositiveId | None = Field(default=None, description="ID do solicitante.")
    requestor_name: Name = Field(
        default=None, description="Nome do solicitante; se não existir no cliente, o TiFlux o cria."
    )
    requestor_email: Email = Field(default=None, description="E-mail do solicitante.")
    requestor_telephone: Phone = Field(default=None, description="Telefone do solicitante (só dígitos).")
    responsible_id: PositiveId | None = Field(default=None, description="ID do atendente responsável.")
    responsible_name: Name = Field(
        default=None, description="Nome ou e-mail do atendente/administrador responsável."
    )
    followers: EmailList = Field(
        default="", validate_default=True, description="E-mails de seguidores, por vírgula."
    )
    parent_ticket_number: OptionalTicketNumber = Field(
        default=None, description="Número do ticket pai, se houver."
    )

    def to_request(self) -> TicketRequest:
        return TicketRequest(
            title=self.title,
            description=self.description,
            client_id=_id(ClientId, self.client_id),
            client_name=self.client_name,
            desk_id=_id(DeskId, self.desk_id),
            desk_name=self.desk_name,
            priority_id=_id(PriorityId, self.priority_id),
            catalog_item_id=_id(CatalogItemId, self.services_catalogs_item_id),
            catalog_item_name=self.catalog_item_name,
            status_id=_id(StatusId, self.status_id),
            requestor_id=_id(UserId, self.requestor_id),
            requestor_name=self.requestor_name,
            requestor_email=self.requestor_email,
            requestor_telephone=self.requestor_telephone,
            responsible_id=_id(UserId, self.responsible_id),
            responsible_name=self.responsible_name,
            followers=self.followers,
            parent=self.parent_ticket_number,
        )


class UpdateTicketInput(ToolInput):
    ticket_number: TicketNumberArg = Field(validation_alias=AliasChoices("ticket_number", "ticket_id"))
    title: str | None = Field(default=None, min_length=1, max_length=MAX_TITLE, description="Novo título.")
    description: str | None = Field(
        default=None, min_length=1, max_length=MAX_TEXT, description="Nova descrição em Markdown."
    )
    client_id: PositiveId | None = Field(default=None, description="Novo cliente (ID).")
    desk_id: PositiveId | None = Field(
        default=None,
        description="Mesa (ID): transfere o ticket, se o TiFlux permitir; também escopo de stage_name.",
    )
    desk_name: Name = Field(default=None, description="Mesa pelo nome (mesmo efeito de desk_id).")
    stage_id: PositiveId | None = Field(default=None, description="Novo estágio (ID).")
    stage_name: Name = Field(
        default=None,
        description="Novo estágio pelo nome; procurado na mesa informada ou na mesa atual do ticket.",
    )
    priority_id: PositiveId | None = Field(default=None, description="Nova prioridade (ID).")
    status_id: PositiveId | None = Field(default=None, description="Novo status (ID).")
    responsible_id: PositiveId | None = Field(
        default=None, description="Novo responsável (ID); null remove o responsável."
    )
    responsible_name: Name = Field(default=None, description="Novo responsável pelo nome ou e-mail.")
    followers: EmailList | None = Field(
        default=None, description="Seguidores (substitui a lista), e-mails por vírgula."
    )
    services_catalogs_item_id: PositiveId | None = Field(
        default=None, description="Novo item de catálogo (ID)."
    )
    catalog_item_name: Name = Field(
        default=None, description="Novo item de catálogo pelo nome (na mesa do ticket)."
    )

    def to_edit(self) -> TicketEdit:
        unassign = "responsible_id" in self.model_fields_set and self.responsible_id is None
        return TicketEdit(
            title=self.title,
            description=self.description,
            client_id=_id(ClientId, self.client_id),
            desk_id=_id(DeskId, self.desk_id),
            desk_name=self.desk_name,
            stage_id=_id(StageId, self.stage_id),
            stage_name=self.stage_name,
            priority_id=_id(PriorityId, self.priority_id),
            status_id=_id(StatusId, self.status_id),
            followers=self.followers,
            catalog_item_id=_id(CatalogItemId, self.services_catalogs_item_id),
            catalog_item_name=self.catalog_item_name,
            responsible_id=_id(UserId, self.responsible_id),
            responsible_name=self.responsible_name,
            unassign=unassign,
        )


class TicketNumberInput(ToolInput):
    ticket_number: TicketNumberArg


class AnswerInput(WithFiles):
    ticket_number: TicketNumberArg
    text: str = Field(min_length=1, max_length=MAX_TEXT, description="Resposta ao cliente, em Markdown.")
    with_signature: bool = Field(default=False, description="Incluir a assinatura do atendente.")


class FieldValueItem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    entity_field_id: PositiveId = Field(description="ID do campo (list_entity_fields).")
    value: str | None = Field(
        max_length=10_000,
        description=(
            'Valor conforme o tipo: data AAAA-MM-DD; moeda "150.55"; telefone só dígitos; e-mail; link '
            'http(s)/ftp; seleção: ID da opção; checkbox "true"/"false". null limpa o campo.'
        ),
    )
    entity_field_option_id: PositiveId | None = Field(
        default=None, description="Opção marcada/desmarcada (checkbox)."
    )
    country_code: str | None = Field(
        default=None, pattern=r"^[0-9]{1,3}$", description="DDI de telefones fora do Brasil."
    )


class UpdateFieldsInput(ToolInput):
    ticket_number: TicketNumberArg
    entities: list[FieldValueItem] = Field(
        min_length=1, max_length=MAX_FIELD_CHANGES, description="Valores a gravar (1 a 50 itens)."
    )

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


def _id(kind: type[int] | object, value: int | None) -> object:
    return kind(value) if value is not None else None  # type: ignore[operator]


CREATE_TICKET = ToolSpec(
    name="create_ticket",
    title="Abrir ticket",
    description=(
        "Abre um ticket. Exige title e description (Markdown); cliente e mesa por ID ou nome (ou os padrões "
        "configurados). " + MESA_FIRST
    ),
    input_model=CreateTicketInput,
    use_case=lambda services, args: CreateTicket(
        services.tickets, services.desks, services.people, services.rich_text, services.ticket_defaults
    )(args.to_request()),
    presenter=lambda created, _args, fmt: present_created(created, fmt),
    read_only=False,
    destructive=False,
    idempotent=False,
)

UPDATE_TICKET = ToolSpec(
    name="update_ticket",
    title="Atualizar ticket",
    description=(
        "Altera um ticket (número em ticket_number): só os campos informados. responsible_id=null remove o "
        "responsável. stage_name e catalog_item_name são procurados na mesa do ticket. " + MESA_FIRST
    ),
    input_model=UpdateTicketInput,
    use_case=lambda services, args: UpdateTicket(
        services.tickets, services.desks, services.people, services.rich_text
    )(args.ticket_number, args.to_edit()),
    presenter=lambda updated, _args, fmt: present_updated(updated, fmt),
    read_only=False,
    destructive=False,
    idempotent=True,
)

CANCEL_TICKET = ToolSpec(
    name="cancel_ticket",
    title="Cancelar ticket",
    description="Cancela um ticket aberto (ele não recebe mais alterações). Diz o status anterior.",
    input_model=TicketNumberInput,
    use_case=lambda gateway, args: FinishTicket(gateway.tickets)(args.ticket_number, Finish.CANCEL),
    presenter=lambda finished, _args, fmt: present_finished(finished, fmt),
    read_only=False,
    destructive=True,
    idempotent=True,
)

CLOSE_TICKET = ToolSpec(
    name="close_ticket",
    title="Fechar ticket",
    description="Fecha um ticket aberto como resolvido. Diz o status anterior; fechar de novo não faz nada.",
    input_model=TicketNumberInput,
    use_case=lambda gateway, args: FinishTicket(gateway.tickets)(args.ticket_number, Finish.CLOSE),
    presenter=lambda finished, _args, fmt: present_finished(finished, fmt),
    read_only=False,
    destructive=True,
    idempotent=True,
)


CREATE_TICKET_ANSWER = ToolSpec(
    name="create_ticket_answer",
    title="Responder ao cliente",
    description=(
        "Envia uma resposta ao cliente do ticket (o cliente lê!). Texto em Markdown, convertido em HTML "
        "seguro; até 10 arquivos de até 40 MB (files ou files_base64). Para notas entre atendentes, use "
        "create_internal_communication."
    ),
    input_model=AnswerInput,
    use_case=lambda services, args: AnswerTicket(services.tickets, services.rich_text, services.attachments)(
        args.ticket_number,
        args.text,
        with_signature=args.with_signature,
        paths=args.files,
        encoded=args.encoded(),
    ),
    presenter=lambda sent, _args, fmt: present_answer(sent, fmt),
    read_only=False,
    destructive=False,
    idempotent=False,
)

UPDATE_TICKET_ENTITIES = ToolSpec(
    name="update_ticket_entities",
    title="Preencher campos personalizados",
    description=(
        "Grava valores de campos personalizados de um ticket (1 a 50 itens). Descubra os campos com "
        "get_ticket (show_entities=true) ou list_entity_fields; checkbox: um item por opção com "
        "entity_field_option_id."
    ),
    input_model=UpdateFieldsInput,
    use_case=lambda gateway, args: UpdateTicketFields(gateway.tickets)(args.ticket_number, args.to_changes()),
    presenter=lambda updated, _args, fmt: present_fields_updated(updated, fmt),
    read_only=False,
    destructive=False,
    idempotent=True,
)
