"""Chats that act: a chat's transcript, archiving (ending) a chat, and the WhatsApp templates."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from adapters.i18n.words import Words
from adapters.mcp.confirmations import PREVIEW_CHARS, PREVIEW_LINES
from adapters.mcp.fields import (
    DEPARTMENT_ID,
    NAME_OR_PART,
    PositiveId,
)
from adapters.mcp.outputs.conversations import (
    ArchiveChatOutput,
    ListChatMessagesOutput,
    ListTemplatesOutput,
    SendMessageOutput,
    UpdateChatOutput,
)
from adapters.mcp.references import reference
from adapters.mcp.spec import Asking, Confirmation, PagedInput, ToolInput, ToolSpec
from adapters.mcp.tools.chats import WhatsAppNumber
from adapters.presenters.markdown.conversations import (
    present_chat_archived,
    present_chat_messages,
    present_chat_updated,
    present_message_sent,
    present_templates,
)
from adapters.presenters.markdown.text import inline
from adapters.use_cases import UseCases
from application.ports.failures import UpstreamFailure
from application.use_cases.conversations import (
    ArchiveChat,
    ChatMessages,
    ChatUpdated,
    ListChatMessages,
    ListTemplates,
    SendMessage,
    TemplatePage,
    UpdateChat,
)
from domain.conversations import ChatArchived, MessageSent, OutgoingMessage, TemplateChannel
from domain.errors import DomainError
from domain.ids import ChatId, DepartmentId, UserId
from domain.paging import PageRequest

__all__ = [
    "ARCHIVE_CHAT",
    "CONVERSATION_TOOLS",
    "LIST_CHAT_MESSAGES",
    "LIST_GUPSHUP_TEMPLATES",
    "LIST_WHATSAPP_CLOUD_TEMPLATES",
    "SEND_MESSAGE",
    "UPDATE_CHAT",
]

CHAT_ID = Words(pt="Chat.", en="Chat.")
TICKET_TO_LINK = Words(pt="Ticket.", en="Ticket.")
INTEGRATION_ID = Words(pt="Integração.", en="Integration.")
TemplateStatus = Literal["APPROVED", "MISSING_VARS", "REJECTED", "PENDING"]


class ChatMessagesInput(PagedInput):
    id: Annotated[PositiveId, CHAT_ID]

    async def run(self, list_chat_messages: ListChatMessages) -> ChatMessages:
        return await list_chat_messages(ChatId(self.id), self.page())


class ArchiveChatInput(ToolInput):
    id: Annotated[PositiveId, CHAT_ID]
    services_catalogs_item_id: Annotated[
        PositiveId | None,
        Words(pt="Item de catálogo, se exigido.", en="Catalog item, if required."),
    ] = None

    async def run(self, archive_chat: ArchiveChat) -> ChatArchived:
        return await archive_chat(ChatId(self.id), self.services_catalogs_item_id)

    async def question(self, asking: Asking) -> str:
        """ "Archive (end) chat #9001 with Carlos Souza (Padaria Pão Quente)?" — who, read from TiFlux."""
        t = asking.translator
        try:
            chat = await asking.gateway.chats.get(ChatId(self.id))
        except (DomainError, UpstreamFailure):
            return t("confirm.archive_chat.unknown", id=self.id)  # the call itself will say what is wrong
        person = inline(chat.requestor.name, limit=80) if chat.requestor else ""
        company = inline(chat.client.name, limit=80) if chat.client else ""
        customer = f"{person} ({company})" if person and company else person or company
        if not customer:
            return t("confirm.archive_chat.unknown", id=self.id)
        return t("confirm.archive_chat", id=self.id, customer=customer)


class UpdateChatInput(ToolInput):
    id: Annotated[PositiveId, CHAT_ID]
    user_id: Annotated[PositiveId | None, Words(pt="Atendente.", en="Attendant.")] = None
    user_name: Annotated[str | None, Words(pt="Nome ou e-mail.", en="Name or e-mail.")] = Field(
        default=None, max_length=200
    )
    department_id: Annotated[PositiveId | None, DEPARTMENT_ID] = None
    department_name: Annotated[str | None, NAME_OR_PART] = Field(default=None, max_length=200)
    ticket_number: Annotated[PositiveId | None, TICKET_TO_LINK] = None

    async def run(self, update_chat: UpdateChat) -> ChatUpdated:
        return await update_chat(
            ChatId(self.id),
            reference(UserId, self, "user_id", "user_name"),
            reference(DepartmentId, self, "department_id", "department_name"),
            self.ticket_number,
        )


MAX_MESSAGE = 4096  # WhatsApp's own limit for a text message
MAX_VARIABLES = 20


class SendMessageInput(ToolInput):
    number: Annotated[
        WhatsAppNumber, Words(pt="WhatsApp com DDI e DDD.", en="WhatsApp with country and area code.")
    ] = Field(default=None, validate_default=True)
    integration_id: Annotated[
        PositiveId,
        Words(pt="Integração (ver templates).", en="Integration (see templates)."),
    ]
    message: Annotated[str | None, Words(pt="Texto (sem Markdown).", en="Text (no Markdown).")] = Field(
        default=None, min_length=1, max_length=MAX_MESSAGE
    )
    template_id: Annotated[
        PositiveId | None,
        Words(pt="Template aprovado.", en="Approved template."),
    ] = Field(default=None, validate_default=True)
    parameters: Annotated[
        list[Annotated[str, Field(max_length=1000)]],
        Words(pt="Variáveis.", en="Variables."),
    ] = Field(default_factory=list, max_length=MAX_VARIABLES)
    header_parameters: Annotated[
        list[Annotated[str, Field(max_length=1000)]],
        Words(pt="Do cabeçalho (Cloud).", en="Header's (Cloud)."),
    ] = Field(default_factory=list, max_length=MAX_VARIABLES)
    country_code: Annotated[
        str | None, Words(pt="País ISO, se não for BR.", en="ISO country, if not BR.")
    ] = Field(default=None, pattern=r"^[A-Za-z]{2}$")
    name: Annotated[str | None, Words(pt="Contato.", en="Contact.")] = Field(default=None, max_length=200)
    department_id: Annotated[PositiveId | None, DEPARTMENT_ID] = None
    ticket_number: Annotated[PositiveId | None, TICKET_TO_LINK] = None
    client_id: Annotated[PositiveId | None, Words(pt="Cliente.", en="Client.")] = None
    archive: Annotated[bool, Words(pt="Criar já finalizado.", en="Create finished.")] = False

    @field_validator("number", mode="after")
    @classmethod
    def _number_given(cls, value: str | None) -> str | None:
        if value is None:
            raise PydanticCustomError("missing", "required")
        return value

    @field_validator("template_id", mode="after")
    @classmethod
    def _text_or_template(cls, value: int | None, info: ValidationInfo) -> int | None:
        text = info.data.get("message")
        if (value is None) == (text is None):  # neither, or both: refused before anything is sent
            raise PydanticCustomError("message_or_template", "message or template")
        return value

    def outgoing(self) -> OutgoingMessage:
        assert self.number is not None  # checked by _number_given
        return OutgoingMessage(
            number=self.number,
            integration_id=self.integration_id,
            text=self.message,
            template_id=self.template_id,
            country_code=self.country_code.upper() if self.country_code else None,
            name=self.name,
            department_id=self.department_id,
            ticket_number=self.ticket_number,
            client_id=self.client_id,
            parameters=tuple(self.parameters),
            header_parameters=tuple(self.header_parameters),
            archive=self.archive,
        )

    async def run(self, send_message: SendMessage) -> MessageSent:
        return await send_message(self.outgoing())

    async def question(self, asking: Asking) -> str:
        """The recipient, the integration, and the message's first lines or the template's name."""
        t = asking.translator
        name = t("confirm.send_message.name", name=inline(self.name, limit=80)) if self.name else ""
        where = {"number": f"+{self.number}", "integration": self.integration_id, "name": name}
        if self.template_id is None:
            rows = [row.strip() for row in (self.message or "").splitlines() if row.strip()][:PREVIEW_LINES]
            preview = "\n".join(f"> {inline(row, limit=PREVIEW_CHARS)}" for row in rows)
            return t("confirm.send_message.text", preview=preview, **where)
        return t("confirm.send_message.template", template=await self._template_name(asking), **where)

    async def _template_name(self, asking: Asking) -> str:
        """ "retomada_chamado (821)" when the integration's templates can be read, else the bare id."""
        page = PageRequest(1, 200)
        for channel in TemplateChannel:
            try:
                found = await asking.gateway.conversations.templates(
                    channel, page, integration_id=self.integration_id, status=None
                )
            except (DomainError, UpstreamFailure):
                continue
            for template in found.items:
                if template.id == self.template_id and template.name:
                    return f"{inline(template.name, limit=80)} ({template.id})"
        return str(self.template_id)


