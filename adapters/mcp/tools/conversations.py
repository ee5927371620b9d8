"""Chats that act: a chat's transcript, archiving (ending) a chat, and the WhatsApp templates."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from adapters.i18n.words import Words
from adapters.mcp.fields import PositiveId
from adapters.mcp.outputs.conversations import (
    ArchiveChatOutput,
    ListChatMessagesOutput,
    ListTemplatesOutput,
)
from adapters.mcp.spec import Asking, Confirmation, PagedInput, ToolInput, ToolSpec
from adapters.presenters.markdown.conversations import (
    present_chat_archived,
    present_chat_messages,
    present_templates,
)
from adapters.presenters.markdown.text import inline
from adapters.use_cases import UseCases
from application.ports.failures import UpstreamFailure
from application.use_cases.conversations import (
    ArchiveChat,
    ChatMessages,
    ListChatMessages,
    ListTemplates,
    TemplatePage,
)
from domain.conversations import ChatArchived, TemplateChannel
from domain.errors import DomainError
from domain.ids import ChatId

__all__ = [
    "ARCHIVE_CHAT",
    "CONVERSATION_TOOLS",
    "LIST_CHAT_MESSAGES",
    "LIST_GUPSHUP_TEMPLATES",
    "LIST_WHATSAPP_CLOUD_TEMPLATES",
]

CHAT_ID = Words(pt="ID do chat (list_*_chats).", en="Chat ID (list_*_chats).")
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
        Words(
            pt="Item de catálogo que classifica o chat (se a organização exigir).",
            en="Catalog item classifying the chat (if the organisation requires it).",
        ),
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
        pt="Lê a conversa de um chat, da mais antiga à mais nova (autor, hora, texto ou anexo, entrega). "
        "Resumo do chat: get_chat.",
        en="Reads a chat's conversation, oldest first (author, time, text or attachment, delivery). "
        "The chat's summary: get_chat.",
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
        pt="Encerra a conversa de um chat, movendo-o para os arquivados. Pede confirmação ao usuário.",
        en="Ends a chat's conversation, moving it to the archived chats. Asks the user to confirm.",
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
        pt='Lista os templates de WhatsApp da Gupshup, com IDs. Exige a permissão "Gerenciar Modelos".',
        en='Lists the Gupshup WhatsApp templates, with IDs. Needs the "Gerenciar Modelos" permission.',
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
        pt='Lista os templates do WhatsApp Cloud (Meta), com IDs. Exige a permissão "Gerenciar Modelos".',
        en='Lists the WhatsApp Cloud (Meta) templates, with IDs. Needs the "Gerenciar Modelos" permission.',
    ),
    input_model=WhatsAppCloudTemplatesInput,
    output_model=ListTemplatesOutput,
    use_case=UseCases.list_templates,
    run=WhatsAppCloudTemplatesInput.run,
    present=present_templates,
    read_only=True,
    toolset="chats",
)

CONVERSATION_TOOLS: tuple[ToolSpec[Any, Any, Any], ...] = (
    LIST_CHAT_MESSAGES,
    LIST_GUPSHUP_TEMPLATES,
    LIST_WHATSAPP_CLOUD_TEMPLATES,
    ARCHIVE_CHAT,
)
