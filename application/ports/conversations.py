"""Chats that act: the transcript of a chat, archiving it, and the WhatsApp message templates."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from domain.conversations import ChatChange, ChatMessage, MessageTemplate, OutgoingMessage, TemplateChannel
from domain.ids import ChatId
from domain.paging import Page, PageRequest


class ConversationsPort(Protocol):
    """What is said in chats, ending them, and the templates messages can be sent with."""

    async def messages(self, chat_id: ChatId, page: PageRequest) -> Page[ChatMessage]:
        """One page of a chat's messages, oldest first; NotFound if the chat is absent."""
        ...

    async def send(self, message: OutgoingMessage) -> None:
        """Send a WhatsApp message once (never re-sent: a lost answer is an unknown outcome)."""
        ...

    async def update(self, chat_id: ChatId, change: ChatChange) -> datetime | None:
        """Transfer or link an active chat, once; its `updated_at` when TiFlux says it. NotFound if absent."""
        ...

    async def archive(self, chat_id: ChatId, catalog_item_id: int | None) -> None:
        """End (archive) a chat, once, classified by a catalog item when given; NotFound if absent."""
        ...

    async def templates(
        self, channel: TemplateChannel, page: PageRequest, *, integration_id: int | None, status: str | None
    ) -> Page[MessageTemplate]:
        """One page of a channel's templates (PermissionDenied without "Gerenciar Modelos")."""
        ...