class GupshupTemplatesInput(PagedInput):
    integration_id: Annotated[PositiveId | None, INTEGRATION_ID] = None

    async def run(self, list_templates: ListTemplates) -> TemplatePage:
        return await list_templates(TemplateChannel.GUPSHUP, self.page(), integration_id=self.integration_id)


class WhatsAppCloudTemplatesInput(GupshupTemplatesInput):
    status: Annotated[TemplateStatus | None, Words(pt="Situação.", en="Status.")] = None

    async def run(self, list_templates: ListTemplates) -> TemplatePage:
        return await list_templates(
            TemplateChannel.WHATSAPP_CLOUD,
            self.page(),
            integration_id=self.integration_id,
            status=self.status,
        )


LIST_CHAT_MESSAGES = ToolSpec(
    name="list_chat_messages",
    title=Words(pt="Mensagens do chat", en="Chat messages"),
    description=Words(
        pt="Mensagens de um chat, da mais antiga à mais nova.",
        en="A chat's messages, oldest first.",
    ),
    input_model=ChatMessagesInput,
    output_model=ListChatMessagesOutput,
    use_case=UseCases.list_chat_messages,
    run=ChatMessagesInput.run,
    present=present_chat_messages,
    read_only=True,
    toolset="chats",
)

ARCHIVE_CHAT = ToolSpec(
    name="archive_chat",
    title=Words(pt="Arquivar chat", en="Archive chat"),
    description=Words(
        pt="Encerra um chat. Pede confirmação.",
        en="Ends a chat. Asks to confirm.",
    ),
    input_model=ArchiveChatInput,
    output_model=ArchiveChatOutput,
    use_case=UseCases.archive_chat,
    run=ArchiveChatInput.run,
    present=present_chat_archived,
    read_only=False,
    destructive=True,
    idempotent=True,
    toolset="chats",
    confirmation=Confirmation(ArchiveChatInput.question),
)

