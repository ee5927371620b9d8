"""Chats that act: read a chat's transcript, end a chat, list the templates a message can use."""

from __future__ import annotations

from dataclasses import dataclass

from application.ports.conversations import ConversationsPort
from domain.conversations import (
    ChatArchived,
    ChatMessage,
    MessageSent,
    MessageTemplate,
    OutgoingMessage,
    TemplateChannel,
)
from domain.ids import ChatId
from domain.paging import Page, PageRequest


@dataclass(frozen=True)
class ChatMessages:
    """A page of one chat's transcript."""

    chat_id: ChatId
    page: Page[ChatMessage]


@dataclass(frozen=True)
class ListChatMessages:
    """One page of what was said in a chat, oldest first."""

    conversations: ConversationsPort

    async def __call__(self, chat_id: ChatId, page: PageRequest) -> ChatMessages:
        return ChatMessages(chat_id, await self.conversations.messages(chat_id, page))


@dataclass(frozen=True)
class SendMessage:
    """Send a WhatsApp message (text or template) to a customer, once."""

    conversations: ConversationsPort

    async def __call__(self, message: OutgoingMessage) -> MessageSent:
        await self.conversations.send(message)
        return MessageSent(message)


@dataclass(frozen=True)
class ArchiveChat:
    """End a conversation: the chat leaves the queues for the archive."""

    conversations: ConversationsPort

    async def __call__(self, chat_id: ChatId, catalog_item_id: int | None = None) -> ChatArchived:
        await self.conversations.archive(chat_id, catalog_item_id)
        return ChatArchived(chat_id, catalog_item_id)


@dataclass(frozen=True)
class TemplatePage:
    """A page of one channel's templates, with the filters asked of TiFlux."""

    channel: TemplateChannel
    integration_id: int | None
    status: str | None
    page: Page[MessageTemplate]


@dataclass(frozen=True)
class ListTemplates:
    """One page of the WhatsApp templates of a channel (Gupshup or WhatsApp Cloud)."""

    conversations: ConversationsPort

    async def __call__(
        self,
        channel: TemplateChannel,
        page: PageRequest,
        *,
        integration_id: int | None = None,
        status: str | None = None,
    ) -> TemplatePage:
        found = await self.conversations.templates(
            channel, page, integration_id=integration_id, status=status
        )
        return TemplatePage(channel, integration_id, status, found)