LIST_GUPSHUP_TEMPLATES = ToolSpec(
    name="list_gupshup_templates",
    title=Words(pt="Templates Gupshup", en="Gupshup templates"),
    description=Words(
        pt="Templates de WhatsApp da Gupshup (template_id).",
        en="Gupshup WhatsApp templates (template_id).",
    ),
    input_model=GupshupTemplatesInput,
    output_model=ListTemplatesOutput,
    use_case=UseCases.list_templates,
    run=GupshupTemplatesInput.run,
    present=present_templates,
    read_only=True,
    toolset="chats",
)

LIST_WHATSAPP_CLOUD_TEMPLATES = ToolSpec(
    name="list_whatsapp_cloud_templates",
    title=Words(pt="Templates WhatsApp Cloud", en="WhatsApp Cloud templates"),
    description=Words(
        pt="Templates do WhatsApp Cloud (template_id).",
        en="WhatsApp Cloud templates (template_id).",
    ),
    input_model=WhatsAppCloudTemplatesInput,
    output_model=ListTemplatesOutput,
    use_case=UseCases.list_templates,
    run=WhatsAppCloudTemplatesInput.run,
    present=present_templates,
    read_only=True,
    toolset="chats",
)

SEND_MESSAGE = ToolSpec(
    name="send_message",
    title=Words(pt="Enviar WhatsApp", en="Send WhatsApp"),
    description=Words(
        pt="Texto (message) ou template (template_id), nunca ambos. Pede confirmação.",
        en="Text (message) or a template (template_id), never both. Asks to confirm.",
    ),
    input_model=SendMessageInput,
    output_model=SendMessageOutput,
    use_case=UseCases.send_message,
    run=SendMessageInput.run,
    present=present_message_sent,
    read_only=False,
    destructive=True,
    idempotent=False,
    toolset="chats",
    confirmation=Confirmation(SendMessageInput.question),
)

UPDATE_CHAT = ToolSpec(
    name="update_chat",
    title=Words(pt="Atualizar chat", en="Update chat"),
    description=Words(
        pt="Transfere um chat ativo ou o vincula a um ticket.",
        en="Transfers an active chat or links it to a ticket.",
    ),
    input_model=UpdateChatInput,
    output_model=UpdateChatOutput,
    use_case=UseCases.update_chat,
    run=UpdateChatInput.run,
    present=present_chat_updated,
    read_only=False,
    idempotent=True,
    toolset="chats",
)

CONVERSATION_TOOLS: tuple[ToolSpec[Any, Any, Any], ...] = (
    LIST_CHAT_MESSAGES,
    UPDATE_CHAT,
    LIST_GUPSHUP_TEMPLATES,
    LIST_WHATSAPP_CLOUD_TEMPLATES,
    SEND_MESSAGE,
    ARCHIVE_CHAT,
)
